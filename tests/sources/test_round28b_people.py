"""People the recogniser typed as bodies (invented fixtures): a full name after a
student's year ("Sophomore Tyson Fairbanks"), and a surname alone whose full name the
text gave joined to another person's ("Brynlee Castor and Daniel Okafor ... Castor said")."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources
from unspin.model import Analysis

Run = Callable[..., Analysis]


def _rows(a: Analysis) -> list[tuple[str, str]]:
    return [(f.text, f.label) for f in a.by_kind("speaker")]


def test_a_students_year_before_a_full_name_makes_a_person(run: Run) -> None:
    a = sources(
        run,
        "Coach Marta Velund praised the rowing team. She said the season had gone well. "
        "Sophomore Tyson Fairbanks joined the crew in March and said he enjoyed the early "
        "starts. He said the team felt like a family.",
    )
    rows = _rows(a)
    assert ("Sophomore Tyson Fairbanks", "named_person") in rows, rows
    he = next(f for f in a.by_kind("speaker") if f.text == "He")
    assert he.attributes.get("name") == "Tyson Fairbanks", (he.attributes, rows)


def test_a_surname_of_a_name_joined_to_a_persons_is_a_person(run: Run) -> None:
    a = sources(
        run,
        "Brynlee Castor and Daniel Okafor prefer the old name. "
        "\u201cIt sounds right,\u201d Castor said.",
    )
    rows = _rows(a)
    assert ("Castor", "named_person") in rows, rows
