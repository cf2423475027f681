"""A count of one person reads "1 person" in its quantity's explanation, not "1 people";
the unit stays "people" for every count of them (found by a newsroom-analyst trial)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from unspin.model import Analysis


@pytest.mark.slow
def test_one_person_is_a_person(run: Callable[..., Analysis]) -> None:
    analysis = run("Police said one person was hurt and 2 people were treated.", "claims")
    details = {f.text: f.explanation.detail for f in analysis.by_kind("quantity")}
    assert details["one person"].endswith("normalised to 1 person."), details
    assert details["2 people"].endswith("normalised to 2 people."), details
    units = {f.attributes["unit"] for f in analysis.by_kind("quantity")}
    assert units == {"people"}
