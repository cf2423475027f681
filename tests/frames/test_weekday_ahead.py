"""A weekday told without "next" or "last" is the one ahead when its clause speaks of the
future. Two clauses that hide it: an "-ing" form with no subject of its own hung on a
future verb ("will close ... starting Monday") has that verb's tense, and a modal over a
span that ends at the day ("could wait until Tuesday") puts the day ahead. Found by a
new-user trial on saved news pages; fixtures written for this file."""

from __future__ import annotations

from datetime import date

import pytest

from unspin.frames import find_dates
from unspin.nlp import Backbone

SATURDAY = date(2026, 3, 14)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "span", "iso"),
    [
        ("The Kell Road bridge will close for six weeks starting Monday, the city said.",
         "Monday", "2026-03-16"),
        ("The new timetable will run beginning Tuesday, officials said.", "Tuesday",
         "2026-03-17"),
        ("A spokesman said some villages could wait until Wednesday for power.", "Wednesday",
         "2026-03-18"),
        ("The pool may stay shut until Thursday, the club said.", "Thursday", "2026-03-19"),
        # as before: the past, a participle opened by a conjunction, a modal with "have"
        ("The bridge closed on Monday, the city said.", "Monday", "2026-03-09"),
        ("Arrested on Monday, he will appear in court later this month.", "Monday",
         "2026-03-09"),
        ("Some villages could have waited until Wednesday.", "Wednesday", "2026-03-11"),
        ("The shop was closed until Wednesday.", "Wednesday", "2026-03-11"),
    ],
)  # fmt: skip
def test_a_weekday_ahead_of_a_future_clause(
    backbone: Backbone, text: str, span: str, iso: str
) -> None:
    found = {text[d.start : d.end]: d.iso for d in find_dates(text, backbone.parse(text), SATURDAY)}
    assert found[span] == iso, found
