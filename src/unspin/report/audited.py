"""Audited precision of each highlight layer, and which layers are shown by default.

The figures come from the precision audit under ``bench/`` (``bench/audit/``: a seeded
sample of the default report's findings on PTC articles the models never trained on,
judged in context by reader A; ``python bench/precision_audit.py score`` prints them).
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
UNAUDITED = frozenset({"attribution", "vague_attribution"})

#: A layer is shown by default only at or above this audited precision.
MIN_PRECISION = 0.8

#: The commit whose default pipeline produced the audited sample.
AUDIT_COMMIT = "6509343"


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
#: most frequent techniques; ``anonymous`` is audited within ``speaker``'s findings but
#: reported on its own in the README).
LAYER_KINDS: dict[str, tuple[str, ...]] = {
    "claim": ("claim",),
    "quote": ("quote",),
    "speaker": ("speaker",),
    "hedge": ("hedge",),
    "booster": ("booster",),
    "quantity": ("number",),
    "date": ("date",),
    "technique": (
        "technique:Loaded_Language",
        "technique:Name_Calling,Labeling",
        "technique:Exaggeration,Minimisation",
        "technique:Appeal_to_fear-prejudice",
        "technique:Causal_Oversimplification",
    ),
}

#: Per layer: reader A's correct and judged counts over :data:`LAYER_KINDS`.
AUDITED: dict[str, Audit] = {
    "claim": Audit(29, 40),
    "quote": Audit(23, 40),
    "speaker": Audit(29, 40),
    "hedge": Audit(25, 40),
    "booster": Audit(30, 40),
    "quantity": Audit(34, 40),
    "date": Audit(32, 40),
    "technique": Audit(68, 104),
}


def audit_for(layer: str) -> Audit | None:
    """The audit of a highlight layer (a finding kind), or ``None`` when it was not audited."""
    return AUDITED.get(layer)
