"""Round 9 of the precision audit: "it seems like something out of a film" is a likeness,
no hedge; "it seems like he lied" stays a hedge. Fixtures written for this file."""

from __future__ import annotations

import pytest

from tests.certainty.test_round7_cf7 import _shown
from unspin.nlp import Backbone

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "It seems like something from an episode of a sitcom, with staff on their knees.",
        "It seems like a scene straight out of a spy film.",
    ],
)
def test_likeness_no_hedge(backbone: Backbone, text: str) -> None:
    assert _shown(backbone, text, "hedge") == []


@pytest.mark.parametrize(
    "text",
    ["It seems like he lied to the board about the sale.", "It seems the plan failed."],
)
def test_appearance_hedge_kept(backbone: Backbone, text: str) -> None:
    assert "It seems" in _shown(backbone, text, "hedge")
