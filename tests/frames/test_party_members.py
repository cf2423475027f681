"""A count of a party's or a nation's members keeps a singular unit, as other counted
nouns do ("16 senators" counts "senator"): the lemmatiser leaves a plural name plural
("Republicans", "republicans" tagged a proper noun), so the unit was "republicans" and
a claim's "16 Whigs" and another's "16 whigs" or "one Whig" could not be told the same
thing. Fixtures written for this file."""

from __future__ import annotations

import pytest

from unspin.frames import find_quantities
from unspin.nlp import Backbone


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("The bill passed with 16 republicans voting for it.", "16 republicans", "republican"),
        ("The bill passed with 16 Republicans voting for it.", "16 Republicans", "republican"),
        ("The bill passed with 16 senators voting for it.", "16 senators", "senator"),
        ("Only 12 Tories backed the motion on Friday.", "12 Tories", "tory"),
        ("The ship carried 40 Israelis and a crew.", "40 Israelis", "israeli"),
        ("Dozens of House Democrats signed the letter.", "Dozens of House Democrats", "democrat"),
    ],
)
def test_a_plural_name_counts_its_singular(
    backbone: Backbone, text: str, span: str, unit: str
) -> None:
    got = {text[q.start : q.end]: q for q in find_quantities(text, backbone.parse(text))}
    assert got[span].label == "count", got
    assert got[span].unit == unit, got
