"""A sorted index of character spans answering "does anything overlap [s, e)?" in O(log n),
and the spans where no date or quantity is read: web addresses (URLs and e-mail
addresses), chapter-and-verse references ("Proverbs 6:17", "2 Corinthians 7:10",
"Acts 17:6; 20:13") and the years of a copyright notice ("Copyright 2015", "© 2014-2016",
"(c) 2015": the year of a right, no time of the story)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from itertools import accumulate

from unspin.frames.date_patterns import MONTHS, WEEKDAYS

__all__ = ["SpanIndex", "notice_spans", "reference_spans", "web_spans"]

_TLD = r"(?:com|org|net|gov|edu|mil|int|info|biz|news|io|co|tv|uk|us|eu|de|fr|ru|cn|in|au|ca)"
_WEB = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|\b[a-z][a-z0-9+.-]*://\S+"  # a URL with its scheme
    r"|\bwww\.\S+"
    # a bare host with a path ("example.com/news/2024/05/12345-story") or a common ending
    r"|\b(?:[a-z0-9-]+\.)+(?:[a-z]{2,6}/\S*|" + _TLD + r"\b(?![.-]?\w))",
    re.IGNORECASE,
)


def web_spans(text: str) -> list[tuple[int, int]]:
    """The spans of URLs and e-mail addresses in ``text`` (a closing bracket, quotation mark
    or sentence-final stop after one is left out)."""
    out = []
    for m in _WEB.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?)]}\"'\u201d\u2019":
            end -= 1
        out.append((m.start(), end))
    return out


_VERSE = r"\d{1,3}:\d{1,3}(?:[-\u2013]\d{1,3})?"
#: A capitalised name (a book or a title, with an optional volume number before it), then
#: chapter:verse, and more chapter:verse after ";" or ",".
_REFERENCE = re.compile(
    rf"(?<![\w.:])(?:[1-3]\s)?(?P<name>[A-Z][a-z]+)\.?\s(?:{_VERSE})"
    rf"(?:\s?[;,]\s?(?:[1-3]\s)?(?:[A-Z][a-z]+\.?\s)?{_VERSE})*(?![\d:])"
)
#: What a clock time follows: a reference is never named by a month, a weekday or one of
#: these words.
_TIME_CONTEXT_WORDS = """mon tue tues wed thu thurs fri sat sun at by from to until till
    before after around about since on between and or noon midnight today tonight tomorrow
    yesterday morning evening afternoon night time kickoff doors deadline curfew sunrise
    sunset departs arrives opens closes starts ends"""
_TIME_CONTEXT = frozenset(_TIME_CONTEXT_WORDS.split()) | frozenset(MONTHS) | frozenset(WEEKDAYS)
#: After a clock time: its half of the day or its time zone.
_TIME_AFTER = re.compile(
    r"\s?(?:[ap]\.?m\b|GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|ET|PT|CT|local\s+time|hrs|h\b)",
    re.IGNORECASE,
)


def reference_spans(text: str) -> list[tuple[int, int]]:
    """The spans of chapter-and-verse references: a capitalised name that is not a month,
    a weekday or a word a clock time follows, then chapter:verse (a range or more
    references may follow), with no half of the day or time zone after it."""
    out = []
    for m in _REFERENCE.finditer(text):
        if m["name"].lower() in _TIME_CONTEXT or _TIME_AFTER.match(text, m.end()):
            continue
        out.append((m.start(), m.end()))
    return out


_YEARS = r"(?:1[89]|20)\d\d(?:\s*[-\u2013\u2014,/]\s*(?:(?:1[89]|20)\d\d|\d\d)(?!\d))*(?!\d)"
#: A copyright mark ("Copyright", "©", "(c)", or "Copyright" with one of the signs) and
#: the years after it.
_NOTICE = re.compile(
    rf"(?:\b(?:Copyright|COPYRIGHT)\b(?:\s*(?:\u00a9|\([cC]\)))?|\u00a9|(?P<c>\([cC]\)))\s*{_YEARS}"
)
#: A list marker before a "(c)": then "(c)" is the third item, not a copyright sign.
_LIST_MARKER = re.compile(r"\([bB]\)")


def notice_spans(text: str) -> list[tuple[int, int]]:
    """The spans of copyright notices' marks and years ("Copyright 2015", "© 2014-2016",
    "(c) 2015"; a "(c)" after a "(b)" is a list's third item)."""
    return [
        (m.start(), m.end())
        for m in _NOTICE.finditer(text)
        if not (m["c"] and _LIST_MARKER.search(text, 0, m.start()))
    ]


class SpanIndex:
    """Spans sorted by start, with a running maximum of their ends."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_end = list(accumulate((e for _, e in ordered), max))

    def __len__(self) -> int:
        return len(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        """True when some span ``[s, e)`` has ``s < end`` and ``e > start``."""
        k = bisect.bisect_left(self._starts, end)
        return k > 0 and self._max_end[k - 1] > start
