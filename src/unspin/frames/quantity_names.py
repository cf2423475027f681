"""Figures that a reading as a count or a bare number gets wrong (precision audit,
rounds 17 and 18), checked on each quantity the scanner built:

- the block of a street address ("the 400 block of Elm Road"): no count of blocks;
- a clock time read as a count of "am" ("around 3 AM"): a time, no quantity;
- a number that starts a run of capitalised words, a station's or a building's name
  ("6 News Tonight", "3 Harbor Trade Tower"), outside a headline in capitals;
- a phone number after a verb of contacting and "on"/"at" ("call Sgt Pike on 101");
- a bare number between "a" and the singular noun it heads, which names one thing ("a
  911 call", "a 737 jet"; :func:`named_one`, asked by the scanner).

:func:`recheck` applies them: ``None`` drops the quantity, otherwise it comes back.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from unspin.nlp import Parsed

if TYPE_CHECKING:
    from unspin.frames.quantities import QuantityMatch

__all__ = ["named_one", "recheck"]

_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
#: "of" and a capitalised street name after an address block.
_OF_STREET = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z]")
#: A clock's half of the day right after the digits.
_CLOCK_AFTER = re.compile(r"[ \t]*(?:[AaPp]\.[Mm]\.|AM\b|PM\b|am\b|pm\b)")
#: Two or more capitalised words right after the digits (a name: "6 News Tonight").
_NAME_RUN = re.compile(r"(?:[ \t]+[A-Z][\w&'’-]*){2,}")
#: A verb of contacting, then "on" or "at" right before the number, in one sentence.
_CONTACT_BEFORE = re.compile(
    r"\b(?:contact(?:s|ed|ing)?|call(?:s|ed|ing)?|ring(?:s|ing)?|phone(?:s|d)?|"
    r"text(?:s|ed|ing)?|dial(?:s|l?ed|l?ing)?)\b[^.!?\n]{0,60}?\b(?:on|at)[ \t]+$",
    re.I,
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
#: An indefinite article right before a number.
_INDEFINITE = re.compile(r"\b[Aa]n?\s+$")


def named_one(text: str, parsed: Parsed, start: int, end: int, noun_end: int) -> bool:
    """Whether the bare number ``[start, end)`` between an indefinite article and the
    singular noun ending at ``noun_end`` names one thing ("a 911 call", "a 737 jet"): the
    noun comes right after the number and heads the phrase ("a 100 person crowd" counts
    people)."""
    if not text[start:end].strip().isdigit() or not _INDEFINITE.search(text, 0, start):
        return False
    k, first = parsed.token_at(noun_end - 1), parsed.token_at(start)
    if k is None or first is None or k != first + 1:
        return False
    tokens = parsed.tokens
    return k + 1 >= len(tokens) or not tokens[k + 1].tag.startswith("NN")


def _headline(text: str, start: int) -> bool:
    """The line holding ``start`` has most of its words capitalised (a headline)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    words = _WORD.findall(text[line_start : line_end if line_end >= 0 else len(text)])
    return len(words) > 0 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


def _name_number(text: str, parsed: Parsed, digits_end: int) -> bool:
    run = _NAME_RUN.match(text, digits_end)
    if run is None or _headline(text, digits_end):
        return False
    last = parsed.token_at(run.end() - 1)
    if last is not None and parsed.tokens[last].tag in ("NNS", "NNPS"):
        return False  # "12 Republican Senators": people counted
    nxt = re.match(r"[ \t]+(?=[a-z])", text[run.end() : run.end() + 3])
    k = parsed.token_at(run.end() + nxt.end()) if nxt else None
    return k is None or parsed.tokens[k].pos not in ("NOUN",)  # "3 Supreme Court justices"


def recheck(text: str, parsed: Parsed, q: QuantityMatch) -> QuantityMatch | None:
    """``q`` as it stands, or ``None`` when it counts nothing."""
    if q.label not in ("count", "other") or q.qualifier is not None:
        return q
    digits = _DIGITS.match(text, q.start)
    if digits is None:
        return q
    if q.unit == "block" and q.value >= 100 and _OF_STREET.match(text, q.end):
        return None  # "the 400 block of Elm Road": an address
    if q.value <= 12 and _CLOCK_AFTER.match(text, digits.end()):
        return None  # "around 3 AM": a time
    if _name_number(text, parsed, digits.end()):
        return None  # "6 News Tonight", "3 Harbor Trade Tower": a name
    if q.unit is None and _CONTACT_BEFORE.search(text, max(0, q.start - 80), q.start):
        return None  # "call Sgt Pike on 101": a phone number
    return q
