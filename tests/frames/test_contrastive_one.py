""" "one" set against "another" or "the other" picks one of several and counts nothing
("In one letter she wrote ... In another, ..."); a lone "one" still counts (precision
audit, round 3: "one <noun>" answered by "another" in the next sentence was a count).
Fixtures written for this file."""

from __future__ import annotations

import pytest

from unspin.frames import find_quantities
from unspin.nlp import Backbone


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The clerk wrote in one letter that the fee was due. In another, he waived it.", []),
        ("She kept one key and gave the other to her son.", []),
        ("On the one hand, rents rose. On the other hand, wages did too.", []),
        ("The firm kept one office open and closed another office.", []),
        ("The clerk wrote one letter to the mayor. He was angry.", [("one letter", 1.0, "letter")]),
        ("Only one bridge is open. Buses use it.", [("one bridge", 1.0, "bridge")]),
        # "another" before another noun, or "only one": a count
        (
            "He ordered one pie and a tea, so another guest was there.",
            [("one pie", 1.0, "pie")],
        ),
        (
            "They get only one hearing. They get no other chance.",
            [("one hearing", 1.0, "hearing")],
        ),
        (
            "They get only one hearing. They do not get another.",
            [("one hearing", 1.0, "hearing")],
        ),
        (
            "They get only one hearing and one appeal. They never get another appeal.",
            [("one hearing", 1.0, "hearing"), ("one appeal", 1.0, "appeal")],
        ),
        # "another 20" adds to a count
        (
            "One guard died and another 20 were hurt.",
            [("One guard", 1.0, "guard"), ("20", 20.0, None)],
        ),
    ],
)
def test_one_against_another(
    backbone: Backbone, text: str, want: list[tuple[str, float, str]]
) -> None:
    got = find_quantities(text, backbone.parse(text))
    assert [(text[q.start : q.end], q.value, q.unit) for q in got] == want
