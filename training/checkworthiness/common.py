"""Shared helpers for the check-worthiness experiments: data, cached features, scoring.

The data are read at run time from ``../shared/data/claimbuster`` (CheckThat! 2024 Task 1
English: the ClaimBuster crowd-labelled train set and the CT24 dev-test set); nothing from
them is written into the repository. Heavy features are cached by ``features.py`` in
``/tmp/cw-work``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DATA = ROOT.parent / "shared" / "data" / "claimbuster"
WORK = Path("/tmp/cw-work")
TRAIN = "CT24_checkworthy_english_train.tsv"
DEVTEST = "CT24_checkworthy_english_dev-test.tsv"


@dataclass(frozen=True)
class Split:
    ids: list[str]
    texts: list[str]
    y: np.ndarray  # 1 = check-worthy ("Yes")


def load_split(name: str, data: Path = DATA) -> Split:
    """One CT24 TSV file (``Sentence_id, Text, class_label``), read with a quoting-aware reader."""
    ids, texts, labels = [], [], []
    with open(data / name, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        for row in reader:
            ids.append(row["Sentence_id"])
            texts.append(row["Text"].strip())
            labels.append(1 if row["class_label"].strip() == "Yes" else 0)
    return Split(ids, texts, np.asarray(labels, dtype=np.int64))


def f1_pos(y: np.ndarray, pred: np.ndarray) -> float:
    """F1 of the positive class (the CheckThat! 2024 Task 1 measure)."""
    tp = float(np.sum((pred == 1) & (y == 1)))
    fp = float(np.sum((pred == 1) & (y == 0)))
    fn = float(np.sum((pred == 0) & (y == 1)))
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def best_threshold(y: np.ndarray, p: np.ndarray) -> tuple[float, float]:
    """The probability threshold maximising positive-class F1 on ``(y, p)``, and that F1."""
    grid = np.round(np.arange(0.05, 0.951, 0.01), 2)
    scores = [f1_pos(y, (p >= t).astype(np.int64)) for t in grid]
    k = int(np.argmax(scores))
    return float(grid[k]), float(scores[k])


def folds(n: int, y: np.ndarray, k: int = 5, seed: int = 13) -> np.ndarray:
    """Stratified fold number (0..k-1) of each of ``n`` rows, seeded."""
    from sklearn.model_selection import StratifiedKFold

    out = np.zeros(n, dtype=np.int64)
    skf = StratifiedKFold(n_splits=k, shuffle=True, random_state=seed)
    for fold, (_, test) in enumerate(skf.split(np.zeros(n), y)):
        out[test] = fold
    return out


#: The first ``Sentence_id`` of each of the five contiguous train blocks (train sorted by
#: ``Sentence_id``, cut into five blocks of equal size; ``blocks`` derives them and checks
#: them against these pinned values).
BLOCK_STARTS = (16, 7482, 13981, 20383, 26644)


def blocks(ids: list[str], k: int = 5) -> np.ndarray:
    """The block number (0..k-1) of each row: rows sorted by integer ``Sentence_id`` and cut
    into ``k`` contiguous blocks of (nearly) equal size, earliest ids in block 0."""
    num = np.asarray([int(i) for i in ids], dtype=np.int64)
    order = np.argsort(num, kind="stable")
    out = np.zeros(len(ids), dtype=np.int64)
    for b, part in enumerate(np.array_split(order, k)):
        out[part] = b
    starts = tuple(int(num[out == b].min()) for b in range(k))
    if k == len(BLOCK_STARTS) and len(ids) == 22501 and starts != BLOCK_STARTS:
        raise ValueError(f"block starts {starts} differ from the pinned {BLOCK_STARTS}")
    return out


def platt(z: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Platt scaling ``p = sigmoid(a * z + b)`` fitted on logits ``z`` (maximum likelihood,
    practically unregularised): ``(a, b)``."""
    from sklearn.linear_model import LogisticRegression

    m = LogisticRegression(C=1e6, max_iter=1000).fit(z.reshape(-1, 1), y)
    return float(m.coef_[0, 0]), float(m.intercept_[0])


def sigmoid(z: np.ndarray) -> np.ndarray:
    return np.asarray(1.0 / (1.0 + np.exp(-np.clip(z, -50, 50))))


def reliability(
    y: np.ndarray, p: np.ndarray, bins: int = 10
) -> list[tuple[float, float, int, float, float]]:
    """Equal-width bins over [0, 1]: ``(lo, hi, n, mean predicted, observed share)``."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    idx = np.clip(np.digitize(p, edges[1:-1], right=False), 0, bins - 1)
    rows = []
    for b in range(bins):
        m = idx == b
        n = int(m.sum())
        rows.append((float(edges[b]), float(edges[b + 1]), n,
                     float(p[m].mean()) if n else float("nan"),
                     float(y[m].mean()) if n else float("nan")))  # fmt: skip
    return rows


def ece(y: np.ndarray, p: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error over 10 equal-width bins (weighted by bin size)."""
    return float(
        sum(n * abs(mp - obs) for _, _, n, mp, obs in reliability(y, p, bins) if n) / len(y)
    )
