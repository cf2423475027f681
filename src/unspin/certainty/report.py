"""The certainty feature in the reports: hedges, boosters, vague attributions, balance.

The HTML report shows them in its summary strip (the report core reads them off any
analysis); this module adds the Markdown section "Certainty", at the end of the report.
"""

from __future__ import annotations

from unspin.report.common import certainty_counts, number
from unspin.report.markdown import md_escape
from unspin.report.sections import APPENDIX, ReportContext, Section

__all__ = ["SECTIONS", "CertaintySection"]

_KINDS = ("hedge", "booster", "vague_attribution")


class CertaintySection(Section):
    """The section "Certainty" of the Markdown report."""

    name = "certainty"
    title = "Certainty"
    slot = APPENDIX

    def applies(self, ctx: ReportContext) -> bool:
        analysis = ctx.analysis
        return analysis.summaries.get("certainty") is not None or any(
            f.kind in _KINDS for f in analysis.findings
        )

    def markdown(self, ctx: ReportContext) -> str:
        c = certainty_counts(ctx.analysis)
        lines = [
            "## Certainty",
            "",
            f"- Hedges: {c['hedges']}",
            f"- Boosters: {c['boosters']}",
            f"- Vague attributions: {c['vague_attributions']}",
        ]
        bal = c["balance"]
        if bal is not None:
            num = number(bal)
            lines.append(f"- Balance: {f'{num:+.2f}' if num is not None else md_escape(bal)}")
        lines.append("")
        return "\n".join(lines)


SECTIONS = (CertaintySection(),)
