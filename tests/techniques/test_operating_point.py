"""The techniques' operating point: the threshold and "all candidates" options, the line
the reports state, and one technique highlight per character in the HTML report."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from unspin.app.pipelines import pipeline_config
from unspin.config import load_config
from unspin.model import Analysis, Document
from unspin.nlp import Backbone
from unspin.pipeline import Pipeline
from unspin.report import render_html, render_markdown
from unspin.techniques.analyzer import DEFAULT_THRESHOLD, TechniquesAnalyzer
from unspin.techniques.report import audit_line, operating_point_line
from unspin.techniques.tagger import DEFAULT_DIR

needs_model = pytest.mark.skipif(
    not (DEFAULT_DIR / "si_tagger.npz").exists(),
    reason="the techniques model is not trained yet: run training/techniques/train.py",
)

TEXT = (
    "Corrupt elites want to destroy our great nation!\n\n"
    "The mayor said the budget was approved on Monday. Critics asked why the vote was so "
    "rushed. Corrupt elites, they said, always win. Make the city great again!"
)


def _analyze(backbone: Backbone, **options: object) -> Analysis:
    config = load_config({"analyzers": {"techniques": options}}, analyzers=["techniques"])
    return Pipeline(config, backbone=backbone).analyze(Document(TEXT))


class _Marks(HTMLParser):
    """Per character of the #text article: the technique marks covering it."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.stack: list[dict[str, str]] = []
        self.per_char: list[list[dict[str, str]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if a.get("id") == "text":
            self.depth = 1
        elif self.depth:
            self.depth += tag not in ("br", "wbr")
            if tag == "mark":
                self.stack.append(a)

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1
            if tag == "mark" and self.stack:
                self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.depth:
            marks = [m for m in self.stack if m.get("data-kind") == "technique"]
            self.per_char += [marks] * len(data)


@needs_model
def test_threshold_and_all_candidates_change_what_is_shown(fake_backbone: Backbone) -> None:
    every = _analyze(fake_backbone, all_candidates=True, threshold=1.0)
    none = _analyze(fake_backbone, threshold=1.0)
    assert every.by_kind("technique") and not none.by_kind("technique")
    scores = sorted(f.attributes["span_score"] for f in every.by_kind("technique"))
    middle = scores[len(scores) // 2]
    some = _analyze(fake_backbone, threshold=middle)
    shown = some.by_kind("technique")
    assert shown and all(f.attributes["span_score"] >= middle for f in shown)
    assert len(shown) < len(every.by_kind("technique"))
    point = some.summaries["techniques"]["operating_point"]
    assert point["threshold"] == middle and point["default_threshold"] == DEFAULT_THRESHOLD


def test_the_flags_set_the_options() -> None:
    cfg = pipeline_config(analyzers="techniques", techniques_threshold=0.2, all_candidates=True)
    options = cfg.analyzer_options["techniques"]
    assert options["threshold"] == 0.2 and options["all_candidates"] is True
    assert TechniquesAnalyzer().options.threshold == DEFAULT_THRESHOLD
    plain = pipeline_config(analyzers="techniques").analyzer_options["techniques"]
    assert plain["threshold"] == DEFAULT_THRESHOLD and plain["all_candidates"] is False


@needs_model
def test_reports_state_the_operating_point(fake_backbone: Backbone) -> None:
    default = _analyze(fake_backbone, all_candidates=True, threshold=DEFAULT_THRESHOLD)
    line = operating_point_line(default)
    assert line.startswith("shown: every candidate span")
    at = _analyze(fake_backbone, threshold=DEFAULT_THRESHOLD)
    line = operating_point_line(at)
    assert line.startswith(f"shown: spans scoring ≥ {DEFAULT_THRESHOLD:.2f} (span precision")
    assert "--all-candidates for more." in line
    assert "the number beside a span is its mean probability" in line
    assert line in render_markdown(at)
    assert line in render_html(at)  # no characters to escape in it
    # beside it, what readers judged of the shown spans (the audit counts a technique too)
    audit = audit_line()
    assert "readers judged 47 of 91 shown spans right" in audit and "Experimental" in audit
    assert f"{line} {audit}" in render_markdown(at) and audit in render_html(at)


@needs_model
def test_one_technique_highlight_per_character_the_best_first(fake_backbone: Backbone) -> None:
    # two techniques per span, overlapping spans: several findings cover some characters
    analysis = _analyze(
        fake_backbone, all_candidates=True, span_low=0.0, span_high=0.0, second_label_min=0.0
    )
    findings = analysis.findings
    assert any(
        a.start < b.end and b.start < a.end for a in findings for b in findings if a is not b
    )
    page = _Marks(render_html(analysis))
    assert len(page.per_char) == len(TEXT)
    for pos, marks in enumerate(page.per_char):
        assert len(marks) <= 1, f"stacked technique highlights at {pos}"
        covering = [i for i, f in enumerate(findings) if f.start <= pos < f.end]
        if not covering:
            assert not marks
            continue
        (mark,) = marks
        listed = [int(i) for i in mark["data-f"].split()]
        assert sorted(listed) == covering  # the others are listed (shown on click)
        best = max(findings[i].score for i in covering)
        assert findings[listed[0]].score == best  # the highest-scoring one wins
        assert mark["data-label"] == findings[listed[0]].label
