"""How the stances of a claim's passages become a verdict (transparent rules).

**The frame rule** (:func:`combine`, the default): each passage's stance comes from the
frame checks of :mod:`unspin.evidence.frame_checks` (it refutes when it is about the
claim's proposition and differs on a slot, supports when it covers the claim and differs
on none, else neutral). With ``S`` the summed coverage of the supporting passages and
``R`` that of the refuting ones: none takes a side: **not verified**; ``S >= ratio * R``:
**supported**; ``R >= ratio * S``: **refuted**; otherwise **mixed**.

**The stance rule** (:func:`aggregate`, option ``rule = "stance"``, the Climate-FEVER
evaluation): a passage *counts* when its predicted stance is ``supports`` or ``refutes`` with a
probability of at least ``min_stance``. With ``S`` the sum of those probabilities over
the supporting passages and ``R`` over the refuting ones:

* no passage counts: **not verified** (unspin never rules without cited passages);
* only supporting passages (``R = 0``), or ``S >= ratio * R``: **supported**;
* only refuting passages (``S = 0``), or ``R >= ratio * S``: **refuted**;
* otherwise (both sides, neither ``ratio`` times the other): **mixed**.

The defaults (``min_stance = 0.5``, ``ratio = 2``) were set before any evaluation and
are the ones the Climate-FEVER claim-level numbers in the model card were measured with.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = [
    "DEFAULT_MIN_STANCE",
    "DEFAULT_RATIO",
    "VERDICTS",
    "VERDICT_TO_CLIMATE_FEVER",
    "Aggregate",
    "aggregate",
    "combine",
]

VERDICTS = ("supported", "refuted", "mixed", "not verified")
DEFAULT_MIN_STANCE = 0.5
DEFAULT_RATIO = 2.0
#: Frame rule: passages less about the claim than the best one by more than this do not
#: count (one content word in ten).
MARGIN = 0.1

#: Verdict -> Climate-FEVER claim label (for evaluation: DISPUTED is "mixed").
VERDICT_TO_CLIMATE_FEVER = {
    "supported": "SUPPORTS",
    "refuted": "REFUTES",
    "mixed": "DISPUTED",
    "not verified": "NOT_ENOUGH_INFO",
}


@dataclass(frozen=True)
class Aggregate:
    """A verdict and the numbers it was decided from."""

    verdict: str
    supporting: int
    refuting: int
    support_weight: float
    refute_weight: float
    counted: tuple[int, ...]  # indexes of the passages that counted

    def frame_rule(self, ratio: float = DEFAULT_RATIO) -> str:
        """The frame rule, with this verdict's numbers, in one sentence."""
        head = (
            f"{self.supporting} passage(s) support the claim (weight {self.support_weight:.2f})"
            f" and {self.refuting} refute it (about it, one slot differs; weight "
            f"{self.refute_weight:.2f})"
        )
        return self._conclude(head, "no passage settles the claim", ratio)

    def rule(self, min_stance: float = DEFAULT_MIN_STANCE, ratio: float = DEFAULT_RATIO) -> str:
        """The rule, with this verdict's numbers, in one sentence."""
        head = (
            f"{self.supporting} passage(s) support (weight {self.support_weight:.2f}) and "
            f"{self.refuting} refute (weight {self.refute_weight:.2f}) with stance "
            f"probability >= {min_stance:g}"
        )
        return self._conclude(head, "no passage takes a side", ratio)

    def _conclude(self, head: str, nothing: str, ratio: float) -> str:
        if self.verdict == "not verified":
            return f"{head}: {nothing}, so the claim is not verified"
        if self.verdict == "mixed":
            return f"{head}: neither side outweighs the other {ratio:g} to 1, so mixed"
        side = "support" if self.verdict == "supported" else "refutation"
        return f"{head}: the {side} outweighs the other side at least {ratio:g} to 1"


def aggregate(
    stances: Iterable[tuple[str, float]],
    *,
    min_stance: float = DEFAULT_MIN_STANCE,
    ratio: float = DEFAULT_RATIO,
) -> Aggregate:
    """The verdict for a claim from its passages' ``(stance, probability)`` pairs."""
    s_weight = r_weight = 0.0
    s_count = r_count = 0
    counted = []
    for k, (stance, score) in enumerate(stances):
        if score < min_stance:
            continue
        if stance == "supports":
            s_weight += score
            s_count += 1
            counted.append(k)
        elif stance == "refutes":
            r_weight += score
            r_count += 1
            counted.append(k)
    if not counted:
        verdict = "not verified"
    elif s_weight >= ratio * r_weight:
        verdict = "supported"
    elif r_weight >= ratio * s_weight:
        verdict = "refuted"
    else:
        verdict = "mixed"
    return Aggregate(verdict, s_count, r_count, s_weight, r_weight, tuple(counted))


def combine(
    stances: Sequence[tuple[str, float]], *, ratio: float = DEFAULT_RATIO, margin: float = MARGIN
) -> Aggregate:
    """The verdict from the frame checks' ``(stance, about)`` pairs: of the passages that
    take a side, only those about the claim within ``margin`` of the one most about it
    count (a distractor on a neighbouring proposition does not outvote the passage that
    states the claim's own), each with its ``about`` as weight."""
    sided = [w for s, w in stances if s in ("supports", "refutes")]
    if not sided:
        return aggregate([])
    best = max(sided)
    return aggregate(
        [(s, w if w >= best - margin else 0.0) for s, w in stances], min_stance=1e-9, ratio=ratio
    )
