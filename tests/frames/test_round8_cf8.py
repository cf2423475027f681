"""Round 8 of the precision audit: "one" that means "a certain" before a person standing
for an unnamed individual ("one friend said", "according to one reader"), "one" before a
noun of a point made ("There's only one problem:", "one clue to"), and a number joined to
"star" (a rank or a rating: "a four-star general"). Real counts keep their finding.
Fixtures written for this file."""

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
        "One friend of the paper who taught in the north had a class of odd names.",
        "One forum user even suggested it could be a sign of protest.",
        "The stay upset him, according to one friend, who said he was angry.",
        "There's only one problem: none of it ever happened.",
        "One clue to the order of rank, though, is who sits next to whom.",
        "He arrested the leader's uncle, a four-star general, last year.",
        "They stayed at a 5-star hotel by the lake.",
    ],
)
def test_no_count(backbone: Backbone, text: str) -> None:
    assert _quantities(backbone, text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("One person was killed in the blast on Monday.", ("One person", "people")),
        ("Only one witness came forward after the crash.", ("one witness", "witness")),
        ("Only one of the 12 jurors voted to acquit.", ("12 jurors", "juror")),
        ("The storm damaged four houses in the village.", ("four houses", "house")),
    ],
)
def test_count_kept(backbone: Backbone, text: str, want: tuple[str, str]) -> None:
    assert want in _quantities(backbone, text)
