"""Round 7 of the precision audit: a number word in a fixed term of a scheme ("a
two-state solution"), "any one", "some" before an age adjective, a range opened by
"between", the counted plural past nouns and "and" ("26 weapon manufacturing and storage
facilities", "a dozen Dutch and Belgian bases", "dozens of long-range launchers"), a day
range with its year ("November 10-13, 2012"), "May of this year", a model number
("the Zenphone 6") and an age range after "aged between". Fixtures written for
this file."""

from __future__ import annotations

from datetime import date

import pytest

from unspin.frames import find_dates, find_quantities
from unspin.nlp import Backbone

pytestmark = pytest.mark.slow

PUB = date(2024, 6, 14)


def _quantities(backbone: Backbone, text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (text[q.start : q.end], q.unit, q.qualifier)
        for q in find_quantities(text, backbone.parse(text))
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The minister favours a two-state solution to the dispute.",
        "She backs a one-state, not two-state, solution.",
        "The country kept its one-child policy for decades.",
        "The court runs a two-tier justice system for the rich.",
        "We must not blame any one group or any one region for this.",
        "The firm unveiled the Zenphone 6 and Zenphone 6 Plus at the event.",
        "The office still runs Fenestra 10 on every desk.",
        "Work appears to have taken place at one or more such sites in the past.",
        "They let him go home without even one grand-jury summons.",
    ],
)
def test_no_count(backbone: Backbone, text: str) -> None:
    assert _quantities(backbone, text) == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("He wrote an eight-page letter to the board.", ("eight-page", "page", None)),
        ("Only one group came to the hearing.", ("one group", "group", None)),
        (
            "Boys of that age (and even some 17-year-old girls) do that.",
            ("17-year-old", "years_old", None),
        ),
        ("Some 300 people marched in the town.", ("Some 300 people", "people", "about")),
        ("Girls aged between 13 and 15 were asked.", ("13 and 15", "years_old", None)),
        ("The bill passed the Senate 52 to 48 on Monday.", ("52 to 48", "tally", None)),
        (
            "The court fined the Islamic Republic billions as a result.",
            ("billions", None, "at_least"),
        ),
        (
            "We handle between 1,200 and 1,400 calls per month.",
            ("1,200 and 1,400 calls", "call", None),
        ),
        (
            "The army struck 26 weapon manufacturing and storage facilities overnight.",
            ("26 weapon manufacturing and storage facilities", "facility", None),
        ),
        (
            "Police found a dozen rusty old and new rifles.",
            ("a dozen rusty old and new rifles", "rifle", None),
        ),
        (
            "They hit dozens of long-range rocket launchers.",
            ("dozens of long-range rocket launchers", "launcher", "at_least"),
        ),
    ],
)
def test_quantity(backbone: Backbone, text: str, want: tuple[str, str | None, str | None]) -> None:
    assert want in _quantities(backbone, text)


def test_range_values(backbone: Backbone) -> None:
    text = "We handle between 1,200 and 1,400 calls per month."
    (q,) = find_quantities(text, backbone.parse(text))
    assert (q.value, q.value_max) == (1200.0, 1400.0)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "The rockets fell from November 10-13, 2012, on the town.",
            ("November 10-13, 2012", "2012-11-10/2012-11-13"),
        ),
        ("In May of this year, the firm cut jobs.", ("May of this year", "2024-05")),
        ("In March of last year, the firm cut jobs.", ("March of last year", "2023-03")),
        ("The fair runs May 3-5 in the town.", ("May 3", "2024-05-03")),
        ("The fair ran on May 3, 2015, in the town.", ("May 3, 2015", "2015-05-03")),
    ],
)
def test_dates(backbone: Backbone, text: str, want: tuple[str, str]) -> None:
    got = [(text[d.start : d.end], d.iso) for d in find_dates(text, backbone.parse(text), PUB)]
    assert want in got


def test_month_of_this_year_unpublished(backbone: Backbone) -> None:
    text = "In May of this year, the firm cut jobs."
    got = [
        (text[d.start : d.end], d.label, d.iso)
        for d in find_dates(text, backbone.parse(text), None)
    ]
    assert got == [("May of this year", "relative", None)]
