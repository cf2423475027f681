"""The 2.x contrast rules of the cross-encoder's training pairs (``training/stance``):
a parsed polarity flip with do-support, and a sentence's core clause as a restatement."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

STANCE = Path(__file__).resolve().parents[2] / "training" / "stance"


@pytest.fixture(scope="module")
def nlp() -> object:
    from unspin.nlp import load_spacy

    return load_spacy("en_core_web_sm")


@pytest.fixture(scope="module")
def rules() -> object:
    sys.path.insert(0, str(STANCE))
    try:
        import cross_variants
    finally:
        sys.path.remove(str(STANCE))
    return cross_variants


@pytest.mark.parametrize(
    ("claim", "flipped"),
    [
        ("The council closed the old bridge.", "The council did not close the old bridge."),
        ("River levels rise every spring.", "River levels do not rise every spring."),
        ("The lake has frozen twice.", "The lake has not frozen twice."),
        ("The harbour is deep.", "The harbour is not deep."),
        ("Boats can cross the bay.", "Boats cannot cross the bay."),
        ("The council did not close the bridge.", "The council did close the bridge."),
    ],
)
def test_flip_negates_the_main_verb(nlp, rules, claim: str, flipped: str) -> None:  # type: ignore[no-untyped-def]
    assert rules.flip(claim, nlp(claim)) == flipped


@pytest.mark.parametrize(
    ("sentence", "clause"),
    [
        (
            "In June the council closed the old bridge after a heated debate.",
            "The council closed the old bridge.",
        ),
        # a dropped negative or condition would change what the clause says
        ("The ferry no longer stops at the island.", None),
        ("The bridge is safe so long as the river stays low.", None),
        # nothing to drop: the clause would be the sentence itself
        ("The council closed the bridge.", None),
    ],
)
def test_core_clause_is_entailed_by_its_sentence(
    nlp, rules, sentence: str, clause: str | None
) -> None:  # type: ignore[no-untyped-def]
    assert rules.core_clause(nlp(sentence)) == clause
