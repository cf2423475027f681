"""Dates that are not one day: the two ends of a range, and days named by a weekday alone.

* A range ("between Oct. 30 and Nov. 9", "from May 3 to May 9", "May 3-9" read as two
  dates, "May 3 through May 9") dates one event over its whole stretch: its first date
  opens the range (the slot keeps its last day as ``until``) and its last date is no
  event's date of its own (:func:`range_end`). A date inside the range, or a month that
  overlaps it ("in late October"), is compatible with it, not a rival date
  (:func:`overlap`).
* A bare weekday ("Tuesday", "late Tuesday") is resolved against the publication date and
  the tense of its clause; one text naming the same weekday twice names one day, so two
  different days read from the same weekday word of one text are the resolver's two
  readings, not the writer's two dates (:func:`weekday_word`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from unspin.corpus.model import DateSlot
from unspin.corpus.same_event import vague_day
from unspin.frames.date_patterns import WEEKDAYS

__all__ = ["one_weekday", "overlap", "range_end", "span", "weekday_word"]

#: What joins the two ends of a range: "and" after "between", "to"/"until"/"through"
#: (after "from" or not), a dash.
_JOIN = re.compile(r"\s*(?:and|to|until|till|through|thru|[-–—])\s*$", re.I)
_BETWEEN = re.compile(r"\b(?:between|from)\s+(?:the\s+)?$", re.I)
#: A date moved from one day to another is one date replaced by the other, no range.
_MOVED = re.compile(
    r"\b(?:postpon|delay|mov|push|reschedul|shift|chang|brought|bring|advanc|put\s+off)\w*",
    re.I,
)
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)


def range_end(
    text: str, sentence: tuple[int, int], dates: Sequence[tuple[int, int, str]], start: int
) -> tuple[str | None, bool]:
    """For the date at ``start`` among its sentence's resolved ``dates`` ((start, end,
    ISO), in text order): (the ISO of the last day of the range it opens, whether it
    closes a range). ``(None, False)`` for a date of its own."""
    for (s1, e1, _), (s2, _, iso2) in itertools.pairwise(dates):
        if start not in (s1, s2):
            continue
        join = text[e1:s2]
        if len(join) > 12 or not _JOIN.fullmatch(join):
            continue
        opened = _BETWEEN.search(text[max(sentence[0], s1 - 12) : s1])
        word = join.strip().lower()
        if word == "and" and not (opened and opened.group().lower().startswith("between")):
            continue  # "on May 3 and May 9": two days
        if word == "to" and not opened:
            continue  # "moved May 3 to May 9"
        if _MOVED.search(text, sentence[0], sentence[1]):
            continue  # "postponed from May 3 to May 9": one date replaced
        return (iso2, False) if start == s1 else (None, True)
    return None, False


def span(iso: str, until: str | None = None) -> tuple[str, str]:
    """The first and last day (ISO strings, comparable as text) a date or range covers:
    a month covers its days, a range reaches its last date."""
    lo = iso if len(iso) >= 10 else f"{iso[:7]}-01"
    end = until or iso
    hi = end if len(end) >= 10 else f"{end[:7]}-31"
    return lo, hi


def overlap(a: tuple[str, str], b: tuple[str, str]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def weekday_word(text: str) -> str | None:
    """The weekday a date's text names ("late Tuesday": tuesday), or None."""
    m = _WEEKDAY.search(text)
    return m.group(1).lower() if m else None


def one_weekday(a: DateSlot, b: DateSlot) -> bool:
    """One document names the same weekday alone twice and the two were resolved to two
    days ("will hold a rally late Tuesday" read as next week's, "Grand Tuesday" as this
    week's): no conflict of the writer's."""
    day = weekday_word(a.text)
    return (
        a.doc_id == b.doc_id
        and a.iso != b.iso
        and vague_day(a)
        and vague_day(b)
        and day is not None
        and day == weekday_word(b.text)
    )
