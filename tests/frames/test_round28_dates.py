"""Dates session 28 found wrong: a year glued to the next sentence by a lost space, a
headline's year taken as the scene of the first line under it, "Tuesday the 16" read as a
weekday and a bare number, and a number of days written in capitals inside an event's
name read as a length of time. Fixtures written for this file."""

from __future__ import annotations

from datetime import date

import pytest

from unspin.frames import find_dates, find_quantities
from unspin.nlp import Backbone


def _dates(backbone: Backbone, text: str, published: date | None) -> dict[str, str | None]:
    return {text[d.start : d.end]: d.iso for d in find_dates(text, backbone.parse(text), published)}


def _numbers(backbone: Backbone, text: str) -> list[str]:
    parsed = backbone.parse(text)
    dates = find_dates(text, parsed, None)
    found = find_quantities(text, parsed, [(d.start, d.end) for d in dates])
    return [text[q.start : q.end] for q in found]


@pytest.mark.slow
def test_a_year_glued_to_the_next_sentence_is_still_a_year(backbone: Backbone) -> None:
    text = "The pier was rebuilt in 2014The council voted to close it again."
    assert _dates(backbone, text, None) == {"2014": "2014"}
    assert _numbers(backbone, text) == []


@pytest.mark.slow
def test_a_code_glued_to_a_year_without_a_preposition_stays_out(backbone: Backbone) -> None:
    text = "Sales of the Harbour 2014Q boats rose."
    assert "2014" not in _dates(backbone, text, None)


@pytest.mark.slow
def test_a_headline_year_sets_no_scene_for_the_first_line(backbone: Backbone) -> None:
    text = "In 2019: a year of storms\n\nOn June 3 the engineers found cracks in the pier."
    assert _dates(backbone, text, None)["June 3"] is None
    # a year that opens a sentence of the body still does
    body = "Storm season\n\nIn 2019 the pier closed. On June 3 the engineers found cracks."
    assert _dates(backbone, body, None)["June 3"] == "2019-06-03"


@pytest.mark.slow
def test_a_weekday_and_a_day_of_the_month_are_one_date(backbone: Backbone) -> None:
    text = "The Tessby fair will run from Tuesday the 16 to Monday the 22 in December."
    found = _dates(backbone, text, date(2016, 5, 1))
    # no Tuesday of May 2016 is the 16th: the day stays unresolved, never "next Tuesday"
    assert found["Tuesday the 16"] is None
    assert found["Monday the 22"] is None
    assert _numbers(backbone, text) == []
    # when the weekday fits the day, it is that day
    assert _dates(backbone, "The fair opens on Sunday the 24th.", date(2016, 5, 1)) == {
        "Sunday the 24th": "2016-04-24"
    }


@pytest.mark.slow
def test_days_in_the_name_of_an_event_are_no_duration(backbone: Backbone) -> None:
    text = "Pilgrims in Tessby still recall the Three Days of Darkness and the Six Day War."
    found = _dates(backbone, text, None)
    assert "Three Days" not in found and "Six Day" not in found
    # a name the recogniser calls a date
    assert _dates(backbone, "Fishermen in Tessby still speak of the Four Days of Rain.", None) == {}
    assert _dates(backbone, "The storm lasted three days.", None) == {"three days": "P3D"}
