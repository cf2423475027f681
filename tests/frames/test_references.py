"""No date, time or quantity is read inside a chapter-and-verse reference or a name like
"3-D" (real articles' "(Proverbs 6:17)" gave a clock time, "(2 Corinthians 7:10)" a count
of Corinthians and "3-D printer" the number 3), while clock times stay times. Fixtures
written for this file."""

from __future__ import annotations

from datetime import date

import pytest

from unspin.frames import find_dates, find_quantities
from unspin.frames.spans import reference_spans
from unspin.nlp import Backbone


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("They quoted a proverb (Proverbs 6:17).", ["Proverbs 6:17"]),
        (
            "Two laws were cited (Leviticus 18:22; 20:13; Jude 1:7).",
            ["Leviticus 18:22; 20:13; Jude 1:7"],
        ),
        ("He read from it (2 Corinthians 7:10) at the meeting.", ["2 Corinthians 7:10"]),
        ("Philippians 2:7-9\nThese are the verses.", ["Philippians 2:7-9"]),
        (
            "See John 3:16 and Matthew 11:12; 1 Timothy 6:12.",
            ["John 3:16", "Matthew 11:12; 1 Timothy 6:12"],
        ),
        # clock times keep their context word, half of the day or time zone
        ("At 6:17 the train left.", []),
        ("The polls closed at 10:30 GMT.", []),
        ("On Friday 9:30 was too late.", []),
        ("Kickoff 7:30 pm, doors at 6:45.", []),
        ("Saturday 14:05 Berlin 10:30 local time", []),
        ("The score was 2:1 at half time.", []),
    ],
)
def test_reference_spans(text: str, want: list[str]) -> None:
    assert [text[s:e] for s, e in reference_spans(text)] == want


@pytest.mark.slow
def test_no_time_or_quantity_inside_a_reference(backbone: Backbone) -> None:
    text = (
        "The preacher said 40 people came at 6:15 p.m. (Romans 1:16; 2 Corinthians 6:17) "
        "and left at 21:40."
    )
    parsed = backbone.parse(text)
    dates = find_dates(text, parsed, date(2025, 5, 14))
    quantities = find_quantities(text, parsed, [(d.start, d.end) for d in dates])
    assert [text[q.start : q.end] for q in quantities] == ["40 people"]
    assert [(text[d.start : d.end], d.label) for d in dates] == [
        ("6:15 p.m.", "time"),
        ("21:40", "time"),
    ]


@pytest.mark.slow
def test_a_digit_joined_to_a_letter_is_no_quantity(backbone: Backbone) -> None:
    """The bug (a held-back PTC report, and the precision audit before it): "3-D-printed
    guns" and "a 3-D printer" each gave the quantity 3."""
    text = "They sold 3-D-printed guns, a 3-D printer and 2-D plans to 40 students."
    parsed = backbone.parse(text)
    dates = find_dates(text, parsed, date(2025, 5, 14))
    quantities = find_quantities(text, parsed, [(d.start, d.end) for d in dates])
    assert [text[q.start : q.end] for q in quantities] == ["40 students"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a number after a reference word is a paragraph, page or canon, not an amount
        ("The rules (see the guidelines, n. 84) let 300 members vote.", ["300 members"]),
        ("Under canon 915 and para. 12, 40 people were barred.", ["40 people"]),
        ("The clause is in § 4 and paragraph 9 of the deal.", []),
        ("Clause 7 lets 12 workers strike.", ["12 workers"]),
        # not a reference word: the count stays
        ("In 84 cases the board said no.", ["84 cases"]),
    ],
)
def test_no_amount_after_a_reference_word(backbone: Backbone, text: str, want: list[str]) -> None:
    parsed = backbone.parse(text)
    dates = find_dates(text, parsed, date(2025, 5, 14))
    quantities = find_quantities(text, parsed, [(d.start, d.end) for d in dates])
    assert [text[q.start : q.end] for q in quantities] == want
