"""Quantities: numbers with their units or currencies, normalised to plain values.

Private helper of the ``claims`` analyzer. :func:`find_quantities` finds a numeric core
(digits "3,000" / "4.5", number words "two million", fractions "two-thirds", "a dozen",
vague magnitudes "dozens of") and extends it leftwards over a currency sign ("$", "€",
"US$", "GBP ") and a qualifier ("about", "more than", "nearly"), rightwards over a scale
("million", "bn", "m" after a currency sign) and a unit: percent, a currency word, a
measure ("km", "tonnes", "°C") or, from the parse, the counted noun ("62 people").

Labels: ``money`` (a currency), ``percent`` (``%`` or percentage points), ``measure``
(a physical unit), ``count`` (a counted noun), ``age`` ("62-year-old", "aged 62", a whole
number between commas after a person: "the minister, 54, said"), ``other`` (a bare number,
a fraction). Values are floats: "$4.5 million" -> 4500000.0 USD, "two-thirds" -> 0.6667
"fraction", "dozens" -> 24.0 with qualifier ``at_least``.

Qualifiers: ``about`` ("about", "around", "roughly", "some", "an estimated"),
``at_least`` ("more than", "over", "at least", "upwards of") and ``at_most`` ("nearly",
"almost", "up to", "less than", "under", "as many as"); any qualifier, and the vague
magnitudes, make ``approximate`` true.

Years ("2019"), ordinals ("21st"), numbers glued to letters ("5G", "COVID-19"), numbers
inside names ("Route 66" when spaCy tags it as a facility; "the 10,000 Women scheme", a
number running into a capitalised plural in running text) and anything inside a date span,
a URL or an e-mail address ("example.com/news/2024/05/12345-story") are not quantities.
Time units ("three years") are left to the date extractor.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from unspin.frames.lexicon import PEOPLE_NOUNS
from unspin.frames.quantity_context import (
    after_models,
    contrastive_one,
    counted_unit,
    joined_plural,
    legal_part,
    list_marker,
    numeral_in_name,
    plural_in_name,
    plus_after,
    short_year,
)
from unspin.frames.quantity_figures import (
    decade_something,
    figure_of_speech,
    glued_in_word,
)
from unspin.frames.quantity_heights import primed_heights, with_inches
from unspin.frames.quantity_mixed import mixed_fraction
from unspin.frames.quantity_names import named_one, recheck
from unspin.frames.quantity_neighbours import far_head, of_noun, plural_next, preposition_before
from unspin.frames.quantity_pairs import dimensions, markup_spans, tallies
from unspin.frames.quantity_patterns import (
    ADJECTIVE_AGE,
    AGE,
    AGED,
    BETWEEN,
    BETWEEN_AND,
    CORE,
    CURRENCY_PREFIX,
    CURRENCY_SIGNS,
    DENOMS,
    MEASURE_ABBR_RE,
    NAME_ENTS,
    QUALIFIER,
    QUALIFIER_KIND,
    RANGE_AFTER,
    SCALE_AFTER,
    SCALES_W,
    SKIP_BEFORE,
    TENS_W,
    TIME_NOUNS,
    UNITS_W,
    VAGUE,
    WORD_RANGE,
    YEAR,
)
from unspin.frames.quantity_rates import in_context
from unspin.frames.quantity_refs import (
    any_one,
    bare_reference,
    generic_one,
    model_number,
    scale_adjective,
    scheme_term,
    version_number,
)
from unspin.frames.quantity_shares import open_bound, ratio_shares
from unspin.frames.quantity_sources import unnamed_sources
from unspin.frames.quantity_units import unit_after
from unspin.frames.quantity_vague import (
    glued_scale,
    half_scale,
    lone_scale,
    said_again,
    scaled_range,
    several_scale,
)
from unspin.frames.spans import SpanIndex, notice_spans, reference_spans, web_spans
from unspin.lexicon import TITLE_WORDS, VERBS
from unspin.nlp import Parsed, Token

#: Scale words that may follow "-plus" ("$20-plus trillion"; "20-plus m" is no scale).
_SCALE_WORDS = frozenset(("thousand", "million", "billion", "trillion"))
#: Figures from this size up are not quantities (a digit string, not a count or amount).
_TOO_LARGE = 1e18

__all__ = ["QuantityMatch", "find_quantities", "words_to_number"]


@dataclass(frozen=True)
class QuantityMatch:
    """One quantity found in a text."""

    start: int
    end: int
    label: str  # "money" | "percent" | "count" | "measure" | "age" | "other"
    value: float
    unit: str | None
    approximate: bool
    qualifier: str | None
    rule: str
    score: float
    value_max: float | None = None


def words_to_number(words: str) -> float | None:
    """``"two million"`` -> 2000000.0; ``"one hundred and twenty"`` -> 120.0; else None."""
    parts = [p for p in re.split(r"[\s-]+", words.lower()) if p and p != "and"]
    if not parts:
        return None
    total = 0.0
    current = 0.0
    seen = False
    for p in parts:
        if p in ("a", "an"):
            current = max(current, 1.0)
        elif p in UNITS_W:
            current += UNITS_W[p]
        elif p in TENS_W:
            current += TENS_W[p]
        elif p == "hundred":
            current = max(current, 1.0) * 100
        elif p in ("thousand", "million", "billion", "trillion"):
            total += max(current, 1.0) * SCALES_W[p]
            current = 0.0
        else:
            return None
        seen = True
    return total + current if seen else None


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _apposed_age(text: str, parsed: Parsed, start: int, end: int, value: float) -> bool:
    """A whole number between commas right after a person: "Alma Reyes, 62, said", "the
    prime minister, 54, said", "a miner, 34, was hurt" (a name, a title or a noun of
    people, or a noun the parser hangs the number on as an apposition)."""
    if text[max(0, start - 2) : start] + text[end : end + 1] != ", ,":
        return False
    if not (0 < value < 130 and value == int(value)):
        return False
    k, n = parsed.token_at(start - 3), parsed.token_at(start)
    if k is None or n is None:
        return False
    head, num = parsed.tokens[k], parsed.tokens[n]
    if head.ent_type == "PERSON":
        return True
    lemma = head.lemma.lower()
    if head.pos == "NOUN" and (lemma in TITLE_WORDS or lemma in PEOPLE_NOUNS):
        return True
    if num.dep != "appos" or num.head != head.i:
        return False
    # a name the tagger missed counts when it reads the number as an age (a DATE)
    return head.pos == "NOUN" or (head.pos == "PROPN" and num.ent_type == "DATE")


#: The other day of a range next to a date that ends or starts with its day: "Aug. 25-26",
#: "June 3 to 5", "12-14 May", "3 and 4 June".
_DAY_AFTER = re.compile(r"[ \t]*(?:[-–]|to|and|or|through)[ \t]*\d{1,2}(?:st|nd|rd|th)?\b")
_DAY_BEFORE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?[ \t]*(?:[-–]|to|and|or)[ \t]*\Z")
_DAY_LAST = re.compile(r"(?<![\d,])\d{1,2}(?:st|nd|rd|th)?\Z")
_DAY_FIRST = re.compile(r"\d{1,2}(?:st|nd|rd|th)?(?!\w)")


def day_ranges(text: str, dates: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The other days of day ranges around ``dates`` (a day number, never a quantity)."""
    out = []
    for start, end in dates:
        if _DAY_LAST.search(text, start, end) and (m := _DAY_AFTER.match(text, end)):
            out.append((end, m.end()))
        if _DAY_FIRST.match(text, start, end) and (
            m := _DAY_BEFORE.search(text, max(0, start - 16), start)
        ):
            out.append((m.start(), start))
    return out


def _no_figures(text: str) -> list[tuple[int, int]]:
    """Where no quantity is read: web addresses, chapter-and-verse references and
    copyright notices ("(c) 2015 Ledger Media")."""
    return [*web_spans(text), *reference_spans(text), *notice_spans(text)]


class _QuantityScanner:
    def __init__(self, text: str, parsed: Parsed, exclude: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.parsed = parsed
        self.exclude = SpanIndex([*exclude, *day_ranges(text, exclude), *_no_figures(text)])

    def _excluded(self, start: int, end: int) -> bool:
        return self.exclude.overlaps(start, end)

    def _token(self, char: int) -> Token | None:
        k = self.parsed.token_at(char)
        return self.parsed.tokens[k] if k is not None else None

    def scan(self) -> list[QuantityMatch]:
        out: list[QuantityMatch] = []
        pos = 0
        while True:
            m = CORE.search(self.text, pos)
            if m is None:
                return out
            q = self._build(m)
            if q is None or self._excluded(q.start, q.end) or (out and q.start < out[-1].end):
                # retry just after the first word of a failed core: "million and two-thirds"
                # must not hide "two-thirds"
                first_word = re.match(r"[\w.,]+", self.text[m.start() :])
                pos = m.start() + (len(first_word.group()) if first_word else 1)
                continue
            out.append(q)
            pos = q.end

    def _build(self, m: re.Match[str]) -> QuantityMatch | None:
        text = self.text
        kind = m.lastgroup or ""
        core = m.group()
        start, end = m.start(), m.end()
        value: float | None
        approximate = False
        qualifier: str | None = None
        unit: str | None = None
        label = "other"
        score = 0.5
        value_max: float | None = None
        rule = f"quantity.{kind}"
        if figure_of_speech(text, start, end):
            return None  # "settling scores", "worth a thousand words": no count

        if kind == "digits":
            glued = start > 1 and text[start - 1] == "-" and text[start - 2].isalpha()
            if glued and text[max(0, start - 4) : start].lower() != "mid-":
                return None  # "COVID-19", "F-16" (not "in her mid-30s")
            if re.match(r"-[A-Za-z](?![a-z])", text[end : end + 3]):
                return None  # "3-D", "2-D printer": a name, not an amount
            if SKIP_BEFORE.search(text[max(0, start - 10) : start]) or version_number(text, start):
                return None  # "No. 5"; "version 2 users", "zOS 8 backups": a version's number
            if short_year(text, start, end) or list_marker(text, start, end):
                return None  # "Jo Lin, MA '21,", "the officer—(1) may ..."
            if glued_in_word(text, start):
                return None  # a broken encoding's debris inside a name
            if re.match(r"[:/]\d|\.\d", text[end : end + 2]):
                return None  # times and numeric dates are not quantities
            value = _number(core)
            if core.isdigit() and (mixed := mixed_fraction(text, end)):
                value, end = value + mixed[0], mixed[1]  # "4 1/2", "3½-year-old"
        elif kind == "words":
            tok = self._token(start)
            percent_after = re.match(r"\s+(?:per\s?cent|percent)\b", text[end : end + 12], re.I)
            if tok is None or (
                tok.tag != "CD" and tok.lower not in ("a", "an") and not percent_after
            ):
                return None  # "one of them", "no one": not a number ("Sixty percent" is)
            if (
                numeral_in_name(self.parsed, start, end)
                or scale_adjective(text, start, end)
                or lone_scale(text, start, core)  # "Break one, thousand will rise"
                or (
                    core.lower() == "one"
                    and (any_one(text, start) or contrastive_one(self.parsed, text, start, end))
                )
            ):
                return None  # "the Cobalt One deal"; "million dollar deals"; "any one"
            value = words_to_number(core)
            if value is not None and (several := several_scale(text, start, core, value)):
                start, value = several  # "several hundred dollars": at least 200
                approximate, qualifier, score, kind = True, "at_least", 0.7, "vague"
            elif value is not None and (half := half_scale(text, start, core, words_to_number)):
                start, value = half  # "three-and-a-half thousand doctors": 3,500
        elif kind == "frac":
            num_word, den = re.split(r"[\s-]+", core.lower())
            num = 1 if num_word in ("a", "one") else UNITS_W[num_word]
            if (
                num_word == "a"
                and not re.match(r"\s+of\b", text[end : end + 4])
                and not re.search(r"\bby\s+$", text[max(0, start - 4) : start])
            ):
                return None  # "a third" alone is usually an ordinal ("a third term")
            if den in ("half", "halves") and num_word != "one":
                return None  # "a half", "two halves": not a share of anything
            value = round(num / DENOMS[den], 4)
            unit, label, score = "fraction", "other", 0.8
        elif kind == "halfof":
            value, unit, label, score = 0.5, "fraction", "other", 0.7
        elif kind == "half":
            scale = core.lower().split()[-1]
            value = 0.5 * (12.0 if scale == "dozen" else SCALES_W[scale])
        elif kind == "dozen":
            value = 12.0
        elif kind == "vague":
            value = VAGUE[" ".join(core.lower().split())]
            approximate, qualifier, score = True, "at_least", 0.7
            end = said_again(text, core, end)  # "dozens upon dozens": one magnitude
        else:  # pragma: no cover - every group is handled above
            return None
        if value is None:
            return None

        # -- leftwards: currency sign, then qualifier ------------------------------------
        currency: str | None = None
        cm = CURRENCY_PREFIX.search(text[max(0, start - 6) : start])
        if cm and kind in ("digits", "words", "half", "dozen"):
            sign = cm["cur"].strip()
            currency = CURRENCY_SIGNS.get(sign.upper(), sign.upper())
            start -= len(cm.group())
        qm = QUALIFIER.search(text[max(0, start - 24) : start])
        if qm and kind != "vague" and not preposition_before(self.parsed, start - len(qm.group())):
            q = " ".join(qm["q"].lower().split())
            qualifier = QUALIFIER_KIND.get(q, "at_least")
            approximate = True
            start -= len(qm.group())
            if q == "some" and ADJECTIVE_AGE.match(text, end):
                # "some 17-year-old girls": "some" picks the girls, no approximation
                qualifier, approximate, start = None, False, start + len(qm.group())

        # -- rightwards: range, scale, unit ----------------------------------------------
        if kind == "digits":
            rm = RANGE_AFTER.match(text, end)
            if rm is None and BETWEEN.search(text, max(0, start - 22), start):
                rm = BETWEEN_AND.match(text, end)  # "between 1,200 and 1,400 calls"
            if rm and not re.match(r"[:/]\d", text[rm.end() : rm.end() + 2]):
                hi = _number(rm["max"])
                if hi > value:  # an alternative, "2 or 3", is approximate
                    value_max, end, approximate = hi, rm.end(), approximate or bool(rm["alt"])
            if (decade := decade_something(text, end, value, start)) is not None:
                value_max, end, approximate, qualifier = value + 9, decade, True, "about"
                label, unit, score = "age", "years_old", 0.8  # "40-something": the forties
            sm = SCALE_AFTER.match(text, end)
            if sm:
                sc = sm["scale"].lower()
                glued = not sm["sp"]
                if sc in ("m", "k", "b", "mm") and not (currency and glued):
                    # "5m" without a currency sign is five metres; "3.1M units" millions
                    scaled = glued and glued_scale(self.parsed, core, start, sm["scale"], sm.end())
                    sm = sm if scaled else None
                elif sc in ("mn", "bn", "tn", "mln", "bln") and not glued and not currency:
                    sm = None
            if sm:
                factor = SCALES_W[sm["scale"].lower()]
                value *= factor
                if value_max is not None:
                    value_max *= factor
                end = sm.end()
            elif end < len(text) and text[end].isalpha() and not MEASURE_ABBR_RE.match(text, end):
                return None  # "21st", "5G", "3D"
        elif kind == "words" and not re.search(r"\bfrom\s+$", text[max(0, start - 6) : start]):
            wm = WORD_RANGE.match(text, end)  # "two to three years old" ("from two to": a change)
            top = words_to_number(wm["max"]) if wm else None
            if wm and top is not None and top > value:  # "two or three": approximate
                value_max, end, approximate = top, wm.end(), approximate or bool(wm["alt"])
            elif ranged := scaled_range(text, m.group(), end, value, words_to_number):
                value, value_max, end = ranged  # "five to six million units"
        plus_end, plus_noun = (
            plus_after(self.parsed, text, end, currency is not None)
            if kind in ("digits", "words") and qualifier is None
            else (end, None)
        )
        if plus_end > end:  # "4,000 plus", "two-million-plus"
            bare, (qualifier, approximate, end) = end == m.end(), ("at_least", True, plus_end)
            big = SCALE_AFTER.match(text, end) if kind == "digits" and bare else None
            if big and big["sp"] and big["scale"].lower() in _SCALE_WORDS:  # "$20-plus trillion"
                value, end = value * SCALES_W[big["scale"].lower()], big.end()
            if plus_noun is not None and not currency:
                if plus_noun.lemma.lower() in TIME_NOUNS:
                    return None  # "20-plus years": a duration, left to the dates
                unit, label, score, end = counted_unit(plus_noun), "count", 0.85, plus_noun.end
        if currency:
            label, unit, score = "money", currency, 0.95
        elif label != "count":
            label, unit, score, end = unit_after(text, end, label, unit, score)
        if label == "other" and unit is None:
            age = AGE.match(text, end)
            if age:
                label, unit, score, end = "age", "years_old", 0.8, age.end()
            elif (
                AGED.search(text, max(0, start - 28), start) and not plural_next(self.parsed, end)
            ) or (kind == "digits" and _apposed_age(text, self.parsed, start, end, value)):
                label, unit, score = "age", "years_old", 0.8  # "aged 66", "Ann Roe, 62,"
        if unit is None and label == "other" and kind in ("vague", "dozen", "half"):
            label, unit, score, end = of_noun(text, self.parsed, end, label, score)
        if unit is None and label == "other" and plural_in_name(self.parsed, m.start(), end):
            return None  # "the 10,000 Women programme": a name, no count of women
        if unit is None and kind == "digits" and legal_part(text, m.start(), m.end()):
            return None  # "Title 8 of the Code": a part of a legal text, no amount
        if unit is None and label == "other":
            noun_end, noun = self._counted_noun(
                m.end() if kind != "digits" and value_max is None else end
            )
            if noun == "__time__":
                return None  # "three years": a duration, left to the date extractor
            if (
                noun
                and _singular_after(self.parsed, text, noun_end)
                and (
                    value == 0
                    or (kind == "digits" and self._name_number(core, m.start()))
                    or (value > 1 and named_one(text, self.parsed, m.start(), m.end(), noun_end))
                )
            ):
                return None  # "zero tolerance", "the 2015 appointment", "a 911 call"
            if noun:
                label, unit, score, end = "count", noun, 0.85, noun_end
        if kind == "words" and value == 1 and generic_one(text, m.start(), unit, self.parsed):
            return None  # "at one point", "one thing", "in this one case": no count
        if unit is not None and scheme_term(text, m.end(), end, words=kind == "words"):
            return None  # "a two-state solution", "a four-star general": a fixed term
        if label == "other" and unit is None:
            if kind == "digits" and bare_reference(text, m.start(), m.end(), end):
                return None  # "[1]", "1 – She ...", "pp. 52-53", "AL 303", 1595
            if kind == "words" and value < 10:
                return None  # "two of them": too small to matter, too often not a claim
            tok = self._token(m.start())
            if tok is not None and (
                tok.ent_type in NAME_ENTS or (kind == "digits" and model_number(self.parsed, tok))
            ):
                return None  # a number inside a name ("Route 66", "Apollo 11", "Zenphone 6")
            if kind == "dozen":
                score = 0.7
        if not all(
            math.isfinite(float(v)) and abs(float(v)) < _TOO_LARGE
            for v in (value, value_max if value_max is not None else 0)
        ):
            return None  # 300 digits: no figure any claim states; not storable as a number
        return QuantityMatch(
            start, end, label, float(value), unit, approximate, qualifier, rule, score,
            float(value_max) if value_max is not None else None,
        )  # fmt: skip

    def _name_number(self, core: str, start: int) -> bool:
        tok = self._token(start)  # a year, or a number after a name ("the Marlo 9 movement")
        return bool(YEAR.fullmatch(core)) or (tok is not None and model_number(self.parsed, tok))

    def _counted_noun(self, end: int) -> tuple[int, str | None]:
        """The noun a number counts ("62 people", "3,000 armed soldiers"), from the parse."""
        parsed = self.parsed
        k = parsed.token_at(end - 1)
        if k is None:
            return end, None
        num = parsed.tokens[k]
        toks = parsed.tokens
        nxt, adj = (toks[k + 1], toks[k + 2]) if k + 2 < len(toks) else (num, num)
        said = nxt.lower in VERBS and adj.pos not in ("NOUN", "PROPN")  # "the two write."
        said = said and k > 0 and toks[k - 1].lower in ("the", "these", "those", "all")
        if (
            nxt.tag == "NN"
            and (adj.tag == "JJ" or said)
            and nxt.dep != "compound"
            and num.lower != "one"
        ):
            return end, None  # "the two post separate photos": a verb tagged a noun, no count
        candidates: list[Token] = []
        if num.head != num.i and 0 < num.head - num.i <= 3:
            candidates.append(toks[num.head])
        elif far_head(parsed, num):
            # "26 weapon manufacturing and storage facilities", "a dozen Dutch and
            # Belgian bases": the plural the number modifies, past nouns and "and"
            candidates.append(toks[num.head])
        if k + 1 < len(toks):
            candidates.append(toks[k + 1])
        for t in candidates:
            if not t.text.replace("-", "").isalpha() or t.lower in ("total", "overall"):
                continue  # "of 54 total": in all, no noun counted
            if t.pos != "NOUN" and not (t.pos == "PROPN" and t.ent_type == "NORP"):
                continue
            between = toks[k + 1 : t.i]
            if t.i - k <= 3 and any(  # a far head passed far_head's test
                b.pos in ("PUNCT", "VERB", "ADP", "CCONJ", "DET")
                and b.tag != "HYPH"
                and not (b.pos == "VERB" and b.dep == "amod")  # "85 scheduled flights"
                for b in between
            ):
                continue
            head = toks[t.head]
            if t.dep == "compound" and head.tag == "NNS" and 0 < head.i - t.i <= 2:
                t = head  # "8 menu items" counts items ("an eight-page letter" pages)
            if t.lemma.lower() in TIME_NOUNS:
                return end, "__time__"
            unit = counted_unit(t)
            both = joined_plural(parsed, t)  # "121 adults and children": both counted
            return (both.end, f"{unit} and {counted_unit(both)}") if both else (t.end, unit)
        return after_models(self.parsed, k, end)


def _singular_after(parsed: Parsed, text: str, noun_end: int) -> bool:
    """Whether the counted noun ending at ``noun_end`` is singular and not joined to the
    number by a hyphen ("eight-page letter" counts pages; "2015 appointment" does not)."""
    k = parsed.token_at(noun_end - 1)
    if k is None:
        return False
    t = parsed.tokens[k]
    return t.tag == "NN" and "-" not in text[max(0, t.start - 2) : t.start]


def pairs(text: str, dates: SpanIndex) -> list[QuantityMatch]:
    """Tallies and dimensions (:mod:`unspin.frames.quantity_pairs`) outside ``dates``."""
    out = [QuantityMatch(a, b, "count", x, "tally", False, None, "quantity.tally", s, y)
           for a, b, x, y, s in tallies(text) if not dates.overlaps(a, b)]  # fmt: skip
    return out + [QuantityMatch(a, b, "measure", x, u, False, None, "quantity.dimension", 0.9)
                  for a, b, x, u in dimensions(text) if not dates.overlaps(a, b)]  # fmt: skip


def find_quantities(
    text: str, parsed: Parsed, exclude: Sequence[tuple[int, int]] = ()
) -> list[QuantityMatch]:
    """Every quantity in ``text`` outside the ``exclude`` spans (dates) and web addresses,
    in text order."""
    dates = SpanIndex(exclude)
    shares = [QuantityMatch(a, b, "other", v, "fraction", q is not None, q, "quantity.ratio", 0.8)
              for a, b, v, q in ratio_shares(text) if not dates.overlaps(a, b)]  # fmt: skip
    shares += pairs(text, dates)  # "voted 7-2", "a 9-by-12-inch flyer"
    shares += [QuantityMatch(a, b, "measure", v, "ft", False, None, "quantity.height", 0.9)
               for a, b, v in primed_heights(text) if not dates.overlaps(a, b)]  # fmt: skip
    spans = [*exclude, *markup_spans(text), *((s.start, s.end) for s in shares)]
    found = with_inches(text, parsed, _QuantityScanner(text, parsed, spans).scan())
    found = [open_bound(text, in_context(text, q)) for q in found]
    found = [r for q in found if (r := recheck(text, parsed, q)) is not None]
    found = [q for q in found if not unnamed_sources(parsed, q)]  # "two people familiar"
    return sorted([*shares, *found], key=lambda q: q.start)
