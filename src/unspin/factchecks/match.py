"""Match claims against known fact-checks: retrieve candidates, rank them, verify the best.

Three steps, each explainable:

1. **Candidates**: a lexical ranking (BM25 over the reviewed claim and the review's
   headline) and a semantic ranking (cosine of all-MiniLM-L6-v2 embeddings, the backbone's
   encoder), fused by reciprocal rank. :class:`FactCheckIndex` does this over an in-memory
   list of :class:`ClaimReview`; a corpus store can run its own full-text and vector search
   and hand the matcher :class:`Candidate` s instead (see :class:`CandidateSource` and
   :meth:`FactCheckMatcher.rerank`).
2. **Ranking**: a logistic model over pair features (:func:`pair_features`) that include
   where each candidate stands against the others (its similarity and BM25 below the
   best, its first-stage ranks). It orders the candidates; it is what
   ``bench/claim_retrieval.py`` measures (MAP@k, MRR).
   **Late interaction** (optional, when ``matcher.json`` has a ``late_interaction``
   part): the ranker's top few candidates are ordered again by a second logistic model
   that adds two ColBERT-style MaxSim scores between the frozen MiniLM word-piece states
   of the query and of the candidate's claim and headline (:class:`PieceEncoder`,
   :func:`late_features`; no second encoder, nothing trained in MiniLM).
3. **Verification**: a second logistic model over the *absolute* features only (cosines,
   IDF-weighted word overlap, numbers and names) gives each candidate its ``score``, the
   probability that it reviews the same claim. A ranking always has a first candidate,
   even for a sentence no one has fact-checked; the verifier's score does not depend on
   the other candidates, so a threshold on it (``min_score``) decides what is shown.

The three models are fitted on the CheckThat! 2020 Task 2 training tweets by
``bench/claim_retrieval.py --fit --write`` and shipped in
``unspin/factchecks/artifacts/matcher.json`` (a dozen weights each, and the word-piece IDF
weights in ``piece_idf.npz``; see the MODEL_CARD.md there). Every match carries each
feature's contribution to both logits.

A match says that a fact-check *is about the same claim*; it says nothing about whether
the article repeats, rebuts or merely mentions it. The publisher's rating is shown as the
publisher wrote it.
"""

from __future__ import annotations

import json
import logging
import math
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from unspin.errors import ModelError, UnspinError
from unspin.factchecks.model import ClaimReview
from unspin.factchecks.text import BM25, clean_text, names, numbers, terms

__all__ = [
    "FEATURES",
    "FLAT_STATS",
    "LATE_FEATURES",
    "MODEL_PATH",
    "RRF_K",
    "Candidate",
    "CandidateSource",
    "FactCheckIndex",
    "FactCheckMatch",
    "FactCheckMatcher",
    "LateStage",
    "LinearScorer",
    "MatchModel",
    "PieceEncoder",
    "Pieces",
    "QueryEncoder",
    "TermStats",
    "late_features",
    "pair_features",
    "review_late_features",
]

log = logging.getLogger(__name__)

#: Reciprocal rank fusion constant (as the corpus store uses).
RRF_K = 60

#: The shipped ranker and verifier weights.
MODEL_PATH = Path(__file__).resolve().parent / "artifacts" / "matcher.json"

Embedder = Callable[[Sequence[str]], np.ndarray]


@dataclass(frozen=True)
class Candidate:
    """A fact-check that a first-stage search returned for a query.

    ``lexical_rank``/``semantic_rank`` are 1-based ranks in the keyword and vector
    rankings (None: not in that ranking's top); ``similarity`` the cosine of the query and
    claim embeddings; ``title_similarity`` the cosine with the review headline's embedding
    (None when there is no headline or no embedding of it).
    """

    review: ClaimReview
    lexical_rank: int | None = None
    semantic_rank: int | None = None
    similarity: float | None = None
    title_similarity: float | None = None


class CandidateSource(Protocol):
    """Anything that returns first-stage candidates for a query (an index, a store)."""

    def candidates(self, text: str, embedding: np.ndarray | None, k: int) -> list[Candidate]: ...


@dataclass(frozen=True)
class FactCheckMatch:
    """A fact-check matched to a claim: the review, the verifier's score and why.

    ``score`` is the verifier's probability that the review is about the same claim;
    ``rank_score`` the ranker's, which orders the matches of one claim;
    ``contributions``/``rank_contributions`` each feature's share of the two logits.
    """

    review: ClaimReview
    score: float
    rank_score: float
    similarity: float | None
    lexical_rank: int | None
    semantic_rank: int | None
    contributions: Mapping[str, float]
    rank_contributions: Mapping[str, float] = field(default_factory=dict)
    shared_terms: tuple[str, ...] = ()

    @property
    def explanation(self) -> str:
        """One line: the score and the features that moved it most."""
        top = sorted(
            ((k, v) for k, v in self.contributions.items() if k != "bias"),
            key=lambda kv: -abs(kv[1]),
        )[:3]
        why = ", ".join(f"{k} {v:+.2f}" for k, v in top)
        sim = f"cosine {self.similarity:.2f}; " if self.similarity is not None else ""
        shared = f"; shared words: {', '.join(self.shared_terms[:6])}" if self.shared_terms else ""
        return f"match {self.score:.2f} ({sim}{why}){shared}"

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.review.to_dict(),
            "score": round(self.score, 4),
            "rank_score": round(self.rank_score, 4),
            "similarity": None if self.similarity is None else round(self.similarity, 4),
            "lexical_rank": self.lexical_rank,
            "semantic_rank": self.semantic_rank,
            "contributions": {k: round(v, 4) for k, v in self.contributions.items()},
            "rank_contributions": {k: round(v, 4) for k, v in self.rank_contributions.items()},
            "shared_terms": list(self.shared_terms),
            "explanation": self.explanation,
        }


# ----------------------------------------------------------------------------------------
# features


def _inv_rank(rank: int | None) -> float:
    return 0.0 if rank is None else 1.0 / math.log2(1.0 + rank)


@dataclass(frozen=True)
class TermStats:
    """Collection statistics for lexical features: ``idf(term)`` (of :func:`terms`
    output) and the average length of an indexed text in terms (BM25's ``avgdl``)."""

    idf: Callable[[str], float]
    avgdl: float
    k1: float = 1.2
    b: float = 0.75

    def bm25(self, query: set[str], doc: Sequence[str]) -> float:
        tf: dict[str, int] = {}
        for t in doc:
            if t in query:
                tf[t] = tf.get(t, 0) + 1
        norm = self.k1 * (1 - self.b + self.b * len(doc) / (self.avgdl or 1.0))
        return sum(self.idf(t) * n * (self.k1 + 1) / (n + norm) for t, n in tf.items())


#: Statistics for a source that has none: every term weighs the same.
FLAT_STATS = TermStats(idf=lambda _t: 1.0, avgdl=12.0)

#: Pair features, in a fixed order. Absolute ones depend on the query and one candidate;
#: relative ones on where the candidate stands among the others.
FEATURES: tuple[str, ...] = (
    "similarity",  # cosine of the query and the reviewed claim
    "title_similarity",  # cosine of the query and the review headline (else = similarity)
    "overlap",  # IDF-weighted share of the query's words found in the claim or headline
    "coverage",  # IDF-weighted share of the claim's words found in the query
    "numbers_shared",  # 1 if a number written in the claim is in the query too
    "numbers_missing",  # 1 if a number written in the claim is not in the query
    "names_shared",  # 1 if a capitalised name of the claim or headline is in the query
    "similarity_gap",  # relative: similarity minus the best similarity among the candidates
    "bm25_gap",  # relative: BM25 / the best BM25 among the candidates, minus 1
    "semantic_rank",  # relative: 1/log2(1 + rank) in the vector ranking, minus 1 (-1 absent)
    "lexical_rank",  # relative: the same in the keyword ranking
)


@lru_cache(maxsize=65_536)
def _review_side(
    index_text: str, claim: str
) -> tuple[tuple[str, ...], frozenset[str], frozenset[str], frozenset[str]]:
    """A review's indexed terms, claim terms, claim numbers and names (cached: the same
    reviews come back as candidates for many queries)."""
    return (
        tuple(terms(index_text)),
        frozenset(terms(claim)),
        frozenset(numbers(claim)),
        frozenset(names(index_text)),
    )


def pair_features(
    query: str, candidates: Sequence[Candidate], stats: TermStats
) -> list[tuple[dict[str, float], tuple[str, ...]]]:
    """:data:`FEATURES` of each candidate for ``query``, and the words they share (rarest
    first). Relative features are 0 for the candidate that is best on them."""
    idf = stats.idf
    q_terms = set(terms(query))
    w_query = sum(idf(t) for t in q_terms) or 1.0
    q_nums = numbers(query)
    q_names = names(query)
    sims = [c.similarity if c.similarity is not None else 0.0 for c in candidates]
    best_sim = max(sims, default=0.0)
    sides = [_review_side(c.review.index_text, c.review.claim) for c in candidates]
    bm25 = [stats.bm25(q_terms, side[0]) for side in sides]
    best_bm25 = max(bm25, default=0.0) or 1.0
    out = []
    for c, sim, side, bm in zip(candidates, sims, sides, bm25, strict=True):
        c_text, claim_terms, c_nums, c_names = side
        shared = q_terms & set(c_text)
        values = {
            "similarity": sim,
            "title_similarity": c.title_similarity if c.title_similarity is not None else sim,
            "overlap": sum(idf(t) for t in shared) / w_query,
            "coverage": sum(idf(t) for t in shared & claim_terms)
            / (sum(idf(t) for t in claim_terms) or 1.0),
            "numbers_shared": float(bool(q_nums & c_nums)),
            "numbers_missing": float(bool(c_nums - q_nums)),
            "names_shared": float(bool(q_names & c_names)),
            "similarity_gap": sim - best_sim,
            "bm25_gap": bm / best_bm25 - 1.0,
            "semantic_rank": _inv_rank(c.semantic_rank) - 1.0,
            "lexical_rank": _inv_rank(c.lexical_rank) - 1.0,
        }
        out.append((values, tuple(sorted(shared, key=lambda t: (-idf(t), t)))))
    return out


#: Features the late-interaction stage adds (see :func:`late_features`).
LATE_FEATURES: tuple[str, ...] = (
    "late_title",  # IDF-weighted MaxSim of the query's pieces with the headline's (else claim's)
    "late_claim_gap",  # relative: the same with the claim, minus the best among the re-ranked
)

#: A text's word pieces: L2-normalised output states (n x 384) and vocabulary ids (n,).
Pieces = tuple[np.ndarray, np.ndarray]
PieceSource = Callable[[Sequence[str]], list[Pieces]]


def _maxsim(query: Pieces, doc: Pieces, idf: np.ndarray) -> float:
    """IDF-weighted mean over the query's pieces of their best cosine with a piece of
    ``doc`` (ColBERT's MaxSim, [CLS]/[SEP] left out); 0 when either side is empty."""
    (qh, qids), (dh, _) = query, doc
    if len(qh) == 0 or len(dh) == 0:
        return 0.0
    w = idf[np.minimum(qids, len(idf) - 1)]
    best = (qh @ dh.T).max(axis=1)
    return float(np.sum(best * w) / (np.sum(w) or 1.0))


def late_features(
    query: Pieces,
    docs: Sequence[tuple[Pieces, Pieces | None]],
    idf: np.ndarray,
) -> list[dict[str, float]]:
    """:data:`LATE_FEATURES` of each candidate given as (claim pieces, headline pieces or
    None), for the query's pieces; ``idf`` weighs the query's pieces by vocabulary id."""
    claim = [_maxsim(query, c, idf) for c, _ in docs]
    title = [
        v if t is None else _maxsim(query, t, idf) for v, (_, t) in zip(claim, docs, strict=True)
    ]
    best = max(claim, default=0.0)
    return [
        {"late_title": t, "late_claim_gap": c - best} for c, t in zip(claim, title, strict=True)
    ]


def review_late_features(
    pieces: PieceSource, text: str, reviews: Sequence[ClaimReview], idf: np.ndarray
) -> list[dict[str, float]]:
    """:func:`late_features` of each review for ``text``, their word pieces (the query's,
    each claim's and each headline's) taken from ``pieces`` in one call."""
    titles = [str(r.title) for r in reviews if r.title]
    encoded = pieces([text, *(r.claim for r in reviews), *titles])
    claims, rest = encoded[1 : 1 + len(reviews)], iter(encoded[1 + len(reviews) :])
    docs = [(c, next(rest) if r.title else None) for c, r in zip(claims, reviews, strict=True)]
    return late_features(encoded[0], docs, idf)


# ----------------------------------------------------------------------------------------
# the models


@dataclass(frozen=True)
class LinearScorer:
    """A logistic model over named features; ``weights`` include ``bias`` and multiply
    the raw feature values (absent features weigh 0)."""

    name: str
    weights: Mapping[str, float]

    def score(self, values: Mapping[str, float]) -> tuple[float, dict[str, float]]:
        """The probability and each feature's contribution to the logit."""
        contributions = {"bias": float(self.weights.get("bias", 0.0))}
        for k, v in values.items():
            w = self.weights.get(k)
            if w is not None:
                contributions[k] = float(w) * v
        z = sum(contributions.values())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), contributions


@dataclass(frozen=True)
class LateStage:
    """The late-interaction re-ranker: ``ranker`` (over :data:`FEATURES` and
    :data:`LATE_FEATURES`) orders the first ranker's top ``depth`` candidates again;
    ``idf`` is the file of word-piece IDF weights (``.npz`` with an ``idf`` array indexed
    by MiniLM vocabulary id, from the fact-checks it was trained on)."""

    ranker: LinearScorer
    depth: int
    idf: Path

    def weights(self) -> np.ndarray:
        """The IDF array (read once per file)."""
        return _read_idf(self.idf)


@lru_cache(maxsize=4)
def _read_idf(path: Path) -> np.ndarray:
    try:
        with np.load(path) as npz:
            return np.asarray(npz["idf"], dtype=np.float32)
    except (OSError, ValueError, KeyError) as exc:
        raise ModelError(
            f"cannot load the fact-check piece weights {str(path)!r}: {exc}",
            hint="reinstall unspin, or refit with bench/claim_retrieval.py --fit --write",
        ) from exc


@dataclass(frozen=True)
class MatchModel:
    """The ranker and the verifier, loaded from a ``matcher.json``; ``query_adapter`` the
    low-rank adapter file (next to it) that the query encoder its weights were fitted
    with applies to MiniLM, if any (see :class:`QueryEncoder`); ``late`` the
    late-interaction re-ranker of the top candidates, if any."""

    ranker: LinearScorer
    verifier: LinearScorer
    version: str = ""
    query_adapter: Path | None = None
    late: LateStage | None = None

    @property
    def label(self) -> str:
        return f"factcheck-matcher@{self.version}" if self.version else "factcheck-matcher"

    @classmethod
    def load(cls, path: Path | str = MODEL_PATH) -> MatchModel:
        """Read (once per path) a matcher JSON; :class:`ModelError` if unusable."""
        key = str(Path(path).resolve())
        with _LOCK:
            if key not in _MODELS:
                _MODELS[key] = cls._read(Path(path))
            return _MODELS[key]

    @classmethod
    def _read(cls, path: Path) -> MatchModel:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            scorers = []
            for part in ("ranker", "verifier"):
                weights = {str(k): float(v) for k, v in data[part]["weights"].items()}
                unknown = sorted(set(weights) - {"bias", *FEATURES})
                if unknown:
                    raise ValueError(f"unknown {part} features {', '.join(unknown)}")
                scorers.append(LinearScorer(f"factcheck-{part}", weights))
            adapter = (data.get("query_encoder") or {}).get("adapter")
            late = None
            if data.get("late_interaction"):
                part = data["late_interaction"]
                weights = {str(k): float(v) for k, v in part["weights"].items()}
                unknown = sorted(set(weights) - {"bias", *FEATURES, *LATE_FEATURES})
                if unknown:
                    raise ValueError(f"unknown late_interaction features {', '.join(unknown)}")
                depth = int(part["depth"])
                if depth < 1:
                    raise ValueError("late_interaction depth must be positive")
                late = LateStage(
                    LinearScorer("factcheck-late-ranker", weights),
                    depth,
                    path.resolve().parent / str(part["idf"]),
                )
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ModelError(f"cannot load the fact-check matcher {str(path)!r}: {exc}") from exc
        return cls(
            scorers[0],
            scorers[1],
            str(data.get("version", "")),
            None if not adapter else path.resolve().parent / str(adapter),
            late,
        )

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "version": self.version,
            "ranker": {"weights": dict(self.ranker.weights)},
            "verifier": {"weights": dict(self.verifier.weights)},
        }
        if self.query_adapter is not None:
            out["query_encoder"] = {"adapter": self.query_adapter.name}
        if self.late is not None:
            out["late_interaction"] = {
                "weights": dict(self.late.ranker.weights),
                "depth": self.late.depth,
                "idf": self.late.idf.name,
            }
        return out


_MODELS: dict[str, MatchModel] = {}
_LOCK = threading.Lock()


# ----------------------------------------------------------------------------------------
# the query encoder


class QueryEncoder:
    """MiniLM with the matcher's low-rank adapter: embeds the *queries* (claim sentences).

    The adapter (``encoder_lora.npz``: float16 matrices ``A`` (r x in) and ``B``
    (out x r) per adapted linear layer, and a JSON ``meta``) was trained so that a claim
    embedded by the adapted encoder lands near the fact-checks that review it as the
    *unchanged* MiniLM embeds them: reviewed claims and headlines (in files and stores)
    keep the backbone's embeddings; only the claims being matched are encoded again, by a
    private copy of the installed MiniLM whose weights get ``W + (alpha / r) B A``.
    Loaded on first use; :class:`ModelError` if the adapter or MiniLM is missing.
    """

    def __init__(self, adapter: Path | str, encoder_path: str | None = None) -> None:
        self.adapter = Path(adapter)
        self.encoder_path = encoder_path
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return f"all-MiniLM-L6-v2+{self.adapter.stem}"

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        vectors = self._load().encode(
            list(texts), batch_size=64, normalize_embeddings=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                self._model = self._build()
            return self._model

    def _build(self) -> Any:
        import copy

        from unspin.nlp import default_embedding_path, load_encoder

        try:
            with np.load(self.adapter) as npz:
                meta = json.loads(str(npz["meta"]))
                deltas = {k: npz[k].astype(np.float32) for k in npz.files if k != "meta"}
            scale = float(meta["alpha"]) / float(meta["rank"])
        except (OSError, ValueError, KeyError) as exc:
            raise ModelError(
                f"cannot load the fact-check query adapter {str(self.adapter)!r}: {exc}",
                hint="reinstall unspin, or retrain it with training/factchecks/encoder_lora.py fit",
            ) from exc
        import torch

        model = copy.deepcopy(load_encoder(self.encoder_path or default_embedding_path()))
        bert = model[0].auto_model
        with torch.no_grad():
            for key, a in deltas.items():
                if not key.endswith(".A"):
                    continue
                layer, target = key[: -len(".A")].split(".", 1)
                b = deltas[key[:-1] + "B"]
                linear = bert.encoder.layer[int(layer.removeprefix("layer"))].get_submodule(target)
                linear.weight += torch.from_numpy(scale * (b @ a))
        log.info("loaded the fact-check query adapter %s", self.adapter)
        return model


class PieceEncoder:
    """Word-piece output states of the installed MiniLM (the backbone's encoder, frozen),
    for the late-interaction features: one pass per text, [CLS]/[SEP] dropped, each state
    L2-normalised; the last ``cache_size`` texts are kept (fact-checks come back as
    candidates for many sentences). Loaded on first use."""

    #: Word pieces kept per text (MiniLM's window, less [CLS] and [SEP]).
    MAX_PIECES = 254

    def __init__(
        self, encoder_path: str | None = None, cache_size: int = 4096, layer: int = 6
    ) -> None:
        self.encoder_path = encoder_path
        self.cache_size = cache_size
        self.layer = layer  # 6: the output; lower: an inner layer's states (experiments)
        self._cache: dict[str, Pieces] = {}
        self._lock = threading.Lock()

    def __call__(self, texts: Sequence[str]) -> list[Pieces]:
        with self._lock:
            todo = list(dict.fromkeys(t for t in texts if t not in self._cache))
            if todo:
                for text, pieces in zip(todo, self._encode(todo), strict=True):
                    self._cache[text] = pieces
            out = [self._cache[t] for t in texts]
            for t in texts:  # most recently used last
                self._cache[t] = self._cache.pop(t)
            while len(self._cache) > self.cache_size:
                self._cache.pop(next(iter(self._cache)))
            return out

    def _encode(self, texts: Sequence[str]) -> list[Pieces]:
        import torch

        from unspin.nlp import default_embedding_path, forward_pieces, load_encoder

        encoder = load_encoder(self.encoder_path or default_embedding_path())
        tok = encoder.tokenizer
        ids = [
            tok(t.strip(), add_special_tokens=False)["input_ids"][: self.MAX_PIECES] for t in texts
        ]
        out: list[Pieces] = [(np.zeros((0, 384), np.float32), np.zeros(0, np.int64))] * len(ids)
        kept = [i for i in range(len(ids)) if ids[i]]
        for batch, hidden, _ in forward_pieces(encoder, [ids[i] for i in kept], (self.layer,)):
            states = torch.nn.functional.normalize(hidden[self.layer], dim=-1).numpy()
            for r, j in enumerate(batch):
                i = kept[j]
                out[i] = (states[r, 1 : 1 + len(ids[i])].copy(), np.asarray(ids[i], np.int64))
        return out


@lru_cache(maxsize=1)
def _piece_encoder() -> PieceEncoder:
    """The process's (lazily loaded) piece encoder over the installed MiniLM."""
    return PieceEncoder()


@lru_cache(maxsize=4)
def _query_encoder(adapter: Path) -> QueryEncoder:
    """One (lazily loaded) query encoder per adapter file and process."""
    return QueryEncoder(adapter)


def _is_default_minilm(embed: Embedder | None) -> bool:
    """Whether ``embed`` is the bound ``embed`` of a spaCy + installed-MiniLM backbone
    (the encoder the query adapter was trained against)."""
    from unspin.nlp import SpacyBackbone, default_embedding_path

    owner = getattr(embed, "__self__", None)
    if not isinstance(owner, SpacyBackbone):
        return False
    if owner.embeddings is None:
        return True
    try:
        return Path(owner.embeddings).resolve() == Path(default_embedding_path()).resolve()
    except UnspinError:
        return False


# ----------------------------------------------------------------------------------------
# an in-memory index


class FactCheckIndex:
    """BM25 + embedding search over an in-memory list of fact-checks.

    ``embeddings`` (one L2-normalised row per review, of ``review.claim``) and
    ``title_embeddings`` (of ``review.title``, zero rows where there is none) may be
    given precomputed; otherwise ``embed`` (e.g. ``backbone.embed``) computes them.
    Without either, only the lexical ranking is used.
    """

    def __init__(
        self,
        reviews: Sequence[ClaimReview],
        *,
        embed: Embedder | None = None,
        embeddings: np.ndarray | None = None,
        title_embeddings: np.ndarray | None = None,
    ) -> None:
        self.reviews = list(reviews)
        self.embed = embed
        self.bm25 = BM25([terms(r.index_text) for r in self.reviews])
        if embeddings is None and embed is not None and self.reviews:
            embeddings = embed([r.claim for r in self.reviews])
        if title_embeddings is None and embed is not None and self.reviews:
            titled = [i for i, r in enumerate(self.reviews) if r.title]
            title_embeddings = np.zeros((len(self.reviews), _dim(embeddings)), dtype=np.float32)
            if titled:
                title_embeddings[titled] = embed([str(self.reviews[i].title) for i in titled])
        for name, arr in (("embeddings", embeddings), ("title_embeddings", title_embeddings)):
            if arr is not None and arr.shape[0] != len(self.reviews):
                raise ValueError(f"{name} has {arr.shape[0]} rows for {len(self.reviews)} reviews")
        self.embeddings = embeddings
        self.title_embeddings = title_embeddings

    def __len__(self) -> int:
        return len(self.reviews)

    @property
    def stats(self) -> TermStats:
        """IDF and average length of the indexed texts, for the re-ranker."""
        return TermStats(self.bm25.idf, self.bm25.avgdl or 1.0, self.bm25.k1, self.bm25.b)

    def candidates(self, text: str, embedding: np.ndarray | None, k: int = 50) -> list[Candidate]:
        """The top ``k`` reviews by reciprocal-rank fusion of BM25 and cosine rankings."""
        if not self.reviews:
            return []
        n = len(self.reviews)
        depth = min(n, max(k, 100))
        lex = self.bm25.scores(terms(text))
        lex_order = [int(i) for i in np.argsort(-lex, kind="stable")[:depth] if lex[i] > 0]
        lex_rank = {i: r + 1 for r, i in enumerate(lex_order)}
        sims: np.ndarray | None = None
        title_sims: np.ndarray | None = None
        sem_rank: dict[int, int] = {}
        if embedding is not None and self.embeddings is not None:
            sims = self.embeddings @ embedding
            if self.title_embeddings is not None:
                title_sims = self.title_embeddings @ embedding
                best = np.maximum(sims, title_sims)
            else:
                best = sims
            sem_order = np.argsort(-best, kind="stable")[:depth]
            sem_rank = {int(i): r + 1 for r, i in enumerate(sem_order)}
        fused: dict[int, float] = {}
        for ranks in (lex_rank, sem_rank):
            for i, r in ranks.items():
                fused[i] = fused.get(i, 0.0) + 1.0 / (RRF_K + r)
        top = sorted(fused, key=lambda i: (-fused[i], i))[:k]
        return [
            Candidate(
                self.reviews[i],
                lexical_rank=lex_rank.get(i),
                semantic_rank=sem_rank.get(i),
                similarity=None if sims is None else float(sims[i]),
                title_similarity=(
                    None
                    if title_sims is None or not self.reviews[i].title
                    else float(title_sims[i])
                ),
            )
            for i in top
        ]


def _dim(embeddings: np.ndarray | None) -> int:
    return 384 if embeddings is None else int(embeddings.shape[1])


# ----------------------------------------------------------------------------------------
# the matcher


class FactCheckMatcher:
    """Finds the fact-checks that review the same claim as a given text.

    ``source`` supplies first-stage candidates (a :class:`FactCheckIndex`, or a store
    adapter implementing :class:`CandidateSource`); ``embed`` embeds query texts when
    their embeddings are not given (use the backbone's, so query and fact-check vectors
    come from the same encoder); ``stats`` gives the word weights of the lexical
    features (the index's by default; a store passes its own, else every word weighs
    the same); ``model`` the ranker and verifier (the shipped ones by default).

    When the model names a query adapter and the fact-checks are embedded by the
    installed MiniLM (``embed`` is a :class:`~unspin.nlp.SpacyBackbone`'s), queries are
    embedded by its :class:`QueryEncoder` instead (embeddings passed to :meth:`match`
    are then ignored); ``query_embed`` sets the query encoder explicitly (``False``:
    none, queries use ``embed``).

    When the model has a late-interaction stage, the ranker's top ``model.late.depth``
    candidates are ordered again with the MaxSim features of ``pieces`` (word-piece
    states of the query and the candidates' claims and headlines): by default the
    installed MiniLM's (:class:`PieceEncoder`), used only when the fact-checks are
    embedded by it, as for the query adapter; ``pieces`` sets it explicitly (``False``:
    no late stage).
    """

    def __init__(
        self,
        source: CandidateSource,
        *,
        embed: Embedder | None = None,
        model: MatchModel | None = None,
        stats: TermStats | None = None,
        depth: int = 50,
        query_embed: Embedder | bool | None = None,
        pieces: PieceSource | bool | None = None,
    ) -> None:
        self.source = source
        self.embed = embed if embed is not None else getattr(source, "embed", None)
        self.model = model or MatchModel.load()
        self.stats: TermStats = stats or getattr(source, "stats", None) or FLAT_STATS
        self.depth = depth
        self.query_embed: Embedder | None = None
        if callable(query_embed):
            self.query_embed = query_embed
        elif (
            query_embed is None
            and self.model.query_adapter is not None
            and _is_default_minilm(self.embed)
        ):
            self.query_embed = _query_encoder(self.model.query_adapter)
        self.pieces: PieceSource | None = None
        if self.model.late is not None:
            if callable(pieces):
                self.pieces = pieces
            elif pieces is None and _is_default_minilm(self.embed):
                self.pieces = _piece_encoder()

    def rerank(
        self, text: str, candidates: Sequence[Candidate], *, min_score: float = 0.0
    ) -> list[FactCheckMatch]:
        """Rank and score first-stage candidates for ``text``, best first.

        The late-interaction stage (the costly part: MiniLM over the top candidates) runs
        only when at least two of the ranker's top candidates score ``min_score`` or more:
        otherwise it could not change which of them reach ``min_score`` nor their order,
        so a caller that drops matches below ``min_score`` (as :meth:`match` does) gets
        the same result."""
        out = []
        text = clean_text(text)
        features = pair_features(text, candidates, self.stats)
        for c, (values, shared) in zip(candidates, features, strict=True):
            rank_score, rank_contributions = self.model.ranker.score(values)
            score, contributions = self.model.verifier.score(values)
            out.append(
                FactCheckMatch(
                    c.review,
                    score,
                    rank_score,
                    c.similarity,
                    c.lexical_rank,
                    c.semantic_rank,
                    contributions,
                    rank_contributions,
                    shared,
                )
            )
        order = sorted(range(len(out)), key=lambda i: (-out[i].rank_score, out[i].review.id))
        late = self.model.late
        if (
            late is None
            or self.pieces is None
            or sum(out[i].score >= min_score for i in order[: late.depth]) < 2
        ):
            return [out[i] for i in order]
        return self._late(text, late, [(out[i], features[i][0]) for i in order[: late.depth]]) + [
            out[i] for i in order[late.depth :]
        ]

    def _late(
        self, text: str, late: LateStage, top: Sequence[tuple[FactCheckMatch, dict[str, float]]]
    ) -> list[FactCheckMatch]:
        """The ranker's top candidates ordered again by the late-interaction ranker (their
        ``rank_score`` and ``rank_contributions`` are then its own)."""
        assert self.pieces is not None
        reviews = [m.review for m, _ in top]
        out = []
        for (m, values), extra in zip(
            top, review_late_features(self.pieces, text, reviews, late.weights()), strict=True
        ):
            rank_score, rank_contributions = late.ranker.score({**values, **extra})
            out.append(replace(m, rank_score=rank_score, rank_contributions=rank_contributions))
        out.sort(key=lambda m: (-m.rank_score, m.review.id))
        return out

    def match(
        self,
        texts: Sequence[str],
        embeddings: np.ndarray | None = None,
        *,
        top: int = 3,
        min_score: float = 0.0,
    ) -> list[list[FactCheckMatch]]:
        """For each text, its best ``top`` matches (ranker order) whose verifier score is
        at least ``min_score``."""
        if self.query_embed is not None and texts:
            embeddings = self.query_embed([clean_text(t) for t in texts])
        elif embeddings is None and self.embed is not None and texts:
            embeddings = self.embed([clean_text(t) for t in texts])
        out = []
        for k, text in enumerate(texts):
            emb = None if embeddings is None else embeddings[k]
            candidates = self.source.candidates(clean_text(text), emb, self.depth)
            ranked = self.rerank(text, candidates, min_score=min_score)
            out.append([m for m in ranked if m.score >= min_score][:top])
        return out
