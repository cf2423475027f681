"""Technique spans in every report format: counts per technique and density per 1,000 words."""

from __future__ import annotations

import json

from unspin.model import Document
from unspin.report import render_html, render_json, render_markdown
from unspin.techniques import ptc
from unspin.techniques.report import technique_counts

LL, NC = "Loaded_Language", "Name_Calling,Labeling"
# 23 \w+ words (tag letters count): "disastrous" twice (LL), "clowns" once (NC)
TEXT = (
    "The disastrous plan failed. The clowns on the <b>board</b> voted for it anyway, "
    "and the disastrous result is clear to all."
)


def _analysis() -> object:
    doc = Document(TEXT, source="article5.txt")
    first = TEXT.index("disastrous")
    second = TEXT.index("disastrous", first + 1)
    clowns = TEXT.index("clowns")
    spans = [
        ptc.Span("5", first, first + 10, LL),
        ptc.Span("5", second, second + 10, LL),
        ptc.Span("5", clowns, clowns + 6, NC),
    ]
    return ptc.analysis_from_labels(doc, spans)


def test_counts_and_density_are_read_off_the_findings() -> None:
    analysis = _analysis()
    t = technique_counts(analysis)  # type: ignore[arg-type]
    assert t["counts"] == {LL: 2, NC: 1}
    assert t["words"] == 23 and t["total"] == 3
    assert t["per_1000_words"] == round(3000 / 23, 2)
    assert t["density"][NC] == round(1000 / 23, 2)


def test_no_techniques_no_section() -> None:
    analysis = ptc.analysis_from_labels(Document("Plain words here."), [])
    assert 'id="techniques"' not in render_html(analysis)
    assert "Persuasion techniques" not in render_markdown(analysis)


def test_html_lists_techniques_with_density_and_links_to_spans() -> None:
    page = render_html(_analysis())  # type: ignore[arg-type]
    block = page.split('id="techniques"', 1)[1].split("</section>", 1)[0]
    assert LL in block and NC in block
    assert "130.43" in block  # 3 spans in 23 words
    assert "techniques per 1,000 words" in page
    assert "<b>board</b>" not in page


def test_markdown_lists_techniques_with_density() -> None:
    md = render_markdown(_analysis())  # type: ignore[arg-type]
    section = md.split("## Persuasion techniques", 1)[1]
    assert "3 span(s) in 23 words: 130.43 per 1,000 words" in section
    assert f"| {LL} | 2 | 86.96 |" in section.replace("\\_", "_")


def test_json_carries_the_summary_of_imported_labels() -> None:
    data = json.loads(render_json(_analysis()))  # type: ignore[arg-type]
    summary = data["summaries"]["ptc-labels"]
    assert summary["counts"] == {LL: 2, NC: 1} and summary["per_1000_words"] == 130.43


def test_a_threshold_that_hid_every_span_says_so_without_an_empty_table() -> None:
    from unspin.model import Analysis

    point = {"threshold": 0.55, "default_threshold": 0.55, "cv_at_default": {"precision": 0.59}}
    analysis = Analysis(
        Document("Plain words here."), summaries={"techniques": {"operating_point": point}}
    )
    block = render_html(analysis).split('id="techniques"', 1)[1].split("</section>", 1)[0]
    assert "shown: spans scoring ≥ 0.55" in block and "<table" not in block
