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
inside names ("Route 66" when spaCy tags it as a facility) and anything inside a date span,
a URL or an e-mail address ("example.com/news/2024/05/12345-story") are not quantities.
Time units ("three years") are left to the date extractor.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from unspin.frames.lexicon import PEOPLE_NOUNS
from unspin.frames.spans import SpanIndex, reference_spans, web_spans
from unspin.lexicon import TITLE_WORDS
from unspin.nlp import Parsed, Token

#: Figures from this size up are not quantities (a digit string, not a count or amount).
_TOO_LARGE = 1e18

__all__ = ["QuantityMatch", "find_quantities", "words_to_number"]


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one string (easier to read and extend than a list literal)."""
    return tuple(text.split())


_UNITS_W = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS_W = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALES_W = {
    "hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "mn": 1e6, "bn": 1e9, "tn": 1e12, "m": 1e6, "k": 1e3, "b": 1e9,
}  # fmt: skip
_DENOMS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
}  # fmt: skip
#: Vague magnitudes: the value given is the smallest the word allows ("dozens" >= 24).
_VAGUE = {
    "dozens": 24.0, "scores": 40.0, "hundreds": 200.0, "thousands": 2000.0,
    "tens of thousands": 20000.0, "hundreds of thousands": 200000.0, "millions": 2e6,
    "billions": 2e9,
}  # fmt: skip

_UNIT_WORDS = "|".join(sorted(_UNITS_W, key=len, reverse=True))
_TENS_WORDS = "|".join(_TENS_W)
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_SCALE_WORDS = "hundred|thousand|million|billion|trillion"
_WORD = rf"(?:(?:{_TENS_WORDS})(?:-(?:{_ONES}))?|{_UNIT_WORDS}|{_SCALE_WORDS})"
_AND = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+"
_WORDS = rf"(?:(?:an?|one)\s+(?=(?:{_SCALE_WORDS})\b))?{_WORD}(?:(?:{_AND}|[\s-]+){_WORD})*"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_DIGITS_START = r"(?<![\w.,:/])"
_FRAC_NUM = rf"a|one|{_ONES}"
_FRAC_DEN = "|".join(sorted(_DENOMS, key=len, reverse=True))

_CORE = re.compile(
    rf"""
    (?P<frac>\b(?:{_FRAC_NUM})[\s-](?:{_FRAC_DEN})\b)
  | (?P<halfof>\bhalf(?=\s+(?:of|the)\b))
  | (?P<half>\bhalf\s+an?\s+(?:million|billion|trillion|thousand|dozen)\b)
  | (?P<dozen>\b(?:an?|one)\s+dozen\b)
  | (?P<vague>\b(?:tens\s+of\s+thousands|hundreds\s+of\s+thousands|dozens|scores|hundreds
                 |thousands|millions|billions)\b(?=\s+(?:of\b|more\b|[a-z])))
  | (?P<digits>{_DIGITS_START}(?:{_DIGITS}))
  | (?P<words>\b{_WORDS}\b)
    """,
    re.I | re.X,
)

_CURRENCY_PREFIX = re.compile(
    r"(?P<cur>(?:US\$|U\.S\.\$|A\$|AU\$|C\$|CA\$|NZ\$|HK\$|S\$|R\$|\$|€|£|¥|₹|₽|₩|₺|₦"
    r"|USD|EUR|GBP|JPY|CNY|INR|RUB|CHF|CAD|AUD|Rs\.?)\s?)$"
)
_CURRENCY_SIGNS = {
    "US$": "USD", "U.S.$": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD",
    "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL", "€": "EUR",
    "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₦": "NGN",
    "RS": "INR", "RS.": "INR",
}  # fmt: skip
_QUALIFIER = re.compile(
    r"\b(?P<q>about|around|approximately|roughly|some|an\s+estimated|estimated|circa|"
    r"nearly|almost|close\s+to|just\s+under|under|less\s+than|fewer\s+than|up\s+to|at\s+most|"
    r"no\s+more\s+than|as\s+many\s+as|as\s+much\s+as|more\s+than|over|at\s+least|upwards\s+of|"
    r"in\s+excess\s+of|just\s+over|well\s+over|no\s+fewer\s+than|no\s+less\s+than|exceeding)"
    r"\s+$",
    re.I,
)
#: Qualifier words that can also be prepositions ("worried about two ...").
_PREPOSITIONS = frozenset({"about", "around", "over", "under", "some"})
_QUALIFIER_KIND = {
    "about": "about", "around": "about", "approximately": "about", "roughly": "about",
    "some": "about", "an estimated": "about", "estimated": "about", "circa": "about",
    "nearly": "at_most", "almost": "at_most", "close to": "at_most", "just under": "at_most",
    "under": "at_most", "less than": "at_most", "fewer than": "at_most", "up to": "at_most",
    "at most": "at_most", "no more than": "at_most", "as many as": "at_most",
    "as much as": "at_most",
}  # fmt: skip  # everything else: at_least
_SCALE_AFTER = re.compile(
    r"(?P<sp>\s*)(?P<scale>hundred|thousand|million|billion|trillion|mn|bn|tn|m|k|b)\b", re.I
)
_RANGE_AFTER = re.compile(rf"\s*(?:-|–|—|\bto\b)\s*(?P<max>{_DIGITS})(?![\w,.]\d)", re.I)
_PERCENT = re.compile(
    r"(?P<u>\s?%|\s+percent\b|\s+per\s+cent\b|\s+percentage\s+points?\b|\s+points?\b)", re.I
)
_CURRENCY_WORD = re.compile(
    r"\s+(?P<u>(?:US\s+|U\.S\.\s+)?dollars|euros?|pounds\s+sterling|sterling|yen|yuan|renminbi|"
    r"rupees|roubles|rubles|swiss\s+francs|francs|pesos|reais|rand|naira|lira|won|"
    r"USD|EUR|GBP|JPY|CNY|INR|RUB|CHF|CAD|AUD)\b"
)
_CURRENCY_WORD_CODES = {
    "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD", "euro": "EUR",
    "euros": "EUR", "pounds sterling": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "rupees": "INR", "roubles": "RUB", "rubles": "RUB",
    "swiss francs": "CHF", "francs": "franc", "pesos": "peso", "reais": "BRL",
    "rand": "ZAR", "naira": "NGN", "lira": "TRY", "won": "KRW",
}  # fmt: skip
#: Measure units: written form -> canonical unit. Abbreviations are case-sensitive and
#: may follow the number without a space ("5km"); words need a space.
_MEASURE_ABBR = {
    "km": "km", "m": "m", "cm": "cm", "mm": "mm", "ft": "ft", "kg": "kg", "lb": "lb",
    "lbs": "lb", "mph": "mph", "km/h": "km/h", "kph": "km/h", "°C": "°C", "°F": "°F",
    "GW": "GW", "MW": "MW", "kW": "kW", "kWh": "kWh", "MWh": "MWh", "GWh": "GWh",
    "TWh": "TWh", "km2": "km2", "km²": "km2", "sq km": "km2", "ha": "ha", "bpd": "bbl/d",
    "mg": "mg", "ml": "ml", "Mt": "Mt", "GB": "GB", "TB": "TB", "MB": "MB",
}  # fmt: skip
_MEASURE_WORDS = {
    "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "metres": "m", "meters": "m", "metre": "m", "meter": "m", "centimetres": "cm",
    "centimeters": "cm", "millimetres": "mm", "millimeters": "mm", "miles": "mi",
    "mile": "mi", "feet": "ft", "foot": "ft", "inches": "in", "inch": "in", "yards": "yd",
    "kilograms": "kg", "kilogrammes": "kg", "kilos": "kg", "grams": "g", "grammes": "g",
    "tonnes": "t", "tonne": "t", "tons": "t", "ton": "t", "litres": "L", "liters": "L",
    "litre": "L", "liter": "L", "gallons": "gal", "barrels": "bbl", "barrel": "bbl",
    "hectares": "ha", "acres": "acre", "square kilometres": "km2", "square kilometers": "km2",
    "square miles": "mi2", "square metres": "m2", "square meters": "m2",
    "degrees celsius": "°C", "degrees fahrenheit": "°F", "degrees": "degrees",
    "megawatts": "MW", "gigawatts": "GW", "kilowatts": "kW", "calories": "kcal",
    "pounds": "lb", "ounces": "oz", "knots": "kn",
}  # fmt: skip
_MEASURE_ABBR_RE = re.compile(
    r"(?P<sp>\s?)(?P<u>"
    + "|".join(re.escape(u) for u in sorted(_MEASURE_ABBR, key=len, reverse=True))
    + r")(?![\w²])"
)
_MEASURE_WORD_RE = re.compile(
    r"(?P<sp>\s+|-)(?P<u>"
    + "|".join(
        re.escape(u).replace(r"\ ", r"\s+") for u in sorted(_MEASURE_WORDS, key=len, reverse=True)
    )
    + r")\b",
    re.I,
)
_OF = re.compile(r"\s+of\s+(?=\w)", re.I)
_AGED = re.compile(r"\baged\s+$", re.IGNORECASE)
_YEAR = re.compile(r"1[6-9]\d\d|20\d\d")
_AGE = re.compile(r"-year-old\b|\s+years?\s+old\b", re.I)
_TIME_NOUNS = frozenset(
    _words("second minute hour day week fortnight month year decade century night morning weekend")
)
_SKIP_BEFORE = re.compile(
    r"(?:\bNo\.?|#|\bnumber|\bpage|\bp\.|\bRoute|\bchapter|\bsection)\s*$", re.I
)
_NAME_ENTS = frozenset(("PERSON", "ORG", "FAC", "PRODUCT", "LAW", "WORK_OF_ART", "EVENT"))


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
        elif p in _UNITS_W:
            current += _UNITS_W[p]
        elif p in _TENS_W:
            current += _TENS_W[p]
        elif p == "hundred":
            current = max(current, 1.0) * 100
        elif p in ("thousand", "million", "billion", "trillion"):
            total += max(current, 1.0) * _SCALES_W[p]
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


class _QuantityScanner:
    def __init__(self, text: str, parsed: Parsed, exclude: Sequence[tuple[int, int]]) -> None:
        self.text = text
        self.parsed = parsed
        self.exclude = SpanIndex(
            [*exclude, *day_ranges(text, exclude), *web_spans(text), *reference_spans(text)]
        )

    def _excluded(self, start: int, end: int) -> bool:
        return self.exclude.overlaps(start, end)

    def _token(self, char: int) -> Token | None:
        k = self.parsed.token_at(char)
        return self.parsed.tokens[k] if k is not None else None

    def _preposition(self, char: int) -> bool:
        """The word at ``char`` heads a prepositional phrase ("curious about two agents",
        "ruled over two seats"): no qualifier of the number."""
        t = self._token(char)
        return t is not None and t.dep == "prep" and t.lower in _PREPOSITIONS

    def scan(self) -> list[QuantityMatch]:
        out: list[QuantityMatch] = []
        pos = 0
        while True:
            m = _CORE.search(self.text, pos)
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

        if kind == "digits":
            if start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
                return None  # "COVID-19", "F-16"
            if re.match(r"-[A-Za-z](?![a-z])", text[end : end + 3]):
                return None  # "3-D", "2-D printer": a name, not an amount
            if _SKIP_BEFORE.search(text[max(0, start - 10) : start]):
                return None
            if re.match(r"[:/]\d|\.\d", text[end : end + 2]):
                return None  # times and numeric dates are not quantities
            value = _number(core)
        elif kind == "words":
            tok = self._token(start)
            percent_after = re.match(r"\s+(?:per\s?cent|percent)\b", text[end : end + 12], re.I)
            if tok is None or (
                tok.tag != "CD" and tok.lower not in ("a", "an") and not percent_after
            ):
                return None  # "one of them", "no one": not a number ("Sixty percent" is)
            value = words_to_number(core)
        elif kind == "frac":
            num_word, den = re.split(r"[\s-]+", core.lower())
            num = 1 if num_word in ("a", "one") else _UNITS_W[num_word]
            if (
                num_word == "a"
                and not re.match(r"\s+of\b", text[end : end + 4])
                and not re.search(r"\bby\s+$", text[max(0, start - 4) : start])
            ):
                return None  # "a third" alone is usually an ordinal ("a third term")
            if den in ("half", "halves") and num_word != "one":
                return None  # "a half", "two halves": not a share of anything
            value = round(num / _DENOMS[den], 4)
            unit, label, score = "fraction", "other", 0.8
        elif kind == "halfof":
            value, unit, label, score = 0.5, "fraction", "other", 0.7
        elif kind == "half":
            scale = core.lower().split()[-1]
            value = 0.5 * (12.0 if scale == "dozen" else _SCALES_W[scale])
        elif kind == "dozen":
            value = 12.0
        elif kind == "vague":
            value = _VAGUE[" ".join(core.lower().split())]
            approximate, qualifier, score = True, "at_least", 0.7
        else:  # pragma: no cover - every group is handled above
            return None
        if value is None:
            return None

        # -- leftwards: currency sign, then qualifier ------------------------------------
        currency: str | None = None
        cm = _CURRENCY_PREFIX.search(text[max(0, start - 6) : start])
        if cm and kind in ("digits", "words", "half", "dozen"):
            sign = cm["cur"].strip()
            currency = _CURRENCY_SIGNS.get(sign.upper(), sign.upper())
            start -= len(cm.group())
        qm = _QUALIFIER.search(text[max(0, start - 24) : start])
        if qm and kind != "vague" and not self._preposition(start - len(qm.group())):
            q = " ".join(qm["q"].lower().split())
            qualifier = _QUALIFIER_KIND.get(q, "at_least")
            approximate = True
            start -= len(qm.group())

        # -- rightwards: range, scale, unit ----------------------------------------------
        if kind == "digits":
            rm = _RANGE_AFTER.match(text, end)
            if rm and not re.match(r"[:/]\d", text[rm.end() : rm.end() + 2]):
                hi = _number(rm["max"])
                if hi > value:
                    value_max, end = hi, rm.end()
            sm = _SCALE_AFTER.match(text, end)
            if sm:
                sc = sm["scale"].lower()
                glued = not sm["sp"]
                if sc in ("m", "k", "b") and not (currency and glued):
                    sm = None  # "5m" without a currency sign is five metres
                elif sc in ("mn", "bn", "tn") and not glued and not currency:
                    sm = None
            if sm:
                factor = _SCALES_W[sm["scale"].lower()]
                value *= factor
                if value_max is not None:
                    value_max *= factor
                end = sm.end()
            elif end < len(text) and text[end].isalpha() and not _MEASURE_ABBR_RE.match(text, end):
                return None  # "21st", "5G", "3D"
        if currency:
            label, unit, score = "money", currency, 0.95
        else:
            label, unit, score, end = self._unit(end, label, unit, score)
        if label == "other" and unit is None:
            age = _AGE.match(text, end)
            if age:
                label, unit, score, end = "age", "years_old", 0.8, age.end()
            elif _AGED.search(text[max(0, start - 8) : start]) or (
                kind == "digits" and _apposed_age(text, self.parsed, start, end, value)
            ):
                label, unit, score = "age", "years_old", 0.8  # "aged 66", "Ann Roe, 62,"
        if unit is None and label == "other" and kind in ("vague", "dozen", "half"):
            label, unit, score, end = self._of_noun(end, label, score)
        if unit is None and label == "other":
            noun_end, noun = self._counted_noun(m.end() if kind != "digits" else end)
            if noun == "__time__":
                return None  # "three years": a duration, left to the date extractor
            if (
                noun
                and self._singular_after(noun_end)
                and (value == 0 or (kind == "digits" and _YEAR.fullmatch(core)))
            ):
                return None  # "zero tolerance", "the 2015 appointment": no count
            if noun:
                label, unit, score, end = "count", noun, 0.85, noun_end
        if label == "other" and unit is None:
            if kind == "digits" and value_max is None and _YEAR.fullmatch(core):
                return None  # a bare year
            if kind == "words" and value < 10:
                return None  # "two of them": too small to matter, too often not a claim
            tok = self._token(m.start())
            if tok is not None and tok.ent_type in _NAME_ENTS:
                return None  # a number inside a name ("Route 66", "Apollo 11")
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

    def _unit(
        self, end: int, label: str, unit: str | None, score: float
    ) -> tuple[str, str | None, float, int]:
        text = self.text
        pm = _PERCENT.match(text, end)
        if pm:
            u = " ".join(pm["u"].lower().split())
            if u.startswith("point"):
                # "points" alone only counts after a percentage in the same clause
                if not re.search(r"%|percent|per cent", text[max(0, end - 80) : end], re.I):
                    pm = None
                else:
                    return "percent", "percentage_points", 0.9, pm.end()
            if pm:
                unit = "percentage_points" if "point" in u else "%"
                return "percent", unit, 0.95, pm.end()
        cw = _CURRENCY_WORD.match(text, end)
        if cw:
            u = " ".join(cw["u"].split())
            code = _CURRENCY_WORD_CODES.get(u.lower(), u.upper())
            return "money", code, 0.9, cw.end()
        ma = _MEASURE_ABBR_RE.match(text, end)
        if ma:
            return "measure", _MEASURE_ABBR[ma["u"]], 0.9, ma.end()
        mw = _MEASURE_WORD_RE.match(text, end)
        if mw:
            u = " ".join(mw["u"].lower().split())
            if u == "pounds" and re.search(
                r"(?:million|billion|bn|m)\s*$", text[max(0, end - 10) : end]
            ):
                return "money", "GBP", 0.8, mw.end()
            return "measure", _MEASURE_WORDS[u], 0.9, mw.end()
        return label, unit, score, end

    def _of_noun(self, end: int, label: str, score: float) -> tuple[str, str | None, float, int]:
        """ "dozens of protesters", "millions of dollars": what a vague magnitude counts."""
        om = _OF.match(self.text, end)
        if om is None:
            return label, None, score, end
        cw = _CURRENCY_WORD.match(self.text, om.end() - 1)
        if cw:
            u = " ".join(cw["u"].split())
            return "money", _CURRENCY_WORD_CODES.get(u.lower(), u.upper()), 0.8, cw.end()
        k = self.parsed.token_at(om.end())
        if k is None:
            return label, None, score, end
        toks = self.parsed.tokens
        j = k
        while j < len(toks) and j - k < 3 and toks[j].pos == "ADJ":
            j += 1  # "dozens of armed men"
        if j < len(toks) and toks[j].pos == "NOUN":
            lemma = toks[j].lemma.lower()
            if lemma in _TIME_NOUNS:
                return label, None, score, end
            return (
                "count",
                ("people" if lemma in ("person", "people") else lemma),
                0.75,
                toks[j].end,
            )
        return label, None, score, end

    def _singular_after(self, noun_end: int) -> bool:
        """Whether the counted noun ending at ``noun_end`` is singular and not joined to the
        number by a hyphen ("eight-page letter" counts pages; "2015 appointment" does not)."""
        k = self.parsed.token_at(noun_end - 1)
        if k is None:
            return False
        t = self.parsed.tokens[k]
        return t.tag == "NN" and "-" not in self.text[max(0, t.start - 2) : t.start]

    def _counted_noun(self, end: int) -> tuple[int, str | None]:
        """The noun a number counts ("62 people", "3,000 armed soldiers"), from the parse."""
        parsed = self.parsed
        k = parsed.token_at(end - 1)
        if k is None:
            return end, None
        num = parsed.tokens[k]
        toks = parsed.tokens
        candidates: list[Token] = []
        if num.head != num.i and 0 < num.head - num.i <= 3:
            candidates.append(toks[num.head])
        if k + 1 < len(toks):
            candidates.append(toks[k + 1])
        for t in candidates:
            if not t.text.replace("-", "").isalpha():
                continue
            if t.pos != "NOUN" and not (t.pos == "PROPN" and t.ent_type == "NORP"):
                continue
            between = toks[k + 1 : t.i]
            if any(
                b.pos in ("PUNCT", "VERB", "ADP", "CCONJ", "DET")
                and b.tag != "HYPH"
                and not (b.pos == "VERB" and b.dep == "amod")  # "85 scheduled flights"
                for b in between
            ):
                continue
            lemma = t.lemma.lower()
            if lemma in _TIME_NOUNS:
                return end, "__time__"
            if lemma in ("person", "people"):
                lemma = "people"
            return t.end, lemma
        return end, None


def find_quantities(
    text: str, parsed: Parsed, exclude: Sequence[tuple[int, int]] = ()
) -> list[QuantityMatch]:
    """Every quantity in ``text`` outside the ``exclude`` spans (dates) and web addresses,
    in text order."""
    return _QuantityScanner(text, parsed, exclude).scan()
