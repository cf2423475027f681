""" "4,000 plus troops" and "500-plus staff" give a lower bound and keep what they count;
"plus" that adds ("$50 plus tax", "two plus two") changes nothing (precision audit,
round 3: a figure, "plus" and a noun of staff was the bare figure). "-plus" glued to a
figure, in digits or words, bounds it whatever follows, and a singular noun before the
head counts ("a two-million-plus member union": at least two million members; it was an
exact 2,000,000 with no unit); a scale word after it scales the figure ("$20-plus
trillion" was $20). Fixtures written for this file."""

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
            "The strike would hit the 60,000 plus US navy sailors in the region.",
            [("60,000 plus US navy sailors", "count", 60000.0, "sailor", "at_least")],
        ),
        (
            "The firm has 500-plus employees in town.",
            [("500-plus employees", "count", 500.0, "employee", "at_least")],
        ),
        (
            "The museum drew 2,000 plus visitors a day.",
            [("2,000 plus visitors", "count", 2000.0, "visitor", "at_least")],
        ),
        ("The tickets cost $50 plus tax.", [("$50", "money", 50.0, "USD", None)]),
        (
            "The club raised $2 million plus.",
            [("$2 million plus", "money", 2e6, "USD", "at_least")],
        ),
        ("Two plus two is four, she said.", []),
        (
            "She leads a two-million-plus member union.",
            [("two-million-plus member", "count", 2e6, "member", "at_least")],
        ),
        (
            "He joined the 10,000-plus member guild.",
            [("10,000-plus member", "count", 10000.0, "member", "at_least")],
        ),
        ("There are 300-plus of them.", [("300-plus", "other", 300.0, None, "at_least")]),
        (
            "They passed a $20-plus trillion budget.",
            [("$20-plus trillion", "money", 20e12, "USD", "at_least")],
        ),
        (
            "The show drew 30-plus million viewers.",
            [("30-plus million viewers", "count", 30e6, "viewer", "at_least")],
        ),
    ],
)
def test_plus_after_a_figure(backbone: Backbone, text: str, want: Want) -> None:
    got = find_quantities(text, backbone.parse(text))
    assert [(text[q.start : q.end], q.label, q.value, q.unit, q.qualifier) for q in got] == want
