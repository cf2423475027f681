"""A weekday in a future clause is the first one on or after the publication date: news
style writes the day of publication by its name ("will hold a news conference late
Tuesday", told on a Tuesday, is that evening), and "next Tuesday" is the week after."""

from __future__ import annotations

from datetime import date

import pytest

from unspin.frames import find_dates
from unspin.nlp import Backbone

TUESDAY = date(2025, 3, 4)


def _iso(backbone: Backbone, text: str, words: str) -> str | None:
    for d in find_dates(text, backbone.parse(text), TUESDAY):
        if text[d.start : d.end] == words:
            return d.iso
    raise AssertionError(f"{words!r} not found in {text!r}")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "words", "iso"),
    [
        ("Mayor Edda Pilkvist will hold a news conference late Tuesday.", "Tuesday", "2025-03-04"),
        ("The harbour board will vote on Tuesday on the new fees.", "Tuesday", "2025-03-04"),
        ("The harbour board will vote next Tuesday on the new fees.", "next Tuesday", "2025-03-11"),
        ("The harbour board will vote on Friday on the new fees.", "Friday", "2025-03-07"),
        ("The harbour board voted on Tuesday on the new fees.", "Tuesday", "2025-03-04"),
    ],
)
def test_a_future_weekday_of_publication_is_that_day(
    backbone: Backbone, text: str, words: str, iso: str
) -> None:
    assert _iso(backbone, text, words) == iso
