"""Calendar intervals of resolved ISO dates, and dates relative to another event.

A resolved date (``iso`` of a claim frame's date, :mod:`unspin.frames.dates`) is one of
``YYYY``, ``YYYY-MM``, ``YYYY-Www``, ``YYYY-MM-DD`` (a time after ``T`` is dropped) or a
range ``A/B`` of two of them. :func:`interval` turns it into the first and last day it
covers and its precision (``day``, ``week``, ``month``, ``year`` or ``range``), so that
dates of different precision can be ordered and compared: two dates *agree* when one
interval contains the other ("2025-02" and "2025-02-18") and *conflict* when neither does.

The frames resolve dates against the publication date only. "Two days later", "three
days earlier", "the next day" and "the day before" are relative to the event told just
before; :func:`after_event` finds them in a sentence and :func:`shifted` resolves them
against that event's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = [
    "PRECISIONS",
    "EventOffset",
    "Interval",
    "after_event",
    "contains",
    "interval",
    "shifted",
]

#: From the finest to the coarsest.
PRECISIONS = ("day", "week", "month", "year", "range")

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class Interval:
    """The days a resolved date covers and how precise it is."""

    first: date
    last: date
    precision: str
    iso: str  # the calendar part of the ISO value (a time dropped)


def _part(value: str) -> tuple[date, date, str] | None:
    value = value.split("T")[0].strip()
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, "day"
        if m := _WEEK.match(value):
            first = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return first, first + timedelta(days=6), "week"
        if m := _MONTH.match(value):
            first = date(int(m[1]), int(m[2]), 1)
            nxt = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
            return first, nxt - timedelta(days=1), "month"
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31), "year"
    except ValueError:
        return None
    return None


def interval(iso: str | None) -> Interval | None:
    """The interval of a resolved ISO date; None for a time alone, a duration or ``None``."""
    if not iso:
        return None
    calendar = iso.split("T")[0] if "/" not in iso else iso
    parts = [p for p in calendar.split("/") if p]
    found = [_part(p) for p in parts]
    if not found or any(f is None for f in found):
        return None
    spans = [f for f in found if f is not None]
    if len(spans) == 1:
        first, last, precision = spans[0]
        return Interval(first, last, precision, parts[0].split("T")[0])
    return Interval(spans[0][0], spans[-1][1], "range", "/".join(p.split("T")[0] for p in parts))


def contains(a: Interval, b: Interval) -> bool:
    """``a`` covers every day of ``b``."""
    return a.first <= b.first and b.last <= a.last


_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_NUM = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})"
_AFTER = re.compile(
    rf"\b(?P<n>{_NUM})\s+(?P<unit>day|week|fortnight|month|year)s?\s+"
    # "after"/"before" only at the end of a clause: "a week after it closed" places the
    # event it is in against another one, it gives no date of its own
    r"(?P<dir>later|afterwards|earlier|(?:after|before)(?=\s*(?:[,.;:!?]|$)))\b"
    r"|\b[Tt]he\s+(?P<which>next|following|previous|preceding)\s+"
    r"(?P<unit2>day|morning|afternoon|evening|night|week|month|year)\b"
    r"|\b[Tt]he\s+(?P<unit3>day|week|month|year)\s+(?P<dir3>before|after)\b"
    r"(?!\s+(?:yesterday|tomorrow))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class EventOffset:
    """ "two days later": an offset from the event told before (``amount`` may be < 0)."""

    start: int
    end: int
    amount: int
    unit: str  # "day" | "week" | "month" | "year"

    @property
    def needs(self) -> str:
        """The coarsest precision the earlier event's date may have."""
        return "day" if self.unit in ("day", "week") else self.unit


def after_event(text: str, start: int = 0, end: int | None = None) -> list[EventOffset]:
    """The expressions relative to an earlier event in ``text[start:end]`` (offsets in
    ``text``)."""
    out = []
    for m in _AFTER.finditer(text, start, len(text) if end is None else end):
        if m["n"]:
            word = m["n"].lower()
            n = int(word) if word.isdigit() else _NUMBERS[word]
            sign = 1 if m["dir"].lower() in ("later", "afterwards", "after") else -1
            unit = m["unit"].lower()
            if unit == "fortnight":
                n, unit = 2 * n, "week"
        elif m["which"]:
            n, sign = 1, 1 if m["which"].lower() in ("next", "following") else -1
            unit2 = m["unit2"].lower()
            unit = unit2 if unit2 in ("week", "month", "year") else "day"
        else:
            n, sign, unit = 1, 1 if m["dir3"].lower() == "after" else -1, m["unit3"].lower()
        out.append(EventOffset(m.start(), m.end(), sign * n, unit))
    return out


def shifted(anchor: Interval, offset: EventOffset) -> str:
    """The ISO date ``offset`` away from ``anchor`` (at the anchor's precision or finer)."""
    d = anchor.first
    if offset.unit in ("day", "week"):
        days = offset.amount * (7 if offset.unit == "week" else 1)
        return (d + timedelta(days=days)).isoformat()
    if offset.unit == "month":
        total = d.year * 12 + d.month - 1 + offset.amount
        y, m = divmod(total, 12)
        if anchor.precision == "day":
            last = (date(y + (m == 11), (m + 1) % 12 + 1, 1) - timedelta(days=1)).day
            return date(y, m + 1, min(d.day, last)).isoformat()
        return f"{y:04d}-{m + 1:02d}"
    year = d.year + offset.amount
    if anchor.precision == "year":
        return f"{year:04d}"
    if anchor.precision == "month":
        return f"{year:04d}-{d.month:02d}"
    try:
        return d.replace(year=year).isoformat()
    except ValueError:  # 29 February
        return date(year, 2, 28).isoformat()
