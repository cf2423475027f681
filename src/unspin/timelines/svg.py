"""A timeline as an inline SVG chart: no script, no style element or attribute (the web
pages' Content-Security-Policy allows neither), every text escaped.

On top, a scale from the first to the last dated event with a mark per event (a dot for
a day, a bar over the days of a week, month or year), so gaps show; below, one row per
event in order: its date and precision, what happened, how many documents tell it, and,
for an event whose mentions give different dates, those dates in red. Events left
relative follow under "Not dated", with the words that date them. Each row has a
``<title>`` (shown on hover) with its sentence and documents.
"""

from __future__ import annotations

from datetime import date
from html import escape

from unspin.timelines.merge import Timeline, TimelineEvent

__all__ = ["render_svg"]

WIDTH = 760
ROW = 22
_LEFT = 150  # the date column
_AXIS_Y = 44
_RED = "#b3261e"
_INK = "#1f2933"
_MUTED = "#6b7280"
_MARK = "#2563eb"


def _esc(text: object) -> str:
    return escape(str(text), quote=True)


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _axis(events: tuple[TimelineEvent, ...]) -> list[str]:
    spans = [e.interval for e in events]
    days = [s for s in spans if s is not None]
    if not days:
        return []
    lo = min(s.first for s in days)
    hi = max(s.last for s in days)
    total = max((hi - lo).days, 1)
    x0, x1 = 20, WIDTH - 20

    def x(d: date) -> float:
        return x0 + (x1 - x0) * ((d - lo).days / total)

    out = [
        f'<line x1="{x0}" y1="{_AXIS_Y}" x2="{x1}" y2="{_AXIS_Y}" stroke="{_MUTED}" '
        'stroke-width="1"/>',
        f'<text x="{x0}" y="{_AXIS_Y + 16}" font-size="11" fill="{_MUTED}">{_esc(lo)}</text>',
        f'<text x="{x1}" y="{_AXIS_Y + 16}" font-size="11" fill="{_MUTED}" '
        f'text-anchor="end">{_esc(hi)}</text>',
    ]
    for e, s in zip(events, spans, strict=True):
        if s is None:
            continue
        colour = _RED if e.conflict else _MARK
        a, b = x(s.first), x(s.last)
        if b - a < 3:
            tip = f"<title>{_esc(e.iso)}: {_esc(e.what)}</title>"
            out.append(f'<circle cx="{a:.1f}" cy="{_AXIS_Y}" r="4" fill="{colour}" '
                       f'fill-opacity="0.7">{tip}</circle>')  # fmt: skip
        else:
            out.append(f'<rect x="{a:.1f}" y="{_AXIS_Y - 4}" width="{b - a:.1f}" height="8" '
                       f'fill="{colour}" fill-opacity="0.25"><title>{_esc(e.iso)}: '
                       f"{_esc(e.what)}</title></rect>")  # fmt: skip
    return out


def _row(e: TimelineEvent, y: int, when: str) -> tuple[list[str], int]:
    colour = _RED if e.conflict else _MARK
    docs = len(e.documents)
    tip = f"{e.first.sentence} ({docs} document{'s' if docs != 1 else ''})"
    out = [f'<g class="tl-event{" tl-conflict" if e.conflict else ""}"><title>{_esc(tip)}</title>']
    out.append(f'<circle cx="{_LEFT - 10}" cy="{y - 4}" r="5" fill="{colour}"/>')
    out.append(f'<text x="{_LEFT - 22}" y="{y}" font-size="12" fill="{_INK}" '
               f'text-anchor="end">{_esc(when)}</text>')  # fmt: skip
    label = _short(e.first.sentence, 84)
    more = f"  ×{docs}" if docs > 1 else ""
    out.append(f'<text x="{_LEFT + 4}" y="{y}" font-size="12" fill="{_INK}">{_esc(label)}'
               f'<tspan fill="{_MUTED}">{_esc(more)}</tspan></text>')  # fmt: skip
    height = ROW
    if e.conflict:
        out.append(f'<text x="{_LEFT + 4}" y="{y + 15}" font-size="11" fill="{_RED}">'
                   f"{_esc(_short(e.conflict_note, 100))}</text>")  # fmt: skip
        height += 15
    out.append("</g>")
    return out, height


def render_svg(timeline: Timeline, *, title: str = "Timeline") -> str:
    """The chart of ``timeline`` as one ``<svg>`` element (see the module docstring)."""
    body: list[str] = [
        f'<text x="20" y="20" font-size="14" font-weight="bold" fill="{_INK}">{_esc(title)}'
        f'<tspan font-weight="normal" fill="{_MUTED}">  {len(timeline.dated)} dated, '
        f"{len(timeline.undated)} relative, {len(timeline.conflicts)} conflicting</tspan></text>",
        *_axis(timeline.dated),
    ]
    y = _AXIS_Y + 44
    rows: list[str] = []
    for e in timeline.dated:
        when = e.iso if e.precision == "day" else f"{e.iso} ({e.precision})"
        drawn, h = _row(e, y, str(when))
        rows.extend(drawn)
        y += h
    if timeline.dated:  # the spine, drawn under the rows' dots
        body.append(f'<line x1="{_LEFT - 10}" y1="{_AXIS_Y + 30}" x2="{_LEFT - 10}" '
                    f'y2="{y - ROW}" stroke="#d1d5db"/>')  # fmt: skip
    body.extend(rows)
    if timeline.undated:
        y += 8
        body.append(f'<text x="20" y="{y}" font-size="12" font-weight="bold" fill="{_MUTED}">'
                    "Not dated (unresolved: nothing in the text anchors them)</text>")  # fmt: skip
        y += ROW
        for e in timeline.undated:
            drawn, h = _row(e, y, f"“{_short(e.first.date_text, 18)}”")
            body.extend(drawn)
            y += h
    height = y + 6
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline-chart" role="img" '
        f'width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'font-family="sans-serif"><title>{_esc(title)}</title>' + "".join(body) + "</svg>"
    )
