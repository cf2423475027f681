"""A qualifier word that heads a prepositional phrase does not qualify the number after
it ("curious about two FBI agents" showed "about two FBI agents" on a held-back PTC
article); as an approximator it still does. Fixtures written for this file."""

from __future__ import annotations

import pytest

from unspin.frames import find_quantities
from unspin.nlp import Backbone


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Several members were curious about two agents and one lawyer.",
            [("two agents", None), ("one lawyer", None)],
        ),
        ("The court ruled over two disputed seats.", [("two disputed seats", None)]),
        ("About 40 people were hurt.", [("About 40 people", "about")]),
        ("Police said some 300 people had gathered.", [("some 300 people", "about")]),
        ("Over 200 people fled the valley.", [("Over 200 people", "at_least")]),
        # read in a gate report: "something like 800,000 documents" was an exact count
        (
            "They released something like 800,000 documents.",
            [("something like 800,000 documents", "about")],
        ),
        (
            "The fire destroyed in the region of 300 homes.",
            [("in the region of 300 homes", "about")],
        ),
    ],
)
def test_a_preposition_is_no_qualifier(
    backbone: Backbone, text: str, want: list[tuple[str, str | None]]
) -> None:
    got = find_quantities(text, backbone.parse(text))
    assert [(text[q.start : q.end], q.qualifier) for q in got] == want
