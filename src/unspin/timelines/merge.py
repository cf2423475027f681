"""Events merged across mentions and documents, ordered, with conflicting dates flagged.

Two mentions are taken as one event when their frames do not disagree (same polarity; the
actors share a name word when both name one, :func:`unspin.frames.compare_frames`) and
their sentences say the same thing in similar words:

* when their dates agree (one interval holds the other: "in February" and "on 18 February
  2025"), at least two content words in common, covering :data:`SAME_DATE_OVERLAP` of the
  shorter sentence's words (or the same predicate and one more word);
* otherwise (dates that differ, or one of them unresolved), a Jaccard similarity of their
  content words of at least :data:`OTHER_DATE_JACCARD` and at least
  :data:`OTHER_DATE_SHARED` of them in common, the predicate of one among the words of
  the other ("will vote on the plan" / "approved the plan by 14 votes"): close enough
  wording that two different dates for it are a conflict, not two events; when both have
  a predicate, each must be among the other's words ("the toll rose to 12 on Friday" is
  not "six were killed on Wednesday"), and a date that is a bound ("by Wednesday",
  "since 2019") or the day a statement was made beside the event's own date ("will open on
  April 16, officials said on Monday") never merges at another date nor conflicts.

Mentions are grouped by single link (a mention joins every group it matches, which then
merge). An event's date is the one most of its mentions give (ties: the more precise,
then the earlier); its dates *conflict* when two of its mentions give dates neither of
which contains the other. Events are ordered by the first then the last day of their date;
those with no resolved date come after, in the order of their documents and offsets.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from unspin.frames import compare_frames
from unspin.model import JSON
from unspin.timelines.dates import PRECISIONS, Interval, contains, interval
from unspin.timelines.events import DatedEvent

__all__ = [
    "OTHER_DATE_JACCARD",
    "OTHER_DATE_SHARED",
    "SAME_DATE_OVERLAP",
    "Timeline",
    "TimelineEvent",
    "build_timeline",
    "same_event",
]

#: Share of the shorter sentence's content words two mentions with agreeing dates share.
SAME_DATE_OVERLAP = 0.25
#: Jaccard similarity of content words for mentions whose dates differ or are unknown ...
OTHER_DATE_JACCARD = 0.5
#: ... and how many content words they must share at least.
OTHER_DATE_SHARED = 4

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_STOP = frozenset(
    """a an the and or but of to in on at by for with from into onto over under after before
    about as than then that this these those it its it's is are was were be been being has
    have had having do does did will would shall should can could may might must not no
    he she they we you i his her their our your them him us who whom which what when where
    why how there here also said says say told tell according last next this week month
    year day days weeks months years ago later earlier yesterday today tomorrow evening
    morning afternoon night monday tuesday wednesday thursday friday saturday sunday
    january february march april may june july august september october november december
    one two three four five six seven eight nine ten first second new since until up out
    all some any more most other such only own same so very just now still set due take
    takes took taken place hold holds held happen happened occur occurred""".split()  # noqa: SIM905
)


def _stem(word: str) -> str:
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix in ("ings", "ing", "ies", "ied", "es", "ed", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    return w[:-1] if len(w) > 3 and w.endswith("e") else w


@lru_cache(maxsize=65536)
def _words(event: DatedEvent) -> frozenset[str]:
    text = event.sentence
    lo, hi = event.start - event.sentence_start, event.end - event.sentence_start
    text = text[: max(lo, 0)] + " " + text[max(hi, 0) :]
    words = {_stem(w) for w in _WORD.findall(text) if w.lower() not in _STOP}
    predicate = _predicate(event)
    if predicate:
        words.add(predicate)
    return frozenset(w for w in words if len(w) > 1)


#: Verbs of intention or expectation: the event is their complement ("officials expect to
#: reopen the road": reopen), so they do not name it.
_INTENT = frozenset(
    {"be", "have", "expect", "plan", "hope", "intend", "aim", "want", "seek", "try"}
    | {"promise", "schedule", "propose", "prepare", "threaten"}
)


def _predicate(event: DatedEvent) -> str | None:
    p = (event.predicate or "").lower()
    return _stem(p) if p and p not in _STOP and p not in _INTENT else None


def _frame(event: DatedEvent) -> dict[str, Any]:
    """The frame slots compared: polarity, and actors that carry a name (a capital that is
    not only the sentence's first letter: "Opponents" at the start of a sentence names
    no one)."""
    actors = []
    for actor in event.actors:
        words = actor.split()
        at_start = event.sentence.startswith(actor)
        if any(w[:1].isupper() for w in (words[1:] if at_start else words)):
            actors.append(actor)
    return {"polarity": event.polarity, "actors": actors}


def same_event(a: DatedEvent, b: DatedEvent) -> bool:
    """Whether two mentions tell the same event (see the module docstring)."""
    if a.document_id == b.document_id and a.claim_id == b.claim_id:
        return False  # two dates of one sentence are two events
    if any(not c.agrees for c in compare_frames(_frame(a), _frame(b))):
        return False
    wa, wb = _words(a), _words(b)
    shared = wa & wb
    if not wa or not wb:
        return False
    ia, ib = a.interval, b.interval
    agree = ia is not None and ib is not None and (contains(ia, ib) or contains(ib, ia))
    if agree:
        same_pred = bool(a.predicate) and a.predicate == b.predicate
        overlap = len(shared) / min(len(wa), len(wb))
        return len(shared) >= 2 and (overlap >= SAME_DATE_OVERLAP or same_pred)
    if a.bound or b.bound or a.reported or b.reported:
        return False  # "by Wednesday, 1,900 had joined": a later count, not another date
    pa, pb = _predicate(a), _predicate(b)
    if pa is not None and pb is not None:
        told = pa == pb or (pa in wb and pb in wa)  # "rose to 12 on Friday" is not "killed"
    else:
        told = (pa is not None and pa in wb) or (pb is not None and pb in wa)
    similar = len(shared) / len(wa | wb) >= OTHER_DATE_JACCARD
    return told and len(shared) >= OTHER_DATE_SHARED and similar


@dataclass(frozen=True)
class TimelineEvent:
    """One event: its mentions (across documents), its date and whether they conflict."""

    id: str
    mentions: tuple[DatedEvent, ...]
    iso: str | None
    precision: str
    conflict: bool
    dates: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())  # (date, documents)

    @property
    def interval(self) -> Interval | None:
        return interval(self.iso)

    @property
    def first(self) -> DatedEvent:
        """The mention that names the event (the most precise at the event's date)."""
        return self.mentions[0]

    @property
    def what(self) -> str:
        return self.first.what

    @property
    def documents(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.document_id for m in self.mentions))

    @property
    def conflict_note(self) -> str:
        if not self.conflict:
            return ""
        names = {m.document_id: m.title or m.outlet or m.document_id[:12] for m in self.mentions}
        parts = [f"{d} ({', '.join(names.get(x, x) for x in docs)})" for d, docs in self.dates]
        return "conflicting dates: " + " vs ".join(parts)

    def to_dict(self) -> dict[str, JSON]:
        return {
            "id": self.id,
            "what": self.what,
            "sentence": self.first.sentence,
            "date": self.iso,
            "precision": self.precision,
            "conflict": self.conflict,
            "conflict_note": self.conflict_note or None,
            "dates": [{"date": d, "documents": list(docs)} for d, docs in self.dates],
            "documents": list(self.documents),
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(frozen=True)
class Timeline:
    """Events in date order (``dated``) and those left relative (``undated``)."""

    dated: tuple[TimelineEvent, ...]
    undated: tuple[TimelineEvent, ...]

    @property
    def events(self) -> tuple[TimelineEvent, ...]:
        return self.dated + self.undated

    @property
    def conflicts(self) -> tuple[TimelineEvent, ...]:
        return tuple(e for e in self.events if e.conflict)

    def to_dict(self) -> dict[str, JSON]:
        return {
            "events": [e.to_dict() for e in self.dated],
            "undated": [e.to_dict() for e in self.undated],
            "conflicts": len(self.conflicts),
            "mentions": sum(len(e.mentions) for e in self.events),
        }


#: A word in more mentions than this (and than :data:`COMMON_SHARE` of them) does not
#: propose pairs by itself (pairs sharing rarer words still meet).
COMMON_COUNT = 200
COMMON_SHARE = 0.05


def _candidates(mentions: Sequence[DatedEvent], ids: Sequence[int]) -> list[tuple[int, int]]:
    """Pairs of ``ids`` (positions in ``mentions``) that share at least two content words
    (every pair :func:`same_event` can accept, less those sharing only very common
    words), found through an index of words."""
    index: dict[str, list[int]] = {}
    for i in ids:
        for w in _words(mentions[i]):
            index.setdefault(w, []).append(i)
    common = max(COMMON_COUNT, int(COMMON_SHARE * len(ids)))
    shared: Counter[tuple[int, int]] = Counter()
    for group in index.values():
        if len(group) > common:
            continue
        for x in range(len(group)):
            for y in range(x + 1, len(group)):
                shared[(group[x], group[y])] += 1
    return sorted(pair for pair, n in shared.items() if n >= 2)


def _signature(m: DatedEvent) -> tuple[object, ...]:
    return (_words(m), m.iso, m.predicate, m.polarity, tuple(_frame(m)["actors"]))


def _groups(mentions: Sequence[DatedEvent]) -> list[list[int]]:
    parent = list(range(len(mentions)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # copies (a syndicated sentence, the same date): one of them stands for the others
    same: dict[tuple[object, ...], list[int]] = {}
    for i, m in enumerate(mentions):
        same.setdefault(_signature(m), []).append(i)
    for copies in same.values():
        first = copies[0]
        for j in copies[1:]:
            if same_event(mentions[first], mentions[j]):
                parent[find(j)] = find(first)
    for i, j in _candidates(mentions, [c[0] for c in same.values()]):
        if find(i) != find(j) and same_event(mentions[i], mentions[j]):
            parent[find(j)] = find(i)
    out: dict[int, list[int]] = {}
    for i in range(len(mentions)):
        out.setdefault(find(i), []).append(i)
    return list(out.values())


def _rank(precision: str) -> int:
    return PRECISIONS.index(precision) if precision in PRECISIONS else len(PRECISIONS)


def _event(mentions: list[DatedEvent]) -> TimelineEvent:
    spans = [(m, m.interval) for m in mentions]
    dated = [(m, s) for m, s in spans if s is not None]
    # a bound ("by Friday") or the day it was said ("officials said on Monday") is not the
    # event's own date: the others decide it, when there are others
    own = [(m, s) for m, s in dated if not (m.bound or m.reported)] or dated
    votes = Counter(s.iso for _, s in own)
    # a coarser date that holds a finer one votes for it ("in February", "18 February")
    for _, s in own:
        for _, t in own:
            if s.iso != t.iso and contains(s, t):
                votes[t.iso] += 1
    best: Interval | None = None
    if own:
        best = min((s for _, s in own), key=lambda s: (-votes[s.iso], _rank(s.precision), s.first))
    exact = [s for m, s in dated if not (m.bound or m.reported)]
    conflict = any(not (contains(s, t) or contains(t, s)) for s in exact for t in exact)
    by_date: dict[str, list[str]] = {}
    for m, s in own:
        docs = by_date.setdefault(s.iso, [])
        if m.document_id not in docs:
            docs.append(m.document_id)
    ordered = sorted(
        mentions,
        key=lambda m: (
            m.iso != (best.iso if best else None),
            _rank(m.precision),
            m.published or "",
            m.document_id,
            m.start,
        ),
    )
    key = "|".join(
        f"{m.document_id}:{m.start}"
        for m in sorted(mentions, key=lambda m: (m.document_id, m.start))
    )
    return TimelineEvent(
        id=hashlib.sha1(key.encode()).hexdigest()[:12],
        mentions=tuple(ordered),
        iso=best.iso if best else None,
        precision=best.precision if best else "relative",
        conflict=conflict,
        dates=tuple((d, tuple(docs)) for d, docs in sorted(by_date.items())),
    )


def build_timeline(events: Iterable[DatedEvent]) -> Timeline:
    """Mentions merged into events, dated ones ordered by date (see the module docstring)."""
    mentions = list(events)
    merged = [_event([mentions[i] for i in group]) for group in _groups(mentions)]
    dated = [e for e in merged if e.interval is not None]
    undated = [e for e in merged if e.interval is None]

    def when(e: TimelineEvent) -> tuple[Any, ...]:
        span = e.interval
        assert span is not None
        return (span.first, span.last, e.first.published or "", e.first.document_id, e.first.start)

    dated.sort(key=when)
    undated.sort(key=lambda e: (e.first.published or "", e.first.document_id, e.first.start))
    return Timeline(tuple(dated), tuple(undated))
