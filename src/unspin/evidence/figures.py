"""Figures and dates of a claim against a passage's (:mod:`unspin.evidence.frame_checks`):
each claim figure (date) is compared with the passage's that hang from the same verb or
one of its sense, else those of the clause that states the claim's, else all of them;
alike, different, or neither (a later figure of that verb; the comparison's figure, "from
six days a week to five", when the claim's differs from it and the passage gives no other).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from unspin.evidence.reading import SentenceReading
from unspin.evidence.synonyms import same_sense
from unspin.frames import SlotCheck, compare_frames

__all__ = ["slot_units"]


def _aligned(claim: SentenceReading, passage: SentenceReading, clause: int) -> int | None:
    """The passage clause that states most of the claim's clause ``clause`` (None: none or
    a tie): "evacuated on 11 August; residents were allowed to return on 13 August" gives a
    claim about the evacuation the first clause's date."""
    keys = [k for k, c in claim.words.items() if c == clause]
    score: dict[int, int] = {}
    for k in keys:
        if k in passage.words:
            score[passage.words[k]] = score.get(passage.words[k], 0) + 1
    if not score:
        return None
    ranked = sorted(score.values(), reverse=True)
    if len(ranked) > 1 and ranked[0] == ranked[1]:
        return None
    return max(score, key=lambda c: score[c])


def _elsewhere(
    claim: SentenceReading,
    passage: SentenceReading,
    clause: int,
    verb: str,
    their_verbs: tuple[str, ...],
    j: int,
) -> bool:
    """The passage's date ``j`` hangs from a verb the claim says in another clause than
    its date's (``clause``, ``verb``): it dates that other event. "closed the pool in March
    and raised parking fees by 5 per cent" against "raised parking fees ... in April":
    April is the rise's, March the closure's."""
    theirs = their_verbs[j] if j < len(their_verbs) else ""
    if not theirs:
        return False
    return any(
        c != clause and w != verb and _same_verb(w, theirs, claim, passage)
        for w, c in claim.words.items()
    )


def _exact(x: Any, y: Any) -> bool:
    """Two figures are the same value (not one rounding the other)."""
    try:
        a, b = float(x), float(y)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= 0.005 * max(abs(a), abs(b))


def _same_verb(mine: str, theirs: str, claim: SentenceReading, passage: SentenceReading) -> bool:
    """Whether two verbs (compared forms) are one, or of one sense ("cut" / "reduced")."""
    if mine == theirs:
        return True
    a, b = claim.forms.get(mine), passage.forms.get(theirs)
    return a is not None and b is not None and same_sense(a, b)


def slot_units(
    claim: SentenceReading, passage: SentenceReading, slot: str
) -> tuple[list[tuple[int, bool | None]], SlotCheck | None]:
    """Each claim quantity (or date) with its clause and whether the passage states it
    alike (True), differently (False) or not at all (None), and the slot's check.

    The claim's figure is compared with the passage's figures that hang from the same verb
    ("evacuated on 11 August"), else those of the clause that states the claim's clause,
    else all of them, a bare passage number ("came third
    with 6,230") taking the claim's unit when none of the claim's kind is there. A figure
    that is only the passage's second one for the same thing is neither alike nor
    different, unless the passage gives it as the comparison ("£612 million, up from £583
    million", "31 ..., compared with 97"): then the claim states the comparison as the
    figure, and differs from the passage's first one."""
    name = "number" if slot == "quantities" else "date"
    items = list(claim.frame.get(slot) or ())
    clauses = claim.quantity_clauses if slot == "quantities" else claim.date_clauses
    theirs = list(passage.frame.get(slot) or ())
    their_clauses = passage.quantity_clauses if slot == "quantities" else passage.date_clauses
    marks = passage.baselines if slot == "quantities" else ()
    if slot == "dates":
        # a date of the passage's comparison figure is another time, not the claim's
        theirs = [
            d if not (j < len(passage.date_baselines) and passage.date_baselines[j]) else {}
            for j, d in enumerate(theirs)
        ]
    mine_marks = claim.baselines if slot == "quantities" else ()
    verbs = claim.quantity_verbs if slot == "quantities" else claim.date_verbs
    their_verbs = passage.quantity_verbs if slot == "quantities" else passage.date_verbs
    out: list[tuple[int, bool | None]] = []
    agreed: SlotCheck | None = None
    differed: SlotCheck | None = None
    for k, (item, clause) in enumerate(zip(items, clauses, strict=False)):
        verb = verbs[k] if k < len(verbs) else ""
        where = _aligned(claim, passage, clause)
        pool = [
            (j, other)
            for j, other in enumerate(theirs)
            if verb and j < len(their_verbs) and _same_verb(verb, their_verbs[j], claim, passage)
        ]
        # ... with the comparison figures of their clause ("31 were admitted, compared with
        # 97": 97 hangs from "compared")
        near = {their_clauses[j] for j, _ in pool if j < len(their_clauses)}
        pool += [
            (j, other)
            for j, other in enumerate(theirs)
            if pool
            and j < len(marks)
            and marks[j]
            and (j, other) not in pool
            and j < len(their_clauses)
            and their_clauses[j] in near
        ]
        pool = pool or [
            (j, other)
            for j, other in enumerate(theirs)
            if where is None or (j < len(their_clauses) and their_clauses[j] == where)
        ]
        if slot == "dates" and pool:
            pool = [
                (j, other)
                for j, other in pool
                if not _elsewhere(claim, passage, clause, verb, their_verbs, j)
            ]
            if not pool:  # every date of the passage dates another event of the claim
                out.append((clause, None))
                continue
        pool = [(j, other) for j, other in pool or enumerate(theirs) if other]
        said = [
            (j, c)
            for j, other in pool
            for c in compare_frames({slot: [item]}, {slot: [other]}, bounds=True)
        ]
        if not said and slot == "quantities":
            bare = [
                (j, {**other, "counts": item.get("counts"), "unit": item.get("unit")})
                for j, other in pool
                if not other.get("unit") and (other.get("counts") or "other") == "other"
            ]
            said = [
                (j, c)
                for j, other in bare
                for c in compare_frames({slot: [item]}, {slot: [other]}, bounds=True)
            ]
            if not any(c.agrees for _, c in said):
                said = []  # a bare number that is not the claim's says nothing against it
        if not said and slot == "dates" and item.get("iso"):
            # a relative date ("on Monday", "last year") is compared by nothing else; one
            # that resolves to the passage's day or year is that date (never a different one)
            said = [
                (j, SlotCheck("dates", True, str(item.get("text")), str(other.get("text"))))
                for j, other in pool
                if other.get("iso") == item.get("iso")
            ]
        values = {j: other.get("value") for j, other in pool}
        if slot == "quantities" and any(
            c.agrees and _exact(item.get("value"), values.get(j)) for j, c in said
        ):
            # "£612 million, up from £583 million": 612 is near enough to a round 583 to
            # pass for it, but the passage gives 583 itself: only that one agrees
            said = [
                (j, c if _exact(item.get("value"), values.get(j)) else replace(c, agrees=False))
                for j, c in said
            ]
        result: bool | None = any(c.agrees for _, c in said) if said else None
        check = next((c for _, c in said if c.agrees), said[0][1] if said else None)
        if said and not said[0][1].agrees and result:
            compared = all(j < len(marks) and marks[j] for j, c in said if c.agrees)
            if compared and not (k < len(mine_marks) and mine_marks[k]):
                result, check = False, said[0][1]
            else:
                result, check = None, None
        mine = k < len(mine_marks) and mine_marks[k]
        if result is False and not mine and all(j < len(marks) and marks[j] for j, _ in said):
            # only the comparison's figure ("cut from six days a week to five"): another time
            result, check = None, None
        out.append((clause, result))
        if check is not None and not check.agrees and differed is None:
            differed = check
        elif check is not None and check.agrees and agreed is None:
            agreed = check
    found = differed or agreed
    return out, None if found is None else SlotCheck(name, found.agrees, found.a, found.b)
