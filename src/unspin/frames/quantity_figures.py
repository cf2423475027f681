"""Numbers that are no quantity, or a vaguer one than their digits say (precision audit,
rounds 15 and 16): what :mod:`unspin.frames.quantities` asks before it keeps a number.

- a digit glued inside a word of letters by a broken encoding (a letter, then a combining
  mark or a replacement character, then the digit: "GA\u03031\u20444len"): debris of a
  name, no quantity: :func:`glued_in_word`;
- a figure of speech: "settling scores" (old grudges, no vague count), "worth a
  thousand words" (a proverb, no count of words): :func:`figure_of_speech`;
- a decade of age: "40-something" is an age from 40 to 49, the span taking in
  "-something", and so is a decade of someone's life, "in her 40's", "in their early
  40s" (link audit round 3): :func:`decade_something`;
- an open group by age after a noun of people: "voters under 30", "those over 45": the
  bound is the number's qualifier, not a preposition: :func:`age_bound`.
"""

from __future__ import annotations

import re
import unicodedata

from unspin.frames.lexicon import PEOPLE_NOUNS
from unspin.nlp import Parsed

__all__ = ["age_bound", "decade_something", "figure_of_speech", "glued_in_word"]

#: Characters that a broken encoding leaves between the letters of a word.
_DEBRIS = frozenset("\ufffd\u2044")


def glued_in_word(text: str, start: int) -> bool:
    """The digits at ``start`` follow a letter through combining marks or a replacement
    character only ("GA\u0303" + "1"; "M\ufffd1ller"): debris of a word, no number."""
    j = start - 1
    skipped = 0
    while j >= 0 and (unicodedata.category(text[j]).startswith("M") or text[j] in _DEBRIS):
        j -= 1
        skipped += 1
    return skipped > 0 and j >= 0 and text[j].isalpha()


#: "settle scores", "settling old scores", "scores to settle": grudges, no count.
_SCORES_BEFORE = re.compile(
    r"\b(?:settl(?:e|es|ed|ing)|even)(?:[ \t]+(?:old|some|a\s+few))?[ \t]+$", re.I
)
_SCORES_AFTER = re.compile(r"[ \t]+to[ \t]+settle\b", re.I)
#: "worth a thousand words", "worth a thousand of a speaker's own words": a proverb.
_WORTH_BEFORE = re.compile(r"\bworth[ \t]+(?:a[ \t]+)?$", re.I)
_WORDS_AFTER = re.compile(r"(?:[ \t]+of[ \t]+(?:[\w'\u2019-]+[ \t]+){0,4}?|[ \t]+)words\b", re.I)


def figure_of_speech(text: str, start: int, end: int) -> bool:
    """The number at ``start:end`` is part of a figure of speech: "settling scores" (a
    grudge), "worth a thousand words" (a proverb): no quantity."""
    core = text[start:end].lower()
    if core == "scores":
        return bool(
            _SCORES_BEFORE.search(text, max(0, start - 30), start) or _SCORES_AFTER.match(text, end)
        )
    if re.fullmatch(r"(?:a[ \t]+|ten[ \t]+)?(?:hundred|thousand|million)", core):
        return bool(_WORTH_BEFORE.search(text, max(0, start - 12), start)) and bool(
            _WORDS_AFTER.match(text, end)
        )
    return False


_SOMETHING = re.compile(r"-something\b", re.I)
#: Before a decade of someone's life: "in her", "in their early", "in his mid-".
_LIFE_BEFORE = re.compile(
    r"\bin\s+(?:his|her|their|its|my|your|our)\s+(?:(?:early|mid|late)(?:\s+|-))?$", re.I
)
_LIFE_PLURAL = re.compile(r"['’]?s\b")


def decade_something(text: str, end: int, value: float, start: int | None = None) -> int | None:
    """Where "-something" after a round number of tens ends ("40-something": an age in
    the forties), or, given the number's ``start``, where the plural of a decade of
    someone's life ends ("in her 40's", "in their early 40s"); or None."""
    if not (10 <= value <= 90 and value % 10 == 0):
        return None
    m = _SOMETHING.match(text, end)
    if m is None and start is not None and _LIFE_BEFORE.search(text, max(0, start - 24), start):
        m = _LIFE_PLURAL.match(text, end)
    return m.end() if m else None


#: Words for a group of people that an age bound may follow: "those over 45".
_GROUP = frozenset(("those", "anyone", "everyone", "people", "voters", "adults"))


def age_bound(parsed: Parsed, k: int) -> bool:
    """Token ``k`` ("under", "over") follows a noun of people and comes before a bare
    whole number under 120 that no noun follows ("voters under 30", "those over 45"): an
    open age group, whose bound the word is."""
    toks = parsed.tokens
    if k == 0 or k + 1 >= len(toks) or toks[k].lower not in ("under", "over"):
        return False
    before, num = toks[k - 1], toks[k + 1]
    if not (before.lower in _GROUP or before.lower in PEOPLE_NOUNS):
        return False
    if not (num.text.isdigit() and 0 < int(num.text) < 120):
        return False
    after = toks[k + 2] if k + 2 < len(toks) else None
    return after is None or after.pos not in ("NOUN", "PROPN", "NUM")
