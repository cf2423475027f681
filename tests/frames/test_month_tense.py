"""A month told without a year takes the publication year, unless the tense of its clause
says otherwise: a month already passed in a clause about the future is next year's ("will
reopen in January", told in November), a month still ahead in a past-tense telling is last
year's ("was held in December", told in November). "Would" is as often the future of a past
telling ("said the boy would not face charges over the crash in February"), so it moves
nothing. A verb of a planned event in the simple present ("the plan closes three libraries
in March", "takes office in January") puts a month or day two months back or more in the
next year; a comparison in the present ("follows 292,000 in June"), a habitual clause or a
date just passed does not. A year of two digits after an apostrophe ("Sept. 28 '17") is
read. Fixtures written for this file."""

from __future__ import annotations

from datetime import date

import pytest

from unspin.frames import find_dates
from unspin.nlp import Backbone

PUBLISHED = date(2026, 11, 12)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        ("The council said the bridge will reopen in January.", "January", "2027-01"),
        ("Brenmark will close its plant in March, the company said.", "March", "2027-03"),
        ("The vote was held in December.", "December", "2025-12"),
        ("Sales rose in December, the firm said.", "December", "2025-12"),
        # as told: a month passed in the past tense, a month ahead in the future
        ("The plant closed in March, the company said.", "March", "2026-03"),
        ("The bridge will reopen in December.", "December", "2026-12"),
        ("Police said the boy would not face charges over the crash in February.", "February",
         "2026-02"),
        # a month after a noun that something ahead modifies is that noun's, not the verb's
        ("She was not hopeful about the looming showdown in December.", "December", "2026-12"),
        ("Aides were busy with the planned vote in December.", "December", "2026-12"),
        # a verb of a planned event in the simple present: a date two months back or more
        # is next year's
        ("The plan closes three libraries in March.", "March", "2027-03"),
        ("The next mayor takes office in January, aides say.", "January", "2027-01"),
        ("The runoff is in February.", "February", "2027-02"),
        ("The museum reopens on March 3.", "March 3", "2027-03-03"),
        # a comparison or a state in the present tells of the past as often
        ("That figure follows 292,000 in June.", "June", "2026-06"),
        ("Turnout is up from 37 percent in January.", "January", "2026-01"),
        # a month just passed: as often a headline's present of what happened
        ("The fair opens in October.", "October", "2026-10"),
        ("The depot closes on October 20.", "October 20", "2026-10-20"),
        # habitual
        ("The market usually opens in April.", "April", "2026-04"),
        # past tense as before
        ("The plan closed three libraries in March.", "March", "2026-03"),
        # a year of two digits after an apostrophe
        ("The deal was signed Sept. 28 '17 in Geneva.", "Sept. 28 '17", "2017-09-28"),
        ("They met on 4 July \u201976.", "4 July \u201976", "1976-07-04"),
        ("It opened in March '09 to crowds.", "March '09", "2009-03"),
        ("Songs of the '90s filled March.", "the '90s", "1990/1999"),
    ],
)  # fmt: skip
def test_a_month_takes_its_year_from_the_tense(
    backbone: Backbone, text: str, span: str, iso: str
) -> None:
    found = {
        text[d.start : d.end]: d.iso for d in find_dates(text, backbone.parse(text), PUBLISHED)
    }
    assert found[span] == iso, found
