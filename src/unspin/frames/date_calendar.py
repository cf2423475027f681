"""Calendar arithmetic of the date scanner (:mod:`unspin.frames.date_scanner`): the day a
weekday, a day of the month, "last month" or "three weeks ago" names, told on a given
publication date (moved out of the scanner as it neared 600 lines)."""

from __future__ import annotations

from datetime import date, timedelta

__all__ = [
    "ago_iso",
    "day_month_order",
    "day_of_month",
    "iso_week",
    "relative_month_year",
    "relative_unit_iso",
    "safe_date",
    "shift_months",
    "weekday_date",
    "weekday_fits",
]


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def shift_months(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + months
    return total // 12, total % 12 + 1


def relative_month_year(pub: date, month: int, mod: str) -> int:
    """The year of "last/next/this <month>" published on ``pub``."""
    year = pub.year
    if mod == "last":
        year -= 1 if month >= pub.month else 0
    elif mod == "next":
        year += 1 if month <= pub.month else 0
    return year


def day_month_order(a: int, b: int, sep: str) -> tuple[int, int] | None:
    """(day, month) of the numeric date "a/b/y" or "a.b.y"; None when either order fits."""
    if sep == "." or a > 12 >= b:
        return a, b
    if b > 12 >= a:
        return b, a
    if a == b:
        return a, b
    return None


def weekday_date(pub: date, wd: int, mod: str, future: bool) -> date:
    """The date of "[last|next|this|on] <weekday>" published on ``pub`` (see the
    conventions in :mod:`unspin.frames.dates`)."""
    back = (pub.weekday() - wd) % 7
    fwd = (wd - pub.weekday()) % 7
    if mod in ("last", "past"):
        return pub - timedelta(days=back or 7)
    if mod == "next":
        return pub + timedelta(days=fwd or 7)
    if mod in ("this", "coming"):
        return pub + timedelta(days=fwd)
    if future:  # on or after P: "will hold a news conference late Tuesday", told on a Tuesday
        return pub + timedelta(days=fwd)
    return pub - timedelta(days=back)


def day_of_month(pub: date, day: int, future: bool) -> date | None:
    """The date of "on the <day>th" published on ``pub``: the latest such day on or before
    ``pub``, or the first on or after it when the clause is in the future tense (as "on
    Monday" is resolved)."""
    step = 1 if future else -1
    for k in range(3):  # "the 31st" skips a month that has no 31st
        y, mo = shift_months(pub, step * k)
        d = safe_date(y, mo, day)
        if d is not None and (d >= pub if future else d <= pub):
            return d
    return None


def relative_unit_iso(p: date, mod: str, unit: str, step: int) -> str | None:
    """ISO of "last/next/this/past <week|weekend|month|year|decade>" published on ``p``."""
    if mod == "past":
        span = {"week": timedelta(days=7), "weekend": timedelta(days=7)}.get(unit)
        if span is not None:
            return f"{(p - span).isoformat()}/{p.isoformat()}"
        if unit == "month":
            y, mo = shift_months(p, -1)
            back = safe_date(y, mo, min(p.day, 28)) or p
            return f"{back.isoformat()}/{p.isoformat()}"
        if unit == "year":
            back = safe_date(p.year - 1, p.month, min(p.day, 28)) or p
            return f"{back.isoformat()}/{p.isoformat()}"
        return None
    if unit in ("week", "weekend"):
        return iso_week(p + timedelta(weeks=step))
    if unit == "month":
        y, mo = shift_months(p, step)
        return f"{y:04d}-{mo:02d}"
    if unit == "year":
        return f"{p.year + step:04d}"
    if unit == "decade":
        d0 = (p.year // 10 + step) * 10
        return f"{d0:04d}/{d0 + 9:04d}"
    return None


def ago_iso(p: date, k: int, unit: str, gran: str) -> tuple[str | None, str]:
    """ISO and granularity of "<k> <unit>s ago" published on ``p``."""
    if unit in ("second", "minute", "hour", "day"):
        days = {"day": k}.get(unit, 0 if unit != "hour" else k // 24)
        return (p - timedelta(days=days)).isoformat(), gran
    if unit in ("week", "fortnight"):
        # a count of days back, like "two days ago": "a week ago" is the day 7 days before
        return (p - timedelta(weeks=k * (2 if unit == "fortnight" else 1))).isoformat(), "day"
    if unit == "month":
        y, mo = shift_months(p, -k)
        return f"{y:04d}-{mo:02d}", gran
    if unit in ("year", "decade", "century"):
        years = k * {"year": 1, "decade": 10, "century": 100}[unit]
        return f"{p.year - years:04d}", "year"
    return None, gran


_WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def weekday_fits(day: date, weekday: str | None) -> bool:
    """Whether ``day`` falls on the weekday named ``weekday`` ("Tuesday", "Tues."); true
    when no weekday is named."""
    if not weekday:
        return True
    return weekday[:3].lower() == _WEEKDAY_NAMES[day.weekday()]
