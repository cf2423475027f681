"""How the stances of a claim's passages become a verdict (one transparent rule).

A passage *counts* when its predicted stance is ``supports`` or ``refutes`` with a
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

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "DEFAULT_MIN_STANCE",
    "DEFAULT_RATIO",
    "VERDICTS",
    "VERDICT_TO_CLIMATE_FEVER",
    "Aggregate",
    "aggregate",
]

VERDICTS = ("supported", "refuted", "mixed", "not verified")
DEFAULT_MIN_STANCE = 0.5
DEFAULT_RATIO = 2.0

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

    def rule(self, min_stance: float = DEFAULT_MIN_STANCE, ratio: float = DEFAULT_RATIO) -> str:
        """The rule, with this verdict's numbers, in one sentence."""
        head = (
            f"{self.supporting} passage(s) support (weight {self.support_weight:.2f}) and "
            f"{self.refuting} refute (weight {self.refute_weight:.2f}) with stance "
            f"probability >= {min_stance:g}"
        )
        if self.verdict == "not verified":
            return f"{head}: no passage takes a side, so the claim is not verified"
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
