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
