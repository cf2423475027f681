"""A bare "one day" says when (some day, a certain day), not how long, unless a word of duration
comes before it ("lasted one day", "for one day") or it is joined ("a one-day strike").
Fixtures written for this file."""

from __future__ import annotations

from datetime import date

import pytest

from unspin.frames import find_dates
from unspin.nlp import Backbone

PUB = date(2024, 6, 14)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The council may reverse its decision one day.", []),
        ("One day, the ferry simply stopped running.", []),
        ("The strike lasted one day.", [("one day", "P1D")]),
        ("Staff walked out for one day.", [("one day", "P1D")]),
        ("A one-day strike closed the port.", [("one-day", "P1D")]),
        ("The strike lasted two days.", [("two days", "P2D")]),
    ],
)
def test_one_day_is_a_duration_only_when_it_measures(
    backbone: Backbone, text: str, want: list[tuple[str, str]]
) -> None:
    got = [d for d in find_dates(text, backbone.parse(text), PUB) if d.label == "duration"]
    assert [(text[d.start : d.end], d.iso) for d in got] == want
