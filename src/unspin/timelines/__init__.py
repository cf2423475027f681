"""Timelines: dated events of a document or a corpus, merged, ordered, conflicts flagged.

* :func:`document_events`: every date of every claim sentence of an analysis, with what
  the claim frame says happened (predicate, actors), the resolved date, its precision and
  its anchor (the offsets of the date expression); dates left relative stay relative,
  and "two days later" is resolved against the event told before (:mod:`.events`);
* :func:`build_timeline`: mentions of one event (across documents) merged, events
  ordered by date, an event whose mentions give incompatible dates flagged (:mod:`.merge`);
* :func:`render_svg`, :func:`render_text`, :func:`csv_rows`: the chart (inline SVG, no
  script), text and CSV rows;
* the ``timelines`` analyzer puts a document's timeline in its analysis summary, and the
  report shows it (:mod:`.report`).

It reads only what the ``claims`` analyzer stores (its ``claim`` findings' frames, through
:mod:`unspin.frames`), so it needs no table of its own.
"""

from __future__ import annotations

from unspin.timelines.events import DatedEvent, document_events, events_in
from unspin.timelines.merge import Timeline, TimelineEvent, build_timeline, same_event
from unspin.timelines.render import CSV_COLUMNS, csv_rows, render_text
from unspin.timelines.svg import render_svg

__all__ = [
    "CSV_COLUMNS",
    "DatedEvent",
    "Timeline",
    "TimelineEvent",
    "build_timeline",
    "csv_rows",
    "document_events",
    "events_in",
    "render_svg",
    "render_text",
    "same_event",
]
