"""Two digits after an apostrophe and a capitalised abbreviation or "(class) of" are a
class year, no quantity ("Jo Lin, MA '21,"); a quotation that opens on a figure keeps it
(precision audit, round 3: a class year after a name and a school's initials was read
as the number it ends with). Fixtures written for this file."""

from __future__ import annotations

import pytest

from unspin.frames import find_quantities
from unspin.nlp import Backbone


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Jo Lin, MA '21, was in the hall.", []),
        ("Ravi Das, BS \u201819, said it was fine.", []),
        ("Eve Moor, SEAS \u201920, left early.", []),
        ("Members of the Class of '98 met again.", []),
        # a figure at the start of a quotation still counts
        ("\u201822 people were hurt,\u2019 the nurse said.", [("22 people", 22.0, "people")]),
        ("Jo Lin, 21, was in the hall.", [("21", 21.0, "years_old")]),
    ],
)
def test_class_year(backbone: Backbone, text: str, want: list[tuple[str, float, str]]) -> None:
    got = find_quantities(text, backbone.parse(text))
    assert [(text[q.start : q.end], q.value, q.unit) for q in got] == want
