"""The stance model: does a passage support, refute or say nothing about a claim?

A small head over features of the (claim, passage) pair, both embedded by the project's
shared backbone (all-MiniLM-L6-v2, L2-normalised):

* embedding blocks: ``u * v`` and ``|u - v|`` (and, if the artifact asks for them, ``u``
  and ``v``) of the claim embedding ``u`` and the passage embedding ``v``;
* the cosine of ``u`` and ``v``;
* transparent lexical features (:data:`LEXICAL_FEATURES`): word and bigram overlap,
  negation and refuting words, hedges, antonym pairs, numbers that agree or disagree.

The head is a standardisation followed by a multilayer perceptron (a logistic
regression when it has no hidden layer), stored as ``stance.npz`` + ``stance.json`` in
``unspin/evidence/artifacts/`` and run with numpy only (scikit-learn is needed to train it,
never to use it). The shipped head predicts ``supports`` / ``refutes`` /
``not_enough_info``; the artifact may also hold the FNC-1 four-way head
(agree / disagree / discuss / unrelated) over the same pair features plus
:func:`document_features`, used by ``bench/stance.py``. See MODEL_CARD.md.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.cache import Once, per_path
from unspin.errors import ModelError

__all__ = [
    "DEFAULT_MODEL",
    "DOCUMENT_FEATURES",
    "LEXICAL_FEATURES",
    "STANCES",
    "DocumentProfile",
    "Head",
    "StanceModel",
    "StancePrediction",
    "document_features",
    "lexical_features",
    "pair_features",
]

#: The shipped stance model (trained by training/stance/train.py).
DEFAULT_MODEL = Path(__file__).resolve().parent / "artifacts"

#: The three stances of the shipped head, in output order.
STANCES = ("supports", "refutes", "not_enough_info")

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_NUMBER = re.compile(r"(?<![\w.])\d[\d,]*(?:\.\d+)?")


def _lexicon(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = _lexicon(
    """a an the and or but if of to in on at by for with from as is are was were be been
    being it its this that these those there their they them he she his her him we our
    you your i me my has have had do does did will would shall should can could may
    might must so than then too very just also into over under about after before while
    which who whom whose what when where why how all any each some such more most other
    up down out off again further once here s t said says say according new one two"""
)
NEGATIONS = _lexicon(
    "not no never none nobody nothing neither nor nowhere without cannot n't isn't "
    "aren't wasn't weren't don't doesn't didn't won't wouldn't can't couldn't shouldn't "
    "hasn't haven't hadn't"
)
REFUTING = _lexicon(
    """fake fraud hoax hoaxes false falsely deny denies denied denial debunk debunked
    debunks bogus myth myths untrue incorrect wrong misleading doubt doubts doubtful
    retract retracted retraction refute refuted refutes refuting contrary dispute
    disputed disputes unfounded baseless contradict contradicts contradicted nonsense
    prank pranks satire satirical lie lies lied fabricated fabrication unsupported
    dismissed dismisses rejects rejected reject"""
)
HEDGES = _lexicon(
    """reportedly allegedly alleged purportedly apparently rumor rumors rumour rumours
    unconfirmed unverified claims claimed claim reports reported report may might could
    possibly suggests suggested speculation speculated appears appeared seems seemed
    believed likely unclear"""
)
SUPPORTING = _lexicon(
    """confirmed confirms confirm true indeed evidence shows showed show proves proved
    proven official officially announced consistent demonstrated demonstrates found
    observed"""
)
#: Word pairs of opposite direction; a stem on one side and its opposite on the other.
ANTONYMS = (
    ("increas", "decreas"),
    ("rise", "fall"),
    ("rising", "falling"),
    ("rose", "fell"),
    ("more", "less"),
    ("more", "fewer"),
    ("warm", "cool"),
    ("higher", "lower"),
    ("gain", "loss"),
    ("grow", "declin"),
    ("grow", "shrink"),
    ("expand", "contract"),
    ("above", "below"),
    ("positive", "negative"),
    ("accelerat", "slow"),
    ("strengthen", "weaken"),
    ("before", "after"),
    ("thick", "thin"),
    ("melt", "freez"),
)

#: The transparent features, in vector order.
LEXICAL_FEATURES = (
    "cosine",
    "overlap_claim",
    "overlap_passage",
    "jaccard",
    "bigram_overlap",
    "claim_words_log",
    "passage_words_log",
    "negation_claim",
    "negation_passage",
    "negation_mismatch",
    "refuting_passage",
    "refuting_claim",
    "refuting_only_passage",
    "hedges_passage",
    "supporting_passage",
    "antonym_pairs",
    "numbers_claim",
    "numbers_shared",
    "numbers_disjoint",
)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("’", "'"))


def _stem(word: str) -> str:
    return word[:6] if len(word) > 6 else word


def _numbers(text: str) -> set[float]:
    out = set()
    for m in _NUMBER.findall(text):
        try:
            out.add(round(float(m.replace(",", "")), 3))
        except ValueError:
            continue
    return out


def _antonym_pairs(a: Sequence[str], b: Sequence[str]) -> int:
    count = 0
    for x, y in ANTONYMS:
        a_x = any(w.startswith(x) for w in a)
        a_y = any(w.startswith(y) for w in a)
        b_x = any(w.startswith(x) for w in b)
        b_y = any(w.startswith(y) for w in b)
        if (a_x and b_y and not b_x) or (a_y and b_x and not b_y):
            count += 1
    return count


def lexical_features(claim: str, passage: str, cosine: float) -> list[float]:
    """The values of :data:`LEXICAL_FEATURES` for one pair."""
    cw, pw = _words(claim), _words(passage)
    c_content = {_stem(w) for w in cw if w not in STOPWORDS}
    p_content = {_stem(w) for w in pw if w not in STOPWORDS}
    shared = c_content & p_content
    c_bi = {(a, b) for a, b in itertools.pairwise(cw)}
    p_bi = {(a, b) for a, b in itertools.pairwise(pw)}
    neg_c = sum(1 for w in cw if w in NEGATIONS or w.endswith("n't"))
    neg_p = sum(1 for w in pw if w in NEGATIONS or w.endswith("n't"))
    ref_c = sum(1 for w in cw if w in REFUTING)
    ref_p = sum(1 for w in pw if w in REFUTING)
    nc, np_ = _numbers(claim), _numbers(passage)
    return [
        cosine,
        len(shared) / max(1, len(c_content)),
        len(shared) / max(1, len(p_content)),
        len(shared) / max(1, len(c_content | p_content)),
        len(c_bi & p_bi) / max(1, len(c_bi)),
        math.log1p(len(cw)),
        math.log1p(len(pw)),
        float(min(neg_c, 3)),
        float(min(neg_p, 3)),
        float((neg_c % 2) != (neg_p % 2)),
        float(min(ref_p, 3)),
        float(min(ref_c, 3)),
        float(ref_p > 0 and ref_c == 0),
        float(min(sum(1 for w in pw if w in HEDGES), 3)),
        float(min(sum(1 for w in pw if w in SUPPORTING), 3)),
        float(_antonym_pairs(cw, pw)),
        float(min(len(nc), 3)),
        float(len(nc & np_) > 0),
        float(bool(nc) and bool(np_) and not (nc & np_)),
    ]


def pair_features(
    claims: Sequence[str],
    passages: Sequence[str],
    u: NDArray[Any],
    v: NDArray[Any],
    blocks: Sequence[str] = ("prod", "absdiff"),
) -> NDArray[Any]:
    """Feature rows of (claim, passage) pairs: embedding blocks then lexical features.

    ``u`` and ``v`` are the L2-normalised embeddings of the claims and the passages (one
    row per pair); ``blocks`` names the embedding blocks (``prod``, ``absdiff``, ``u``,
    ``v``) in order.
    """
    u = np.asarray(u, dtype=np.float32)
    v = np.asarray(v, dtype=np.float32)
    if len(claims) != len(passages) or u.shape != v.shape or u.shape[0] != len(claims):
        raise ValueError("claims, passages and their embeddings must be aligned")
    parts: list[NDArray[Any]] = []
    for block in blocks:
        if block == "prod":
            parts.append(u * v)
        elif block == "absdiff":
            parts.append(np.abs(u - v))
        elif block == "u":
            parts.append(u)
        elif block == "v":
            parts.append(v)
        else:
            raise ValueError(f"unknown embedding block {block!r}")
    cos = np.sum(u * v, axis=1)
    lex = np.asarray(
        [lexical_features(c, p, float(s)) for c, p, s in zip(claims, passages, cos, strict=True)],
        dtype=np.float32,
    ).reshape(len(claims), len(LEXICAL_FEATURES))
    return np.concatenate([*parts, lex], axis=1) if parts else lex


#: Features of a claim against a whole document (FNC-1 head), in vector order.
DOCUMENT_FEATURES = (
    "max_cosine",
    "top3_cosine",
    "mean_cosine",
    "centroid_cosine",
    "share_cosine_05",
    "doc_overlap_claim",
    "doc_refuting_rate",
    "doc_hedges_rate",
    "doc_negation_rate",
    "doc_supporting_rate",
    "doc_sentences_log",
    "lead_cosine",
)


@dataclass(frozen=True)
class DocumentProfile:
    """What :func:`document_features` needs of a document, computed once per document."""

    sentences: int
    content: frozenset[str]
    rates: tuple[float, float, float, float]  # refuting, hedges, negation, supporting per 100

    @classmethod
    def of(cls, sentences: Sequence[str]) -> DocumentProfile:
        words = _words(" ".join(sentences))
        n = max(1, len(words))
        rates = (
            100.0 * sum(1 for w in words if w in REFUTING) / n,
            100.0 * sum(1 for w in words if w in HEDGES) / n,
            100.0 * sum(1 for w in words if w in NEGATIONS or w.endswith("n't")) / n,
            100.0 * sum(1 for w in words if w in SUPPORTING) / n,
        )
        content = frozenset(_stem(w) for w in words if w not in STOPWORDS)
        return cls(len(sentences), content, rates)


def document_features(
    claim: str, u: NDArray[Any], S: NDArray[Any], profile: DocumentProfile
) -> list[float]:
    """Features of a claim (embedding ``u``) against a document: its sentence embeddings
    (rows of ``S``, in text order) and its :class:`DocumentProfile`."""
    if profile.sentences == 0 or len(S) == 0:
        return [0.0] * len(DOCUMENT_FEATURES)
    sims = S @ u
    top = np.sort(sims)[::-1]
    centroid = S.mean(axis=0)
    norm = float(np.linalg.norm(centroid)) or 1.0
    cw = {_stem(w) for w in _words(claim) if w not in STOPWORDS}
    return [
        float(top[0]),
        float(top[:3].mean()),
        float(sims.mean()),
        float(centroid @ u / norm),
        float(np.mean(sims > 0.5)),
        len(cw & profile.content) / max(1, len(cw)),
        *profile.rates,
        math.log1p(profile.sentences),
        float(sims[0]),
    ]


# ----------------------------------------------------------------------------------------
# The head


@dataclass(frozen=True)
class Head:
    """Standardisation then dense layers (ReLU between them, softmax at the end)."""

    labels: tuple[str, ...]
    mean: NDArray[Any] = field(repr=False, compare=False)
    scale: NDArray[Any] = field(repr=False, compare=False)
    weights: tuple[NDArray[Any], ...] = field(repr=False, compare=False)
    biases: tuple[NDArray[Any], ...] = field(repr=False, compare=False)

    def __post_init__(self) -> None:
        width = self.mean.shape[0]
        for w, b in zip(self.weights, self.biases, strict=True):
            if w.shape[0] != width or b.shape != (w.shape[1],):
                raise ValueError("layer shapes do not chain")
            width = w.shape[1]
        if width != len(self.labels) or self.scale.shape != self.mean.shape:
            raise ValueError("the head's output does not match its labels")

    @property
    def inputs(self) -> int:
        return int(self.mean.shape[0])

    def proba(self, X: NDArray[Any]) -> NDArray[Any]:
        """Class probabilities, one row per input row."""
        h = (np.asarray(X, dtype=np.float64) - self.mean) / self.scale
        last = len(self.weights) - 1
        for k, (w, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            h = h @ w + b
            if k < last:
                h = np.maximum(h, 0.0)
        h = h - h.max(axis=1, keepdims=True)
        e = np.exp(h)
        out: NDArray[Any] = e / e.sum(axis=1, keepdims=True)
        return out

    def arrays(self, prefix: str) -> dict[str, NDArray[Any]]:
        """The head as named arrays (for ``np.savez``)."""
        out = {f"{prefix}.mean": self.mean, f"{prefix}.scale": self.scale}
        for k, (w, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            out[f"{prefix}.w{k}"] = w.astype(np.float32)
            out[f"{prefix}.b{k}"] = b.astype(np.float32)
        return out

    @classmethod
    def from_arrays(
        cls, arrays: Mapping[str, NDArray[Any]], prefix: str, labels: Sequence[str]
    ) -> Head:
        weights, biases = [], []
        k = 0
        while f"{prefix}.w{k}" in arrays:
            weights.append(np.asarray(arrays[f"{prefix}.w{k}"], dtype=np.float64))
            biases.append(np.asarray(arrays[f"{prefix}.b{k}"], dtype=np.float64))
            k += 1
        if not weights:
            raise ValueError(f"no layers for head {prefix!r}")
        return cls(
            tuple(labels),
            np.asarray(arrays[f"{prefix}.mean"], dtype=np.float64),
            np.asarray(arrays[f"{prefix}.scale"], dtype=np.float64),
            tuple(weights),
            tuple(biases),
        )


@dataclass(frozen=True)
class StancePrediction:
    """The stance of one passage toward one claim."""

    stance: str  # supports | refutes | not_enough_info
    score: float  # the probability of that stance
    probabilities: Mapping[str, float]


_MODELS: Once[str, StanceModel] = Once()


@dataclass(frozen=True)
class StanceModel:
    """The shipped stance model: pair features and the three-way head (and FNC-1 head)."""

    name: str
    version: str
    blocks: tuple[str, ...]
    head: Head
    fnc_head: Head | None = None
    meta: Mapping[str, object] = field(default_factory=dict, compare=False, repr=False)

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"

    @classmethod
    def load(cls, folder: Path | str = DEFAULT_MODEL) -> StanceModel:
        """Read ``stance.json`` + ``stance.npz`` from a folder (cached per folder)."""
        return per_path(_MODELS, folder, cls._read)

    @classmethod
    def _read(cls, folder: Path) -> StanceModel:
        try:
            meta = json.loads((folder / "stance.json").read_text(encoding="utf-8"))
            with np.load(folder / "stance.npz") as npz:
                arrays = {k: npz[k] for k in npz.files}
            head = Head.from_arrays(arrays, "stance", meta["labels"])
            fnc = (
                Head.from_arrays(arrays, "fnc", meta["fnc_labels"])
                if "fnc_labels" in meta
                else None
            )
            blocks = tuple(str(b) for b in meta["blocks"])
            if tuple(meta["labels"]) != STANCES:
                raise ValueError(f"labels {meta['labels']} are not {list(STANCES)}")
            return cls(str(meta["name"]), str(meta["version"]), blocks, head, fnc, meta)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"cannot load the stance model in {str(folder)!r}: {exc}") from exc

    def features(
        self, claims: Sequence[str], passages: Sequence[str], u: NDArray[Any], v: NDArray[Any]
    ) -> NDArray[Any]:
        return pair_features(claims, passages, u, v, self.blocks)

    def predict(
        self, claims: Sequence[str], passages: Sequence[str], u: NDArray[Any], v: NDArray[Any]
    ) -> list[StancePrediction]:
        """The stance of each passage toward its claim (aligned lists and embedding rows)."""
        if not claims:
            return []
        proba = self.head.proba(self.features(claims, passages, u, v))
        out = []
        for row in proba:
            k = int(np.argmax(row))
            out.append(
                StancePrediction(
                    STANCES[k],
                    float(row[k]),
                    {s: round(float(p), 4) for s, p in zip(STANCES, row, strict=True)},
                )
            )
        return out
