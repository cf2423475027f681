"""A timeline as plain text and as CSV rows (one row per mention)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from unspin.model import JSON
from unspin.timelines.merge import Timeline, TimelineEvent

__all__ = ["CSV_COLUMNS", "csv_rows", "render_text"]

#: The columns of ``-f csv``: one row per mention of an event.
CSV_COLUMNS = (
    "event",
    "order",
    "event_date",
    "precision",
    "conflict",
    "what",
    "document_id",
    "title",
    "outlet",
    "published",
    "date_text",
    "start",
    "end",
    "mention_date",
    "mention_precision",
    "resolved_against",
    "sentence",
)


def csv_rows(timeline: Timeline) -> Iterator[dict[str, JSON]]:
    """One row per mention, events in timeline order (undated ones last, order empty)."""
    for k, event in enumerate(timeline.events, 1):
        dated = event.iso is not None
        for m in event.mentions:
            yield {
                "event": event.id,
                "order": k if dated else None,
                "event_date": event.iso,
                "precision": event.precision,
                "conflict": event.conflict,
                "what": event.what,
                "document_id": m.document_id,
                "title": m.title,
                "outlet": m.outlet,
                "published": m.published,
                "date_text": m.date_text,
                "start": m.start,
                "end": m.end,
                "mention_date": m.iso,
                "mention_precision": m.precision,
                "resolved_against": m.resolved_against,
                "sentence": m.sentence,
            }


def _when(event: TimelineEvent) -> str:
    if event.iso is None:
        return f'"{event.first.date_text}" (unresolved)'
    return f"{event.iso} ({event.precision})"


def render_text(timeline: Timeline, titles: Mapping[str, str] | None = None) -> str:
    """Events one per block: date, what, each mention with its document and anchor."""
    titles = titles or {}
    lines: list[str] = []
    for event in timeline.events:
        flag = "  ! " + event.conflict_note if event.conflict else ""
        lines.append(f"{_when(event)}  {event.what}{flag}")
        for m in event.mentions:
            doc = titles.get(m.document_id) or m.title or m.document_id
            date = m.iso or "relative"
            how = f", from {m.resolved_against}" if m.resolved_against else ""
            lines.append(
                f'    {date}  [{doc}] "{m.date_text}" @{m.start}-{m.end}{how}: {m.sentence}'
            )
    count = len(timeline.events)
    lines.append(
        f"{count} event(s), {sum(len(e.mentions) for e in timeline.events)} mention(s), "
        f"{len(timeline.undated)} left relative, {len(timeline.conflicts)} with conflicting dates"
    )
    return "\n".join(lines)
