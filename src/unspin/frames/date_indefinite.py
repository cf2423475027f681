"""An indefinite unit of time that names no length (precision audit, round 12).

"in a year when anger is high", "on a day when ...", "in a week in which ...": "a" and a
unit of time, after "in", "on", "at" or "during" and before a relative "when", "where",
"that" or "in which", pick some year (often the current one), not a duration of one.
"for a year when she was young", "will reopen in a year" and "within a year" stay
durations. A number and a capitalised unit that quotation marks enclose whole ('a "60
Hours" appearance', gate-article reading) is a title, no duration either; nor is one
written in capitals inside a longer name the parser marks an event or a work, or after
"the" and before more capitalised words ("the Three Days of Darkness", "the Six Day War").
"""

from __future__ import annotations

import re

from unspin.nlp import Parsed

__all__ = ["indefinite_unit", "inside_name", "quoted_title"]

#: "in", "on", "at" or "during" right before the article.
_BEFORE = re.compile(r"\b(?:in|on|at|during)\s+$", re.I)
#: A relative word right after the unit.
_AFTER = re.compile(r"\s+(?:when|where|that|(?:in|during)\s+which)\b", re.I)
#: "a" or "an" and a unit: the only form this reads.
_ARTICLE_UNIT = re.compile(r"an?\s+\w+", re.I)


def indefinite_unit(text: str, start: int, end: int) -> bool:
    """The duration at ``start:end`` is "a <unit>" after "in"/"on"/"at"/"during" and
    before a relative word: some unit of time, no length."""
    if not _ARTICLE_UNIT.fullmatch(text, start, end):
        return False
    if not _BEFORE.search(text, max(0, start - 10), start):
        return False
    return _AFTER.match(text, end) is not None


#: Opening and closing quotation marks.
_OPENING = frozenset("\"“‘'")
_CLOSING = frozenset("\"”’'")


def quoted_title(text: str, start: int, end: int) -> bool:
    """The duration at ``start:end`` is all that a pair of quotation marks holds and its
    unit is capitalised ('a "60 Hours" appearance'): the title of a show or a work."""
    if start == 0 or end >= len(text):
        return False
    if text[start - 1] not in _OPENING or text[end] not in _CLOSING:
        return False
    unit = text[start:end].split()[-1]
    return unit[:1].isupper()


#: "the" right before a duration, and a capitalised word going on after it ("of
#: Darkness", "War"): the duration opens a name.
_THE_BEFORE = re.compile(r"\bthe\s+$")
_NAME_GOES_ON = re.compile(
    r"\s+(?:of\s+(?:the\s+)?[A-Z][a-z]|(?!(?:In|On|At|For|And|To|With|From|By|Of)\b)[A-Z][a-z])"
)
#: Entities whose name may hold a number and a unit of time.
_NAME_LABELS = frozenset({"EVENT", "WORK_OF_ART", "ORG", "FAC", "LAW", "PRODUCT"})


def inside_name(text: str, parsed: Parsed, start: int, end: int) -> bool:
    """The duration at ``start:end`` is written in capitals ("Three Days", "Six Day")
    inside a longer event, work or organisation name ("the Three Days of Darkness", "the
    Six Day War"): a word of the name, no length of time."""
    words = text[start:end].replace("-", " ").split()
    if not words or not all(w[:1].isupper() for w in words if w[:1].isalpha()):
        return False
    if _THE_BEFORE.search(text, max(0, start - 6), start) and _NAME_GOES_ON.match(text, end):
        return True  # "the Three Days of Darkness", whatever the recogniser calls it
    return any(
        e.label in _NAME_LABELS
        and e.start <= start
        and end <= e.end
        and e.end - e.start > end - start
        for e in parsed.entities
    )
