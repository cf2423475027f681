"""Intervals of resolved dates and dates relative to the event told before."""

from __future__ import annotations

from datetime import date

from unspin.timelines.dates import after_event, contains, interval, shifted


def test_intervals_of_each_precision() -> None:
    day, week, month, year = (interval(x) for x in ("2025-03-12", "2025-W10", "2025-02", "2019"))
    assert day is not None and (day.first, day.last, day.precision) == (
        date(2025, 3, 12), date(2025, 3, 12), "day"
    )  # fmt: skip
    assert week is not None and (week.first, week.last) == (date(2025, 3, 3), date(2025, 3, 9))
    assert month is not None and month.last == date(2025, 2, 28) and month.precision == "month"
    assert year is not None and year.precision == "year"
    span = interval("2025-03-07/2025-03-14")
    assert span is not None and span.precision == "range" and span.last == date(2025, 3, 14)
    timed = interval("2025-03-10T15:00")
    assert timed is not None and timed.iso == "2025-03-10"
    assert interval("15:00") is None and interval(None) is None and interval("P3Y") is None


def test_a_coarser_date_contains_a_finer_one() -> None:
    feb, day, other = interval("2025-02"), interval("2025-02-18"), interval("2025-04-08")
    assert feb and day and other
    assert contains(feb, day) and not contains(day, feb) and not contains(feb, other)


def test_offsets_from_the_event_before() -> None:
    text = "Two days later, it rained. Three days earlier it snowed. The next day, sun."
    found = after_event(text)
    assert [text[o.start : o.end] for o in found] == [
        "Two days later", "Three days earlier", "The next day"
    ]  # fmt: skip
    assert [o.amount for o in found] == [2, -3, 1]
    wednesday = interval("2025-03-12")
    assert wednesday is not None
    assert [shifted(wednesday, o) for o in found] == ["2025-03-14", "2025-03-09", "2025-03-13"]
    march = interval("2025-03")
    months = after_event("six months later")
    assert march is not None and shifted(march, months[0]) == "2025-09"
    assert after_event("the day before yesterday") == []  # the frames read that one
    assert after_event("It reopened on Monday, a week after it closed.") == []
    assert [o.amount for o in after_event("It closed. Two days after, it reopened.")] == [2]
    (fortnight,) = after_event("A fortnight later, it rained.")
    assert fortnight.amount == 2 and fortnight.unit == "week"
    assert shifted(wednesday, fortnight) == "2025-03-26"
