"""Audited precision of each highlight layer, and which layers are shown by default.

The figures come from the precision audit under ``bench/`` (round 2,
``bench/audit/round2/``: a seeded sample of the default report's findings on PTC articles
the models never trained on, judged in context by reader A; ``python
bench/precision_audit.py score --sample bench/audit/round2/sample.jsonl`` prints them).
``tests/report/test_audited.py`` recomputes them from the committed judgements, so this
table cannot drift from the audit.

A layer whose audited precision is under :data:`MIN_PRECISION`, or that was not
audited, is *experimental*: the HTML report lists its findings but leaves its
highlights switched off until the reader turns them on, and says why.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "AUDITED",
    "AUDIT_COMMIT",
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

#: The commit whose default pipeline produced the audited sample.
AUDIT_COMMIT = "42b3029"


@dataclass(frozen=True)
class Audit:
    """Reader A's verdicts on one layer's sampled findings."""

    correct: int
    judged: int

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
            f"findings judged right, audit of commit {AUDIT_COMMIT}; {status})"
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

#: Per layer: reader A's correct and judged counts over :data:`LAYER_KINDS`.
AUDITED: dict[str, Audit] = {
    "claim": Audit(34, 40),
    "quote": Audit(32, 40),
    "speaker": Audit(36, 40),
    "anonymous": Audit(16, 40),
    "attribution": Audit(33, 40),
    "vague_attribution": Audit(33, 40),
    "hedge": Audit(31, 40),
    "booster": Audit(36, 40),
    "quantity": Audit(36, 40),
    "date": Audit(39, 40),
    "technique": Audit(47, 91),
}


def audit_for(layer: str) -> Audit | None:
    """The audit of a highlight layer (a finding kind), or ``None`` when it was not audited."""
    return AUDITED.get(layer)
