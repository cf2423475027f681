"""Dated posts: a text whose lines of a date alone head its parts (a live blog's posts, each
under its timestamp, "10 November 2026 08:15 GMT"; a timeline's dated sections) tells
each part's relative dates ("yesterday", "on Monday") from the day over that part, not
from the publication date, which is only the day the first post went up.

A timestamp is a sentence that is a line of its own and says nothing but one whole day
(with or without its clock time, weekday, time zone or an "Updated"/"Posted" word). A text
needs two or more of them for its parts to be dated posts: a single date line at the top
is the text's own date, which :func:`unspin.frames.dates.dateline_date` reads. Clock times
alone ("14:20 GMT") date no post: the day they fall on is not told.

A long text is read in windows (:mod:`unspin.windows`); one that starts inside a post has
that post's timestamp in the text before it: :func:`last_timestamp` finds it there, and
:func:`post_days` dates the window's text above its first timestamp by that day.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from datetime import date

from unspin.frames.date_scanner import DateMatch
from unspin.nlp import Parsed
from unspin.segment import BODY

__all__ = ["last_timestamp", "post_days"]

#: Fewest timestamp lines for a text's parts to be dated posts.
_MIN_POSTS = 2
#: Words a timestamp line may hold beside its date and time.
_FILLER_WORDS = (
    "mon tue tues wed thu thur thurs fri sat sun monday tuesday wednesday thursday friday "
    "saturday sunday at on updated posted published gmt bst utc et est edt ct cst cdt pt pst "
    "pdt cet cest eet aest am pm"
)
_FILLER = frozenset(_FILLER_WORDS.split())
_WORD = re.compile(r"[^\W\d_]+")


def _own_line(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is a whole line of ``text`` (spaces and tabs aside)."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    j = end
    while j < len(text) and text[j] in " \t":
        j += 1
    return (i < 0 or text[i] == "\n") and (j == len(text) or text[j] == "\n")


def _day(d: DateMatch) -> date | None:
    """The whole day ``d`` names on its own (no weekday or word counted from another day)."""
    if d.relative or d.iso is None or d.label not in ("date", "datetime"):
        return None
    if d.label == "date" and d.granularity != "day":
        return None
    try:
        return date.fromisoformat(d.iso[:10])
    except ValueError:
        return None


def _timestamp(text: str, start: int, end: int, inside: Sequence[DateMatch]) -> date | None:
    """The day the line ``[start, end)`` says, when it says nothing else; ``inside`` are
    the dates found in it."""
    days = {day for d in inside if (day := _day(d)) is not None}
    if len(days) != 1:
        return None
    rest = list(text[start:end])
    for d in inside:
        rest[d.start - start : d.end - start] = " " * (d.end - d.start)
    if any(w.lower() not in _FILLER for w in _WORD.findall("".join(rest))):
        return None
    return days.pop()


def last_timestamp(
    before: str, read_line: Callable[[str], Sequence[DateMatch]], *, longest: int = 80
) -> date | None:
    """The day of the last timestamp line of ``before`` (the text above a window), a line
    of at most ``longest`` characters holding a digit; ``read_line`` gives the dates of
    one line."""
    for line in reversed(before.split("\n")):
        line = line.strip()
        if not line or len(line) > longest or not any(c.isdigit() for c in line):
            continue
        day = _timestamp(line, 0, len(line), read_line(line))
        if day is not None:
            return day
    return None


def post_days(
    text: str, parsed: Parsed, dates: Sequence[DateMatch], above: date | None = None
) -> Callable[[int], date | None] | None:
    """For a text of dated posts, the day over each offset (``None`` above the first
    timestamp, or ``above``, the day of the last timestamp before the text when it is a
    window of a longer one); ``None`` when ``text`` has fewer than two timestamp lines,
    ``above`` counted as one. ``dates`` are the text's dates however resolved: a
    timestamp names its day whole."""
    by_start = sorted(dates, key=lambda d: d.start)
    date_starts = [d.start for d in by_start]
    starts: list[int] = [] if above is None else [0]
    days: list[date] = [] if above is None else [above]
    posts = 0  # timestamps with a post under them (not one of a "Published"/"Updated" pair)
    headed = False  # whether the last timestamp has a post under it yet
    for s in parsed.sentences:
        day = None
        if _own_line(text, s.start, s.end):
            lo, hi = bisect_left(date_starts, s.start), bisect_left(date_starts, s.end)
            inside = [d for d in by_start[lo:hi] if d.end <= s.end]
            day = _timestamp(text, s.start, s.end, inside) if inside else None
        if day is not None:
            starts.append(s.end)
            days.append(day)
            headed = False
        elif s.block in BODY and starts and not headed:
            posts += 1
            headed = True
    if posts < _MIN_POSTS:
        return None

    def day_at(offset: int) -> date | None:
        k = bisect_right(starts, offset) - 1
        return days[k] if k >= 0 else None

    return day_at
