"""The ``timelines`` analyzer: a document's timeline in its analysis summary.

It reads the ``claim`` findings of the ``claims`` analyzer (their frames' resolved dates,
predicates and actors, :mod:`unspin.timelines.events`), merges the mentions of one event,
orders the events and flags conflicting dates (:mod:`unspin.timelines.merge`). It adds no
finding; its summary (under ``"timelines"`` in the JSON output) is::

    {"events": [{"id", "what", "sentence", "date", "precision", "conflict",
                 "conflict_note", "dates": [{"date", "documents"}], "documents",
                 "mentions": [{"claim_id", "anchor": {"start", "end", "text"}, "date",
                               "precision", "relative", "resolved_against", ...}]}],
     "undated": [...], "conflicts": N, "mentions": N}

``date`` is a calendar ISO value (``YYYY``, ``YYYY-MM``, ``YYYY-Www``, ``YYYY-MM-DD`` or a
range ``A/B``) or None for a date left relative; ``precision`` says which. A text long
enough to be analysed in windows (``[pipeline] window_chars``) gets its timeline computed
again from the windows' merged claims (the pipeline does so for every analyzer that reads
findings alone and adds none), so it is the whole text's, with offsets on the whole text.
"""

from __future__ import annotations

from typing import ClassVar

from unspin.analyzer import Analyzer, AnalyzerResult, Context, register
from unspin.options import NoOptions
from unspin.timelines.events import events_in
from unspin.timelines.merge import build_timeline

__all__ = ["TimelinesAnalyzer"]


@register("timelines")
class TimelinesAnalyzer(Analyzer[NoOptions]):
    """Dated events of the document, merged and ordered, conflicting dates flagged."""

    version = "0.1.0"
    requires: ClassVar[tuple[str, ...]] = ("claim",)
    languages = ("en",)  # reads the English claim frames
    produces = ()

    def run(self, ctx: Context) -> AnalyzerResult:
        doc = ctx.document
        events = events_in(
            ctx.text,
            ctx.of_kind("claim"),
            document_id=doc.id,
            published=doc.published,
            title=doc.title,
            outlet=doc.outlet,
        )
        return AnalyzerResult((), build_timeline(events).to_dict())
