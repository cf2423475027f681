"""A modal granting a point that a contrast then overrides concedes, it does not doubt:
'may', 'may well', and an unnegated 'might'/'could' + 'be' + what the subject is, before
'but', 'yet' or 'however'. Fixtures written for this file."""

from __future__ import annotations

import pytest

from unspin.certainty.analyzer import CertaintyAnalyzer
from unspin.config import load_config
from unspin.model import Document
from unspin.nlp import Backbone
from unspin.pipeline import Pipeline


def _hedges(backbone: Backbone, text: str) -> list[tuple[str, float]]:
    pipe = Pipeline(
        load_config(analyzers=["certainty"]),
        backbone=backbone,
        analyzers=[CertaintyAnalyzer(all_candidates=True)],
    )
    return [(f.text, f.score) for f in pipe.analyze(Document(text)).by_kind("hedge")]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "modal"),
    [
        ("The mayor might be a fan of trains, but his record says otherwise.", "might"),
        ("The mayor could be a fan of trains, yet his record says otherwise.", "could"),
        ("The mayor may well be a fan of trains, but his record says otherwise.", "may"),
        ("The mayor could well be right, but the law says otherwise.", "could"),
        ("The mayor might be a fan of trains; however, his record says otherwise.", "might"),
        ("The mayor may be rich, yet he lives simply.", "may"),
    ],
)
def test_a_granted_point_before_a_contrast_is_a_concession(
    backbone: Backbone, text: str, modal: str
) -> None:
    ((got, score),) = _hedges(backbone, text)
    assert got == modal
    assert score <= 0.3


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # no contrast follows
        "The mayor might be a fan of trains.",
        "The mayor could be a fan of trains, and his record shows it.",
        # a possibility of an action or an event, a negated modal, 'but for'
        "The plan might work, but nobody knows.",
        "The figure could be revised, but it is final for now.",
        "That might not be a precise parallel, but it helps.",
        "Tenants were hopeful that there could be new rules in the city but saying the council "
        "had failed.",
        "The numbers might have been greater, but for the mayor.",
    ],
)
def test_other_modals_before_a_contrast_still_hedge(backbone: Backbone, text: str) -> None:
    ((_, score),) = _hedges(backbone, text)
    assert score >= 0.6


@pytest.mark.slow
def test_the_adverb_yet_is_no_contrast(backbone: Backbone) -> None:
    text = "The mayor may not have delivered (yet) on his promise to build the line."
    ((got, score),) = _hedges(backbone, text)
    assert got.startswith("may") and score >= 0.6
