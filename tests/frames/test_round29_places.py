"""Places session 29 found wrong: a capitalised rating the recogniser labels a place ("a
Buy rating"). Fixtures written for this file."""

from __future__ import annotations

import pytest

from unspin.frames import sentence_frames
from unspin.nlp import Backbone


def _places(backbone: Backbone, text: str) -> list[str]:
    return [p for f in sentence_frames(backbone.parse(text)) for p in f.places]


@pytest.mark.slow
def test_the_value_of_a_rating_is_no_place(backbone: Backbone) -> None:
    assert _places(backbone, "Analysts in Oslo kept a Buy rating on the ferry firm.") == ["Oslo"]
