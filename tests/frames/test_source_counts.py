"""A count of unnamed sources is who tells, not a figure told: "according to two people
familiar with the matter" and "three officials, who asked not to be named, said" state no
number that anyone could check, so they are no quantity (and make no claim numeric); a
count of people who say something of their own ("Forty residents who attended said ...")
or a count that is what was said stays a quantity. Found by a new-user trial; fixtures
written for this file."""

from __future__ import annotations

import pytest

from tests.frames.found import quantities
from unspin.nlp import Backbone

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "The agency plans to close the office, according to two people familiar with the matter.",
        "Three officials who asked not to be named said the office would close.",
        "Two sources told the paper that the office would close.",
        "The paper, citing three people briefed on the talks, said the office would close.",
        "Two aides with knowledge of the plan said the office would close.",
    ],
)
def test_a_count_of_unnamed_sources_is_no_quantity(backbone: Backbone, text: str) -> None:
    assert quantities(backbone, text) == {}


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # people telling what they saw themselves: how many is a figure to check
        ("Forty residents who attended the meeting said they were never asked.", "Forty residents"),
        # no verb of saying: the people are what the sentence counts
        ("Two people familiar with the plan were fired on Monday.", "Two people"),
        # the count is what they said
        ("Officials said two people familiar with the plan were fired.", "two people"),
    ],
)
def test_other_counts_of_people_stay(backbone: Backbone, text: str, count: str) -> None:
    assert count in quantities(backbone, text)
