"""A reported claim is matched on what it reports: "an official said that X" against a
fact-check of "X" scores as "X" does (the speaker clause, which no review repeats, had
lowered the score: 0.94 against 0.999 for the invented sentence below)."""

from __future__ import annotations

from pathlib import Path

import pytest

from unspin.claims.analyzer import ClaimsAnalyzer
from unspin.config import load_config
from unspin.factchecks.analyzer import FactChecksAnalyzer
from unspin.factchecks.reported import reported_content
from unspin.model import Document
from unspin.nlp import Backbone
from unspin.pipeline import Pipeline

FIXTURES = Path(__file__).parent / "fixtures"
PLAIN = "The Velmora dam holds three billion litres of water."
REPORTED = (
    "Speaking to reporters outside the regional assembly building on Monday morning, "
    "deputy transport commissioner Harriet Osei-Lamb said that the Velmora dam holds "
    "three billion litres of water."
)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The minister said that the city spent $4 million on a stadium.",
         "the city spent $4 million on a stadium"),
        ("The city spent $4 million on a stadium, the minister said.",
         "The city spent $4 million on a stadium"),
        ("Officials told reporters that the bridge would reopen in May.",
         "the bridge would reopen in May"),
        ("The minister refused to say how much the stadium cost.", None),
        ("The minister said no.", None),
        (PLAIN, None),
    ],
)  # fmt: skip
def test_what_a_sentence_reports(backbone: Backbone, text: str, content: str | None) -> None:
    parsed = backbone.parse(text)
    span = reported_content(parsed, 0, len(text))
    assert (text[span[0] : span[1]] if span else None) == content


def test_a_reported_claim_is_matched_on_what_it_reports(backbone: Backbone) -> None:
    pipe = Pipeline(
        load_config(analyzers=["claims"]),
        backbone=backbone,
        analyzers=[ClaimsAnalyzer(), FactChecksAnalyzer(path=str(FIXTURES), min_score=0.0)],
    )
    (plain,) = pipe.analyze(Document(PLAIN)).by_kind("factcheck")
    (reported,) = pipe.analyze(Document(REPORTED)).by_kind("factcheck")
    assert reported.attributes["claim_reviewed"] == PLAIN
    assert (
        reported.attributes["matched_on"] == "the Velmora dam holds three billion litres of water"
    )
    assert "matched_on" not in plain.attributes
    assert reported.label == "match"
    assert reported.score == pytest.approx(plain.score, abs=0.005)
