"""The ranker's and verifier's pair features, the late-interaction features and the
shipped logistic models (``artifacts/matcher.json``); see :mod:`unspin.factchecks.match`."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.cache import Once, per_path
from unspin.errors import ModelError
from unspin.factchecks.candidate import Candidate
from unspin.factchecks.model import ClaimReview
from unspin.factchecks.terms import names, numbers, terms

#: The shipped ranker and verifier weights.
MODEL_PATH = Path(__file__).resolve().parent / "artifacts" / "matcher.json"

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
Pieces = tuple[NDArray[Any], NDArray[Any]]
PieceSource = Callable[[Sequence[str]], list[Pieces]]


def _maxsim(query: Pieces, doc: Pieces, idf: NDArray[Any]) -> float:
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
    idf: NDArray[Any],
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
    pieces: PieceSource, text: str, reviews: Sequence[ClaimReview], idf: NDArray[Any]
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

    def weights(self) -> NDArray[Any]:
        """The IDF array (read once per file)."""
        return per_path(_IDF, self.idf, _read_idf)


_IDF: Once[str, NDArray[Any]] = Once()


def _read_idf(path: Path) -> NDArray[Any]:
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
        return per_path(_MODELS, path, cls._read)

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


_MODELS: Once[str, MatchModel] = Once()
