"""Dates and quantities the lead found wrong in FNC-1 train bodies (session 28): street
numbers in a list read as years, a newspaper's name after "and" read as a weekday, areas
("square feet", "acre") counted as feet and acres, and a figure in the Indian grouping
("9,34,200") cut at its first comma. Fixtures written for this file."""

from __future__ import annotations

from datetime import date

import pytest

from tests.frames.found import quantities
from unspin.frames import compare_frames, find_dates
from unspin.nlp import Backbone


def _dates(backbone: Backbone, text: str) -> list[str]:
    return [text[d.start : d.end] for d in find_dates(text, backbone.parse(text), date(2016, 5, 1))]


@pytest.mark.slow
def test_numbers_in_a_list_with_one_that_is_no_year_are_no_years(backbone: Backbone) -> None:
    text = "The pier's berths are 1200, 1300, 1700 and 1800 Harbour Road, the owners said."
    assert _dates(backbone, text) == []
    # a list of years stays years, with or without a preposition
    assert _dates(backbone, "Floods hit Tessby in 1990, 1995 and 2000.") == ["1990", "1995", "2000"]
    text = "On Sunday Lund said the 1998, 2002 and 2006 budgets were lower."
    assert _dates(backbone, text) == ["Sunday", "1998", "2002", "2006"]


@pytest.mark.slow
def test_a_weekday_that_opens_a_coordinated_name_is_no_day(backbone: Backbone) -> None:
    text = "The Sunday Ledger and Sunday Courier named the skipper on Friday."
    assert _dates(backbone, text) == ["Friday"]
    # two days joined by "and" stay two days
    assert _dates(backbone, "Monday and Tuesday Lund stayed home.") == ["Monday", "Tuesday"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The yard covers 1.7 million square feet.",
         {"1.7 million square feet": ("measure", 1.7e6, None, "ft2")}),
        ("A 38,000-square-foot shed stands on a 106-acre site.",
         {"38,000-square-foot": ("measure", 38e3, None, "ft2"),
          "106-acre": ("measure", 106.0, None, "acre")}),
        ("The farm covers 40 hectares.", {"40 hectares": ("measure", 40.0, None, "ha")}),
        ("The market sold 9,34,200 tickets.",
         {"9,34,200 tickets": ("count", 934200.0, None, "ticket")}),
        # a thousands separator as before
        ("The market sold 934,200 tickets.",
         {"934,200 tickets": ("count", 934200.0, None, "ticket")}),
    ],
)  # fmt: skip
def test_areas_and_indian_grouping(backbone: Backbone, text: str, want: dict) -> None:
    assert quantities(backbone, text) == want


def test_areas_compare_across_units() -> None:
    def frame(text: str, value: float, unit: str) -> dict:
        quantity = {"text": text, "value": value, "unit": unit, "counts": "other"}
        return {"polarity": "positive", "quantities": [quantity], "dates": [], "actors": []}

    def number(a: dict, b: dict) -> bool | None:
        return {c.slot: c.agrees for c in compare_frames(a, b)}.get("number")

    assert number(frame("2 hectares", 2.0, "ha"), frame("20,000 m2", 2e4, "m2")) is True
    assert number(frame("2 hectares", 2.0, "ha"), frame("9 acres", 9.0, "acre")) is False
