"""Rounds 13 and 14 of the precision audit, judged wrong: a post's id in embed markup read
as a quantity; a vote tally or a court split cut to its first figure (round 10 too); a
mixed number ("4 1/2 hours", "3½-year-old") cut to its whole number; a dimension
("9-by-12-inch") cut to its first side; a vague count ("thousands of <people>") shown
without the people it counts; "one" as "a certain" before the subject of "be" or a noun
of a means; a verb tagged a noun taken as the counted unit; a count of two nouns joined
by "and" cut to the first. The near misses keep their reading. Fixtures written for this
file."""

from __future__ import annotations

from datetime import date

import pytest

from tests.frames.found import quantities
from unspin.frames import find_dates, find_quantities
from unspin.nlp import Backbone

pytestmark = pytest.mark.slow


def test_post_id_in_markup_no_quantity(backbone: Backbone) -> None:
    text = (
        'The post drew fire.\n\n<post id="747112233445566778" author="@jobee" '
        'datetime="2016-06-28">The mayor talks https://t.co/abc — Jo Bee June 28, 2016</post>.'
    )
    assert quantities(backbone, text) == {}


@pytest.mark.parametrize(
    ("text", "span", "first", "second"),
    [
        ("The board voted 7-2 for the new park plan.", "7-2", 7.0, 2.0),
        ("The judge was confirmed 88 to 0 in the upper chamber.", "88 to 0", 88.0, 0.0),
        ("The court's 5-to-4 ruling upheld the levy.", "5-to-4 ruling", 5.0, 4.0),
        ("In a lopsided 41-9 vote, the assembly backed the bill.", "41-9 vote", 41.0, 9.0),
        ("The motion failed, 105 to 73, with 12 abstaining.", "105 to 73", 105.0, 73.0),
        ("The assembly rejected it 45-54 on Monday.", "45-54", 45.0, 54.0),
    ],
)
def test_tally_is_one_finding(
    backbone: Backbone, text: str, span: str, first: float, second: float
) -> None:
    found = quantities(backbone, text)
    assert found[span] == ("count", first, second, "tally"), found


@pytest.mark.parametrize(
    ("text", "span", "value", "top", "unit"),
    [
        ("Attendance fell from 40 to 30 over the year.", "40", 40.0, None, None),
        ("Rates ranged from 25 to 90 percent.", "25 to 90 percent", 25.0, 90.0, "%"),
        ("Some 300-400 people came to the fair.", "Some 300-400 people", 300.0, 400.0, "people"),
        ("The team won 3-5 seats in each district.", "3-5 seats", 3.0, 5.0, "seat"),
    ],
)
def test_changes_and_ranges_are_no_tally(
    backbone: Backbone, text: str, span: str, value: float, top: float | None, unit: str | None
) -> None:
    found = quantities(backbone, text)
    assert found[span][1:] == (value, top, unit), found


@pytest.mark.parametrize(
    ("text", "span", "label", "value", "unit"),
    [
        ("She came with her 3½-year-old son.", "3½-year-old", "age", 3.5, "years_old"),
        ("She came with her 3 1/2-year-old son.", "3 1/2-year-old", "age", 3.5, "years_old"),
        ("The firm printed a 9-by-12-inch flyer.", "9-by-12-inch", "measure", 9.0, "in by 12 in"),
        ("The cell measures 6 by 8 feet.", "6 by 8 feet", "measure", 6.0, "ft by 8 ft"),
        (
            "The envoy will be met by thousands of Zorbians protesting the pact.",
            "thousands of Zorbians", "count", 2000.0, "zorbian",
        ),
        (
            "The plan fell short for the dozens of House Whigs who signed the letter.",
            "dozens of House Whigs", "count", 24.0, "whig",
        ),
        (
            "Officers detained 45 adults and children in the sweep.",
            "45 adults and children", "count", 45.0, "adult and child",
        ),
    ],
)  # fmt: skip
def test_whole_quantity(
    backbone: Backbone, text: str, span: str, label: str, value: float, unit: str
) -> None:
    found = quantities(backbone, text)
    assert span in found, found
    got = found[span]
    assert (got[0], got[1], got[3]) == (label, value, unit)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("She waited 4 1/2 hours in line.", "4 1/2 hours"),
        ("She waited 4½ hours in line.", "4½ hours"),
    ],
)
def test_mixed_duration(backbone: Backbone, text: str, span: str) -> None:
    found = find_dates(text, backbone.parse(text), date(2016, 5, 1))
    assert [(text[d.start : d.end], d.iso) for d in found] == [(span, "PT4.5H")]


@pytest.mark.parametrize(
    "text",
    [
        "One key to winning the race will be turnout.",
        "One city lawyer involved in the deal was Jan Smit.",
        "One reason is that the budget fell.",
        "The staff saw the two post separate photos of the lake.",
    ],
)
def test_no_count(backbone: Backbone, text: str) -> None:
    assert quantities(backbone, text) == {}


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("One soldier was injured in the blast.", "One soldier"),
        ("Only one lawyer was present at the hearing.", "one lawyer"),
        ("Officers detained 45 adults and their children.", "45 adults"),
        ("The council has three staff members.", "three staff members"),
    ],
)
def test_counts_kept(backbone: Backbone, text: str, kept: str) -> None:
    assert kept in quantities(backbone, text), quantities(backbone, text)


@pytest.mark.parametrize(
    "text",
    [
        "He carried a 30-30 rifle into the woods.",
        "The rumour came from 9 to 5 Mac this week.",
        "The store is open 24-7 now.",
        "She paid until March 17 — 12 days after he left.",
    ],
)
def test_no_tally(backbone: Backbone, text: str) -> None:
    parsed = backbone.parse(text)
    dates = [(d.start, d.end) for d in find_dates(text, parsed, date(2016, 5, 1))]
    assert all(q.unit != "tally" for q in find_quantities(text, parsed, dates))
