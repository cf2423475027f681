"""Slots: what one document asserts, in a form that can be compared across documents.

:func:`extract_slots` turns an :class:`~unspin.model.Analysis` (the ``claims`` and
``sources`` findings, and the text) into frozen, JSON-storable slots:

* :class:`~unspin.corpus.model.QuantitySlot` for each ``quantity`` finding tied to
  something that happened: the predicate ("die" for killed/died/death toll, "arrest",
  "pay", ... from a small generic lexicon, or the stem of the nearest past-tense verb
  such as "destroy"), what is counted (``unit_class``: "person", a currency, a unit, a
  noun), qualifiers ("about", "more than"), a part-of cue ("including 12 children") and
  an update cue ("rose to", "now");
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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from unspin.corpus.model import DateSlot, QuantitySlot, RoleSlot, Slot
from unspin.corpus.words import (
    GENERIC_PERSON_UNITS,
    STOPWORDS,
    Anchor,
    Word,
    anchors_in,
    event_nouns_in,
    is_reporting,
    norm_name,
    person_spans,
    proper_words,
    sentence_spans,
    stem,
    word_set,
    words,
)
from unspin.lexicon import TITLE_WORDS
from unspin.model import Analysis, Finding

__all__ = ["PREDICATES", "extract_slots"]

log = logging.getLogger(__name__)


def _lex(table: dict[str, str]) -> dict[str, str]:
    return {form: cls for cls, forms in table.items() for form in forms.split()}


#: Word form -> predicate class. Generic verbs and nouns of counting outcomes; anything
#: else falls back to the stem of the nearest past-tense verb.
PREDICATES: dict[str, str] = _lex(
    {
        "die": "kill killed killing kills die died dies dying dead death deaths fatality "
        "fatalities toll lives perish perished perishing slain drowned",
        "injure": "injure injured injuring injures injury injuries wound wounded wounding "
        "wounds hurt",
        "casualty": "casualty casualties",
        "arrest": "arrest arrested arresting arrests detain detained detaining detention "
        "detentions custody",
        "missing": "missing unaccounted",
        "displace": "displace displaced evacuate evacuated evacuation evacuations homeless "
        "flee fled",
        "rescue": "rescue rescued rescuing",
        "charge": "charge charged charges indict indicted indictment",
        "pay": "pay paid paying pays payment payments fine fined fines spend spent spending "
        "cost costs costing award awarded compensation donate donated donation",
        "vote": "vote votes voted ballot ballots",
    }
)
#: Lexicon entries that are nouns: they name a count, not an event a date could date.
_NOUN_FORMS = word_set(
    """death deaths fatality fatalities toll lives injury injuries wounds casualty casualties
    arrests detention detentions custody evacuation evacuations charges indictment payment
    payments fines costs compensation donation votes ballot ballots"""
)
#: Predicates whose counts are people even when no noun says so ("the toll rose to 70").
_PERSON_PREDICATES = frozenset(
    ("die", "injure", "casualty", "arrest", "missing", "displace", "rescue", "charge")
)
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
_NOT_PREDICATES = word_set(
    """based used called named aged expected estimated believed feared thought considered
    concerned involved needed related located scheduled planned supposed alleged reported
    confirmed announced recorded listed added included excluded compared"""
)
_UPDATE_RE = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|increased|jumped|grew|grown|reached|"
    r"revised|updated|now|latest|new\s+toll|raised|lowered|fell\s+to|dropped\s+to|up\s+from|"
    r"down\s+from|has\s+since)\b",
    re.I,
)
_PART_RE = re.compile(
    r"\b(?:including|of\s+whom|of\s+them|among\s+them|among\s+whom|of\s+which|among\s+those|"
    r"among\s+the\s+\w+)\W+(?:\w+\W+){0,3}$",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"[,;:()—–]|\s-\s")
_DATE_ISO = re.compile(r"^(\d{4}-\d{2}(?:-\d{2})?)(?:T.*)?$")
_ROLE_MODIFIERS = word_set(
    "former acting interim then ex outgoing incoming deputy vice chief senior junior "
    "assistant associate principal regional local"
)
_APPOSITION_RE = re.compile(
    r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)+),\s+(?:the|a|an)\s+(?P<role>[^,.;:()\n]{2,80}?)"
    r"(?=[,.;:)])"
)


@dataclass
class _Sentence:
    start: int
    end: int
    words: list[Word]
    anchors: list[Anchor]
    events: tuple[str, ...]
    dates: list[Finding]


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
        }


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
    out.extend(_role_slots(doc))
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


def _lexicon_predicate(w: Word) -> str | None:
    return PREDICATES.get(w.lower)


def _generic_predicate(w: Word) -> str | None:
    low = w.lower
    if (
        len(low) > 4
        and low.endswith("ed")
        and w.text[:1].islower()
        and low not in _NOT_PREDICATES
        and not is_reporting(low)
        and not _UPDATE_RE.fullmatch(low)
    ):
        return stem(low)
    return None


def _predicate(text: str, sent: _Sentence, f: Finding, unit: str | None) -> tuple[str, str] | None:
    """(predicate class or stem, the word as written) for a quantity, or ``None``."""
    if unit and unit.lower() in PREDICATES:  # "62 deaths", "14 arrests"
        return PREDICATES[unit.lower()], unit
    lo, hi = _clause(text, sent, f.start, f.end)
    for a, b, ok in (
        (lo, hi, _lexicon_predicate),
        (sent.start, sent.end, _lexicon_predicate),
        (lo, hi, _generic_predicate),
    ):
        hit = _nearest(sent.words, f.start, f.end, a, b, ok)
        if hit:
            return hit[1], hit[0].text
    return None


def _as_of(sent: _Sentence, published: str | None) -> str | None:
    for d in sent.dates:
        iso = d.attributes.get("iso")
        if isinstance(iso, str) and d.attributes.get("granularity") in (
            "day",
            "minute",
            "second",
            "hour",
        ):
            m = _DATE_ISO.match(iso)
            if m and len(m.group(1)) == 10:
                return m.group(1)
    return published


def _quantity_slot(doc: _Doc, f: Finding) -> QuantitySlot | None:
    attrs = f.attributes
    value = attrs.get("value")
    if not isinstance(value, (int, float)) or isinstance(value, bool):
        return None
    unit = attrs.get("unit") if isinstance(attrs.get("unit"), str) else None
    sent = doc.sentence(f.start)
    pred = _predicate(doc.text, sent, f, unit)
    if pred is None:
        return None
    predicate, predicate_text = pred
    unit_low = unit.lower() if unit else None
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
    elif predicate in _PERSON_PREDICATES:
        unit_class = "person"
    else:
        unit_class = "none"
    lo, hi = _clause(doc.text, sent, f.start, f.end)
    before = doc.text[lo : f.start]
    part = _PART_RE.search(doc.text[sent.start : f.start])
    update = _UPDATE_RE.search(before) or _UPDATE_RE.search(doc.text, f.end, hi)
    qualifier = attrs.get("qualifier")
    value_max = attrs.get("value_max")
    keys = [f"q|{predicate}|{unit_class}|{a.key}" for a in sent.anchors]
    keys.append(f"q|{predicate}|{unit_class}|doc:{doc.doc.id}")
    return QuantitySlot(
        **doc.base(f.id, f.start, f.end, sent, keys),
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
        as_of=_as_of(sent, doc.doc.published),
    )


# -- dates ------------------------------------------------------------------------------


def _verbish(w: Word) -> str | None:
    """A verb of an event or of saying: what a date attaches to."""
    if is_reporting(w.lower) and w.text[:1].islower():
        return "say"
    if w.lower in _NOUN_FORMS:
        return None
    return _lexicon_predicate(w) or _generic_predicate(w)


def _subject_word(w: Word) -> str | None:
    """A lower-case content word: what a dated verb is about ("the bridge collapsed")."""
    low = w.lower
    if (
        w.text[:1].islower()
        and low not in STOPWORDS
        and low not in PREDICATES
        and not _UPDATE_RE.fullmatch(low)
    ):
        return low
    return None


def _date_slot(doc: _Doc, f: Finding) -> DateSlot | None:
    iso = f.attributes.get("iso")
    if f.label not in ("date", "datetime", "relative") or not isinstance(iso, str):
        return None
    m = _DATE_ISO.match(iso)
    if not m:
        return None
    day = m.group(1)
    sent = doc.sentence(f.start)
    lo, hi = _clause(doc.text, sent, f.start, f.end)
    hit = _nearest(sent.words, f.start, f.end, lo, hi, _verbish) or _nearest(
        sent.words, f.start, f.end, sent.start, sent.end, _verbish
    )
    if hit is None or hit[1] == "say":
        return None  # nothing dated, or the date of a statement, not of an event
    if _UPDATE_RE.search(doc.text, lo, hi):
        return None  # "rose to 70 on Tuesday": the date of a count, not of the event
    verb, predicate = hit
    subject = _nearest(sent.words, verb.start, verb.end, sent.start, verb.start, _subject_word)
    keys = [f"d|{predicate}|{a.key}" for a in sent.anchors]
    keys.append(f"d|{predicate}|doc:{doc.doc.id}")
    return DateSlot(
        **doc.base(f.id, f.start, f.end, sent, keys),
        iso=day,
        granularity="day" if len(day) == 10 else "month",
        predicate=predicate,
        predicate_text=verb.text,
        subject=stem(subject[1]) if subject else None,
        relative=bool(f.attributes.get("resolved_relative_to")),
    )


# -- roles -----------------------------------------------------------------------------


def _role_slots(doc: _Doc) -> list[RoleSlot]:
    out: list[RoleSlot] = []
    seen: set[tuple[str, str]] = set()

    def add(f: Finding | None, start: int, end: int, name: str, role: str, source: str) -> None:
        role = " ".join(role.split()).strip(" ,")
        key = (norm_name(name), _role_key(role))
        if len(key[0].split()) < 2 or not key[1] or key in seen:
            return
        seen.add(key)
        sent = doc.sentence(start)
        base = doc.base(f.id if f else "", start, end, sent, [f"r|{key[0]}"])
        base["anchors"] = (name,)
        base["events"] = ()
        out.append(RoleSlot(**base, name=name, role=role, source=source))

    for f in doc.analysis.by_kind("speaker"):
        name, role = f.attributes.get("name"), f.attributes.get("role")
        if isinstance(name, str) and isinstance(role, str):
            add(f, f.start, f.end, name, role, "speaker")
    for start, end, name, role in _appositions(doc.text):
        add(None, start, end, name, role, "apposition")
    return out


def _role_key(role: str) -> str:
    """A role as a key: lower-case words without articles and possessives."""
    ws = [norm_name(w) for w in re.findall(r"[\w’'-]+", role)]
    return " ".join(w for w in ws if w not in ("the", "a", "an", "of", "its", "their"))


_PREPOSITIONS = word_set("of for at in to from with on over under")


def _appositions(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, role) for "Title Name Name" ("Interior Minister Ana Vell",
    "former deputy Ana Vell") and "Name Name, a role," ("Ana Vell, the mayor of X,")."""
    out: list[tuple[int, int, str, str]] = []
    ws = words(text)
    roleish = TITLE_WORDS | _ROLE_MODIFIERS
    k = 0
    while k < len(ws):  # runs of capitalised words
        if not ws[k].text[:1].isupper():
            k += 1
            continue
        j = k
        while (
            j + 1 < len(ws)
            and ws[j + 1].text[:1].isupper()
            and text[ws[j].end : ws[j + 1].start] == " "
        ):
            j += 1
        run = ws[k : j + 1]
        titles = [i for i, w in enumerate(run) if w.lower in TITLE_WORDS]
        last = titles[-1] if titles else -1  # the name follows the last title
        name = run[last + 1 :]
        p = k + last if titles else k  # where the role starts, walked leftwards
        while p > k and ws[p - 1].lower in roleish:
            p -= 1
        if p == k or not titles:
            while (
                p > 0
                and ws[p - 1].lower in roleish
                and ws[p - 1].text[:1].islower()
                and text[ws[p - 1].end : ws[p].start] == " "
            ):
                p -= 1
        role_end = run[last].end if titles else ws[k - 1].end
        if len(name) >= 2 and (titles or p < k):
            role = text[ws[p].start : role_end]
            out.append((ws[p].start, name[-1].end, text[name[0].start : name[-1].end], role))
        k = j + 1
    for m in _APPOSITION_RE.finditer(text):
        role_words = m["role"].split()
        cut = next((i for i, w in enumerate(role_words) if w.lower() in _PREPOSITIONS), None)
        head_words = role_words[:cut] if cut else role_words
        if not head_words or head_words[-1].lower() not in TITLE_WORDS:
            continue
        name_words = m["name"].split()
        while name_words and name_words[0].lower() in TITLE_WORDS:
            name_words.pop(0)
        if len(name_words) >= 2:
            out.append((m.start(), m.end(), " ".join(name_words), m["role"]))
    return out
