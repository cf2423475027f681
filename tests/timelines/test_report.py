"""The timeline section of the HTML and Markdown reports."""

from __future__ import annotations

import re

from unspin.model import Analysis, Document
from unspin.report import render_html, render_markdown
from unspin.report.sections import ReportContext
from unspin.timelines.report import TimelineSection


def test_html_report_shows_the_svg_timeline_without_external_script(
    analyses: dict[str, Analysis],
) -> None:
    html = render_html(analyses["first"])
    section = html[html.index('<section id="timeline"') :]
    section = section[: section.index("</section>")]
    assert "<svg" in section and "timeline-chart" in section
    assert "2025-06-04" in section and "Two days later" in section
    assert not re.search(r"<script[^>]*\bsrc\s*=\s*[\"']?https?:", html, re.I)
    svg = section[section.index("<svg") : section.index("</svg>")]
    assert "<script" not in svg and "style=" not in svg and "<style" not in svg


def test_markdown_report_lists_the_events(analyses: dict[str, Analysis]) -> None:
    md = render_markdown(analyses["first"])
    part = md[md.index("## Timeline") :]
    assert "2025-06-06" in part and "“Two days later”" in part
    assert "event 2025-06-04" in part


def test_no_section_without_dated_claims() -> None:
    plain = Analysis(document=Document("No date here at all."))
    assert not TimelineSection().applies(ReportContext(plain))
    assert '<section id="timeline"' not in render_html(plain)
