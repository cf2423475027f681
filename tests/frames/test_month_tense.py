"""A month told without a year takes the publication year, unless the tense of its clause
says otherwise: a month already passed in a clause about the future is next year's ("will
reopen in January", told in November), a month still ahead in a past-tense telling is last
year's ("was held in December", told in November). "Would" is as often the future of a past
telling ("said the boy would not face charges over the crash in February"), so it moves
nothing. Fixtures written for this file."""

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
    ],
)  # fmt: skip
def test_a_month_takes_its_year_from_the_tense(
    backbone: Backbone, text: str, span: str, iso: str
) -> None:
    found = {
        text[d.start : d.end]: d.iso for d in find_dates(text, backbone.parse(text), PUBLISHED)
    }
    assert found[span] == iso, found
