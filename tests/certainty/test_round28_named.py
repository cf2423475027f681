"""Session 28: a group whose noun phrase opens on a place's name that the parser hangs on
the noun as ``nmod`` ("U.S. naval officials said") is an unnamed member of a named body,
as "Velmoran officials said" is: a weaker vague attribution (0.5), its span taking in the
name. Fixtures written for this file; the near miss keeps its full score."""

from __future__ import annotations

import pytest

from tests.certainty.shown import found
from unspin.nlp import Backbone

pytestmark = pytest.mark.slow


def test_a_named_place_before_the_group_weakens_it(backbone: Backbone) -> None:
    text = (
        "The drill was a setback, the harbour master said in a statement. U.S. naval "
        "officials had acknowledged that the ships were late."
    )
    hits = found(backbone, text, "vague_attribution")
    assert [(t, score) for t, _, score in hits] == [
        ("U.S. naval officials had acknowledged", 0.5)
    ], hits


def test_an_unnamed_group_keeps_its_score(backbone: Backbone) -> None:
    text = "Military officials had acknowledged that the ships were late."
    hits = found(backbone, text, "vague_attribution")
    assert [(t, score) for t, _, score in hits] == [
        ("Military officials had acknowledged", 0.85)
    ], hits
