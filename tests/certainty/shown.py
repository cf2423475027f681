"""What the certainty analyzer's default report shows, for the audit rounds' tests: its
findings of one kind at or over the layer's floor."""

from __future__ import annotations

from unspin.certainty.analyzer import CertaintyAnalyzer
from unspin.config import load_config
from unspin.model import Document
from unspin.nlp import Backbone
from unspin.pipeline import Pipeline

__all__ = ["SHOWN", "found", "shown"]

#: The analyzer's default ``min_score``, and the hedges' ``min_hedge_score``.
SHOWN = {"booster": 0.5, "vague_attribution": 0.5, "hedge": 0.8}


def found(backbone: Backbone, text: str, kind: str) -> list[tuple[str, str, float]]:
    """(text, label, score) of the ``kind`` findings the report shows."""
    pipe = Pipeline(
        load_config(analyzers=["certainty"]),
        backbone=backbone,
        analyzers=[CertaintyAnalyzer(all_candidates=True)],
    )
    hits = pipe.analyze(Document(text)).by_kind(kind)
    return [(f.text, f.label, f.score) for f in hits if f.score >= SHOWN[kind]]


def shown(backbone: Backbone, text: str, kind: str) -> list[str]:
    """The covered texts of the ``kind`` findings the report shows."""
    return [t for t, _, _ in found(backbone, text, kind)]
