"""Places session 28 found wrong: names the recogniser labels places whose head noun names
an event or an age ("the Great Recession", "the Middle Ages"), or that are an ordinal and
a noun of no place ("the Fourth Estate", the press); an ordinal and a place noun ("the
Third District") stays a place; a place's name on an event that a preposition of time
makes the claim's time ("after the Kessington earthquake") is none. Fixtures written for
this file."""

from __future__ import annotations

import pytest

from unspin.frames import sentence_frames
from unspin.nlp import Backbone


def _places(backbone: Backbone, text: str) -> list[str]:
    return [p for f in sentence_frames(backbone.parse(text)) for p in f.places]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Farm debts in Harland doubled after the Great Recession.", ["Harland"]),
        ("Bishops in Europe fought during the Middle Ages.", ["Europe"]),
        ("In the Fourth Estate, reporters in Norway earn little.", ["Norway"]),
    ],
)
def test_events_ages_and_ordinal_idioms_are_no_places(
    backbone: Backbone, text: str, want: list[str]
) -> None:
    assert _places(backbone, text) == want


@pytest.mark.slow
def test_an_ordinal_and_a_place_noun_stay_a_place(backbone: Backbone) -> None:
    text = "Survivors met in the Third District on Sunday."
    assert _places(backbone, text) == ["the Third District"]


@pytest.mark.slow
def test_a_place_that_names_an_event_made_a_time_is_no_place(backbone: Backbone) -> None:
    assert _places(backbone, "Ferry traffic fell after the Kessington earthquake.") == []
    assert _places(backbone, "Ferry traffic fell in Kessington after the storm.") == ["Kessington"]
