"""A weekday that opens a name is no date ("Sunday Morning Post host", "the Sunday Times"
when the parser reads one name); "On Sunday Ann Lee said" and "Friday night" keep theirs
(precision audit, round 3: a TV show named "<Weekday> Night <Word>" gave a weekday).
Fixtures written for this file."""

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
        ("Tuesday Night Comedy host Sam Doe spoke on Friday night.", ["Friday night"]),
        ("Fans of Monday Night Football cheered.", []),
        ("She hosts Sunday Morning Futures, a talk show.", []),
        ("He read the Sunday Times on Monday.", ["Monday"]),
        # kept: a weekday before a name, a weekday in a title-case headline
        ("On Sunday Ann Lee said she would run.", ["Sunday"]),
        ("Mayor Speaks Saturday Night At Town Hall", ["Saturday"]),
        ("The vote is on Tuesday.", ["Tuesday"]),
    ],
)
def test_weekday_in_a_name(backbone: Backbone, text: str, want: list[str]) -> None:
    got = [d for d in find_dates(text, backbone.parse(text), PUB) if d.label == "relative"]
    assert [text[d.start : d.end] for d in got] == want
