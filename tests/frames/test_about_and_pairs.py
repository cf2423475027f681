"""'about' before a count after a verb that also takes 'about' for its topic, and a year
joined to a number by a spaced hyphen. Fixtures written for this file."""

from __future__ import annotations

from datetime import date

import pytest

from unspin.frames import find_dates, find_quantities
from unspin.nlp import Backbone


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "qualifier"),
    [
        # a count of things written or sold: the approximation
        ("He wrote about 300 letters to the board.", "about 300 letters", "about"),
        ("She sold about 40 cars last year.", "about 40 cars", "about"),
        ("They spent about 300 dollars on food.", "about 300 dollars", "about"),
        ("Police reported about 40 people missing.", "about 40 people", "about"),
        # a count of people after a verb of writing or reading: its topic
        ("He wrote about three women who had fled.", "three women", None),
        ("She read about 12 miners who were trapped.", "12 miners", None),
        # a verb that never takes the count as its object
        ("The mayor speculated about two candidates.", "two candidates", None),
    ],
)
def test_about_before_a_count(
    backbone: Backbone, text: str, span: str, qualifier: str | None
) -> None:
    got = find_quantities(text, backbone.parse(text))
    assert [(text[q.start : q.end], q.qualifier) for q in got] == [(span, qualifier)]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a year, a spaced hyphen and a number: a score or a table, no date
        ("Results: 2019 - 40, 2020 - 35.", []),
        ("The club won 2019 - 40 in the final.", []),
        # ... a range of years after a word of time, with four digits, or unspaced
        ("The war of 1914 - 18 changed Europe.", [("1914 - 18", "1914/1918")]),
        ("Spending rose from 2019 - 2021.", [("2019 - 2021", "2019/2021")]),
        ("The 2019-20 budget was cut.", [("2019-20", "2019/2020")]),
    ],
)
def test_year_and_spaced_hyphen(backbone: Backbone, text: str, want: list[tuple[str, str]]) -> None:
    got = find_dates(text, backbone.parse(text), date(2024, 5, 1))
    assert [(text[d.start : d.end], d.iso) for d in got] == want
