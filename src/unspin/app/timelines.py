"""Timelines of a corpus: the dated events of stored documents, merged and ordered.

:func:`corpus_timeline` reads the claims' frames stored with each analysis (no table of
its own) and hands them to :mod:`unspin.timelines`. Its ``documents`` and ``spans``
narrow it to a set of documents or of sentences (a narrative's claims, a search's hits);
:func:`timeline_for` reads those of a narrative or a story from the narratives' tables,
:func:`narrative_timelines` many narratives' at once.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Literal, TextIO

from unspin.app.readers import reading
from unspin.errors import ConfigError, NotFoundError, UnknownDocumentError
from unspin.files import csv_safe
from unspin.model import JSON, Analysis
from unspin.narratives import NarrativeTable
from unspin.store import Filters
from unspin.timelines import (
    CSV_COLUMNS,
    DatedEvent,
    Timeline,
    build_timeline,
    csv_rows,
    document_events,
    render_svg,
    render_text,
)

__all__ = [
    "TIMELINE_FORMATS",
    "Timeline",
    "TimelineFormat",
    "UnknownNarrativeError",
    "analysis_timeline",
    "compact_timeline",
    "corpus_timeline",
    "narrative_timelines",
    "timeline_for",
    "timeline_of",
    "timeline_svg",
    "write_timeline",
]

TimelineFormat = Literal["text", "json", "csv"]
TIMELINE_FORMATS: tuple[str, ...] = ("text", "json", "csv")
#: A span of a stored document: (document id, start, end) in characters.
Span = tuple[str, int, int]


def _selected(
    events: list[DatedEvent], spans: Mapping[str, list[tuple[int, int]]] | None
) -> list[DatedEvent]:
    if spans is None:
        return events
    return [
        e
        for e in events
        if any(s < e.sentence_end and e.sentence_start < t for s, t in spans.get(e.document_id, ()))
    ]


def _by_document(spans: Iterable[Span]) -> dict[str, list[tuple[int, int]]]:
    by_doc: dict[str, list[tuple[int, int]]] = {}
    for doc, start, end in spans:
        by_doc.setdefault(doc, []).append((start, end))
    return by_doc


def timeline_of(analyses: Iterable[Analysis], spans: Iterable[Span] | None = None) -> Timeline:
    """The timeline of ``analyses`` (only the sentences overlapping ``spans`` when given)."""
    by_doc = None if spans is None else _by_document(spans)
    events: list[DatedEvent] = []
    for analysis in analyses:
        if by_doc is not None and analysis.document.id not in by_doc:
            continue
        events.extend(_selected(document_events(analysis), by_doc))
    return build_timeline(events)


def analysis_timeline(analysis: Analysis) -> Timeline:
    """The timeline of one analysed document."""
    return timeline_of([analysis])


def corpus_timeline(
    db: str | Path | None,
    *,
    document: str | None = None,
    documents: Iterable[str] | None = None,
    spans: Iterable[Span] | None = None,
    filters: Filters | None = None,
) -> Timeline:
    """The timeline of the stored documents: all of them (matching ``filters``), one
    (``document``), a set (``documents``), or the sentences overlapping ``spans``
    (``(document id, start, end)``: a narrative's claims, say). Raises
    :class:`~unspin.errors.UnknownDocumentError` for a document the store does not hold."""
    chosen = [document] if document else (list(documents) if documents is not None else None)
    span_list = list(spans) if spans is not None else None
    if chosen is None and span_list is not None:
        chosen = list(dict.fromkeys(doc for doc, _, _ in span_list))
    with reading(db) as store:
        if chosen is None:
            return timeline_of(store.iter_analyses(filters), span_list)
        analyses = []
        for doc_id in chosen:
            try:
                analyses.append(store.get_analysis(doc_id))
            except KeyError:
                raise UnknownDocumentError(f"no document {doc_id!r} in {store.url}") from None
        return timeline_of(analyses, span_list)


class UnknownNarrativeError(NotFoundError):
    """No narrative (or story) of this id in the store."""


def timeline_for(
    db: str | Path | None,
    *,
    document: str | None = None,
    narrative: int | None = None,
    story: int | None = None,
    filters: Filters | None = None,
) -> Timeline:
    """The timeline of one narrative (the events its claims' sentences tell), else of one
    story (its documents'), else :func:`corpus_timeline` of ``document`` or ``filters``.
    Raises :class:`UnknownNarrativeError` for an id the store has no narrative or story
    of."""
    if narrative is None and story is None:
        return corpus_timeline(db, document=document, filters=filters)
    with reading(db) as store:
        table = store.repository(NarrativeTable)
        if narrative is not None:
            spans = table.narrative_spans(narrative)
            documents = list(dict.fromkeys(doc for doc, _, _ in spans))
            what = f"narrative {narrative}"
        else:
            spans, documents = None, table.story_documents(story or 0)
            what = f"story {story}"
        if not documents:
            raise UnknownNarrativeError(f"no {what} in {store.url}")
    return corpus_timeline(db, documents=documents, spans=spans)


def narrative_timelines(
    db: str | Path | None, spans: Mapping[int, Iterable[Span]]
) -> dict[int, Timeline]:
    """The timeline of each narrative (id -> its claims' spans), each document's events
    read once; documents the store no longer holds are left out."""
    by_narrative = {nid: _by_document(s) for nid, s in spans.items()}
    wanted = dict.fromkeys(d for by_doc in by_narrative.values() for d in by_doc)
    events: dict[str, list[DatedEvent]] = {}
    with reading(db) as store:
        for doc_id in wanted:
            try:
                events[doc_id] = document_events(store.get_analysis(doc_id))
            except KeyError:
                continue
    return {
        nid: build_timeline(
            e for doc_id in by_doc for e in _selected(events.get(doc_id, []), by_doc)
        )
        for nid, by_doc in by_narrative.items()
    }


def compact_timeline(timeline: Timeline) -> list[dict[str, JSON]]:
    """The dated events of ``timeline``, compact: date, precision, what happened, whether
    its mentions give conflicting dates (and which), and where each date is written."""
    return [
        {
            "date": e.iso,
            "precision": e.precision,
            "what": e.what,
            "conflict": e.conflict,
            "conflict_note": e.conflict_note or None,
            "mentions": [
                {"document_id": m.document_id, "start": m.start, "end": m.end, "text": m.date_text}
                for m in e.mentions
            ],
        }
        for e in timeline.dated
    ]


def timeline_svg(timeline: Timeline, *, title: str = "Timeline") -> str:
    """The timeline as an inline SVG chart (no script)."""
    return render_svg(timeline, title=title)


def write_timeline(out: TextIO, timeline: Timeline, fmt: str) -> int:
    """``timeline`` written as text, JSON (one object) or CSV (one row per mention, cells
    that a spreadsheet would run as a formula quoted); returns the number of events."""
    if fmt == "json":
        out.write(json.dumps(timeline.to_dict(), ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS))
        writer.writeheader()
        for row in csv_rows(timeline):
            writer.writerow(csv_safe(row))
    elif fmt == "text":
        if timeline.events:
            out.write(render_text(timeline) + "\n")
    else:
        raise ConfigError(
            f"unknown timeline format {fmt!r}; use one of {', '.join(TIMELINE_FORMATS)}"
        )
    return len(timeline.events)
