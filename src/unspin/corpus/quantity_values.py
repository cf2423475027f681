"""Quantity values compared: what a written figure allows and what two figures count.

The value arithmetic of :func:`~unspin.corpus.contradictions.compare_slots` for
quantity slots: the interval a figure allows once its qualifier or range is taken into
account ("about 60", "more than 60", "60-70"), whether one figure is the other rounded
("1,200" and 1,187), vote tallies ("7-2", two sides, not a range), how a figure is shown
in a link's explanation, and what two figures both count (the same predicate of people,
the same counted noun, the same currency or measure of the same thing).
"""

from __future__ import annotations

import math
import re
from decimal import ROUND_HALF_UP, Decimal

from unspin.corpus.model import QuantitySlot
from unspin.corpus.predicates import DIMENSION_CLASSES, DIMENSIONS, PERSON_PREDICATES
from unspin.corpus.same_event import SMALL
from unspin.corpus.words import GENERIC_PERSON_UNITS, stem

__all__ = ["SHARES", "generic_people", "interval", "is_tally", "rounds_to", "same_thing", "shown"]


def _step(v: float) -> float:
    """The rounding step a written value shows: 60 -> 10, 1200 -> 100, 4.5 -> 0.1."""
    if v == 0 or not math.isfinite(v):
        return 1.0
    exp = Decimal(repr(abs(v))).normalize().as_tuple().exponent
    return 10.0 ** int(exp) if isinstance(exp, int) else 1.0


def interval(s: QuantitySlot) -> tuple[float, float]:
    """The values a figure allows: its range, or its value widened by its qualifier."""
    v = s.value
    if s.value_max is not None:
        return (min(v, s.value_max), max(v, s.value_max))
    if s.qualifier == "about":
        tol = max(0.1 * abs(v), _step(v) / 2)
        return (v - tol, v + tol)
    if s.qualifier == "at_least":
        return (v, math.inf)
    if s.qualifier == "at_most":
        return (-math.inf if v < 0 else 0.0, v)
    return (v, v)


def rounds_to(exact: QuantitySlot, rounded: QuantitySlot) -> bool:
    """``rounded`` is ``exact`` written with fewer figures (steps of 100 or more)."""
    step = _step(rounded.value)
    if step < 100 or step <= _step(exact.value) or exact.qualifier or rounded.qualifier:
        return False
    q = (Decimal(repr(exact.value)) / Decimal(repr(step))).quantize(
        Decimal(1), rounding=ROUND_HALF_UP
    )
    return float(q) * step == rounded.value


def is_tally(s: QuantitySlot) -> bool:
    """A vote tally or a court split ("7-2"): ``value`` and ``value_max`` are its two
    sides, not the ends of a range."""
    return s.unit == "tally" and s.value_max is not None


def shown(s: QuantitySlot) -> str:
    """The figure as an explanation shows it: "about 1,200", "7-2", "60–70"."""
    v = f"{s.value:,.4f}".rstrip("0").rstrip(".")
    if s.value_max is not None:
        dash = "-" if is_tally(s) else "–"
        v += dash + f"{s.value_max:,.4f}".rstrip("0").rstrip(".")
    qual = {"about": "about ", "at_least": "at least ", "at_most": "at most "}.get(
        s.qualifier or "", ""
    )
    return f"{qual}{v}"


#: A money unit: a currency code, dollars of an unstated currency, or either per a time
#: base ("USD", "dollar", "USD/hour").
_MONEY_RE = re.compile(r"(?:[A-Z]{3}|dollar)(?:/\w+)?")


_DIMENSION_WORDS = frozenset(stem(w) for w in DIMENSIONS)


def same_thing(a: QuantitySlot, b: QuantitySlot) -> str | None:
    """What both figures count, when they count the same thing: people to whom the same
    thing happened ("killed", "displaced"), the same counted noun ("fire engines"), or
    the same currency or measure of the same thing ("the contract", "the water")."""
    if a.unit_class != b.unit_class:
        return None
    if a.unit_class in ("person", "none"):
        if not a.predicate or a.predicate != b.predicate:
            return None
        if a.noun and b.noun and a.noun != b.noun:
            return None  # "12 children" and "30 soldiers": different things counted
        return a.predicate
    if a.noun or b.noun:
        if a.noun != b.noun:
            return None
        written = {stem(x.lower()) for x in (a.noun, a.unit, b.unit) if x}  # "family"
        around = sorted((set(a.nouns) & set(b.nouns)) - written)
        if (
            not around
            and a.predicate == b.predicate
            and a.predicate in PERSON_PREDICATES
            and min(a.value, b.value) >= SMALL
        ):
            around = [a.predicate]  # "forced 340 families from their homes", "evacuated"
        if not around:
            return None  # "a 100-page report" and "a one-page letter": pages of what?
        return f"{a.noun} ({', '.join(around[:2])})"
    if len({a.predicate, b.predicate} & DIMENSION_CLASSES) == 2:
        return None  # "2.4 metres high" and "3 metres long": two dimensions
    # the figures' own words ("metres") and the dimension ("high") say nothing of what
    # is measured: "a sea wall 3 metres high" and "a bridge 3 metres high" share no thing
    own = {stem(w.lower()) for w in f"{a.text} {b.text}".split()} | _DIMENSION_WORDS
    shared = sorted((set(a.nouns) & set(b.nouns)) - own)
    money = _MONEY_RE.fullmatch(a.unit_class) is not None
    if len(shared) < (2 if money else 1):
        return None  # two costs, two distances: of what?
    return f"{a.unit_class} of {', '.join(shared[:3])}"


#: Units of a share of something: two shares compare only when their sentences share a name.
SHARES = frozenset(("%", "percent", "fraction", "percentage_point"))


def generic_people(s: QuantitySlot) -> bool:
    """Counted as "people" in so many words: a narrower noun elsewhere is a part of it."""
    return s.unit_class == "person" and (s.unit or "").lower() in GENERIC_PERSON_UNITS
