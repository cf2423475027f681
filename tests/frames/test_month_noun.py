"""The noun "march" (a walk in protest) is no month, even capitalised in a title-case
headline; the month "March" as a time adverbial, a subject or a modifier stays a date
(precision audit, round 2). Fixtures written for this file."""

from __future__ import annotations

from datetime import date

import pytest

from unspin.frames import find_dates
from unspin.nlp import Backbone

PUB = date(2024, 6, 14)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Farm Convoy Resumes March to the Capital", []),
        ("Students Plan a March on City Hall", []),
        ("The talks resumed in March.", [("March", "2024-03")]),
        ("March was wet for the farms.", [("March", "2024-03")]),
        ("The March jobs report was weak.", [("March", "2024-03")]),
        ("The convoy resumed its march in March.", [("March", "2024-03")]),
        ("She spent March in Spain.", [("March", "2024-03")]),
    ],
)
def test_the_noun_march_is_no_month(
    backbone: Backbone, text: str, want: list[tuple[str, str]]
) -> None:
    got = find_dates(text, backbone.parse(text), PUB)  # no parser DATE entity either
    assert [(text[d.start : d.end], d.iso) for d in got] == want
