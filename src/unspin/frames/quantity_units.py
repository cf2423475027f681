"""The unit written right after a number, for :mod:`unspin.frames.quantities`: percent,
a currency word or a measure (moved out of ``quantities.py`` as it neared 600 lines)."""

from __future__ import annotations

import re

from unspin.frames.quantity_patterns import (
    CURRENCY_WORD,
    CURRENCY_WORD_CODES,
    MEASURE_ABBR,
    MEASURE_ABBR_RE,
    MEASURE_WORD_RE,
    PERCENT,
    measure_word,
)

__all__ = ["unit_after"]


def unit_after(
    text: str, end: int, label: str, unit: str | None, score: float
) -> tuple[str, str | None, float, int]:
    """The unit right after a number ending at ``end``: percent ("%", "percentage
    points"; "points" only after a percentage in the clause), a currency word, a measure
    abbreviation or word ("pounds" after a scale is sterling): (label, unit, score, end),
    or the given ones when none follows."""
    pm = PERCENT.match(text, end)
    if pm:
        u = " ".join(pm["u"].lower().split())
        if u.startswith("point"):
            # "points" alone only counts after a percentage in the same clause
            if not re.search(r"%|percent|per cent", text[max(0, end - 80) : end], re.I):
                pm = None
            else:
                return "percent", "percentage_points", 0.9, pm.end()
        if pm:
            unit = "percentage_points" if "point" in u else "%"
            return "percent", unit, 0.95, pm.end()
    cw = CURRENCY_WORD.match(text, end)
    if cw:
        u = " ".join(cw["u"].split())
        code = CURRENCY_WORD_CODES.get(u.lower(), u.upper())
        return "money", code, 0.9, cw.end()
    ma = MEASURE_ABBR_RE.match(text, end)
    if ma:
        return "measure", MEASURE_ABBR[ma["u"]], 0.9, ma.end()
    mw = MEASURE_WORD_RE.match(text, end)
    if mw:
        u = " ".join(mw["u"].lower().split())
        if u == "pounds" and re.search(
            r"(?:million|billion|bn|m)\s*$", text[max(0, end - 10) : end]
        ):
            return "money", "GBP", 0.8, mw.end()
        return "measure", measure_word(mw["u"]), 0.9, mw.end()
    return label, unit, score, end
