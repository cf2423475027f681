"""Heights in feet and inches, for :mod:`unspin.frames.quantities`: the inches after a
whole number of feet belong to it ("six foot one", "5-foot-10", "6 feet 2 inches": 6.0833
ft, never 6 ft and a stray count), and so do feet and inches written with prime marks
("6’2”").

The inches are a whole number under 12. Named ("2 inches", "10-inches", "2″") they always
join; bare ("six foot one", "5-foot-10") only after a height's number of feet (8 or
fewer), joined by a hyphen or a space, and not before a plural noun they would count
("six feet two men").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from unspin.frames.quantity_patterns import UNITS_W
from unspin.nlp import Parsed

if TYPE_CHECKING:
    from unspin.frames.quantities import QuantityMatch

__all__ = ["primed_heights", "with_inches"]

_INCH_WORDS = "|".join(w for w, v in UNITS_W.items() if 0 < v < 12)
#: The inches right after a number of feet: "-10", " one", " and 2 inches", "-10-inches".
_INCHES_AFTER = re.compile(
    rf"(?:-|[ \t]+(?:and[ \t]+)?)(?P<n>1[01]|[1-9]|{_INCH_WORDS})\b"
    r"(?P<u>[ \t-]*inch(?:es)?\b|[ \t]*[\"”″])?(?![\w.,]\d|-\w)",
    re.I,
)
#: Feet and inches in prime marks: "6’2”", "5'11\"".
_PRIMES = re.compile(r"(?<![\w'’.])(?P<ft>[4-8])['’′](?P<inch>1[01]|\d)[\"”″]")
#: Feet at most this many take bare inches after them (a person's height).
_HEIGHT_FEET = 8


def _inches(word: str) -> int:
    return int(word) if word.isdigit() else UNITS_W[word.lower()]


def with_inches(text: str, parsed: Parsed, found: list[QuantityMatch]) -> list[QuantityMatch]:
    """``found`` with the inches after a number of feet taken into it (its value in feet)
    and the quantities the inches were read as left out."""
    out: list[QuantityMatch] = []
    taken = -1
    for q in found:
        if q.start < taken:
            continue  # the inches of the height before: "two" of "six-foot-two"
        m = _INCHES_AFTER.match(text, q.end)
        if (
            m is not None
            and q.unit == "ft"
            and q.value_max is None
            and q.value == int(q.value)
            and (m["u"] or _bare_inches(parsed, q.value, m.end()))
        ):
            q = replace(q, end=m.end(), value=round(q.value + _inches(m["n"]) / 12, 4))
            taken = q.end
        out.append(q)
    return out


def _bare_inches(parsed: Parsed, feet: float, end: int) -> bool:
    """Inches with no unit ending at ``end`` after ``feet`` feet: a height's, unless a
    plural noun follows that the number counts."""
    if not 0 < feet <= _HEIGHT_FEET:
        return False
    k = parsed.token_at(end - 1)
    nxt = parsed.tokens[k + 1] if k is not None and k + 1 < len(parsed.tokens) else None
    return nxt is None or nxt.tag not in ("NNS", "NNPS")


def primed_heights(text: str) -> list[tuple[int, int, float]]:
    """Every height in prime marks ("6’2”"): (start, end, value in feet)."""
    return [
        (m.start(), m.end(), round(int(m["ft"]) + int(m["inch"]) / 12, 4))
        for m in _PRIMES.finditer(text)
    ]
