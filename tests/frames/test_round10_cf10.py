"""Round 9 of the precision audit, judged wrong: a year that is part of a catalogue
name ("the rock 2019 KT"), a month cut before the relative year after it ("in March
this year"), "One <noun>" taken up again with "the <noun>" (a certain one, no count), a
rate shown without its time base ("$8.50 an hour"), and a bare "$" read as US dollars
in a text about another country of dollars. The near misses keep their reading.
Fixtures written for this file."""

from __future__ import annotations

from datetime import date

import pytest

from unspin.frames import find_dates, find_quantities
from unspin.nlp import Backbone

pytestmark = pytest.mark.slow


def _dates(backbone: Backbone, text: str) -> list[tuple[str, str | None]]:
    found = find_dates(text, backbone.parse(text), date(2015, 6, 1))
    return [(text[d.start : d.end], d.iso) for d in found]


def _quantities(backbone: Backbone, text: str) -> list[tuple[str, str | None]]:
    return [(text[q.start : q.end], q.unit) for q in find_quantities(text, backbone.parse(text))]


@pytest.mark.parametrize(
    "text",
    [
        'Scientists think it was part of the small rock dubbed "2019 KT," which passed by.',
        "Officials said the rock 2019 KT, at its closest, would pass 40,000 kilometres away.",
    ],
)
def test_designation_no_year(backbone: Backbone, text: str) -> None:
    assert [d for d in _dates(backbone, text) if d[0] == "2019"] == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("He moved in 2014 to Paris.", ("2014", "2014")),
        ("The 2014 US vote was close.", ("2014", "2014")),
        ("This is the rule in the 1983 CIC canon 751.", ("1983", "1983")),
        ("The video was posted online in March this year.", ("March this year", "2015-03")),
        ("Two men went on a safari in May last year.", ("May last year", "2014-05")),
    ],
)
def test_dates(backbone: Backbone, text: str, want: tuple[str, str]) -> None:
    assert want in _dates(backbone, text)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ('"So $8.50 an hour they will rent you one," he said.', ("$8.50 an hour", "USD/hour")),
        ("The cameras read 300 plates a minute.", ("300 plates a minute", "plate/minute")),
        (
            "The pair from Perth sell the song on the Australian store for $1.99.",
            ("$1.99", "dollar"),
        ),
        ("The pair sell the song on the US store for $1.99.", ("$1.99", "USD")),
        ("A Canadian chain opened in Texas, selling pies for $4.", ("$4", "USD")),
        ("Under the Harbour Act, a fine of $500 applies.", ("$500", "USD")),
        ("The Canadian firm paid US$5 for each share.", ("US$5", "USD")),
        ("The clerk wrote one letter to the mayor. He was angry.", ("one letter", "letter")),
    ],
)
def test_quantities(backbone: Backbone, text: str, want: tuple[str, str]) -> None:
    assert want in _quantities(backbone, text)


def test_a_certain_one(backbone: Backbone) -> None:
    text = "The launch was a mess. One update stopped calls, and the firm pulled the update."
    assert [q for q in _quantities(backbone, text) if q[1] == "update"] == []
