""" "tens of millions" and "hundreds of billions" are one vague magnitude, its lower bound
ten (a hundred) times that of "millions", with what it counts past coordinated
modifiers (precision audit, round 3: "tens of" was left out of the span, the bound ten
times too small, and "of Dutch and Belgian voters" lost its noun). Fixtures written for
this file."""

from __future__ import annotations

import pytest

from unspin.frames import find_quantities
from unspin.nlp import Backbone

Want = list[tuple[str, str, float, str | None, str | None]]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The storm cut power to tens of millions of homes.",
            [("tens of millions of homes", "count", 2e7, "home", "at_least")],
        ),
        (
            "The war cost tens of billions of dollars.",
            [("tens of billions of dollars", "money", 2e10, "USD", "at_least")],
        ),
        (
            "More tens of billions will be needed soon.",
            [("tens of billions", "other", 2e10, None, "at_least")],
        ),
        (
            "The plan costs hundreds of millions of euros.",
            [("hundreds of millions of euros", "money", 2e8, "EUR", "at_least")],
        ),
        (
            "It would harm tens of millions of Dutch and Belgian voters.",
            [("tens of millions of Dutch and Belgian voters", "count", 2e7, "voter", "at_least")],
        ),
        # unchanged: the shorter magnitudes
        (
            "Tens of thousands of fans came, and millions of people watched.",
            [
                ("Tens of thousands of fans", "count", 2e4, "fan", "at_least"),
                ("millions of people", "count", 2e6, "people", "at_least"),
            ],
        ),
    ],
)
def test_tens_of_a_scale(backbone: Backbone, text: str, want: Want) -> None:
    got = find_quantities(text, backbone.parse(text))
    assert [(text[q.start : q.end], q.label, q.value, q.unit, q.qualifier) for q in got] == want
