"""Round 12 of the precision audit (claim/07, claim/38, responsibility/23): a title that a
converter closed with a full stop was read as the body's first sentence and scored as a
claim. It is a title when the next unit tells it: a dateline opens it, or it is a section
label in capitals. A short first sentence of a body keeps its paragraph. Texts written
for this file."""

from __future__ import annotations

import pytest

from tests.segmentation_blocks import Expected, T
from unspin.nlp import Backbone, FakeBackbone
from unspin.segment import BLOCK_KINDS

CASES: list[tuple[str, str, Expected]] = [
    (
        "stopped-title-before-a-dateline",
        "Mayor wins second term in Northport.\n\nNORTHPORT (AP) — Ann Vik wins a second "
        "term as mayor.",
        [
            T("Mayor wins second term in Northport."),
            ("dateline", "NORTHPORT (AP) —"),
            "Ann Vik wins a second term as mayor.",
        ],
    ),
    (
        "stopped-title-before-a-label-in-capitals",
        "Readers weigh the mayor's record.\n\nLETTERS.\n\nThe mayor kept her word.",
        [
            T("Readers weigh the mayor's record."),
            "LETTERS.",
            "The mayor kept her word.",
        ],
    ),
    (
        "short-first-sentence-stays-body",
        "The bridge closed.\n\nThe ferry runs.",
        ["The bridge closed.", "The ferry runs."],
    ),
    (
        "short-first-sentence-before-a-label-colon-stays-body",
        "Mayor Vik has her office back.\n\nUPDATED: The council voted again.",
        ["Mayor Vik has her office back.", "UPDATED: The council voted again."],
    ),
    (
        "short-first-sentence-before-a-heading-stays-body",
        "The bridge closed.\n\nWHAT COMES NEXT\n\nRepairs begin.",
        ["The bridge closed.", ("heading", "WHAT COMES NEXT"), "Repairs begin."],
    ),
]


def _sentences(backbone: Backbone, text: str) -> Expected:
    parsed = backbone.parse(text)
    out: Expected = []
    for s in parsed.sentences:
        assert s.block in BLOCK_KINDS
        piece = text[s.start : s.end]
        out.append(piece if s.block == "paragraph" else (s.block, piece))
    return out


@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_fake_backbone(name: str, text: str, expected: Expected) -> None:
    assert _sentences(FakeBackbone(), text) == expected


@pytest.mark.slow
@pytest.mark.parametrize(("name", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_spacy_backbone(backbone: Backbone, name: str, text: str, expected: Expected) -> None:
    assert _sentences(backbone, text) == expected


def test_a_stopped_title_is_no_claim(fake_backbone: Backbone) -> None:
    from unspin.claims.analyzer import ClaimsAnalyzer
    from unspin.config import load_config
    from unspin.model import Document
    from unspin.pipeline import Pipeline

    text = (
        "Mayor blames council for Northport's budget gap.\n\nNORTHPORT (AP) — The mayor "
        "blamed the council for the gap."
    )
    pipe = Pipeline(
        load_config(analyzers=["claims"]), backbone=fake_backbone, analyzers=[ClaimsAnalyzer()]
    )
    claims = [c.text for c in pipe.analyze(Document(text)).by_kind("claim")]
    assert claims == ["The mayor blamed the council for the gap."]
