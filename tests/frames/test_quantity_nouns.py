"""What a number counts, and when it counts nothing (precision audit, round 2): "about"
after a verb of speaking is a preposition, a number inside a capitalised name is no
count, and the counted noun after a list of model names or after "millions of" with a
modifier is found. Fixtures written for this file."""

from __future__ import annotations

import pytest

from unspin.frames import find_quantities
from unspin.nlp import Backbone

Want = list[tuple[str, str, float, str | None, str | None]]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "want"),
    [
        # "about" as the preposition of "testified", not "approximately"
        (
            "He had testified about three bishops who had seen it.",
            [("three bishops", "count", 3.0, "bishop", None)],
        ),
        (
            "The clerk complained about two fines last week.",
            [("two fines", "count", 2.0, "fine", None)],
        ),
        # ... but an approximation after a verb that takes the count as its object
        (
            "The mill employs about 300 people.",
            [("about 300 people", "count", 300.0, "people", "about")],
        ),
        (
            "Police said about 40 people were killed.",
            [("about 40 people", "count", 40.0, "people", "about")],
        ),
        # a number that begins a capitalised name counts nothing
        ("Staff paid by the bank's 10,000 Women scheme met the senators.", []),
        ("Staff paid by Ann Lee's 10,000 Women and the board met.", []),
        # ... but a capitalised plural no name's head follows is what is counted
        (
            "The attack wounded 20 Marines near the base.",
            [("20 Marines", "count", 20.0, "marine", None)],
        ),
        # ... in running text; a title-case headline and a nationality still count
        (
            "Floods Kill 30 People in Coastal Towns",
            [("30 People", "count", 30.0, "people", None)],
        ),
        # the counted noun after a list of model names
        (
            "Officers found 40 M-16 and AK-47 rifles in the truck.",
            [("40 M-16 and AK-47 rifles", "count", 40.0, "rifle", None)],
        ),
        (
            "Customs seized 60 AK-47, AR-10 and G3 rifles that he had sent.",
            [("60 AK-47, AR-10 and G3 rifles", "count", 60.0, "rifle", None)],
        ),
        # the counted noun after a vague magnitude and a modifier
        (
            "The trade gap cost millions of manufacturing jobs.",
            [("millions of manufacturing jobs", "count", 2e6, "job", "at_least")],
        ),
        (
            "Dozens of armed men stormed the depot.",
            [("Dozens of armed men", "count", 24.0, "man", "at_least")],
        ),
    ],
)
def test_what_a_number_counts(backbone: Backbone, text: str, want: Want) -> None:
    got = find_quantities(text, backbone.parse(text))
    assert [(text[q.start : q.end], q.label, q.value, q.unit, q.qualifier) for q in got] == want
