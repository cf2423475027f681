"""No date or quantity is read inside a URL or an e-mail address (a real article's link
"example.com/news/2024/05/12345-story" gave a quantity). Fixtures written for this file."""

from __future__ import annotations

from datetime import date

import pytest

from unspin.frames import find_dates, find_quantities
from unspin.frames.spans import web_spans
from unspin.nlp import Backbone


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("See example.com/news/2024/05/12345-story.", ["example.com/news/2024/05/12345-story"]),
        ("Write to desk42@example.org today.", ["desk42@example.org"]),
        (
            "Visit https://example.net/p?id=4421&x=7, then call.",
            ["https://example.net/p?id=4421&x=7"],
        ),
        ("Go to www.example.com/a/99 (or not).", ["www.example.com/a/99"]),
        ("Example.com reported it.", ["Example.com"]),
        ("It rose 4.5% in 2024, the U.S. said, e.g. 3.5m people at 3 p.m.", []),
    ],
)
def test_web_spans(text: str, want: list[str]) -> None:
    assert [text[s:e] for s, e in web_spans(text)] == want


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The link example.com/news/2024/05/12345-story was shared 400 times.",
        "Mail desk1987@example.com or see example.org/page?id=4421&x=7 for the 400 times.",
        "The page https://example.net/2024-05-12/story-12345 was shared 400 times.",
    ],
)
def test_no_quantity_or_date_inside_a_web_address(backbone: Backbone, text: str) -> None:
    parsed = backbone.parse(text)
    dates = find_dates(text, parsed, date(2025, 5, 14))
    quantities = find_quantities(text, parsed, [(d.start, d.end) for d in dates])
    assert [text[q.start : q.end] for q in quantities] == ["400 times"]
    assert [text[d.start : d.end] for d in dates] == []
