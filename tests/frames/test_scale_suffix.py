"""A million or billion suffix glued to a figure after a currency sign is its scale
("$260mm", "$7mln", "€2bln"), as "$3m" and "2bn" already were; without a currency sign
"260mm" stays millimetres (precision audit, round 3: a dollar figure with "mm" glued on
was read in dollars). Fixtures written for this file."""

from __future__ import annotations

import pytest

from unspin.frames import find_quantities
from unspin.nlp import Backbone


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The donors gave $260mm to the trust.", [("$260mm", "money", 260e6, "USD")]),
        ("The donors gave $12MM to the trust.", [("$12MM", "money", 12e6, "USD")]),
        ("The bank lent $7mln to the port.", [("$7mln", "money", 7e6, "USD")]),
        ("The fund lost €2bln last spring.", [("€2bln", "money", 2e9, "EUR")]),
        ("They gave $3m to the club.", [("$3m", "money", 3e6, "USD")]),
        ("The pipe is 260mm wide.", [("260mm", "measure", 260.0, "mm")]),
    ],
)
def test_glued_scale_after_a_currency(
    backbone: Backbone, text: str, want: list[tuple[str, str, float, str]]
) -> None:
    got = find_quantities(text, backbone.parse(text))
    assert [(text[q.start : q.end], q.label, q.value, q.unit) for q in got] == want
