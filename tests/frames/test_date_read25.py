"""Dates found wrong on real articles (PolNeAR train), as rules with fixtures written for
this file: a day told without its year after the text stated that day with one takes that
year ("Sept. 11, 2001" then "after the Sept. 11 attacks"), and a clock time with "PM" in
capitals is an afternoon time, as "p.m." is."""

from __future__ import annotations

from datetime import date

import pytest

from unspin.frames import find_dates
from unspin.nlp import Backbone

PUBLISHED = date(2016, 2, 17)


def _dates(backbone: Backbone, text: str) -> dict[str, tuple[str | None, str]]:
    return {
        text[d.start : d.end]: (d.iso, d.rule)
        for d in find_dates(text, backbone.parse(text), PUBLISHED)
    }


@pytest.mark.slow
def test_a_day_told_again_without_its_year_takes_the_year_it_was_told_with(
    backbone: Backbone,
) -> None:
    text = (
        "The floods of March 4, 2009, drowned the lower town. "
        "He spoke for an hour about the response to the March 4 floods."
    )
    found = _dates(backbone, text)
    assert found["March 4"][0] == "2009-03-04", found
    assert found["March 4"][1].endswith(".same-day")


@pytest.mark.slow
def test_another_day_keeps_the_publication_year(backbone: Backbone) -> None:
    text = "The floods of March 4, 2009, drowned the lower town. The council met on February 2."
    assert _dates(backbone, text)["February 2"][0] == "2016-02-02"


@pytest.mark.slow
@pytest.mark.parametrize("ampm", ["PM", "P.M.", "pm", "p.m."])
def test_a_clock_time_in_the_afternoon_whatever_its_case(backbone: Backbone, ampm: str) -> None:
    text = f"The mayor posted the message on January 23 at 4:01 {ampm} and deleted it."
    iso = _dates(backbone, text)[f"January 23 at 4:01 {ampm}"][0]
    assert iso == "2016-01-23T16:01", iso
