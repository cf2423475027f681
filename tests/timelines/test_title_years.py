"""A year that is part of a book's or a film's title is no date of an event: 'In his book
"Winter of 1984", Tom Pell argues ...' made an event of 1984, "the film 2012" one of
2012; a year the sentence tells stays an event's date."""

from __future__ import annotations

import pytest

from unspin import analyze
from unspin.frames.date_titles import in_title
from unspin.timelines import document_events


def _event_dates(text: str) -> list[str]:
    analysis = analyze(text, published="2026-03-06")
    return [e.date_text for e in document_events(analysis)]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        'In his book "Winter of 1984", Tom Pell argues that the town must rebuild its mill.',
        "The film 2012 was shown at the harbour festival, organisers said.",
        "Critics praised the film Blade Runner 2049 for its score.",
        "The council adopted its “Vision 2030” plan for the harbour.",
    ],
)
def test_a_year_in_a_title_is_no_event_date(text: str) -> None:
    assert _event_dates(text) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("In 1984, the plant closed and 400 workers lost their jobs.", "1984"),
        ("Tom Pell wrote the book in 2019 after the mill closed.", "2019"),
        ('Tom Pell said "the mill closed in 1984" and never reopened.', "1984"),
    ],
)
def test_a_year_the_sentence_tells_stays(text: str, date: str) -> None:
    assert _event_dates(text) == [date]


@pytest.mark.parametrize(
    ("text", "date", "title"),
    [
        ('In his book "Winter of 1984", Tom Pell argues.', "Winter of 1984", True),
        ("the film Winter of 1984 opened", "Winter of 1984", True),
        ('the deadline "March 5, 2026" was set', "March 5, 2026", False),
        ("a single 2019 study found", "2019", False),
        ("the film's 2012 release", "2012", False),
        ("the film The Town in 2012 opened", "2012", False),
    ],
)
def test_what_counts_as_a_title(text: str, date: str, title: bool) -> None:
    start = text.index(date)
    assert in_title(text, start, start + len(date)) is title
