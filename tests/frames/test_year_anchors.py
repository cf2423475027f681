"""The year of a month and day told without one. A year stated in the day's own clause
is its year ("on June 5 ... in the year 2017" resolved to June 5 of the publication
year); so is a year that opens the sentence before as the scene of a past-tense telling
("In 2015 the plant closed. On June 3 the owners sold it."). Else the publication date
decides, with the tense: a past-tense day cannot lie after publication (it was June 3 of
the publication year, three months after it), nor a future one before it. Fixtures
written for this file."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from unspin.frames import find_dates
from unspin.model import Analysis
from unspin.nlp import Backbone

PUBLISHED = date(2018, 3, 1)


def _dates(backbone: Backbone, text: str, published: date | None) -> dict[str, str | None]:
    return {text[d.start : d.end]: d.iso for d in find_dates(text, backbone.parse(text), published)}


@pytest.mark.slow
@pytest.mark.parametrize("published", [PUBLISHED, None])
@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        # a year stated in the day's own clause, before or after it
        ("On June 5 the council voted, in the year 2017, to close the school.", "June 5",
         "2017-06-05"),
        ("Signed at the town hall, on the day of June 5 in the year 2017", "June 5",
         "2017-06-05"),
        ("The vote on June 5 of 2017 was close.", "June 5 of 2017", "2017-06-05"),
        # a year that sets the scene of the sentence before
        ("In 2015 the plant closed. On June 3 the owners sold it.", "June 3", "2015-06-03"),
        # a year that names the occasion the clause happened at
        ("He gave the speech at the 2015 awards on Feb. 4.", "Feb. 4", "2015-02-04"),
        ("She spoke at the Harbour Film Awards (2015) event on Feb. 4 in Tessby.", "Feb. 4",
         "2015-02-04"),
    ],
)  # fmt: skip
def test_a_year_told_with_the_day_is_its_year(
    backbone: Backbone, text: str, span: str, iso: str, published: date | None
) -> None:
    assert _dates(backbone, text, published)[span] == iso


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        # a past-tense day after publication is of the year before
        ("The vote was held on June 3.", "June 3", "2017-06-03"),
        ("On May 8 he said the sanctions were lifted in 2015.", "May 8", "2017-05-08"),
        # a year in another clause, one that dates a noun or one that sets no scene tells
        # nothing of the day
        ("The plant closed in 2015. On June 3 the owners sold it.", "June 3", "2017-06-03"),
        ("On June 5 he cited a 2012 report on the plant.", "June 5", "2017-06-05"),
        ("On June 5 he appeared in the 2012 film about the plant.", "June 5", "2017-06-05"),
        # a day ahead stays in the publication year
        ("In 2015 the plant closed. On June 3 the owners will sell it.", "June 3",
         "2018-06-03"),
        ("The court adjourned the case until June 3.", "June 3", "2018-06-03"),
        ("The vote was scheduled for June 3.", "June 3", "2018-06-03"),
        ("The vote was held on February 3.", "February 3", "2018-02-03"),
    ],
)  # fmt: skip
def test_the_publication_date_decides_with_the_tense(
    backbone: Backbone, text: str, span: str, iso: str
) -> None:
    assert _dates(backbone, text, PUBLISHED)[span] == iso


@pytest.mark.slow
def test_the_claims_finding_names_the_year_it_took(run: Callable[..., Analysis]) -> None:
    text = "On June 5 the council voted, in the year 2017, to close the school."
    d = next(f for f in run(text, "claims").by_kind("date") if f.text == "June 5")
    assert (d.attributes["iso"], d.attributes["resolved_relative_to"]) == ("2017-06-05", "2017")
    assert "its year taken from '2017', told in its own clause" in d.explanation.detail


@pytest.mark.slow
def test_a_year_told_in_a_dated_text_is_not_the_datelines(run: Callable[..., Analysis]) -> None:
    text = (
        "LONDON, February 12, 2018 (Reuters) - The council met on Monday.\n\n"
        "On June 5 the council voted, in the year 2017, to close the school."
    )
    d = next(f for f in run(text, "claims").by_kind("date") if f.text == "June 5")
    assert d.attributes["iso"] == "2017-06-05"
    assert "reference" not in d.attributes
