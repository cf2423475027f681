"""The timelines feature in the reports: the document's dated events as a chart (inline
SVG, no script) and a table (HTML), and as a list (Markdown), conflicting dates flagged.

The timeline is recomputed from the analysis' claims (their frames), so a report of a
stored analysis or of one analysed in windows shows the whole text's timeline.
"""

from __future__ import annotations

from unspin.report.htmlkit import esc, finding_button
from unspin.report.markdown import md_escape
from unspin.report.sections import APPENDIX, ReportContext, Section
from unspin.timelines.events import document_events
from unspin.timelines.merge import Timeline, build_timeline
from unspin.timelines.svg import render_svg

__all__ = ["SECTIONS", "TimelineSection"]


def _timeline(ctx: ReportContext) -> Timeline:
    return build_timeline(document_events(ctx.analysis))


def _when(iso: str | None, precision: str, text: str) -> str:
    if iso is None:
        return f"“{text}” (unresolved)"
    return iso if precision == "day" else f"{iso} ({precision})"


class TimelineSection(Section):
    """The section "Timeline"."""

    name = "timelines"
    title = "Timeline"
    slot = APPENDIX

    def applies(self, ctx: ReportContext) -> bool:
        return bool(document_events(ctx.analysis))

    def html(self, ctx: ReportContext) -> str:
        timeline = _timeline(ctx)
        rows = []
        for e in timeline.events:
            for m in e.mentions:
                i = ctx.index.get(m.claim_id)
                what = (
                    finding_button(i, ctx.analysis.findings[i])
                    if i is not None
                    else esc(m.sentence)
                )
                how = _against(" from", m.resolved_against)
                flag = (
                    f' <strong class="warn">{esc(e.conflict_note)}</strong>' if e.conflict else ""
                )
                rows.append(
                    f"<tr><td>{esc(_when(e.iso, e.precision, m.date_text))}</td>"
                    f"<td>“{esc(m.date_text)}” → {esc(m.iso or 'unresolved')}{esc(how)}{flag}</td>"
                    f"<td>{what}</td></tr>"
                )
        return (
            '<section id="timeline" class="block"><h2>Timeline</h2>'
            '<p class="hint">Dated events of this text: each date of a claim, resolved against '
            "the publication date (or the event told before, for “two days later”), with the "
            "words that give it. Mentions of one event are merged; an event given two "
            "different dates is flagged.</p>"
            f'<figure class="timeline">{render_svg(timeline, title="Timeline")}</figure>'
            '<table class="grid timeline"><thead><tr><th>event date</th><th>written as</th>'
            f"<th>claim</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
        )

    def markdown(self, ctx: ReportContext) -> str:
        timeline = _timeline(ctx)
        lines = ["## Timeline", ""]
        for e in timeline.events:
            flag = f" **{md_escape(e.conflict_note)}**" if e.conflict else ""
            lines.append(
                f"- {md_escape(_when(e.iso, e.precision, e.first.date_text))}: "
                f"{md_escape(e.first.sentence, 160)}{flag}"
            )
            for m in e.mentions:
                how = _against(", from", m.resolved_against)
                lines.append(
                    f"  - “{md_escape(m.date_text)}” (characters {m.start}-{m.end}) → "
                    f"{md_escape(m.iso or 'unresolved')}{md_escape(how)}"
                )
        lines.append("")
        return "\n".join(lines)


def _against(lead: str, against: str | None) -> str:
    """How a date was resolved: "from the publication 2025-06-06", "from the dateline's
    date" (that value has its own article: not "from the the dateline's date")."""
    if not against:
        return ""
    return f"{lead} {against}" if against.startswith("the ") else f"{lead} the {against}"


SECTIONS = (TimelineSection(),)
