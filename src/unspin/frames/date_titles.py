"""A year that is part of a title names a work, not the day of an event.

'In his book "Winter of 1984", Tom Pell argues ...' and "the film 2012 was shown on
Friday" tell nothing that happened in 1984 or 2012: the year is a word of the book's or
the film's title. A date is part of a title when quotation marks hold it with words in
title case ('the "Vision 2030" plan'; a bare quoted date, '"March 5, 2026"', is no
title), or when it follows a noun of a work ("book", "film", "album", "titled") right
before it or a run of capitalised words after that noun ("the film Blade Runner 2049").
"In 1984, the plant closed" and "he wrote the book in 2019" keep their years.
"""

from __future__ import annotations

import re

__all__ = ["in_title"]

_WORKS = (
    r"book|novel|memoir|biography|autobiography|film|movie|documentary|album|song|play"
    r"|musical|opera|poem|essay|series|episode|sequel|painting|titled|entitled"
)
#: Small words a title leaves in lower case.
_SMALL_WORDS = "a an the of in on at to for and or but by with from as vs nor"
_SMALL = frozenset(_SMALL_WORDS.split())
#: A noun of a work right before the quotation mark ('his book "', 'a film titled “').
_WORK_BEFORE_QUOTE = re.compile(rf"\b(?:{_WORKS})s?\s*$", re.I)
#: A noun of a work, then capitalised words (small words between them), right before the
#: date ("the film ", "the film Blade Runner "); the date itself must hold a year.
_CAP = r"[A-Z0-9][\w'’-]*,?\s+"
_SMALLS = "|".join(sorted(_SMALL))
_WORK_BEFORE_DATE = re.compile(
    rf"\b(?i:{_WORKS})s?\s+(?:{_CAP}(?:(?:(?:{_SMALLS})\s+)*{_CAP})*(?:of\s+)?)?$"
)
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d\b")
_WORD = re.compile(r"[^\W_][\w'’-]*")
#: Longest quotation read as a title, in words.
_TITLE_WORDS = 10
_PAIRS = {'"': '"', "“": "”", "‘": "’"}


def _quotation_around(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The offsets of what the quotation marks around ``start:end`` hold, within the
    paragraph; ``None`` when no pair of marks encloses it."""
    left = max(text.rfind("\n", 0, start), 0)
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    opened: list[tuple[str, int]] = []
    for i in range(left, right):
        ch = text[i]
        apostrophe = ch == "’" and text[i + 1 : i + 2].isalpha()
        if opened and ch == _PAIRS[opened[-1][0]] and not apostrophe:
            at = opened.pop()[1]
            if at < start and end <= i:
                return at + 1, i
        elif ch in _PAIRS and (ch != '"' or not opened or opened[-1][0] != '"'):
            opened.append((ch, i))
    return None


def _title_cased(words: list[str]) -> bool:
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL for w in words)


def in_title(text: str, start: int, end: int) -> bool:
    """Whether the date at ``start:end`` of ``text`` is part of a title (see the module
    docstring)."""
    quoted = _quotation_around(text, start, end)
    if quoted is not None:
        words = _WORD.findall(text, quoted[0], quoted[1])
        if not words or len(words) > _TITLE_WORDS or not _title_cased(words):
            return False
        if _WORK_BEFORE_QUOTE.search(text, max(0, quoted[0] - 40), quoted[0] - 1):
            return True
        outside = _WORD.findall(text[quoted[0] : start] + " " + text[end : quoted[1]])
        return any(w[:1].isupper() and w.lower() not in _SMALL for w in outside)
    if not _YEAR.search(text, start, end):
        return False
    return _WORK_BEFORE_DATE.search(text, max(0, start - 80), start) is not None
