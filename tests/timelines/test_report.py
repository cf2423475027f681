"""The timeline section of the HTML and Markdown reports."""

from __future__ import annotations

import re

import unspin
from unspin.model import Analysis, Document
from unspin.report import render_html, render_markdown
from unspin.report.sections import ReportContext
from unspin.timelines import DatedEvent, build_timeline, document_events, render_svg
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


def test_a_text_analysed_in_windows_gets_its_whole_timeline() -> None:
    para = "The Tallowmere ferry left on Monday. The harbour board met on Tuesday.\n\n"
    text = para * 60 + "Crews walked out on Wednesday.\n"
    config = {
        "pipeline": {
            "backbone": "fake",
            "analyzers": ["sources", "claims", "timelines"],
            "window_chars": 1600,
            "window_overlap": 400,
        }
    }
    analysis = unspin.analyze(Document(text, published="2025-06-06"), config)
    assert "windows" in analysis.summaries
    events = document_events(analysis)
    assert {e.iso for e in events} == {"2025-06-02", "2025-06-03", "2025-06-04"}
    assert all(text[e.start : e.end] == e.date_text for e in events)
    md = render_markdown(analysis)
    assert "2025-06-04" in md[md.index("## Timeline") :]


def test_the_chart_escapes_hostile_text() -> None:
    hostile = 'Riot on Monday <script>alert(1)</script> "x" & <img src=x onerror=alert(2)>.'
    event = DatedEvent(
        document_id="d",
        claim_id="c",
        sentence_start=0,
        sentence_end=len(hostile),
        sentence=hostile,
        start=9,
        end=15,
        date_text="Monday",
        iso="2025-06-02",
        precision="day",
        relative=True,
        resolved_against=None,
        predicate="riot",
        actors=(),
        polarity="positive",
        modality="asserted",
        title="<b>t</b>",
    )
    svg = render_svg(build_timeline([event]), title="<script>t</script>")
    assert "<script" not in svg and "<img" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg
