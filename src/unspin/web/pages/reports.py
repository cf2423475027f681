"""The values of a report page: the shared report body (``report/body.html``, from
:func:`unspin.report.report_context`), with links to the other documents' pages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

from unspin import app as unspin_app
from unspin import report

__all__ = ["report_values"]


def report_values(
    analysis: unspin_app.Analysis, titles: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """What ``report.html`` needs to show ``analysis``: the report body's values, the
    document, and ``report_body`` (the template includes ``report/body.html``)."""
    titles = dict(titles or {})
    links = {doc_id: f"/documents/{quote(doc_id, safe='')}" for doc_id in titles}
    values = report.report_context(analysis, links=links, titles=titles)
    return {**values, "document": analysis.document, "report_body": True}
