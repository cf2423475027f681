"""Two readings of a number that look like a date and are none (precision audit, round
17):

- a possessive year before a capitalised title or name ("scored 2000's Blue Harbor"):
  the single year, not the decade "the 2000s" (:func:`possessive_year`);
- an ordinal in a series that goes on into its noun ("on the 31st and 32nd floors"):
  the number of a floor, not a day of the month (:func:`ordinal_series`).
"""

from __future__ import annotations

import re

from unspin.nlp import Parsed

__all__ = ["ordinal_series", "possessive_year"]

#: A word before a decade that reads it as a span of ten years: "the 1970's", "early".
_DECADE_BEFORE = re.compile(r"\b(?:the|early|late|mid|mid-|in|of|by|since)[ \t-]*$", re.I)
#: A possessive year's apostrophe, then a capitalised word (a title or a name).
_POSSESSIVE_TITLE = re.compile(r"\d{4}['’]s[ \t]+[A-Z]")
#: The other ordinals of a series after the first one: "and 32nd", ", 26th and 27th".
_MORE_ORDINALS = re.compile(
    r"(?:[ \t]*(?:,|and|or|to|through|[-\u2013])[ \t]*(?:the[ \t]+)?\d{1,3}(?:st|nd|rd|th)\b)+"
    r"[ \t]+(?=\w)"
)
_MONTHS = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|of\b", re.I)


def possessive_year(text: str, start: int, end: int) -> bool:
    """The decade match ``start:end`` is a year's possessive before a capitalised title
    and no word before it reads a decade ("2000's Blue Harbor", not "the 1970's")."""
    if not _POSSESSIVE_TITLE.match(text, start):
        return False
    return not _DECADE_BEFORE.search(text, max(0, start - 12), start)


def ordinal_series(text: str, parsed: Parsed, end: int) -> bool:
    """The ordinal ending at ``end`` starts a series whose last ordinal goes on into a
    noun or an adjective ("the 31st and 32nd floors"), no month and no "of"."""
    m = _MORE_ORDINALS.match(text, end)
    if m is None or _MONTHS.match(text, m.end()):
        return False
    k = parsed.token_at(m.end())
    return k is not None and parsed.tokens[k].pos in ("NOUN", "PROPN", "ADJ")
