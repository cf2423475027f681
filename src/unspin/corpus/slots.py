"""Slots: what one document asserts, in a form that can be compared across documents.

:func:`extract_slots` turns an :class:`~unspin.model.Analysis` (the ``claims`` and
``sources`` findings, and the text) into frozen, JSON-storable slots:

* :class:`~unspin.corpus.model.QuantitySlot` for each ``quantity`` finding tied to
  something that happened: the predicate ("die" for killed/died/death toll, "arrest",
  "pay", ... from a small generic lexicon, :mod:`unspin.corpus.predicates`, or the stem
  of the nearest past-tense verb such as "destroy"), what is counted (``unit_class``:
  "person", a currency, a unit, a noun), qualifiers ("about", "more than"), a part-of cue
  ("including 12 children") and an update cue ("rose to", "now");
* :class:`~unspin.corpus.model.DateSlot` for each resolved date that dates an event
  (the nearest verb), not the act of saying ("said on Monday" is skipped);
* :class:`~unspin.corpus.model.RoleSlot` for each full name given with a role: the
  ``speaker`` findings, and appositions ("Interior Minister Ana Vell", "Ana Vell, a
  former deputy,").

Each slot has blocking ``keys``: ``q|predicate|unit_class|<name>`` per name-like word
of its sentence (so two documents meet only when they share a name and a predicate),
``...|doc:<id>`` for comparisons within one document, ``r|<full name>`` for roles. A
store groups slots by key; :func:`~unspin.corpus.contradictions.find_contradictions`
compares within groups only.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from unspin.corpus.breakdowns import (
    age_figure,
    breakdown_item,
    governing_word,
    number_name,
    update_cue,
)
from unspin.corpus.context import doc_names
from unspin.corpus.date_ranges import range_end
from unspin.corpus.events import event_slots
from unspin.corpus.figure_sources import figure_source
from unspin.corpus.holders import modified_noun, people_in, person_keys
from unspin.corpus.model import DateSlot, QuantitySlot, Slot
from unspin.corpus.place_evidence import part_cue
from unspin.corpus.predicates import (
    LIGHT_VERBS,
    NOT_EVENTS,
    NOUN_FORMS,
    PERSON_PREDICATES,
    PREDICATES,
    UPDATE_RE,
    dimension_predicate,
    generic_predicate,
    lexicon_predicate,
    lexicon_verb,
    phrase_predicate,
    subject_word,
    verbish,
)
from unspin.corpus.roles import role_slots
from unspin.corpus.words import (
    GENERIC_PERSON_UNITS,
    STOPWORDS,
    Anchor,
    Word,
    anchors_in,
    content_words,
    event_nouns_in,
    is_reporting,
    person_spans,
    proper_words,
    sentence_spans,
    stem,
    word_set,
    words,
)
from unspin.model import Analysis, Finding

__all__ = ["PREDICATES", "extract_slots"]

log = logging.getLogger(__name__)


#: Counted nouns that are people (besides the generic "people").
_PERSON_UNITS = GENERIC_PERSON_UNITS | word_set(
    """child children adult adults civilian civilians soldier soldiers resident residents
    passenger passengers migrant migrants refugee refugees student students pupil pupils
    worker workers miner miners tourist tourists fan fans patient patients prisoner
    prisoners inmate inmates detainee detainees suspect suspects protester protesters
    demonstrator demonstrators officer officers victim victims man men woman women baby
    babies infant infants journalist journalists employee employees member members crew
    villager villagers citizen citizens voter voters"""
)
_PART_RE = re.compile(
    r"\b(?:including|of\s+whom|of\s+them|among\s+them|among\s+whom|of\s+which|among\s+those|"
    r"among\s+the\s+\w+)\W+(?:\w+\W+){0,3}$",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s-\s")
_DATE_ISO = re.compile(r"^(\d{4}-\d{2}(?:-\d{2})?)(?:T.*)?$")

#: At most this many name keys per slot (its sentence's names first, then the lead's).
_MAX_KEYS = 8
_SAYING_RE = re.compile(r"\b(?:said|says|told|announced|added|reported|confirmed)\s+(?:on\s+)?$")


@dataclass
class _Sentence:
    start: int
    end: int
    words: list[Word]
    anchors: list[Anchor]
    events: tuple[str, ...]
    dates: list[Finding]
    frame: dict[str, Any]


class _Doc:
    """Per-document caches: sentences, their words, names and dates."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.doc = analysis.document
        self.text = analysis.document.text
        self.spans = sentence_spans(analysis)
        self.starts = [s for s, _ in self.spans]
        self.proper = proper_words(self.text, self.spans)
        self.speakers = person_spans(analysis)
        self.dates = analysis.by_kind("date")
        self.quantities = analysis.by_kind("quantity")
        self.quotes = analysis.by_kind("quote")
        self.attributions = analysis.by_kind("attribution")
        self.speaker_findings = analysis.by_kind("speaker")
        self.names = doc_names(analysis, self.spans, self.proper)
        self.persons = person_keys(self.speaker_findings)
        self.frames: dict[int, dict[str, Any]] = {}
        for c in analysis.by_kind("claim"):
            frame = c.attributes.get("frame")
            if isinstance(frame, Mapping):
                self.frames[c.start] = dict(frame)
        self._cache: dict[int, _Sentence] = {}

    def sentence(self, char: int) -> _Sentence:
        k = max(0, bisect.bisect_right(self.starts, char) - 1)
        if k not in self._cache:
            s, e = self.spans[k] if self.spans else (0, len(self.text))
            ws = words(self.text, s, e)
            self._cache[k] = _Sentence(
                s, e, ws,
                anchors_in(self.text, s, e, self.proper, self.speakers),
                tuple(sorted(event_nouns_in(ws))),
                [d for d in self.dates if s <= d.start < e],
                self.frames.get(s, {}),
            )  # fmt: skip
        return self._cache[k]

    def base(
        self, finding_id: str, start: int, end: int, sent: _Sentence, keys: list[str]
    ) -> dict[str, Any]:
        return {
            "doc_id": self.doc.id,
            "finding_id": finding_id,
            "start": start,
            "end": end,
            "text": self.text[start:end],
            "sentence_start": sent.start,
            "sentence_end": sent.end,
            "published": self.doc.published,
            "outlet": self.doc.outlet,
            "keys": tuple(keys),
            "anchors": tuple(a.text for a in sent.anchors),
            "events": sent.events,
            "context": self.names.names,
            "lead": self.names.lead,
        }

    predicates = PREDICATES

    def dates_of(self, sent: _Sentence) -> list[tuple[int, str]]:
        """(offset, ISO) of the sentence's dates, not durations, dates of saying or
        starting points ("since Monday")."""
        out = []
        for d in sent.dates:
            iso = _iso(d)
            since = re.search(r"\bsince\s+(?:the\s+)?$", self.text[max(0, d.start - 10) : d.start])
            if iso is not None and not self.said_on(sent, d) and not since:
                out.append((d.start, iso))
        return out

    def said_on(self, sent: _Sentence, d: Finding) -> bool:
        """The date of a statement: "said on Thursday", "said Thursday"."""
        return bool(_SAYING_RE.search(self.text[max(sent.start, d.start - 20) : d.start]))

    def keys(self, prefix: str, sent: _Sentence) -> list[str]:
        """Blocking keys: ``prefix|name`` per name of the sentence (of the lead when the
        sentence names nothing), and ``prefix|doc:<id>`` for this document."""
        names = dict.fromkeys([*(a.key for a in sent.anchors), *self.names.lead, *self.names.names])
        keyed = list(names)[:_MAX_KEYS]
        return [*(f"{prefix}|{n}" for n in keyed), f"{prefix}|doc:{self.doc.id}"]


def extract_slots(analysis: Analysis) -> list[Slot]:
    """Quantity, date and role slots of one analysed document, in text order.

    Needs the ``claims`` analyzer (quantities, dates, sentences) for quantity and date
    slots and the ``sources`` analyzer (speakers) for most role slots; what is missing
    simply yields no slots. Cheap: a pass over each sentence holding a finding.
    """
    doc = _Doc(analysis)
    out: list[Slot] = []
    for f in analysis.by_kind("quantity"):
        q = _quantity_slot(doc, f)
        if q is not None:
            out.append(q)
    for f in doc.dates:
        d = _date_slot(doc, f)
        if d is not None:
            out.append(d)
    out.extend(role_slots(doc))
    out.extend(event_slots(doc, analysis))
    out.sort(key=lambda s: (s.start, s.kind))
    log.debug("document %s: %d slots", doc.doc.id, len(out))
    return out


# -- quantities --------------------------------------------------------------------------


def _clause(text: str, sent: _Sentence, start: int, end: int) -> tuple[int, int]:
    """The stretch of the sentence around ``[start, end)`` between clause punctuation."""
    lo = sent.start
    for m in _CLAUSE_BREAK.finditer(text, sent.start, start):
        lo = m.end()
    m2 = _CLAUSE_BREAK.search(text, end, sent.end)
    return lo, (m2.start() if m2 else sent.end)


def _nearest(
    ws: Sequence[Word], start: int, end: int, lo: int, hi: int, ok: Callable[[Word], str | None]
) -> tuple[Word, str] | None:
    """The word within ``[lo, hi)`` outside ``[start, end)`` nearest to it for which
    ``ok(word)`` gives a value, with that value."""
    best: tuple[int, Word, str] | None = None
    for w in ws:
        if w.start < lo or w.end > hi or (start <= w.start < end):
            continue
        value = ok(w)
        if not value:
            continue
        dist = start - w.end if w.end <= start else w.start - end
        if best is None or dist < best[0]:
            best = (dist, w, value)
    return (best[1], best[2]) if best else None


_VERBS = (lexicon_verb, generic_predicate)  # what a figure's own verb may say


def _predicate(text: str, sent: _Sentence, f: Finding, unit: str | None) -> tuple[str, str] | None:
    """(predicate class or stem, the word as written) for a quantity, or ``None``."""
    if unit and unit.lower() in PREDICATES:  # "62 deaths", "14 arrests"
        return PREDICATES[unit.lower()], unit
    lo, hi = _clause(text, sent, f.start, f.end)
    phrase = phrase_predicate(text, lo, hi, f.start)
    if phrase:
        return phrase
    verb = governing_word(sent.words, text, (f.start, f.end), (lo, hi), _VERBS, NOUN_FORMS)
    if verb:  # "infected more than 680 others", "66 were infected": what the figure's verb says
        return verb[1], verb[0].text
    for a, b, ok in (
        (lo, hi, lexicon_predicate),
        (sent.start, sent.end, lexicon_predicate),
        (lo, hi, generic_predicate),
    ):
        hit = _nearest(sent.words, f.start, f.end, a, b, ok)
        if hit:
            return hit[1], hit[0].text
    return None


def _iso(d: Finding) -> str | None:
    iso = d.attributes.get("iso")
    if d.label == "duration" or not isinstance(iso, str):
        return None
    m = re.match(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?", iso)
    return m.group() if m else None


def _as_of(doc: _Doc, sent: _Sentence, f: Finding) -> tuple[str | None, bool]:
    """The date a figure refers to and whether the text gives it: a date in the figure's
    own clause; else a date of its sentence that is not another figure's ("rose to 12 on
    Friday"; not "said on Thursday"); else the publication date. A date the text gives
    but nothing resolves ("last year" with no publication date) gives ``(None, True)``."""
    own = _clause(doc.text, sent, f.start, f.end)
    others = [
        _clause(doc.text, sent, q.start, q.end)
        for q in doc.quantities
        if q.id != f.id and sent.start <= q.start < sent.end
    ]
    sentence_wide: list[str | None] = []
    for d in sent.dates:
        if d.label == "duration" or doc.said_on(sent, d):
            continue
        if own[0] <= d.start < own[1]:
            return _iso(d), True
        if not sentence_wide and not any(lo <= d.start < hi for lo, hi in others):
            sentence_wide.append(_iso(d))
    return (sentence_wide[0], True) if sentence_wide else (doc.doc.published, False)


_FROM_COUNTS = {"killed": "die", "injured": "injure", "arrested": "arrest"}


def _frame_quantity(sent: _Sentence, f: Finding) -> dict[str, Any]:
    for q in sent.frame.get("quantities") or ():
        if isinstance(q, Mapping) and q.get("start") == f.start:
            return dict(q)
    return {}


def _apposed(text: str, f: Finding) -> bool:
    """A bare whole number between commas after a word: "Ana Vell, 62, said" (an age)."""
    return (
        text[max(0, f.start - 2) : f.start] == ", "
        and text[f.end : f.end + 1] == ","
        and text[max(0, f.start - 3) : f.start - 2].isalpha()
        and f.text.isdigit()
        and int(f.text) < 130
    )


def _quantity_slot(doc: _Doc, f: Finding) -> QuantitySlot | None:
    attrs = f.attributes
    value = attrs.get("value")
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    unit = attrs.get("unit") if isinstance(attrs.get("unit"), str) else None
    if any(q.start <= f.start < q.end for q in doc.quotes):
        return None  # "Not one crane will move": a figure of speech in a quotation
    sent = doc.sentence(f.start)
    fq = _frame_quantity(sent, f)
    counts = str(fq.get("counts") or "other")
    if counts == "age" or unit == "years_old" or (unit is None and _apposed(doc.text, f)):
        return None  # an age says who someone is, not what happened
    if unit is None and age_figure(doc.text, f.start, f.end, float(value)):
        return None  # "between the ages of 20 and 53", "in her 50's": an age too
    if breakdown_item(doc.text, sent.start, sent.end, f.start, f.end):
        return None  # "Alder (9), Birch (4)": one part of a breakdown, no rival of the total
    if f.label not in ("money", "percent", "measure") and number_name(
        f.text, unit, value, doc.text[f.end : f.end + 1]
    ):
        return None  # "a 911 call": a number naming a thing counts nothing
    if unit in ("other", "others") and fq.get("unit") == "people":
        unit = "people"  # "eleven others"
    pred = dimension_predicate(doc.text, f.start, f.end) if f.label == "measure" else None
    pred = pred or _predicate(doc.text, sent, f, unit)  # "2.4 metres high": what it measures
    if pred is None and counts in _FROM_COUNTS:
        pred = (_FROM_COUNTS[counts], str(fq.get("cue") or counts))
    unit_low = unit.lower() if unit else None
    specific = bool(unit_low) and not (
        unit_low in _PERSON_UNITS or unit_low in PREDICATES or f.label in ("money", "percent",
                                                                            "measure")
    )  # fmt: skip
    if pred is None and not specific:
        return None
    predicate, predicate_text = pred or ("", "")
    noun: str | None = None
    if f.label == "money" or f.label == "percent" or f.label == "measure":
        unit_class = unit or f.label
    elif unit_low and (unit_low in _PERSON_UNITS or unit_low in PREDICATES):
        unit_class = "person"
        if unit_low not in GENERIC_PERSON_UNITS and unit_low not in PREDICATES:
            noun = unit_low
    elif unit_low:
        unit_class = unit_low
        noun = unit_low
    elif predicate in PERSON_PREDICATES:
        unit_class = "person"
    else:
        unit_class = "none"
    head = modified_noun(doc.text, f.start, f.end) if noun else None
    if head:
        noun = f"{noun} {head}"  # "a 214-delegate advantage": a lead, not delegates
    lo, hi = _clause(doc.text, sent, f.start, f.end)
    part = _PART_RE.search(doc.text[sent.start : f.start]) or part_cue(
        doc.text, sent.start, f.start
    )
    update = update_cue(UPDATE_RE, doc.text, (f.start, f.end), (lo, hi))
    qualifier = attrs.get("qualifier")
    value_max = attrs.get("value_max")
    if unit_class == "person" or not (specific or f.label in ("money", "measure")):
        prefix = f"q|{predicate}|{unit_class}"
    else:
        prefix = f"q|u:{unit_class}"  # a thing or a measure: the unit says what is counted
    as_of, dated = _as_of(doc, sent, f)
    nouns = content_words(w for w in sent.words if lo <= w.start < hi)
    return QuantitySlot(
        **doc.base(f.id, f.start, f.end, sent, doc.keys(prefix, sent)),
        dated=dated,
        counts=counts,
        people=people_in(sent.anchors, doc.persons),
        nouns=tuple(sorted(nouns)),
        value=float(value),
        value_max=float(value_max) if isinstance(value_max, (int, float)) else None,
        unit=unit,
        unit_class=unit_class,
        noun=noun,
        predicate=predicate,
        predicate_text=predicate_text,
        qualifier=qualifier if isinstance(qualifier, str) else None,
        part=" ".join(part.group().split()[:3]) if part else None,
        update=" ".join(update.group().split()) if update else None,
        as_of=as_of,
        source=figure_source(
            doc.attributions, doc.speaker_findings, (sent.start, sent.end), f.start
        ),
    )


# -- dates ------------------------------------------------------------------------------


_PREPOSITION_WORDS = word_set("in at on of for from to with by near into over under")


def _not_after(sent: _Sentence) -> Callable[[Word], str | None]:
    """:func:`~unspin.corpus.predicates.subject_word`, skipping the object of a
    preposition ("the bridge in Marvale collapsed": the bridge)."""
    before = {w.start: p.lower for p, w in zip(sent.words, sent.words[1:], strict=False)}

    def ok(w: Word) -> str | None:
        return None if before.get(w.start) in _PREPOSITION_WORDS else subject_word(w)

    return ok


def _date_slot(doc: _Doc, f: Finding) -> DateSlot | None:
    iso = f.attributes.get("iso")
    if f.label not in ("date", "datetime", "relative") or not isinstance(iso, str):
        return None
    m = _DATE_ISO.match(iso)
    if not m or any(q.start <= f.start < q.end for q in doc.quotes):
        return None  # unresolved, or a date inside a quotation (a forecast, a promise)
    day = m.group(1)
    sent = doc.sentence(f.start)
    resolved = [(d.start, d.end, i) for d in sent.dates if (i := _iso(d)) is not None]
    until, closes = range_end(doc.text, (sent.start, sent.end), resolved, f.start)
    if closes:
        return None  # "between Oct. 30 and Nov. 9": the last day of the range its first opens
    lo, hi = _clause(doc.text, sent, f.start, f.end)
    hit = _nearest(sent.words, f.start, f.end, lo, hi, verbish)
    if hit is not None and hit[1] == "say":
        return None  # the date of a statement, not of an event
    if UPDATE_RE.search(doc.text, lo, hi) or re.search(
        r"\bby\s+$", doc.text[max(lo, f.start - 4) : f.start], re.I
    ):
        return None  # "rose to 70 on Tuesday", "by Monday": the date of a count
    framed_ = sent.frame.get("predicate")
    if hit is None and not (isinstance(framed_, str) and framed_):
        hit = _nearest(sent.words, f.start, f.end, sent.start, sent.end, verbish)
        if hit is not None and hit[1] == "say":
            return None
    lexical = _nearest(sent.words, f.start, f.end, lo, hi, lexicon_verb)
    framed = sent.frame.get("predicate")
    verb: Word | None
    if lexical is not None:
        verb, predicate = lexical
    elif (
        isinstance(framed, str)
        and len(framed) > 2
        and framed.isalpha()
        and framed.lower() not in STOPWORDS
        and not is_reporting(framed)
    ):  # the parse's main verb (a rule-based parse may give none worth the name)
        predicate = stem(framed)
        verb = next((w for w in sent.words if stem(w.text) == predicate), None)
    elif hit is not None:
        verb, predicate = hit
    else:
        return None  # nothing dated
    if predicate in NOT_EVENTS or f.text.lower() in ("today", "tonight", "now"):
        return None  # "there are ...", "today is ...": no event to date
    light = predicate in LIGHT_VERBS or (isinstance(framed, str) and framed in LIGHT_VERBS
                                        and lexical is None)  # fmt: skip
    subject = (
        _nearest(sent.words, verb.start, verb.end, sent.start, verb.start, _not_after(sent))
        if verb is not None
        else None
    )
    nouns = content_words(w for w in sent.words if lo <= w.start < hi and not
                          f.start <= w.start < f.end)  # fmt: skip
    return DateSlot(
        **doc.base(f.id, f.start, f.end, sent, doc.keys("d", sent)),
        iso=day,
        granularity="day" if len(day) == 10 else "month",
        until=until,
        predicate=predicate,
        predicate_text=verb.text if verb is not None else str(framed),
        subject=stem(subject[1]) if subject else None,
        relative=bool(f.attributes.get("resolved_relative_to")),
        light=light,
        once=(
            sent.frame.get("modality") == "future"
            or predicate in PERSON_PREDICATES
            or bool(subject and subject[0].text[:1].islower())  # "the bridge collapsed"
        ),
        nouns=tuple(sorted(nouns - {predicate})),
    )
