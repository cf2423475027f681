"""Shared helpers for the technique experiments: corpus, folds, cached features, reporting.

Everything heavy lives in the scratch folder written by ``features.py`` (default
``/tmp/ptc-work``); nothing here writes into the repository except through the scripts
that call :func:`log_result` (which appends to ``/tmp/ptc-work/results.jsonl``).
"""

from __future__ import annotations

import json
import os
import pickle
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from unspin.techniques import features as _features
from unspin.techniques.ptc import Article, Corpus, Span, load_corpus

HERE = Path(__file__).resolve().parent
DEFAULT_PTC = HERE.parents[2] / "shared" / "data" / "ptc"
WORK = Path(os.environ.get("PTC_WORK", "/tmp/ptc-work"))  # scratch, never the repo
FOLDS = HERE / "folds.json"


def load_folds(path: Path = FOLDS) -> dict[str, int]:
    data: dict[str, Any] = json.loads(path.read_text())
    return {str(k): int(v) for k, v in data["folds"].items()}


@dataclass
class Data:
    """The corpus, the folds and the cached backbone features."""

    corpus: Corpus
    folds: dict[str, int]
    work: Path = WORK

    @cached_property
    def parsed(self) -> dict[str, Any]:
        with open(self.work / "parsed.pkl", "rb") as f:
            out: dict[str, Any] = pickle.load(f)
        return out

    @cached_property
    def pieces(self) -> dict[str, np.ndarray]:
        z = np.load(self.work / "pieces.npz")
        return {k: z[k] for k in z.files}

    def layer(self, k: int) -> np.ndarray:
        arr: np.ndarray = np.load(self.work / f"layer{k}.npy", mmap_mode="r")
        return arr

    @cached_property
    def article_index(self) -> dict[str, int]:
        return {str(a): i for i, a in enumerate(self.pieces["ids"])}

    @cached_property
    def piece_ranges(self) -> dict[str, tuple[int, int]]:
        """Per article, the range of its word pieces in the global arrays."""
        art = self.pieces["article"]
        out = {}
        for aid, i in self.article_index.items():
            lo = int(np.searchsorted(art, i, "left"))
            hi = int(np.searchsorted(art, i, "right"))
            out[aid] = (lo, hi)
        return out

    def pieces_in(self, aid: str, start: int, end: int) -> np.ndarray:
        """Global indices of the (non-special) word pieces overlapping ``[start, end)``."""
        lo, hi = self.piece_ranges[aid]
        s = self.pieces["start"][lo:hi]
        e = self.pieces["end"][lo:hi]
        idx = np.nonzero((s >= 0) & (s < end) & (e > start))[0]
        return idx + lo

    def split(self, k: int) -> tuple[list[Article], list[Article]]:
        train = [a for a in self.corpus.articles if self.folds[a.id] != k]
        test = [a for a in self.corpus.articles if self.folds[a.id] == k]
        return train, test


def load_data(ptc: Path = DEFAULT_PTC, work: Path = WORK) -> Data:
    return Data(load_corpus(ptc), load_folds(), work)


# -- cheap, hand-made features (the analyzer's own, so training and inference agree) ------

LEXICONS = _features.LEXICONS
CHEAP_NAMES = list(_features.CHEAP_NAMES)
normalise = _features.normalise


def lexicon_hits(text: str) -> list[float]:
    return [float(len(v)) for v in _features.lexicon_words(text).values()]


def cheap_features(article: Article, start: int, end: int) -> list[float]:
    """Span-level surface features (length, repetition, punctuation, case, position, lexicons)."""
    return _features.cheap_features(article.text, start, end)


# -- TC instances ------------------------------------------------------------------------


@dataclass(frozen=True)
class TCItem:
    """One distinct gold span with all its techniques (a span may carry several)."""

    article_id: str
    start: int
    end: int
    labels: tuple[str, ...]


def tc_items(articles: Iterable[Article]) -> list[TCItem]:
    out = []
    for a in articles:
        groups: dict[tuple[int, int], list[str]] = {}
        for s in a.spans:
            groups.setdefault((s.start, s.end), []).append(str(s.technique))
        for (s0, e0), labels in sorted(groups.items()):
            out.append(TCItem(a.id, s0, e0, tuple(labels)))
    return out


def top_k_predictions(
    items: Sequence[TCItem], proba: np.ndarray, classes: Sequence[str]
) -> list[Span]:
    """For a span with k gold lines, predict its k most probable distinct techniques."""
    out = []
    for item, p in zip(items, proba, strict=True):
        order = np.argsort(-p)
        for r in range(len(item.labels)):
            out.append(Span(item.article_id, item.start, item.end, classes[order[r]]))
    return out


# -- reporting ---------------------------------------------------------------------------


def mean_std(values: Sequence[float]) -> str:
    arr = np.asarray(values, dtype=float)
    return f"{arr.mean():.3f} ± {arr.std(ddof=1) if len(arr) > 1 else 0.0:.3f}"


def log_result(name: str, payload: dict[str, Any], work: Path = WORK) -> None:
    payload = {"name": name, "time": time.strftime("%Y-%m-%d %H:%M:%S"), **payload}
    with open(work / "results.jsonl", "a") as f:
        f.write(json.dumps(payload) + "\n")


class Timer:
    def __init__(self) -> None:
        self.t0 = time.perf_counter()

    def __call__(self) -> float:
        return time.perf_counter() - self.t0
