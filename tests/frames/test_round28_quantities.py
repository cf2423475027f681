"""Quantities session 28 found wrong: a vague magnitude said twice for weight ("dozens
upon dozens") counted twice, a bare scale after "several" read as one of it ("several
hundred dollars" as 100), a range whose bottom borrows the top's scale read as its top
alone ("five to six million" as 6 million), "one truth" read as a count, "3.1M units"
left out, and lengths, masses and volumes in two units never compared. Fixtures written
for this file."""

from __future__ import annotations

import pytest

from tests.frames.found import quantities
from unspin.frames import compare_frames
from unspin.nlp import Backbone


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Dozens upon dozens of boats filled the Tessby harbour.",
         {"Dozens upon dozens of boats": ("count", 24.0, None, "boat")}),
        ("It shaped the lives of thousands and thousands and thousands of people.",
         {"thousands and thousands and thousands of people": ("count", 2000.0, None, "people")}),
        ("Mooring fees ranged over several hundred dollars.",
         {"several hundred dollars": ("money", 200.0, None, "USD")}),
        ("A few thousand gulls nest on the Tessby cliffs.",
         {"A few thousand gulls": ("count", 2000.0, None, "gull")}),
        ("The yard will build five to six million bricks.",
         {"five to six million bricks": ("count", 5e6, 6e6, "brick")}),
        ("The yard will build 5 to 6 million bricks.",
         {"5 to 6 million bricks": ("count", 5e6, 6e6, "brick")}),
        # unchanged: a scale with its own number, a plain vague magnitude
        ("The yard will build two million bricks.",
         {"two million bricks": ("count", 2e6, None, "brick")}),
        ("Hundreds of boats filled the harbour.",
         {"Hundreds of boats": ("count", 200.0, None, "boat")}),
        # "one" with an abstract noun counts nothing; "one boat" does
        ("Every sailor in Tessby should learn one truth: the sea wins.", {}),
        ("Mayor Edda Pilkvist had one idea for the pier.", {}),
        ("The crew found one boat on the rocks.", {"one boat": ("count", 1.0, None, "boat")}),
        # a capital scale glued to digits before a plural count; a brand, a resolution and
        # a purity stay out; "5m" is five metres
        ("Tessby Yards expects to sell 3.1M ferry tickets this year.",
         {"3.1M ferry tickets": ("count", 3.1e6, None, "ticket")}),
        ("The Harbour Ledger tells its 43.3K followers about the pier.",
         {"43.3K followers": ("count", 43300.0, None, "follower")}),
        ("The yard ordered 3M masks and 4K displays and a ring of 18K gold.", {}),
        ("The wall is 5m high.", {"5m": ("measure", 5.0, None, "m")}),
    ],
)  # fmt: skip
def test_what_number_words_and_scales_are_worth(backbone: Backbone, text: str, want: dict) -> None:
    assert quantities(backbone, text) == want


def _frame(text: str, value: float, unit: str, counts: str = "distance") -> dict:
    quantity = {"text": text, "value": value, "unit": unit, "counts": counts}
    return {"polarity": "positive", "quantities": [quantity], "dates": [], "actors": []}


def _number(a: dict, b: dict, bounds: bool = False) -> bool | None:
    checks = {c.slot: c.agrees for c in compare_frames(a, b, bounds=bounds)}
    return checks.get("number")


def test_lengths_masses_and_volumes_compare_across_units() -> None:
    assert _number(_frame("150 cm", 150.0, "cm"), _frame("1.5 m", 1.5, "m")) is True
    assert _number(_frame("150 cm", 150.0, "cm"), _frame("2 m", 2.0, "m")) is False
    assert _number(_frame("3 tonnes", 3.0, "t", "other"), _frame("3,000 kg", 3e3, "kg", "other"))
    assert _number(_frame("2 litres", 2.0, "L", "other"), _frame("2,000 ml", 2e3, "ml", "other"))
    # a bound is read in its own unit
    more = _frame("more than 1 m", 1.0, "m")
    assert _number(more, _frame("150 cm", 150.0, "cm"), bounds=True) is True
    assert _number(more, _frame("80 cm", 80.0, "cm"), bounds=True) is False
    # whatever the frame says each counts ("180 mm" of rain is "other")
    assert _number(_frame("180 mm", 180.0, "mm", "other"), _frame("18 cm", 18.0, "cm")) is True
    # a length and a mass are never compared
    assert _number(_frame("3 m", 3.0, "m"), _frame("3 kg", 3.0, "kg", "other")) is None
