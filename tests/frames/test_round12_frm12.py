"""Round 12 of the precision audit, judged wrong: "one" as "a" / "a certain" read as a
count of one (a person who speaks, a thing whose own figure the clause gives), a ratio
"6 in 10 voters" split into a count of 10, an open age bound ("45 and older") cut to its
number, and "in a year when ..." (an indefinite year) read as a duration of a year.
The near misses keep their reading. Fixtures written for this file."""

from __future__ import annotations

from datetime import date

import pytest

from unspin.frames import find_dates, find_quantities
from unspin.nlp import Backbone

pytestmark = pytest.mark.slow


def _found(backbone: Backbone, text: str) -> dict[str, tuple[str, float, str | None, str | None]]:
    return {
        text[q.start : q.end]: (q.label, q.value, q.unit, q.qualifier)
        for q in find_quantities(text, backbone.parse(text))
    }


@pytest.mark.parametrize(
    "text",
    [
        "One Zorbian activist tweeted: the senator must go.",
        "One local pastor said the town was shaken.",
        "According to one aide, the plan is dead.",
        "One petition for the mayor to resign has already gathered 40,000 names.",
        "One survey found 60 percent of parents agree.",
        "One group has raised $2 million for the campaign.",
    ],
)
def test_indefinite_one_no_count(backbone: Backbone, text: str) -> None:
    assert not any(s.lower().startswith("one") for s in _found(backbone, text))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("One person was killed and three were injured in the blast.", "One person"),
        ("One soldier died in the attack.", "One soldier"),
        ("Only one senator said yes to the bill.", "one senator"),
        ("She won one seat in the chamber.", "one seat"),
        ("The state cast one vote for Smith and 36 for Brown.", "one vote"),
        ("One doctor and two nurses said the ward was full.", "One doctor"),
    ],
)
def test_counted_one_kept(backbone: Backbone, text: str, kept: str) -> None:
    assert kept in _found(backbone, text), _found(backbone, text)


@pytest.mark.parametrize(
    ("text", "span", "value", "qualifier"),
    [
        ("About 6 in 10 white men supported Smith.", "About 6 in 10", 0.6, "about"),
        ("He won 3 in 10 voters who call themselves liberal.", "3 in 10", 0.3, None),
        ("Nearly one in four adults has no savings.", "Nearly one in four", 0.25, "at_most"),
        ("The risk is 1 in 1,000 for most patients.", "1 in 1,000", 0.001, None),
        ("One in Four Renters Fall Behind on Rent", "One in Four", 0.25, None),  # a title
    ],
)
def test_ratio_is_a_share(
    backbone: Backbone, text: str, span: str, value: float, qualifier: str | None
) -> None:
    found = _found(backbone, text)
    assert found.get(span) == ("other", value, "fraction", qualifier), found
    assert not any(s.startswith("10 ") for s in found), found


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The firm hired 5 in 2015 and 8 later.", "5"),
        ("Crews fixed 3 in 10 days.", "3"),
        ("The bank sold Zorvian One in three separate deals.", "One"),
        ("Kay Lund, who founded Two in Ten, a parents' group, spoke.", "Two"),
    ],
)
def test_not_a_ratio(backbone: Backbone, text: str, span: str) -> None:
    found = _found(backbone, text)
    assert not any(v[2] == "fraction" for v in found.values()), found


@pytest.mark.parametrize(
    ("text", "span", "value", "unit", "qualifier"),
    [
        (
            "Voters aged 45 and older backed the mayor.",
            "45 and older",
            45.0,
            "years_old",
            "at_least",
        ),
        ("Children aged 12 and under ride free.", "12 and under", 12.0, "years_old", "at_most"),
        ("Tickets cost $20 or more at the door.", "$20 or more", 20.0, "USD", "at_least"),
    ],
)
def test_open_bound_kept(
    backbone: Backbone, text: str, span: str, value: float, unit: str, qualifier: str
) -> None:
    found = _found(backbone, text)
    assert found.get(span, (None,))[1:] == (value, unit, qualifier), found


def _dates(backbone: Backbone, text: str) -> list[tuple[str, str | None]]:
    found = find_dates(text, backbone.parse(text), date(2015, 11, 24))
    return [(text[d.start : d.end], d.iso) for d in found]


@pytest.mark.parametrize(
    "text",
    [
        "In a year when anger is high, candidates can walk away.",
        "It was hard in a year in which prices doubled.",
    ],
)
def test_indefinite_year_no_duration(backbone: Backbone, text: str) -> None:
    assert not any(iso == "P1Y" for _, iso in _dates(backbone, text)), _dates(backbone, text)


@pytest.mark.parametrize(
    "text",
    [
        "She served for a year when she was young.",
        "The plant will reopen in a year.",
        "Prices doubled within a year.",
    ],
)
def test_real_duration_kept(backbone: Backbone, text: str) -> None:
    assert any(iso == "P1Y" for _, iso in _dates(backbone, text)), _dates(backbone, text)
