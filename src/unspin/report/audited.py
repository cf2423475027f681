"""Audited precision of each highlight layer, and which layers are shown by default.

The figures come from the precision audit under ``bench/`` (``bench/precision_audit.py``:
a seeded sample of the default report's findings on PTC articles, judged in context by
reader A). Each layer takes the latest round that audited it: the technique layer round
2 (``bench/audit/round2/``, the 25 gate articles the techniques model never trained on),
every other layer round 4 (``bench/audit/round4/``, articles nobody had read while fixing
the rules). ``python bench/precision_audit.py score --sample bench/audit/<round>/sample.jsonl``
prints them; ``tests/report/test_audited.py`` recomputes them from the committed
judgements, so this table cannot drift from the audit.

A layer whose audited precision is under :data:`MIN_PRECISION`, or that was not
audited, is *experimental*: the HTML report lists its findings but leaves its
highlights switched off until the reader turns them on, and says why.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "AUDITED",
    "AUDIT_ROUNDS",
    "LAYER_KINDS",
    "MIN_PRECISION",
    "UNAUDITED",
    "Audit",
    "audit_for",
]

#: Kinds of the default pipeline that the precision audit did not sample: experimental.
UNAUDITED: frozenset[str] = frozenset()

#: A layer is shown by default only at or above this audited precision.
MIN_PRECISION = 0.8

#: Per audit round (its folder under ``bench/audit/``): the commit whose default pipeline
#: produced its sample.
AUDIT_ROUNDS: dict[str, str] = {"round2": "42b3029", "round3": "c2adfed", "round4": "58381f2"}


@dataclass(frozen=True)
class Audit:
    """Reader A's verdicts on one layer's sampled findings in one audit round."""

    correct: int
    judged: int
    round: str

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
            f"findings judged right, audit {self.round} of commit "
            f"{AUDIT_ROUNDS[self.round]}; {status})"
        )


#: The audit's kinds that make up each highlight layer (``technique`` pools the five
#: most frequent techniques; ``anonymous`` is the layer of speaker and attribution
#: findings whose source is anonymous, split from ``speaker`` and ``attribution``).
LAYER_KINDS: dict[str, tuple[str, ...]] = {
    "claim": ("claim",),
    "quote": ("quote",),
    "speaker": ("speaker",),
    "anonymous": ("anonymous",),
    "attribution": ("attribution",),
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

#: Per layer: reader A's correct and judged counts over :data:`LAYER_KINDS`, in the
#: latest round that audited the layer.
AUDITED: dict[str, Audit] = {
    "claim": Audit(25, 40, "round4"),
    "quote": Audit(21, 40, "round4"),
    "speaker": Audit(23, 40, "round4"),
    "anonymous": Audit(22, 40, "round4"),
    "attribution": Audit(26, 40, "round4"),
    "vague_attribution": Audit(34, 40, "round4"),
    "hedge": Audit(31, 40, "round4"),
    "booster": Audit(38, 40, "round4"),
    "quantity": Audit(27, 40, "round4"),
    "date": Audit(38, 40, "round4"),
    "technique": Audit(47, 91, "round2"),
}


def audit_for(layer: str) -> Audit | None:
    """The audit of a highlight layer (a finding kind), or ``None`` when it was not audited."""
    return AUDITED.get(layer)
