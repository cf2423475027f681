"""Quality gate of the shipped techniques model on the fixed gate split.

The 25 PTC training articles of ``training/techniques/gate.json`` were held out of the
shipped model's training (``training/techniques/train.py``). This runs the real backbone
and the analyzer on them and fails if a score falls below its pinned floor (about 0.03
under the value measured when the model was trained), so a regression in the backbone,
the features or the heads cannot land unnoticed. It never skips: a missing
``../shared/data/ptc`` or an untrained model fails the gate with the reason.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from unspin.nlp import Backbone
from unspin.techniques.analyzer import TECHNIQUES, TechniquesAnalyzer
from unspin.techniques.evaluate import article_contexts
from unspin.techniques.ptc import Span, load_corpus, score_flc, score_si, score_tc
from unspin.techniques.tagger import DEFAULT_DIR

ROOT = Path(__file__).resolve().parents[2]
PTC = ROOT.parent / "shared" / "data" / "ptc"
GATE = ROOT / "training" / "techniques" / "gate.json"

# Measured on the gate with the analyzer's own code (operating_point.py; span_trim 0.6,
# snapped spans): every candidate SI F1 0.483 (P 0.405, R 0.598), FLC F1 0.263; at the
# default threshold 0.55 SI P 0.595, R 0.376, F1 0.461; TC micro-F1 0.628. Re-measured
# 2026-12-04 with the technique head of EXPERIMENTS.md section 11 (and that day's
# backbone): every candidate SI F1 0.487 (P 0.422, R 0.577), FLC F1 0.269; at the default
# threshold SI P 0.631, R 0.362, F1 0.460; TC micro-F1 0.669 (the previous head: 0.633).
# Re-measured 2026-12-06 on a fresh install (the same model; that code of 2026-12-04 gives
# P 0.609, R 0.351, F1 0.445 at the default there: the installed packages moved span
# scores near the threshold): every candidate SI F1 0.486 (P 0.421, R 0.577), FLC F1
# 0.271; at the default SI P 0.614, R 0.351, F1 0.447; TC micro-F1 0.672.
SI_FLOOR = 0.465
TC_FLOOR = 0.65
FLC_FLOOR = 0.245
DEFAULT_P_FLOOR = 0.58
DEFAULT_F1_FLOOR = 0.435

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def _require_inputs() -> None:
    """Fail (never skip) when the gate cannot run: a gate that skips guards nothing.
    Autouse, so it fails before the real backbone is loaded."""
    missing = []
    if not PTC.is_dir():
        missing.append(f"the PTC corpus is not at {PTC} (the quality gate needs it)")
    if not (DEFAULT_DIR / "si_tagger.npz").exists():
        missing.append(
            f"the techniques model is not in {DEFAULT_DIR}: run training/techniques/train.py"
        )
    if missing:
        pytest.fail("quality gate cannot run: " + "; ".join(missing), pytrace=False)


def test_quality_on_the_gate_articles(backbone: Backbone) -> None:
    ids = set(json.loads(GATE.read_text())["articles"])
    articles = [a for a in load_corpus(PTC).articles if a.id in ids]
    assert len(articles) == len(ids) == 25
    default = TechniquesAnalyzer()
    every = TechniquesAnalyzer(all_candidates=True)
    detected: list[Span] = []  # every candidate: the best-F1 operating point
    shown: list[Span] = []  # the default operating point, chosen for precision
    classified: list[Span] = []
    for article, ctx in article_contexts(backbone, articles):
        for f in every.run(ctx).findings:
            detected.append(Span(article.id, f.start, f.end, f.label))
        for f in default.run(ctx).findings:
            shown.append(Span(article.id, f.start, f.end, f.label))
        gold = sorted({(s.start, s.end) for s in article.spans})
        wanted = [sum((s.start, s.end) == g for s in article.spans) for g in gold]
        proba = default.classify_spans(ctx, gold)
        for (start, end), k, p in zip(gold, wanted, proba, strict=True):
            for i in np.argsort(-p)[:k]:  # a span with k gold techniques gets k labels
                classified.append(Span(article.id, start, end, TECHNIQUES[i]))
    si_gold = [s for a in articles for s in a.si_spans]
    si = score_si(detected, si_gold).f1
    at = score_si(shown, si_gold)
    tc = score_tc(classified, [s for a in articles for s in a.spans]).f1
    flc = score_flc(detected, [s for a in articles for s in a.spans]).f1
    print(
        f"gate: all candidates SI F1 {si:.3f}, FLC F1 {flc:.3f}; default SI P {at.precision:.3f} "
        f"R {at.recall:.3f} F1 {at.f1:.3f}; TC micro-F1 {tc:.3f}"
    )
    assert si >= SI_FLOOR, f"SI F1 (all candidates) {si:.3f} < {SI_FLOOR}"
    assert tc >= TC_FLOOR, f"TC micro-F1 {tc:.3f} < {TC_FLOOR}"
    assert flc >= FLC_FLOOR, f"FLC F1 (all candidates) {flc:.3f} < {FLC_FLOOR}"
    assert at.precision >= DEFAULT_P_FLOOR, (
        f"SI precision at the default threshold {at.precision:.3f} < {DEFAULT_P_FLOOR}"
    )
    assert at.f1 >= DEFAULT_F1_FLOOR, (
        f"SI F1 at the default threshold {at.f1:.3f} < {DEFAULT_F1_FLOOR}"
    )
