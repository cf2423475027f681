"""Shares written as a ratio and open bounds after a number (precision audit, round 12).

- "6 in 10 white men", "one in four adults", "1 in 1,000": a share (value 0.6, 0.25,
  0.001, unit ``fraction``, like "two-thirds"), not a count of the 10, four or 1,000
  that follow "in"; a qualifier before it ("about 6 in 10") is kept. A number of time
  units after the second number ("3 in 10 days"), a year ("5 in 2015") or a number word
  ending a name ("the Cobalt One in three deals"), or two capitalised number words after a
  lower-case word ("who founded One in Four") is no ratio:
  :func:`ratio_shares`;
- "45 and older", "12 and under", "$20 or more": the bound is open, the span takes it
  in and the qualifier says which way (``at_least`` / ``at_most``); a bare number before
  "and older" or "and younger" is an age: :func:`open_bound`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from unspin.frames.quantity_patterns import QUALIFIER, QUALIFIER_KIND, UNITS_W

if TYPE_CHECKING:
    from unspin.frames.quantities import QuantityMatch

__all__ = ["open_bound", "ratio_shares"]

_SMALL = "one|two|three|four|five|six|seven|eight|nine|ten"
_WORD_DENOMS = {
    **{w: float(UNITS_W[w]) for w in _SMALL.split("|")},
    "twenty": 20.0,
    "a hundred": 100.0,
    "a thousand": 1000.0,
    "a million": 1e6,
}
_DENOM = r"two|three|four|five|six|seven|eight|nine|ten|twenty|a\s+hundred|a\s+thousand|a\s+million"
_RATIO = re.compile(
    rf"(?<![\w.,$£€-])(?P<n>\d{{1,3}}|{_SMALL})[ \t]+in[ \t]+"
    rf"(?P<d>\d{{1,3}}(?:,\d{{3}})*|{_DENOM})(?![\w.,]*\d)(?![\w%-])",
    re.I,
)
#: What may not follow the second number: a unit of time ("3 in 10 days"), a percent.
_NOT_AFTER = re.compile(
    r"[ \t]*(?:%|percent|per[ \t]+cent|(?:seconds?|minutes?|hours?|days?|weeks?|months?|"
    r"years?|decades?|games?|matches|races|attempts|tries|innings)\b)",
    re.I,
)


#: A capitalised word right before a capitalised number word, in the same sentence.
_NAME_BEFORE = re.compile(r"(?<![.!?][ \t])\b[A-Z][\w-]*[ \t]+$")
#: A lower-case word right before the ratio, on its line: running text, not a title.
_RUNNING = re.compile(r"\b[a-z][\w'’-]*,?[ \t]+$")


def _value(word: str) -> float:
    w = " ".join(word.lower().split())
    return _WORD_DENOMS[w] if w in _WORD_DENOMS else float(w.replace(",", ""))


def ratio_shares(text: str) -> list[tuple[int, int, float, str | None]]:
    """Every "N in M" share in ``text``: (start, end, value, qualifier), the span taking
    in a qualifier before it ("about 6 in 10")."""
    out: list[tuple[int, int, float, str | None]] = []
    for m in _RATIO.finditer(text):
        n, d = _value(m["n"]), _value(m["d"])
        if not 0 < n < d or d > 1e6 or _NOT_AFTER.match(text, m.end()):
            continue
        if 1000 <= d <= 2100 and "," not in m["d"]:
            continue  # "5 in 2015": a year
        if m["n"][0].isupper() and _NAME_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # "the Cobalt One in three deals": the number ends a name
        titled = m["n"][0].isupper() and m["d"][0].isupper()
        if titled and _RUNNING.search(text, max(0, m.start() - 40), m.start()):
            continue  # "who founded One in Four, the group": a name in running text
        start, qualifier = m.start(), None
        qm = QUALIFIER.search(text, max(0, start - 24), start)
        if qm is not None:
            q = " ".join(qm["q"].lower().split())
            qualifier, start = QUALIFIER_KIND.get(q, "at_least"), qm.start()
        out.append((start, m.end(), round(n / d, 6), qualifier))
    return out


#: Words that may follow "or more" and its kind: a preposition, a verb, a conjunction.
_AFTER_BOUND = (
    "at|in|of|on|for|from|by|per|each|a|an|and|or|but|who|that|which|is|are|was|were|"
    "be|been|have|has|had|will|would|can|could|may|might|must|should|do|does|did"
)
#: An open bound right after a quantity: "and older", "or more", "and under"; not before
#: "than", "to" or another number ("5 and over 100 were hurt").
_BOUND = re.compile(
    r"[ \t]+(?:and|or)[ \t]+(?:(?P<age>older|younger|over|above|under|below|up)"
    r"(?![ \t]+(?:the|a|an|his|her|their|its|this|that|these|those)\b)"
    r"|(?P<b>more|higher|greater|less|fewer|lower)(?=[ \t]*(?:[^\w \t]|$)|[ \t]+(?:"
    + _AFTER_BOUND
    + r")\b))"
    r"(?![ \t]+(?:than|to)\b)(?![ \t]*[$£€]?\d)",
    re.I,
)
_LOWER = frozenset(("younger", "under", "below", "less", "fewer", "lower"))


def open_bound(text: str, q: QuantityMatch) -> QuantityMatch:
    """``q`` with an open bound after it taken in: "45 and older" at least 45, "12 and
    under" at most 12; a quantity with a qualifier or a range keeps its reading."""
    if q.qualifier is not None or q.value_max is not None:
        return q
    m = _BOUND.match(text, q.end)
    if m is None:
        return q
    word = (m["age"] or m["b"]).lower()
    kind = "at_most" if word in _LOWER else "at_least"
    q = replace(q, end=m.end(), qualifier=kind, approximate=True)
    if word in ("older", "younger") and q.label == "other" and q.unit is None:
        q = replace(q, label="age", unit="years_old", score=0.8)  # "adults 65 and older"
    return q
