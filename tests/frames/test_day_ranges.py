"""The second day of a day range next to a date is no quantity ("Aug. 25-26 papal visit"
gave the count "26 papal" in a real article), while a count after a date stays a count.
Fixtures written for this file."""

from __future__ import annotations

import pytest

from unspin.frames import find_dates, find_quantities
from unspin.frames.quantities import day_ranges
from unspin.nlp import Backbone


@pytest.mark.parametrize(
    ("text", "dates", "want"),
    [
        ("an Aug. 25-26 visit", [(3, 10)], ["-26"]),
        ("from June 3 to 5 in Paris", [(5, 11)], [" to 5"]),
        ("on 12-14 May", [(6, 12)], ["12-"]),
        ("on 3 and 4 June", [(9, 15)], ["3 and "]),
        # a year or a month at the edge is no day: nothing is taken
        ("in May 2019 - 40 people", [(3, 11)], []),
        ("on 12 May 40 to 50 people", [(3, 9)], []),
    ],
)
def test_day_ranges(text: str, dates: list[tuple[int, int]], want: list[str]) -> None:
    assert [text[s:e] for s, e in day_ranges(text, dates)] == want


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The statement came ahead of an Aug. 25-26 papal pilgrimage.", []),
        ("The summit runs from June 3-5 in Paris.", []),
        ("The fair is on 12-14 May.", []),
        ("Talks on 3 and 4 June failed.", []),
        ("On June 3, 5 people died.", ["5 people"]),
        ("On 12 May 40 to 50 people marched.", ["40 to 50 people"]),
    ],
)
def test_no_quantity_in_a_day_range(backbone: Backbone, text: str, want: list[str]) -> None:
    parsed = backbone.parse(text)
    dates = [(d.start, d.end) for d in find_dates(text, parsed, None)]
    found = find_quantities(text, parsed, dates)
    assert [text[q.start : q.end] for q in found] == want
