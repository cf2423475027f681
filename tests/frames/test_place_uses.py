"""A place-labelled name used as something else is no place of the claim: a country's name
before a noun ("the Russia probe cost ..."), a name at the end of a range of persons ("from
Eisenhower to Bush"), the name of a body ("New Majority") that no preposition of place puts
the claim at (found reading a report: all three were places of their claims)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from unspin.model import Analysis

Run = Callable[..., Analysis]


def _places(run: Run, text: str) -> list[str]:
    (claim,) = run(text, "claims").by_kind("claim")
    return list(claim.attributes["frame"]["places"])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("The Russia probe cost taxpayers $30 million, Senator Ann Lee said.", []),
        ("Agencies scramble to prep Russia probe files for release.", []),
        ("Officials said U.S. forces would leave Syria by June.", ["Syria"]),
        ("Two US bloggers were banned from entering the UK.", ["UK"]),
        ("No attack on U.S. soil was likely, officials said.", ["U.S."]),
        ("He lived in Russia decades ago.", ["Russia"]),
        ("Two agents were hurt during the Syria strikes, the report said.", ["Syria"]),
    ],
)
def test_a_country_before_a_noun_is_no_place(run: Run, text: str, places: list[str]) -> None:
    assert _places(run, text) == places


@pytest.mark.slow
def test_a_name_a_range_joins_to_a_person_is_a_persons(run: Run) -> None:
    text = "The collapse removed the party's great cause from Eisenhower to Bush I."
    assert _places(run, text) == []
    assert _places(run, "Refugees fled from St. Louis to Fort Worth.") == [
        "St. Louis",
        "Fort Worth",
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("The surge began to swamp the Nixon-Reagan New Majority.", []),
        ("Rick said he had called the Clark County Sheriff's Office about it.", []),
        (
            "The meeting was held at the Clark County Sheriff's Office.",
            ["the Clark County Sheriff's Office"],
        ),
    ],
)
def test_a_bodys_name_is_a_place_only_after_a_preposition_of_place(
    run: Run, text: str, places: list[str]
) -> None:
    assert _places(run, text) == places
