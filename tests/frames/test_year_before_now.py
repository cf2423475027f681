"""A day told without its year, in a text with no publication date, takes the year of a
date told before it, but not across words that date by the day of the telling: after
"last week" the text tells of its present again, not of the month and year it gave as
background ("took office in March 2019 ... last week ... since October 4")."""

from __future__ import annotations

import pytest

from unspin.frames import find_dates
from unspin.nlp import Backbone


def _dates(backbone: Backbone, text: str) -> dict[str, tuple[str | None, str]]:
    return {
        text[d.start : d.end]: (d.iso, d.rule) for d in find_dates(text, backbone.parse(text), None)
    }


@pytest.mark.slow
def test_a_background_month_gives_no_year_past_the_present_of_the_telling(
    backbone: Backbone,
) -> None:
    text = (
        "Governor Ilse Maroway took office in March 2019. Talk of her health grew again "
        "last week, when she missed a budget vote. She has not been seen since October 4."
    )
    iso, rule = _dates(backbone, text)["October 4"]
    assert iso is None and ".year-before" not in rule


@pytest.mark.slow
def test_a_month_and_year_still_gives_its_year_to_the_days_after_it(
    backbone: Backbone,
) -> None:
    text = (
        "The dam inspections began in March 2019. The first crew reached the spillway on "
        "March 9 and found the gates rusted."
    )
    assert _dates(backbone, text)["March 9"] == ("2019-03-09", "date.month-day.year-before")


@pytest.mark.slow
def test_a_whole_date_of_a_dateline_keeps_giving_its_year(backbone: Backbone) -> None:
    text = (
        "HARBOURTON, Feb. 2, 2021 - The mayor today signed the harbour lease. She had met "
        "the port board in a Jan. 15 session."
    )
    iso, _ = _dates(backbone, text)["Jan. 15"]
    assert iso == "2021-01-15"
