"""Round 6 of the precision audit (news bodies): a count whose noun has a noun before it
("8 menu items" counts items), "cal" after a number is energy (kcal), and "today" that
names a programme ("<Network>'s Today show") or the present age ("the trend of today")
gives no day. Fixtures written for this file."""

from __future__ import annotations

from datetime import date

import pytest

from unspin.frames import find_dates, find_quantities
from unspin.nlp import Backbone

pytestmark = pytest.mark.slow

PUB = date(2024, 6, 14)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The chain will phase out 8 menu items next year.", ("8 menu items", "count", "item")),
        (
            "A slice of the cake contains 250 cal, a fifth of a meal.",
            ("250 cal", "measure", "kcal"),
        ),
        ("The firm will cut 40 factory jobs in May.", ("40 factory jobs", "count", "job")),
    ],
)
def test_quantity_units(backbone: Backbone, text: str, want: tuple[str, str, str]) -> None:
    got = [
        (text[q.start : q.end], q.label, q.unit)
        for q in find_quantities(text, backbone.parse(text))
    ]
    assert want in got


@pytest.mark.parametrize(
    "text",
    [
        '"We are in close contact," he said in an interview with NBC\'s Today show.',
        '"It hurt," the baker told Today after the fire.',
        '"That is the trend of today. But we cannot go on," the doctor said.',
    ],
)
def test_today_names_no_day(backbone: Backbone, text: str) -> None:
    got = [text[d.start : d.end] for d in find_dates(text, backbone.parse(text), PUB)]
    assert not any(g.lower() == "today" for g in got)


@pytest.mark.parametrize(
    "text",
    [
        "Today the council voted on the plan.",
        "The council voted today on the plan.",
        "The results of today's vote are due.",
    ],
)
def test_today_is_a_day(backbone: Backbone, text: str) -> None:
    got = [text[d.start : d.end] for d in find_dates(text, backbone.parse(text), PUB)]
    assert any(g.lower().startswith("today") for g in got)
