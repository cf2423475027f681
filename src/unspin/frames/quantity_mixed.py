"""Mixed numbers: a whole number and a fraction after it ("4½", "4 1/2", "3-1/2";
precision audit, round 14), read as one value (4.5), never cut to the whole number.

Used by :mod:`unspin.frames.quantities` (an age "3½-year-old", a measure) and by the
date scanner (a duration "4 1/2 hours").
"""

from __future__ import annotations

import re

__all__ = ["MIXED_NUMBER", "mixed_fraction", "mixed_value"]

_GLYPHS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125, "⅜": 0.375,
           "⅝": 0.625, "⅞": 0.875}  # fmt: skip
#: The fraction after a whole number: a glyph glued to it, or "1/2" after spaces or a
#: hyphen (no date or score: no digit or slash after it); spaces before a hyphen that
#: follows are taken in ("3 1/2 -year-old" as laid out by some pages).
_FRACTION = re.compile(
    r"(?:(?P<g>[½¼¾⅓⅔⅛⅜⅝⅞])|(?:[ \t]{1,24}|-)(?P<n>[1-7])/(?P<d>[2348])(?![\d/]))"
    r"(?:[ \t]+(?=-))?"
)
#: A whole number and its fraction, for patterns of other modules.
MIXED_NUMBER = r"\d{1,3}(?:[½¼¾⅓⅔⅛⅜⅝⅞]|[ \t]{1,24}[1-7]/[2348](?![\d/]))"


def mixed_fraction(text: str, end: int) -> tuple[float, int] | None:
    """The fraction right after a whole number ending at ``end``: (its value, where it
    ends), or None."""
    m = _FRACTION.match(text, end)
    if m is None:
        return None
    if m["g"]:
        return _GLYPHS[m["g"]], m.end()
    n, d = int(m["n"]), int(m["d"])
    return (n / d, m.end()) if n < d else None


def mixed_value(word: str) -> float | None:
    """ "4½" -> 4.5, "4 1/2" -> 4.5; None for anything else."""
    m = re.fullmatch(r"(\d{1,3})(.+)", word.strip())
    if m is None:
        return None
    frac = mixed_fraction(m[2], 0)
    if frac is None or frac[1] != len(m[2].rstrip()):
        return None
    return round(int(m[1]) + frac[0], 4)
