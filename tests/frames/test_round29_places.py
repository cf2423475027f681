"""Places session 29 found wrong: a capitalised rating the recogniser labels a place ("a
Buy rating"), and a country's name the recogniser cut in two after "and" ("Bosnia and",
"Herzegovina"). Fixtures written for this file."""

from __future__ import annotations

import pytest

from unspin.frames import sentence_frames
from unspin.nlp import Backbone


def _places(backbone: Backbone, text: str) -> list[str]:
    return [p for f in sentence_frames(backbone.parse(text)) for p in f.places]


@pytest.mark.slow
def test_the_value_of_a_rating_is_no_place(backbone: Backbone) -> None:
    assert _places(backbone, "Analysts in Oslo kept a Buy rating on the ferry firm.") == ["Oslo"]


@pytest.mark.slow
def test_a_place_name_cut_after_and_is_read_whole(backbone: Backbone) -> None:
    text = "The pupils went to the Bosnia and Herzegovina capital, Sarajevo."
    assert _places(backbone, text) == ["Bosnia and Herzegovina", "Sarajevo"]
    assert _places(backbone, "Texas and Ohio voted.") == ["Texas", "Ohio"]
