"""A bare number between an indefinite article and the noun it would count names one
thing ("a 911 call", "a 737 jet"), no count (link audit round 3: an emergency number read
as a count of calls); a number that counts the noun of a compound ("a 100 person crowd")
or a plural ("3 calls") stays a count. Fixtures written for this file."""

from __future__ import annotations

import pytest

from unspin.frames import find_quantities
from unspin.nlp import Backbone

pytestmark = pytest.mark.slow


def _counts(backbone: Backbone, text: str) -> dict[str, tuple[float, str | None]]:
    parsed = backbone.parse(text)
    return {text[q.start : q.end]: (q.value, q.unit) for q in find_quantities(text, parsed)}


@pytest.mark.parametrize(
    "text",
    [
        "Officers answered a 911 call at the house on Tuesday.",
        "She made a 999 call from the quay.",
        "A 737 jet landed at the harbour airfield.",
    ],
)
def test_a_number_naming_one_thing_counts_nothing(backbone: Backbone, text: str) -> None:
    assert _counts(backbone, text) == {}


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The boy was among a 100 person crowd.", "100 person", 100.0),
        ("Police took 3 calls from the quay.", "3 calls", 3.0),
        ("The council answered 911 calls last year.", "911 calls", 911.0),
    ],
)
def test_counts_stay_counts(backbone: Backbone, text: str, span: str, value: float) -> None:
    found = _counts(backbone, text)
    assert span in found and found[span][0] == value, found
