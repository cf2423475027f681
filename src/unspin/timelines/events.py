"""Dated events of one document, read from its claims' frames.

Every ``claim`` finding carries its sentence's frame (``attributes["frame"]``,
:mod:`unspin.frames.frame`): predicate, polarity, modality, actors and the dates of the
sentence, resolved against the publication date where they could be. A *dated event* is
one date of one claim sentence, with what the frame says happened (its predicate and
actors) and where the date is written (its anchor: the offsets of the date expression).
A date the frame marks as another clause's (``main`` false: "the item originated in 2012,
when the calendar would end on 21 December 2012") takes neither the predicate nor the
actors: the event is told by the words of its sentence up to the date. When a verb of
saying reports the frame's predicate (the frame's ``report``: "the ministry said eight
soldiers were killed on Wednesday"), its actors are the speaker's: a date of the saying
(``said``: "on Monday the ministry said ...") is told "the ministry: say", a date of the
predicate keeps the predicate but no actors (told by its sentence), never "the ministry:
kill".

Dates the frames leave unresolved stay unresolved (``iso`` None, shown as written: "on
Saturday" in a text without a publication date). Expressions relative to the event told
before ("two days later", "three days earlier", "the next day"), which the frames do not
read, are resolved here against the nearest earlier event of the same document whose date
is precise enough (a day for days and weeks, a month for months); when that event has no
date either, they stay relative.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from unspin.model import JSON, Analysis, Finding
from unspin.timelines.dates import PRECISIONS, Interval, after_event, interval, shifted

__all__ = ["DatedEvent", "document_events", "events_in"]


@dataclass(frozen=True)
class DatedEvent:
    """One date of one claim sentence, with what the sentence says happened."""

    document_id: str
    claim_id: str
    sentence_start: int
    sentence_end: int
    sentence: str
    start: int  # the date expression's offsets in the document text
    end: int
    date_text: str
    iso: str | None  # the calendar ISO date (YYYY[-MM[-DD]], YYYY-Www or A/B); None: relative
    precision: str  # "day" | "week" | "month" | "year" | "range" | "relative"
    relative: bool  # written relative to the publication date or to another event
    resolved_against: str | None  # "publication 2025-03-14" | "event 2025-03-12" | None
    predicate: str | None
    actors: tuple[str, ...]
    polarity: str
    modality: str
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    #: "by Wednesday", "until 2026", "since 2019": a bound of the event, not its date
    bound: bool = False
    #: "..., officials said on Monday": when it was said, beside the event's own date
    reported: bool = False
    #: False for a date of another clause than the frame's predicate: no predicate, no
    #: actors, and ``what`` is the sentence's words up to the date
    own_clause: bool = True

    @property
    def interval(self) -> Interval | None:
        return interval(self.iso)

    @property
    def what(self) -> str:
        """ "Edwin Tarrow: say" (the frame's actors and predicate), or the sentence (at most
        80 characters) when the frame names no actor or no predicate, or the date is of
        another clause (then the 80 characters that end with the date when it lies further
        in)."""
        who = "; ".join(self.actors)
        negated = "not " if self.polarity == "negative" else ""
        if who and self.predicate:
            return f"{who}: {negated}{self.predicate}"
        text = " ".join(self.sentence.split())
        cut = self.end - self.sentence_start
        if self.sentence[cut : cut + 1] in (")", "]") and _unclosed(self.sentence[:cut]):
            cut += 1  # "... on Sunday (Sept. 7)": the bracket the date opened in closes
        upto = " ".join(self.sentence[:cut].split())
        if not self.own_clause and len(upto) > 80:
            # a date of another clause, far into its sentence: the words that lead up to
            # it ("… the calendar would end on 21 December 2012")
            tail = upto[-79:]
            return "…" + (tail.split(" ", 1)[1] if " " in tail[1:] else tail)
        return text if len(text) <= 80 else text[:79].rstrip() + "…"

    def to_dict(self) -> dict[str, JSON]:
        return {
            "document_id": self.document_id,
            "claim_id": self.claim_id,
            "sentence": {"start": self.sentence_start, "end": self.sentence_end,
                         "text": self.sentence},
            "anchor": {"start": self.start, "end": self.end, "text": self.date_text},
            "date": self.iso,
            "precision": self.precision,
            "relative": self.relative,
            "bound": self.bound,
            "reported": self.reported,
            "resolved_against": self.resolved_against,
            "what": self.what,
            "predicate": self.predicate,
            "actors": list(self.actors),
            "polarity": self.polarity,
            "modality": self.modality,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
        }  # fmt: skip


def _unclosed(text: str) -> bool:
    """``text`` opens a bracket it does not close ("flew by on Sunday (Sept. 7")."""
    return text.count("(") > text.count(")") or text.count("[") > text.count("]")


def _frame_dates(frame: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [d for d in frame.get("dates") or () if isinstance(d, Mapping)]


def _is_time_only(iso: str | None) -> bool:
    return bool(iso) and not str(iso)[:4].isdigit()


def events_in(
    text: str,
    claims: Iterable[Finding],
    *,
    document_id: str = "",
    published: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
) -> list[DatedEvent]:
    """The dated events of ``claims`` (``claim`` findings with a ``frame`` attribute) of
    a document whose text is ``text``, in text order."""
    out: list[DatedEvent] = []
    meta = {"title": title, "outlet": outlet, "published": published}
    for claim in sorted(claims, key=lambda f: f.start):
        frame = claim.attributes.get("frame")
        if not isinstance(frame, Mapping):
            continue
        # a reported predicate ("the ministry said eight soldiers were killed"): the actors
        # are the speaker's, so they go with the saying only, never with the predicate
        report = _str(frame.get("report"))
        found: list[tuple[int, int, str | None, bool, str | None, bool, bool]] = []
        for d in _frame_dates(frame):
            iso = d.get("iso")
            iso = str(iso) if iso else None
            if _is_time_only(iso):
                continue  # "at 3 p.m." alone: a time, not a date
            relative = bool(d.get("relative"))
            against = None
            if relative and iso:  # no publication date: the claims read the dateline's
                against = f"publication {published[:10]}" if published else "the dateline's date"
            own = d.get("main") is not False  # a date of another clause: not the predicate's
            on_report = d.get("said") is True  # the day of the saying
            found.append((int(d["start"]), int(d["end"]), iso, relative, against, own, on_report))
        taken = [(s, e) for s, e, *_ in found]
        for off in after_event(text, claim.start, claim.end):
            if any(s < off.end and off.start < e for s, e in taken):
                continue
            iso, against = _resolve_offset(out, found, off)
            found.append((off.start, off.end, iso, True, against, True, False))
        for start, end, iso, relative, against, own, on_report in sorted(found):
            span = interval(iso)
            said = _said_verb(text, start) or (report if on_report else None)
            # the frame's predicate and actors only for a date of its own clause; another
            # clause's date is told by its sentence ("... back in 2012, when the calendar
            # would end on 21 December 2012": the origin is not dated 21 December)
            what = said or (_str(frame.get("predicate")) if own else None)
            # a reported predicate's actors are the speaker's: the saying's only
            doers = said or (own and report is None)
            actors = tuple(str(a) for a in frame.get("actors") or ()) if doers else ()
            out.append(
                DatedEvent(
                    document_id=document_id,
                    claim_id=claim.id,
                    sentence_start=claim.start,
                    sentence_end=claim.end,
                    sentence=text[claim.start : claim.end],
                    start=start,
                    end=end,
                    date_text=text[start:end],
                    iso=span.iso if span else None,
                    precision=span.precision if span else "relative",
                    relative=relative,
                    bound=_is_bound(text, start, end),
                    reported=said is not None,
                    resolved_against=against if span else None,
                    # the day it was said dates the saying, not what was said
                    predicate=what,
                    actors=actors,
                    own_clause=own or said is not None,
                    polarity="positive" if said else str(frame.get("polarity") or "positive"),
                    modality="asserted" if said else str(frame.get("modality") or "asserted"),
                    **meta,
                )
            )
    return out


#: Words that make a date a bound ("by Wednesday"), just before the date or starting it.
_BOUND_BEFORE = re.compile(
    r"\b(?:by|until|till|before|since|as of|no later than|not before)\s+$", re.IGNORECASE
)
_BOUND_START = re.compile(r"(?:by|until|till|before|since|as of)\b", re.IGNORECASE)


#: A reporting verb just before a date ("said on Monday", "told reporters on Friday").
_REPORTED = re.compile(
    r"\b(?P<verb>said|says|told|announced|confirmed|reported|added|stated|wrote)"
    r"(?:\s+(?!on\b)\w+)?\s+(?:(?:late|early)\s+)?(?:on\s+)?$",
    re.IGNORECASE,
)
_SAID_LEMMA = {
    "said": "say", "says": "say", "told": "tell", "announced": "announce",
    "confirmed": "confirm", "reported": "report", "added": "add", "stated": "state",
    "wrote": "write",
}  # fmt: skip


def _said_verb(text: str, start: int) -> str | None:
    """The reporting verb (its lemma) the date at ``start`` follows ("the company said on
    Thursday": "say"): that date is when it was said, not when what was said happens."""
    m = _REPORTED.search(text[max(0, start - 40) : start])
    if m is None:
        return None
    return _SAID_LEMMA[m["verb"].lower()]


def _is_bound(text: str, start: int, end: int) -> bool:
    return bool(
        _BOUND_BEFORE.search(text[max(0, start - 16) : start])
        or _BOUND_START.match(text[start:end])
    )


def _str(value: Any) -> str | None:
    return str(value) if value else None


def _resolve_offset(
    before: Sequence[DatedEvent],
    here: Sequence[tuple[int, int, str | None, bool, str | None, bool, bool]],
    off: Any,
) -> tuple[str | None, str | None]:
    """``off`` resolved against the nearest earlier date precise enough (same sentence
    first, then earlier events); unresolved when that date is itself unresolved."""
    need = PRECISIONS.index(off.needs)
    earlier = [(s, iso) for s, _, iso, *_ in here if s < off.start]
    earlier.sort(reverse=True)
    candidates = [iso for _, iso in earlier] + [e.iso for e in reversed(before)]
    for iso in candidates:
        span = interval(iso)
        if span is None:
            if iso is None:
                return None, None  # the event before has no date: this one stays relative
            continue
        if span.precision != "range" and PRECISIONS.index(span.precision) <= need:
            return shifted(span, off), f"event {span.iso}"
    return None, None


def document_events(analysis: Analysis) -> list[DatedEvent]:
    """The dated events of an analysis (its ``claim`` findings' frames), in text order."""
    doc = analysis.document
    return events_in(
        doc.text,
        analysis.by_kind("claim"),
        document_id=doc.id,
        published=doc.published,
        title=doc.title,
        outlet=doc.outlet,
    )
