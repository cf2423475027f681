"""End-to-end (FLC) score: SI spans from a tagger, each labelled by the TC model.

    OPENBLAS_NUM_THREADS=1 nice -n 19 .venv/bin/python training/techniques/e2e.py \
        si_bilstm_L46_doc_e4

For test fold k: the tagger's out-of-fold probabilities are decoded with the thresholds
that ``si_experiments.py`` chose for fold k (from the other folds); the TC logistic
regression (``tok46`` features, C=0.003) is trained on the gold spans of the other four
folds and gives each predicted span its most probable technique. Scored with the FLC
scorer (span and technique must match, partial overlaps credited) and, for reference,
with the SI scorer.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

import numpy as np
from common import WORK, TCItem, Timer, load_data, log_result, mean_std, tc_items
from si_experiments import decode
from tc_experiments import cheap_matrix, expand, fit_lr, token_features

from unspin.techniques.ptc import TECHNIQUES, Span, score_flc, score_si


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("tagger")
    ap.add_argument("--C", type=float, default=0.003)
    args = ap.parse_args()
    data = load_data()
    t = Timer()
    rows = [json.loads(line) for line in (WORK / "results.jsonl").read_text().splitlines()]
    thresholds = [r for r in rows if r["name"] == args.tagger and "thresholds" in r][-1]
    p_in = np.load(WORK / f"si_pin_{args.tagger}.npy")
    gold_items = tc_items(data.corpus.articles)
    X_gold = np.hstack([token_features(data, gold_items, [4, 6]), cheap_matrix(data, gold_items)])
    fold_gold = np.array([data.folds[i.article_id] for i in gold_items])
    flc, si, per_tech = [], [], {tech: [] for tech in TECHNIQUES}
    for k in range(5):
        th, keep = thresholds["thresholds"][k]
        _, test = data.split(k)
        spans: list[Span] = []
        for a in test:
            lo, hi = data.piece_ranges[a.id]
            spans += decode(data, a.id, p_in[lo:hi], lo, hi, th, keep)
        items = [TCItem(s.article_id, s.start, s.end, ("?",)) for s in spans]
        X = np.hstack([token_features(data, items, [4, 6]), cheap_matrix(data, items)])
        tr = [gold_items[i] for i in np.nonzero(fold_gold != k)[0]]
        Xtr, ytr = expand(tr, X_gold[fold_gold != k])
        proba = fit_lr(args.C)(Xtr, ytr, X)
        pred = [
            Span(s.article_id, s.start, s.end, TECHNIQUES[int(np.argmax(p))])
            for s, p in zip(spans, proba, strict=True)
        ]
        score = score_flc(pred, [g for a in test for g in a.spans])
        flc.append(score.f1)
        si.append(score_si(pred, [g for a in test for g in a.si_spans]).f1)
        for tech in TECHNIQUES:
            per_tech[tech].append(score.per_technique[tech].f1)
        print(f"  fold {k}: FLC F1 {flc[-1]:.3f} (P {score.precision:.3f} R {score.recall:.3f})")
    name = f"e2e_{args.tagger}"
    print(f"{name}: FLC F1 {mean_std(flc)}, SI F1 {mean_std(si)} ({t():.0f}s)")
    for tech, v in per_tech.items():
        print(f"    {tech:38s} {mean_std(v)}")
    result: dict[str, Any] = {
        "task": "FLC",
        "f1_folds": flc,
        "f1": mean_std(flc),
        "si_f1": mean_std(si),
        "per_technique_f1": {tech: mean_std(v) for tech, v in per_tech.items()},
    }
    log_result(name, result)


if __name__ == "__main__":
    main()
