"""The check-worthiness head of the ``claims`` analyzer and its transparent baseline.

:data:`WEIGHTS` are the hand-set weights of the baseline (``model = "baseline"``, and the
fake backbone); :class:`CheckworthinessHead` is the trained logistic head shipped in
``unspin/claims/artifacts/`` (see its MODEL_CARD.md; trained by
training/checkworthiness/train.py and adapter.py), loaded once per path. A head may carry
an :class:`AdapterPart`: fine-tuned copies of MiniLM's top layers run on the backbone's
token-state pass, whose pooled output adds an ``adapter`` term to the logit (stacked
with the logistic part); without those token states the logistic part scores alone.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.cache import Once, per_path
from unspin.errors import MissingExtraError, ModelError
from unspin.nlp import TokenStates

__all__ = [
    "CAPS",
    "DEFAULT_HEAD",
    "WEIGHTS",
    "AdapterPart",
    "CheckworthinessHead",
    "ngram_counts",
]

log = logging.getLogger(__name__)

#: The shipped check-worthiness head (trained by training/checkworthiness/train.py).
DEFAULT_HEAD = Path(__file__).resolve().parent / "artifacts" / "head.json"

#: The transparent baseline: feature -> weight. The check-worthiness score is
#: ``1 / (1 + exp(-(sum of weight x count)))``; counted features are capped (see CAPS).
WEIGHTS: dict[str, float] = {
    "bias": -1.2,  # a sentence with nothing check-worthy in it leans towards "not worth it"
    "quantity": 1.4,  # a number with a unit, currency or counted noun: checkable at the source
    "extra_quantity": 0.3,  # each further quantity (up to 2): more figures, more to verify
    "date": 0.5,  # a date, time or duration anchors the claim to a checkable moment
    "named_entity": 0.35,  # each distinct named person, organisation or place (up to 3)
    "reporting_verb": 0.6,  # "said", "according to", "announced": a sourced statement of fact
    "quotation": 0.4,  # direct speech: at least the wording can be checked
    "responsibility": 1.2,  # "X was behind / carried out / is responsible for Y"
    "causal": 0.8,  # "X caused / led to Y", "because", "due to": a causal claim
    "prediction": 0.3,  # a forecast: checkable later, and worth flagging now
    "comparative": 0.4,  # comparatives and superlatives ("highest", "more than ever")
    "change_verb": 0.5,  # "rose", "fell", "doubled": a claimed trend
    "factual_past": 0.4,  # main clause in the past (or present perfect) with a subject: an event
    "opinion_marker": -1.5,  # "I think", "in my view": the speaker's own opinion
    "subjective": -0.6,  # each evaluative word ("disgrace", "pathetic") (up to 2)
    "universal": -0.3,  # "everyone knows": sweeping; mild, as it often wraps a checkable claim
    "normative": -0.6,  # "should", "must", "ought to": what ought to be, not what is
    "question": -1.2,  # a question asserts nothing
    "imperative": -1.0,  # a command asserts nothing
    "short": -0.6,  # fewer than five words: rarely a complete claim
}
#: Counted features and the most each may count (the others count at most once).
CAPS: dict[str, int] = {"extra_quantity": 2, "named_entity": 3, "subjective": 2}


_NGRAM_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def ngram_counts(text: str) -> dict[str, int]:
    """Lower-cased word unigrams and bigrams of ``text`` (words of two or more word
    characters), counted: the tokenisation the head's TF-IDF part was trained with."""
    words = _NGRAM_TOKEN.findall(text.lower())
    counts: dict[str, int] = {}
    for gram in (*words, *(f"{a} {b}" for a, b in pairwise(words))):
        counts[gram] = counts.get(gram, 0) + 1
    return counts


@dataclass(frozen=True)
class AdapterPart:
    """The adapter part of a stacked head: fine-tuned copies of MiniLM layers 5-6
    (:class:`unspin.adapters.TopLayers`, weights in ``path``) run on the layer-4 states of
    the backbone's sentence pass; the mean of their output over a sentence's pieces,
    dotted with ``w_pool``, is the ``adapter`` contribution to the logit. With it the
    logistic part is scaled by ``lr_scale`` and the bias is ``bias`` (the stacking weights
    and the calibration folded in)."""

    path: Path
    w_pool: NDArray[Any] = field(repr=False, compare=False)
    lr_scale: float
    bias: float

    def pooled(self, states: TokenStates, n_sentences: int) -> NDArray[Any] | None:
        """Per sentence, the mean adapted state of its pieces (``(n_sentences, 384)``), or
        None when ``states`` lack the layer the adapter reads or do not cover the
        sentences."""
        try:
            from unspin.adapters import INPUT_LAYER, TopLayers
        except ImportError as exc:  # pragma: no cover - torch comes with the nlp extra
            raise MissingExtraError("torch", "nlp") from exc
        layer = states.layers.get(INPUT_LAYER)
        if layer is None or layer.shape[1] != self.w_pool.shape[0] or not len(states.starts):
            return None
        sentence = states.sentence
        if int(sentence.max()) >= n_sentences:
            return None
        count = np.bincount(sentence, minlength=n_sentences).astype(np.float64)
        if (count == 0).any():
            return None
        out = np.zeros((n_sentences, layer.shape[1]), np.float64)
        np.add.at(out, sentence, TopLayers.load(self.path).run(states))
        return out / count[:, None]


@dataclass(frozen=True)
class CheckworthinessHead:
    """A trained logistic check-worthiness head over frozen backbone features.

    ``logit = bias + w_embedding . embedding + sum of w_ngram . tfidf(ngram)
    + w_features . counts``: ``embedding`` is the backbone's L2-normalised sentence
    embedding; ``tfidf`` the L2-normalised TF-IDF vector (sublinear term frequency) of the
    sentence's word unigrams and bigrams over the head's vocabulary; ``counts`` the
    counts of the transparent features named in ``features`` (as this analyzer finds
    them). The head is calibrated (Platt scaling on out-of-fold logits, folded into the
    weights), so ``sigmoid(logit)`` is the probability that the sentence is check-worthy;
    ``threshold`` is the decision point chosen in training. With an ``adapter``, given a
    sentence's pooled adapter state, ``logit = adapter.bias + adapter.lr_scale x (the
    logistic terms) + adapter.w_pool . pooled`` (stacked and calibrated in training);
    without one (or without the pooled state) the logistic logit alone, calibrated too.
    """

    name: str
    version: str
    features: tuple[str, ...]
    bias: float
    w_features: NDArray[Any] = field(repr=False, compare=False)
    w_embedding: NDArray[Any] = field(repr=False, compare=False)
    ngrams: Mapping[str, tuple[float, float]] = field(default_factory=dict, repr=False)
    threshold: float = 0.5
    adapter: AdapterPart | None = field(default=None, repr=False, compare=False)

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"

    @classmethod
    def load(cls, path: Path | str) -> CheckworthinessHead:
        """Read a head JSON (cached per path); :class:`ModelError` if unusable."""
        return per_path(_HEADS, path, cls._read)

    @classmethod
    def _read(cls, path: Path) -> CheckworthinessHead:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            features = tuple(str(f) for f in data["features"])
            unknown = [f for f in features if f not in WEIGHTS]
            if unknown:
                raise ValueError(f"unknown features {', '.join(unknown)}")
            head = cls(
                name=str(data["name"]),
                version=str(data["version"]),
                features=features,
                bias=float(data["bias"]),
                w_features=np.asarray(data["w_features"], dtype=np.float64),
                w_embedding=np.asarray(data["w_embedding"], dtype=np.float64),
                ngrams={
                    str(k): (float(v[0]), float(v[1]))
                    for k, v in (data.get("ngrams") or {}).items()
                },
                threshold=float(data.get("threshold", 0.5)),
                adapter=_adapter_part(path, data.get("adapter")),
            )
            if head.w_features.shape != (len(features),) or head.w_embedding.ndim != 1:
                raise ValueError("weight shapes do not match the feature list")
        except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
            raise ModelError(
                f"cannot load the check-worthiness head {str(path)!r}: {exc}",
                hint='set [analyzers.claims] model = "baseline" to use the hand-set weights',
            ) from exc
        log.info("loaded check-worthiness head %s from %s", head.label, path)
        return head

    def ngram_contributions(self, text: str) -> dict[str, float]:
        """Each vocabulary n-gram of ``text`` and its contribution to the logit."""
        if not self.ngrams:
            return {}
        tfidf: dict[str, float] = {}
        for gram, n in ngram_counts(text).items():
            entry = self.ngrams.get(gram)
            if entry is not None:
                tfidf[gram] = (1.0 + math.log(n)) * entry[0]
        norm = math.sqrt(sum(v * v for v in tfidf.values())) or 1.0
        return {g: self.ngrams[g][1] * v / norm for g, v in tfidf.items()}

    def logit_parts(
        self,
        text: str,
        embedding: NDArray[Any],
        counts: Mapping[str, int],
        pooled: NDArray[Any] | None = None,
    ) -> tuple[dict[str, float], dict[str, float]]:
        """Unrounded contributions to the logit (bias, ``sentence_embedding``, ``words``,
        each present feature and, given the sentence's ``pooled`` adapter state and a head
        with an adapter, ``adapter``) and the contribution of each n-gram."""
        if embedding.shape != self.w_embedding.shape:
            raise ModelError(
                f"the check-worthiness head expects {self.w_embedding.shape[0]}-dimensional "
                f"sentence embeddings, got {embedding.shape[0]}",
                hint="use the all-MiniLM-L6-v2 encoder it was trained on, "
                'or set [analyzers.claims] model = "baseline"',
            )
        grams = self.ngram_contributions(text)
        out = {"bias": self.bias, "sentence_embedding": float(self.w_embedding @ embedding)}
        if self.ngrams:
            out["words"] = sum(grams.values())
        for name, w in zip(self.features, self.w_features, strict=True):
            n = counts.get(name, 0)
            if n:
                out[name] = float(w) * n
        if self.adapter is not None and pooled is not None:
            scale = self.adapter.lr_scale
            out = {k: v * scale for k, v in out.items()}
            grams = {g: v * scale for g, v in grams.items()}
            out["bias"] = self.adapter.bias
            out["adapter"] = float(self.adapter.w_pool @ pooled)
        return out, grams

    def contributions(
        self,
        text: str,
        embedding: NDArray[Any],
        counts: Mapping[str, int],
        pooled: NDArray[Any] | None = None,
    ) -> tuple[dict[str, float], list[tuple[str, float]]]:
        """Contributions to the logit rounded for display, and the n-grams that pushed
        hardest towards check-worthy (at most five, largest first)."""
        parts, grams = self.logit_parts(text, embedding, counts, pooled)
        top = sorted(((g, v) for g, v in grams.items() if v > 0), key=lambda gv: -gv[1])[:5]
        return {k: round(v, 4) for k, v in parts.items()}, top


def _adapter_part(path: Path, data: object) -> AdapterPart | None:
    """The ``adapter`` entry of a head JSON (weights file relative to the JSON)."""
    if data is None:
        return None
    if not isinstance(data, dict):
        raise ValueError("adapter must be an object")
    w_pool = np.asarray(data["w_pool"], dtype=np.float64)
    if w_pool.ndim != 1:
        raise ValueError("adapter w_pool must be a vector")
    weights = path.parent / str(data["weights"])
    if not weights.is_file():
        raise ValueError(f"adapter weights not found: {weights}")
    return AdapterPart(weights, w_pool, float(data["lr_scale"]), float(data["bias"]))


_HEADS: Once[str, CheckworthinessHead] = Once()
