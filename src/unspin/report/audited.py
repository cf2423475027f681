"""Audited precision of each highlight layer, and which layers are shown by default.

The figures come from the precision audit under ``bench/`` (``bench/precision_audit.py``:
a seeded sample of the default report's findings on PTC articles, judged in context by
reader A). Each layer takes the latest round that audited it, pooled with the round
before when the layer's findings did not change between the two commits: the technique
layer round 2 (``bench/audit/round2/``, the 25 gate articles the techniques model never
trained on); the hedge layer round 5 (its display floor came between rounds 4 and 5);
every other layer rounds 4 and 5 (``bench/audit/round4/``, ``round5/``: articles nobody
had read while fixing the rules; their commits differ only in the hedge floor).
``python bench/precision_audit.py score --sample bench/audit/<round>/sample.jsonl`` prints
each round; ``tests/report/test_audited.py`` recomputes the table from the committed
judgements, so it cannot drift from the audit.

A layer whose audited precision is under :data:`MIN_PRECISION`, or that was not
audited, is *experimental*: the HTML report lists its findings but leaves its
highlights switched off until the reader turns them on, and says why.

Some kinds are split by their own score (:data:`SCORE_FLOORS`): the rules' scores of
attributions and quotations separated right from wrong in the audit, so findings at or
over the floor are one layer and those under it another (``attribution:weak``,
``quote:weak``), each with its own audit. A floor was chosen on round 4 and checked on
round 5, whose articles it was not chosen on.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "AUDITED",
    "AUDIT_ROUNDS",
    "LAYER_KINDS",
    "MIN_PRECISION",
    "SCORE_FLOORS",
    "UNAUDITED",
    "WEAK",
    "Audit",
    "audit_for",
    "score_range",
    "weak_layer",
]

#: Kinds of the default pipeline that the precision audit did not sample: experimental.
UNAUDITED: frozenset[str] = frozenset()

#: A layer is shown by default only at or above this audited precision.
MIN_PRECISION = 0.8

#: Kinds whose findings under this score form a layer of their own (:func:`weak_layer`).
#: Chosen on audit round 4, checked on round 5: attributions at or over 0.78 were right 24
#: of 27 and 16 of 19 times, under it 2 of 13 and 4 of 21; quotations 6 of 8 and 11 of 13
#: over, 15 of 32 and 15 of 27 under.
SCORE_FLOORS: dict[str, float] = {"attribution": 0.78, "quote": 0.78}

#: Suffix of the layer of a kind's findings under its floor.
WEAK = ":weak"


def weak_layer(kind: str) -> str:
    """The layer key of ``kind``'s findings under its :data:`SCORE_FLOORS` floor."""
    return kind + WEAK


def score_range(layer: str) -> tuple[float, float]:
    """The scores ``[low, high)`` of the findings a layer holds: a floored kind's layer
    starts at its floor, its weak layer ends there; every other layer takes all."""
    if layer.endswith(WEAK) and layer[: -len(WEAK)] in SCORE_FLOORS:
        return (float("-inf"), SCORE_FLOORS[layer[: -len(WEAK)]])
    if layer in SCORE_FLOORS:
        return (SCORE_FLOORS[layer], float("inf"))
    return (float("-inf"), float("inf"))


#: Per audit round (its folder under ``bench/audit/``): the commit whose default pipeline
#: produced its sample.
AUDIT_ROUNDS: dict[str, str] = {
    "round2": "42b3029",
    "round3": "c2adfed",
    "round4": "58381f2",
    "round5": "e395f56",
}


@dataclass(frozen=True)
class Audit:
    """Reader A's verdicts on one layer's sampled findings, pooled over audit rounds."""

    correct: int
    judged: int
    rounds: tuple[str, ...]

    @property
    def precision(self) -> float:
        return self.correct / self.judged if self.judged else 0.0

    @property
    def experimental(self) -> bool:
        return self.precision < MIN_PRECISION

    def describe(self) -> str:
        status = "experimental, off by default" if self.experimental else "shown by default"
        return (
            f"audited precision {self.precision:.2f} ({self.correct} of {self.judged} "
            f"findings judged right, audit {' + '.join(self.rounds)} of commit "
            f"{' / '.join(AUDIT_ROUNDS[r] for r in self.rounds)}; {status})"
        )


#: The audit's kinds that make up each highlight layer (``technique`` pools the five
#: most frequent techniques; ``anonymous`` is the layer of speaker and attribution
#: findings whose source is anonymous, split from ``speaker`` and ``attribution``).
LAYER_KINDS: dict[str, tuple[str, ...]] = {
    "claim": ("claim",),
    "quote": ("quote",),
    "quote:weak": ("quote",),
    "speaker": ("speaker",),
    "anonymous": ("anonymous",),
    "attribution": ("attribution",),
    "attribution:weak": ("attribution",),
    "vague_attribution": ("vague_attribution",),
    "hedge": ("hedge",),
    "booster": ("booster",),
    "quantity": ("number",),
    "date": ("date",),
    "technique": (
        "technique:Loaded_Language",
        "technique:Name_Calling,Labeling",
        "technique:Exaggeration,Minimisation",
        "technique:Causal_Oversimplification",
        "technique:Doubt",
    ),
}

#: The two fresh rounds whose commits differ only in the hedge display floor.
_FRESH = ("round4", "round5")

#: Per layer: reader A's correct and judged counts over :data:`LAYER_KINDS` (within the
#: layer's :func:`score_range`), in the latest round that audited the layer (pooled with
#: the one before, see above; a floored layer: the round after the one its floor was
#: chosen on).
AUDITED: dict[str, Audit] = {
    "claim": Audit(49, 80, _FRESH),
    "quote": Audit(11, 13, ("round5",)),
    "quote:weak": Audit(15, 27, ("round5",)),
    "speaker": Audit(45, 80, _FRESH),
    "anonymous": Audit(48, 80, _FRESH),
    "attribution": Audit(16, 19, ("round5",)),
    "attribution:weak": Audit(4, 21, ("round5",)),
    "vague_attribution": Audit(48, 56, _FRESH),
    "hedge": Audit(37, 40, ("round5",)),
    "booster": Audit(73, 80, _FRESH),
    "quantity": Audit(47, 80, _FRESH),
    "date": Audit(73, 80, _FRESH),
    "technique": Audit(47, 91, ("round2",)),
}


def audit_for(layer: str) -> Audit | None:
    """The audit of a highlight layer (a finding kind), or ``None`` when it was not audited."""
    return AUDITED.get(layer)
