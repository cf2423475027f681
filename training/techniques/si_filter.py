"""SI, second stage: re-score the tagger's candidate spans and keep the likely ones.

    nice -n 19 .venv/bin/python training/techniques/si_filter.py si_bilstm_L46_e4

Candidates come from a tagger's out-of-fold probabilities (``si_pin_NAME.npy``)
decoded with a generous threshold. Each candidate gets span-level features (the
tagger's max/mean probability, length, the cheap surface features and the mean of its
pieces' frozen layer-4/6 states) and a logistic regression predicts whether at least
half of it lies inside a gold span. For test fold k the regression is trained on the
candidates of the other four folds, and its keep-threshold is chosen by an inner
cross-validation over those four folds. (The candidates of fold j come from the tagger
trained without fold j, so its probabilities there are honest; fold k's labels reach
the filter only through those taggers' training, a second-order leak worth noting.)
"""

from __future__ import annotations

import argparse
from typing import Any

import numpy as np
from common import WORK, Data, Timer, cheap_features, load_data, log_result, mean_std
from si_experiments import decode

from unspin.techniques.ptc import Span, score_si

CANDIDATE = (0.1, 0.2)
KEEP = np.round(np.arange(0.15, 0.66, 0.05), 2)


def candidates(data: Data, p_in: np.ndarray) -> tuple[list[Span], np.ndarray, np.ndarray]:
    """Candidate spans, their features and their label (at least half inside gold)."""
    L4, L6 = data.layer(4), data.layer(6)
    spans: list[Span] = []
    feats, labels = [], []
    for a in data.corpus.articles:
        lo, hi = data.piece_ranges[a.id]
        p = p_in[lo:hi]
        mask = np.zeros(len(a.text) + 1, bool)
        for g in a.si_spans:
            mask[g.start : g.end] = True
        for s in decode(data, a.id, p, lo, hi, *CANDIDATE):
            idx = data.pieces_in(a.id, s.start, s.end)
            pp = p_in[idx] if len(idx) else np.zeros(1)
            h = np.concatenate(
                [
                    np.asarray(L4[idx], np.float32).mean(0),
                    np.asarray(L6[idx], np.float32).mean(0),
                ]
            )
            f = [pp.max(), pp.mean(), pp.min(), np.log1p(len(idx)), (pp >= 0.5).mean()]
            feats.append(np.concatenate([f, cheap_features(a, s.start, s.end), h]))
            labels.append(mask[s.start : s.end].mean() >= 0.5)
            spans.append(s)
    return spans, np.array(feats), np.array(labels)


def fit_predict(Xtr: np.ndarray, ytr: np.ndarray, Xte: np.ndarray, C: float) -> np.ndarray:
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    sc = StandardScaler().fit(Xtr)
    clf = LogisticRegression(C=C, max_iter=3000).fit(sc.transform(Xtr), ytr)
    out: np.ndarray = clf.predict_proba(sc.transform(Xte))[:, 1]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("tagger")
    ap.add_argument("--C", type=float, default=0.01)
    args = ap.parse_args()
    data = load_data()
    t = Timer()
    p_in = np.load(WORK / f"si_pin_{args.tagger}.npy")
    spans, X, y = candidates(data, p_in)
    fold = np.array([data.folds[s.article_id] for s in spans])
    print(f"{len(spans)} candidates, {y.mean():.2f} positive, features {X.shape} ({t():.0f}s)")
    gold = {k: [s for a in data.split(k)[1] for s in a.si_spans] for k in range(5)}

    def f1_at(idx: np.ndarray, score: np.ndarray, keep: float, folds: list[int]) -> float:
        pred = [spans[i] for i, sc in zip(idx, score, strict=True) if sc >= keep]
        return score_si(pred, [g for k in folds for g in gold[k]]).f1

    f1s, ps, rs, chosen = [], [], [], []
    for k in range(5):
        others = [j for j in range(5) if j != k]
        inner: dict[float, list[float]] = {float(kp): [] for kp in KEEP}
        for j in others:
            tr = np.nonzero(np.isin(fold, [o for o in others if o != j]))[0]
            te = np.nonzero(fold == j)[0]
            score = fit_predict(X[tr], y[tr], X[te], args.C)
            for kp in KEEP:
                inner[float(kp)].append(f1_at(te, score, float(kp), [j]))
        keep = max(inner, key=lambda kp: float(np.mean(inner[kp])))
        tr = np.nonzero(fold != k)[0]
        te = np.nonzero(fold == k)[0]
        score = fit_predict(X[tr], y[tr], X[te], args.C)
        pred = [spans[i] for i, sc in zip(te, score, strict=True) if sc >= keep]
        res = score_si(pred, gold[k])
        f1s.append(res.f1)
        ps.append(res.precision)
        rs.append(res.recall)
        chosen.append(keep)
        pr = f"P {res.precision:.3f} R {res.recall:.3f}"
        print(f"  fold {k}: keep>={keep} SI F1 {res.f1:.3f} ({pr})")
    name = f"si_filter_{args.tagger}_C{args.C}"
    print(f"{name}: SI F1 {mean_std(f1s)} (P {mean_std(ps)}, R {mean_std(rs)}) ({t():.0f}s)")
    result: dict[str, Any] = {
        "task": "SI",
        "f1_folds": f1s,
        "f1": mean_std(f1s),
        "precision": mean_std(ps),
        "recall": mean_std(rs),
        "keep": chosen,
    }
    log_result(name, result)


if __name__ == "__main__":
    main()
