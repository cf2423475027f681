"""Round 9 of the precision audit: a number after "version" or a mixed-case product name
("iOS 8 backups", "iPhone 6 users") is a version or a model, no count; a bare scale word
joined to "dollar" before a noun ("million dollar videos") is an adjective for
lucrative, no count. Real counts and sums keep their finding. Fixtures written for this
file."""

from __future__ import annotations

import pytest

from unspin.frames import find_quantities
from unspin.nlp import Backbone

pytestmark = pytest.mark.slow


def _quantities(backbone: Backbone, text: str) -> list[tuple[str, str | None]]:
    return [(text[q.start : q.end], q.unit) for q in find_quantities(text, backbone.parse(text))]


@pytest.mark.parametrize(
    "text",
    [
        "I have no iOS 8 backups in the cloud to go back to.",
        "A bug stopped iPhone 6 users from making calls.",
        "Users of version 2 apps complained about the change.",
        "The family confirmed she was behind the million dollar videos.",
    ],
)
def test_no_count(backbone: Backbone, text: str) -> None:
    assert [q for q in _quantities(backbone, text) if q[1] != "update"] == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("He earns two million dollars a year.", ("two million dollars", "USD")),
        ("The group gave the army 30 tanks.", ("30 tanks", "tank")),
        ("In the town 20 people died.", ("20 people", "people")),
    ],
)
def test_count_kept(backbone: Backbone, text: str, want: tuple[str, str]) -> None:
    assert want in _quantities(backbone, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The dog is around two to three years old.", (2.0, 3.0, "years_old")),
        ("Five to ten people were hurt in the crash.", (5.0, 10.0, "people")),
    ],
)
def test_word_range(backbone: Backbone, text: str, want: tuple[float, float, str]) -> None:
    got = [(q.value, q.value_max, q.unit) for q in find_quantities(text, backbone.parse(text))]
    assert want in got


def test_word_change_no_range(backbone: Backbone) -> None:
    text = "Prices rose from two to three dollars."
    assert all(q.value_max is None for q in find_quantities(text, backbone.parse(text)))
