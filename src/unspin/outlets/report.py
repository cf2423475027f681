"""The outlets feature in the reports: published ratings of the document's outlet and of
the outlets it cites, each with its source and year (never combined)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from unspin.model import Analysis
from unspin.report.htmlkit import esc, finding_button
from unspin.report.sections import ReportContext, Section

__all__ = ["SECTIONS", "OutletsSection"]


def _rating_items(ratings: Any) -> str:
    if not isinstance(ratings, (list, tuple)) or not ratings:
        return '<span class="none">none</span>'
    items = []
    for r in ratings:
        if not isinstance(r, Mapping):
            continue
        skip = {"source", "dataset", "year", "scale", "reference"}
        values = ", ".join(f"{k} {v}" for k, v in r.items() if k not in skip)
        year = f" ({r.get('year')})" if r.get("year") else ""
        items.append(
            f'<li title="{esc(r.get("dataset", ""))}: {esc(r.get("scale", ""))}">'
            f"<strong>{esc(r.get('source', '?'))}</strong>{esc(year)}: {esc(values)}</li>"
        )
    return f'<ul class="ratings">{"".join(items)}</ul>'


def _outlets_block(analysis: Analysis) -> str:
    """Published ratings of the document's outlet and of the outlets it cites, each with
    its source and year (never combined)."""
    summary = analysis.summaries.get("outlets", {})
    cited = analysis.by_kind("outlet")
    own = summary.get("document_domain")
    if not cited and not own:
        return ""
    index = {f.id: i for i, f in enumerate(analysis.findings)}
    rows = []
    if own:
        rows.append(
            f"<tr><td>{esc(own)}</td><td>this document (its URL)</td>"
            f"<td>{_rating_items(summary.get('document_ratings'))}</td></tr>"
        )
    seen: set[str] = set()
    for f in cited:
        domain = str(f.attributes.get("domain", ""))
        if domain in seen:
            continue
        seen.add(domain)
        how = f"{esc(f.label)}: {finding_button(index[f.id], f)}" if f.id in index else esc(f.label)
        rows.append(
            f"<tr><td>{esc(domain)}</td><td>{how}</td>"
            f"<td>{_rating_items(f.attributes.get('ratings'))}</td></tr>"
        )
    return (
        '<section id="outlets" class="block"><h2>Outlet ratings</h2>'
        '<p class="hint">Published ratings, each with its source and year, shown side by side '
        "as published; unspin combines none of them into a score.</p>"
        '<table class="grid outlets"><thead><tr><th>outlet</th><th>cited as</th>'
        f"<th>ratings</th></tr></thead><tbody>{''.join(rows)}</tbody></table></section>"
    )


class OutletsSection(Section):
    """The table "Outlet ratings" of the HTML report."""

    name = "outlets"
    title = "Outlet ratings"

    def html(self, ctx: ReportContext) -> str:
        return _outlets_block(ctx.analysis)


SECTIONS = (OutletsSection(),)
