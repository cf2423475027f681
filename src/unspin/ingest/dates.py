"""Dates given with an input (front matter, a JSON record's ``published``, a fact-check's
review date), read only when they name a whole calendar day: nothing is filled in."""

from __future__ import annotations

from datetime import datetime

__all__ = ["read_date"]

#: Two defaults that differ in year, month and day: a part the text leaves out comes from
#: the default, so the two readings differ exactly when the text names no whole day.
_DEFAULTS = (datetime(2001, 1, 1), datetime(2002, 2, 2))


def read_date(text: str) -> datetime | None:
    """The date (or date and time) ``text`` gives, ISO 8601 or written out ("March 5,
    2024", "5 Mar 2024"); ``None`` when it cannot be read or leaves out its year, month or
    day ("5", "March", "2024", "Tue"), which would otherwise be taken from today."""
    text = text.strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        from dateutil import parser as dateparser

        first, second = (dateparser.parse(text, default=d) for d in _DEFAULTS)
    except (ImportError, ValueError, OverflowError):
        return None
    return first if first.date() == second.date() else None
