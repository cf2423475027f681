"""Which slots of two frames agree and which differ.

:func:`compare_frames` takes two frames as JSON (:meth:`Frame.to_json
<unspin.frames.frame.Frame.to_json>`, the form stored with every claim) and checks each
slot that both of them fill; a slot only one of them fills is not checked (a fact-check
that gives no date neither agrees nor differs with a dated claim). Rules:

* **polarity**: ``positive`` against ``negative`` differs (the cues are shown);
* **number**: quantities that count the same thing (``killed``, ``money`` in the same
  currency, ``percent``, a length, mass or volume in any unit: "150 cm" is "1.5 m",
  :mod:`.units`) are compared; the slot agrees when some pair of them holds
  the same value (within :data:`TOLERANCE`, or within :data:`ROUND_TOLERANCE` when one of
  the two is a round figure such as "1,200" or "3 million") and differs when none does;
* **date**: resolved dates (ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) agree when one
  contains the other ("2021" and "2021-03-04") and differ when none does; dates left
  relative are not compared;
  with ``bounds=True`` (verdicts), a qualified figure is a bound: "more than 200" agrees
  with 214 (and "nearly 50" with 48), "about 200" with anything within 10 %;
* **actor**: the name-like words (capitalised, not sentence-initial function words) of
  the actors: differs when both frames name actors and no name word is shared.

A :class:`SlotCheck` says what each side holds, so a report can say in one line which
slots agreed and which differed (:func:`describe_checks`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from unspin.frames.units import in_base_unit

__all__ = [
    "ROUND_TOLERANCE",
    "SLOTS",
    "TOLERANCE",
    "SlotCheck",
    "compare_frames",
    "describe_checks",
    "polarity_text",
    "quantity_kind",
    "quantity_text",
    "resolved_dates",
    "same_value",
    "within_bound",
]

#: The slots compared, in the order they are reported.
SLOTS = ("polarity", "number", "date", "actor")
#: Relative difference under which two values are the same figure.
TOLERANCE = 0.005
#: ... when one of them is a round figure (its last two significant digits are zeros).
ROUND_TOLERANCE = 0.05

#: Words that start actor phrases but name no one.
_FUNCTION = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "some",
        "many",
        "most",
        "all",
    ]
)


@dataclass(frozen=True)
class SlotCheck:
    """One slot of two frames: ``agrees`` and what each side holds (``a``, ``b``)."""

    slot: str
    agrees: bool
    a: str
    b: str

    def to_json(self) -> dict[str, Any]:
        return {"slot": self.slot, "agrees": self.agrees, "a": self.a, "b": self.b}


def compare_frames(
    a: Mapping[str, Any], b: Mapping[str, Any], *, bounds: bool = False
) -> list[SlotCheck]:
    """The checks of every slot both frames fill, in :data:`SLOTS` order (``bounds``: a
    figure of ``a`` qualified by "more than", "nearly", "about" ... is a bound, not a value)."""
    checks = [_polarity(a, b), _number(a, b, bounds), _date(a, b), _actor(a, b)]
    return [c for c in checks if c is not None]


def describe_checks(checks: Sequence[SlotCheck], a_name: str = "a", b_name: str = "b") -> str:
    """One line: ``"agree: polarity, date; differ: number (a: 12 killed; b: 21 killed)"``."""
    same = [c.slot for c in checks if c.agrees]
    other = [f"{c.slot} ({a_name}: {c.a}; {b_name}: {c.b})" for c in checks if not c.agrees]
    parts = []
    if same:
        parts.append("agree: " + ", ".join(same))
    if other:
        parts.append("differ: " + ", ".join(other))
    return "; ".join(parts) if parts else "no slot to compare"


# -- polarity ---------------------------------------------------------------------------------


def _polarity(a: Mapping[str, Any], b: Mapping[str, Any]) -> SlotCheck | None:
    pa, pb = a.get("polarity"), b.get("polarity")
    if pa not in ("positive", "negative") or pb not in ("positive", "negative"):
        return None
    return SlotCheck("polarity", pa == pb, polarity_text(a), polarity_text(b))


def polarity_text(frame: Mapping[str, Any]) -> str:
    """``"negative (not, never)"``: a frame's polarity with the cues that decided it."""
    cues = [str(c) for c in frame.get("negation_cues") or ()]
    return f"{frame['polarity']} ({', '.join(cues)})" if cues else str(frame["polarity"])


# -- numbers ----------------------------------------------------------------------------------


def quantity_kind(q: Mapping[str, Any]) -> str:
    """What a quantity counts, with its unit where values only compare within one
    (money in one currency, distances in one unit)."""
    counts = str(q.get("counts") or "other")
    if counts in ("money", "other", "distance", "duration"):
        return f"{counts}:{q.get('unit') or ''}"
    return counts


def _round(value: float) -> bool:
    if value == 0 or not math.isfinite(value):
        return False
    digits = f"{abs(value):.0f}".rstrip("0")
    zeros = len(f"{abs(value):.0f}") - len(digits)
    return (value == int(value) and zeros >= 2) or _scaled_round(value)


def _scaled_round(value: float) -> bool:
    """3.5 million or 1.2 billion written with a scale word: round at the scale."""
    for scale in (1e9, 1e6, 1e3):
        if abs(value) >= scale:
            return float(abs(value) / scale * 10).is_integer()
    return False


def same_value(x: float, y: float) -> bool:
    """``x`` and ``y`` are the same figure (exactly, or one rounds the other)."""
    if x == y:
        return True
    if not (math.isfinite(x) and math.isfinite(y)):
        return False
    scale = max(abs(x), abs(y))
    tolerance = ROUND_TOLERANCE if _round(x) or _round(y) else TOLERANCE
    return abs(x - y) <= tolerance * scale


def quantity_text(q: Mapping[str, Any]) -> str:
    """``"12 people (killed)"``: a quantity as written, with what it counts."""
    text = str(q.get("text") or q.get("value"))
    counts = str(q.get("counts") or "")
    return f"{text} ({counts})" if counts and counts != "other" else text


#: Qualifiers that make a figure a bound (the quantity's text starts with one).
_AT_LEAST = re.compile(r"(?:more than|over|at least|upwards of|above|in excess of)\s", re.I)
_AT_MOST = re.compile(
    r"(?:nearly|almost|up to|less than|fewer than|under|below|as many as|no more than)\s", re.I
)
_ABOUT = re.compile(r"(?:about|around|approximately|roughly|some|an estimated|circa)\s", re.I)
#: Relative difference an "about" figure allows.
ABOUT_TOLERANCE = 0.1


def within_bound(q: Mapping[str, Any], value: float) -> bool:
    """``value`` is what the qualified quantity ``q`` ("more than 200") allows."""
    text, bound = str(q.get("text") or ""), float(q["value"])
    if _AT_LEAST.match(text):
        return value >= bound
    if _AT_MOST.match(text):
        return value <= bound
    if _ABOUT.match(text):
        return abs(value - bound) <= ABOUT_TOLERANCE * max(abs(bound), abs(value))
    return same_value(bound, value)


def _measured(q: Mapping[str, Any]) -> tuple[str, float]:
    """A quantity's kind and value, a length, mass or volume in its dimension's base unit
    whatever it counts ("150 cm" of rain, "other", and "1.5 m", a "distance", are one
    length of 1.5 m)."""
    value = float(q["value"])
    base = in_base_unit(q.get("unit"), value)
    if base is None:
        return quantity_kind(q), value
    return f"measure:{base[0]}", base[1]


def _number(a: Mapping[str, Any], b: Mapping[str, Any], bounds: bool = False) -> SlotCheck | None:
    qa = [q for q in a.get("quantities") or () if q.get("value") is not None]
    qb = [q for q in b.get("quantities") or () if q.get("value") is not None]
    pairs = [(x, y) for x in qa for y in qb if _measured(x)[0] == _measured(y)[0]]
    if not pairs:
        return None
    for x, y in pairs:
        (_, vx), (_, vy) = _measured(x), _measured(y)
        raw_x, raw_y = float(x["value"]), float(y["value"])
        # a bound is read in its own unit: the other side's value taken into it
        in_x = vy * raw_x / vx if vx and (vx, vy) != (raw_x, raw_y) else raw_y
        agree = within_bound(x, in_x) if bounds else None
        if agree or (agree is None and same_value(vx, vy)):
            return SlotCheck("number", True, quantity_text(x), quantity_text(y))
    x, y = pairs[0]
    return SlotCheck("number", False, quantity_text(x), quantity_text(y))


# -- dates ------------------------------------------------------------------------------------


def resolved_dates(frame: Mapping[str, Any]) -> list[tuple[str, str]]:
    """``(calendar part of the ISO value, text)`` of each date of ``frame`` resolved to a
    year or finer (YYYY, YYYY-MM or YYYY-MM-DD; a time dropped); relative dates left out."""
    return [
        (str(d["iso"]).split("T")[0].split("/")[0], str(d.get("text") or d["iso"]))
        for d in frame.get("dates") or ()
        if d.get("iso") and not d.get("relative") and str(d["iso"])[:4].isdigit()
    ]


def _date(a: Mapping[str, Any], b: Mapping[str, Any]) -> SlotCheck | None:
    da, db = resolved_dates(a), resolved_dates(b)
    if not da or not db:
        return None
    for (x, tx), (y, ty) in ((p, q) for p in da for q in db):
        if x.startswith(y) or y.startswith(x):
            return SlotCheck("date", True, tx, ty)
    return SlotCheck("date", False, da[0][1], db[0][1])


# -- actors -----------------------------------------------------------------------------------


def _names(frame: Mapping[str, Any]) -> set[str]:
    out: set[str] = set()
    for actor in frame.get("actors") or ():
        for word in str(actor).replace("'s", "").replace("’s", "").split():
            word = word.strip(".,;:\"'()")
            if word[:1].isupper() and word.lower() not in _FUNCTION and len(word) > 1:
                out.add(word.lower())
    return out


def _actor(a: Mapping[str, Any], b: Mapping[str, Any]) -> SlotCheck | None:
    na, nb = _names(a), _names(b)
    if not na or not nb:
        return None
    text_a = "; ".join(str(x) for x in a.get("actors") or ())
    text_b = "; ".join(str(x) for x in b.get("actors") or ())
    return SlotCheck("actor", bool(na & nb), text_a, text_b)
