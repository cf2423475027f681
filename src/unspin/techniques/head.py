"""The technique (TC) head: labels a span with one of the 14 PTC techniques.

Two logistic regressions whose probabilities are blended log-linearly,
``P ∝ P_dense^w · P_text^(1 - w)`` (``training/techniques/EXPERIMENTS.md``, section 11):

* the *dense* one reads :func:`unspin.techniques.features.span_vectors` (pooled backbone
  states, sentence embedding, surface features), the span's parse features
  (:func:`unspin.techniques.features.parse_features`) and a *lookup*: the techniques the
  training spans with the same normalised text carried (:meth:`TechniqueHead.lookup`);
* the *text* one reads TF-IDF word 1-2-grams and char 2-5-grams (within words) of the
  span text, as scikit-learn's ``TfidfVectorizer`` computes them (sublinear tf, smoothed
  idf, each view L2-normalised), re-implemented here so inference needs numpy only.

N-grams and looked-up texts are stored as 64-bit hashes (:func:`hash64`), so no text of
the training corpus ships with the model. A head without the text view (older models)
is the dense regression alone.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.techniques.features import normalise

__all__ = [
    "CHAR_NGRAMS",
    "WORD_NGRAMS",
    "TechniqueHead",
    "char_ngrams",
    "hash64",
    "lookup_rows",
    "word_ngrams",
]

WORD_NGRAMS = (1, 2)
CHAR_NGRAMS = (2, 5)
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # scikit-learn's default token pattern
_SPACES = re.compile(r"\s\s+")


def hash64(text: str) -> int:
    """A stable 64-bit hash of ``text`` (BLAKE2b)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def word_ngrams(text: str) -> list[str]:
    """Lower-cased word n-grams (:data:`WORD_NGRAMS`), as ``TfidfVectorizer`` makes them."""
    tokens = _TOKEN.findall(text.lower())
    out: list[str] = []
    for n in range(WORD_NGRAMS[0], WORD_NGRAMS[1] + 1):
        out += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return out


def char_ngrams(text: str) -> list[str]:
    """Character n-grams (:data:`CHAR_NGRAMS`) inside space-padded words, as
    ``TfidfVectorizer(analyzer="char_wb")`` makes them."""
    out: list[str] = []
    for word in _SPACES.sub(" ", text.lower()).split():
        w = f" {word} "
        for n in range(CHAR_NGRAMS[0], CHAR_NGRAMS[1] + 1):
            offset = 0
            out.append(w[offset : offset + n])
            while offset + n < len(w):
                offset += 1
                out.append(w[offset : offset + n])
            if offset == 0:  # a word shorter than n: counted once
                break
    return out


def lookup_rows(
    keys: Sequence[str],
    labels: Sequence[Sequence[int]],
    articles: Sequence[str],
    known: NDArray[Any],
    n_classes: int,
) -> NDArray[Any]:
    """Per row, the classes that the ``known`` rows (a boolean mask) with the same key
    carried in *other* articles: shares (``n_classes``) and log(1 + how many)."""
    table: dict[str, dict[str, Counter[int]]] = {}
    for i in np.nonzero(known)[0]:
        table.setdefault(keys[i], {}).setdefault(articles[i], Counter()).update(labels[i])
    out = np.zeros((len(keys), n_classes + 1), np.float32)
    for r, key in enumerate(keys):
        total: Counter[int] = Counter()
        for aid, c in table.get(key, {}).items():
            if aid != articles[r]:
                total.update(c)
        n = sum(total.values())
        for t, v in total.items():
            out[r, t] = v / n
        out[r, n_classes] = np.log1p(n)
    return out


@dataclass
class TechniqueHead:
    """Arrays of a trained head (``tc_head.npz``); see the module docstring."""

    arrays: Mapping[str, NDArray[Any]]
    classes: tuple[str, ...] = field(init=False)
    weight: float = field(init=False)
    _columns: tuple[dict[int, int], dict[int, int]] = field(init=False, repr=False)
    _lookup: dict[int, NDArray[Any]] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        a = self.arrays
        self.classes = tuple(str(c) for c in a["classes"])
        self.weight = float(a["weight"]) if "weight" in a else 1.0
        self._columns = ({}, {})  # word n-grams, char n-grams: hash -> column
        if "text_hashes" in a:
            split = int(a["text_split"])
            for j, h in enumerate(a["text_hashes"].tolist()):
                self._columns[int(j >= split)][int(h)] = j
        self._lookup = {}
        if "lookup_hashes" in a:
            counts = a["lookup_counts"].astype(np.float32)
            self._lookup = dict(zip(a["lookup_hashes"].tolist(), counts, strict=True))

    @property
    def parse_features(self) -> bool:
        """Whether the dense regression also reads the span's parse features."""
        return bool(self.arrays["parse_features"]) if "parse_features" in self.arrays else False

    def lookup(self, texts: Sequence[str]) -> NDArray[Any]:
        """Per span, the techniques of the training spans with the same normalised text
        (shares) and log(1 + how many); zeros for a text never seen."""
        n = len(self.classes)
        out = np.zeros((len(texts), n + 1), np.float32)
        for r, text in enumerate(texts):
            counts = self._lookup.get(hash64(normalise(text)))
            if counts is not None and counts.sum() > 0:
                out[r, :n] = counts / counts.sum()
                out[r, n] = np.log1p(counts.sum())
        return out

    def tfidf(self, texts: Sequence[str]) -> NDArray[Any]:
        """The text view of each span: TF-IDF of its word and char n-grams, each view
        L2-normalised (dense, one row per span)."""
        out = np.zeros((len(texts), len(self.arrays["text_idf"])), np.float32)
        for r, text in enumerate(texts):
            for cols, values in self._tfidf_parts(text):
                out[r, cols] = values
        return out

    def _tfidf_parts(self, text: str) -> list[tuple[NDArray[Any], NDArray[Any]]]:
        """The non-zero (columns, values) of ``text``'s word view and char view."""
        idf = self.arrays["text_idf"]
        out = []
        for grams, columns in zip(
            (word_ngrams(text), char_ngrams(text)), self._columns, strict=True
        ):
            counts = Counter(columns[h] for h in map(hash64, grams) if h in columns)
            if counts:
                cols = np.fromiter(counts, np.int64, len(counts))
                v = (1 + np.log([counts[j] for j in cols.tolist()])) * idf[cols]
                out.append((cols, (v / np.linalg.norm(v)).astype(np.float32)))
        return out

    def _text_logits(self, texts: Sequence[str]) -> NDArray[Any]:
        coef = self.arrays["text_coef"]
        z = np.tile(self.arrays["text_intercept"].astype(np.float32), (len(texts), 1))
        for r, text in enumerate(texts):
            for cols, values in self._tfidf_parts(text):
                z[r] += coef[:, cols].astype(np.float32) @ values
        return z

    def probabilities(self, features: NDArray[Any], texts: Sequence[str]) -> NDArray[Any]:
        """Technique probabilities (columns in :attr:`classes` order) of spans with the
        dense ``features`` and the ``texts``."""
        a = self.arrays
        if not len(features):
            return np.zeros((0, len(self.classes)), np.float32)
        if "lookup_hashes" in a:
            features = np.hstack([features, self.lookup(texts)])
        z = _log_softmax(((features - a["mean"]) / a["scale"]) @ a["coef"].T + a["intercept"])
        if "text_coef" in a:
            z = self.weight * z + (1 - self.weight) * _log_softmax(self._text_logits(texts))
        e = np.exp(z - z.max(1, keepdims=True))
        out: NDArray[Any] = (e / e.sum(1, keepdims=True)).astype(np.float32)
        return out


def _log_softmax(z: NDArray[Any]) -> NDArray[Any]:
    z = z - z.max(1, keepdims=True)
    out: NDArray[Any] = z - np.log(np.exp(z).sum(1, keepdims=True))
    return out
