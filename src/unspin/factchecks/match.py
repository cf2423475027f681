"""Match claims against known fact-checks: retrieve candidates, then re-rank them.

Two stages, both explainable:

1. **Candidates**: a lexical ranking (BM25 over the reviewed claim and the review's
   headline) and a semantic ranking (cosine of all-MiniLM-L6-v2 embeddings, the backbone's
   encoder), fused by reciprocal rank. :class:`FactCheckIndex` does this over an in-memory
   list of :class:`ClaimReview`; a corpus store can do the same with its own full-text and
   vector search and hand the matcher its :class:`Candidate` s instead (see
   :meth:`FactCheckMatcher.rerank`).
2. **Re-ranking**: a small logistic model (:data:`RERANKER`, weights fitted on the
   CheckThat! 2020 Task 2 training tweets by ``bench/claim_retrieval.py --fit``) over
   features anyone can recompute: the cosine similarities, the reciprocal ranks of both
   rankings, IDF-weighted word overlap, and agreement of numbers and names. Its output is
   the match score in [0, 1], and each match carries the contribution of every feature.

A match says that a fact-check *is about the same claim*; it says nothing about whether
the article repeats, rebuts or merely mentions it. The publisher's rating is shown as the
publisher wrote it.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from unspin.factchecks.model import ClaimReview
from unspin.factchecks.text import BM25, clean_text, names, numbers, terms

__all__ = [
    "RERANKER",
    "RRF_K",
    "Candidate",
    "CandidateSource",
    "FactCheckIndex",
    "FactCheckMatch",
    "FactCheckMatcher",
    "Reranker",
]

log = logging.getLogger(__name__)

#: Reciprocal rank fusion constant (as the corpus store uses).
RRF_K = 60

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
    embedding: np.ndarray | None = field(default=None, compare=False, repr=False)


class CandidateSource(Protocol):
    """Anything that returns first-stage candidates for a query (an index, a store)."""

    def candidates(self, text: str, embedding: np.ndarray | None, k: int) -> list[Candidate]: ...


@dataclass(frozen=True)
class FactCheckMatch:
    """A fact-check matched to a claim: the review, the match score and why."""

    review: ClaimReview
    score: float
    similarity: float | None
    lexical_rank: int | None
    semantic_rank: int | None
    contributions: Mapping[str, float]
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

    def to_dict(self) -> dict[str, object]:
        return {
            **self.review.to_dict(),
            "score": round(self.score, 4),
            "similarity": None if self.similarity is None else round(self.similarity, 4),
            "lexical_rank": self.lexical_rank,
            "semantic_rank": self.semantic_rank,
            "contributions": {k: round(v, 4) for k, v in self.contributions.items()},
            "shared_terms": list(self.shared_terms),
            "explanation": self.explanation,
        }


# ----------------------------------------------------------------------------------------
# the re-ranker


def _inv_rank(rank: int | None) -> float:
    return 0.0 if rank is None else 1.0 / math.log2(1.0 + rank)


@dataclass(frozen=True)
class Reranker:
    """A logistic model over transparent pair features; ``weights`` include ``bias``."""

    weights: Mapping[str, float]
    name: str = "factcheck-reranker"

    FEATURES = (
        "similarity",
        "title_similarity",
        "semantic_rank",
        "lexical_rank",
        "overlap",
        "coverage",
        "numbers_shared",
        "numbers_missing",
        "names_shared",
    )

    def features(
        self, query: str, candidate: Candidate, idf: Callable[[str], float]
    ) -> tuple[dict[str, float], tuple[str, ...]]:
        """The feature values of one (query, candidate) pair and the shared words."""
        review = candidate.review
        q_terms = set(terms(query))
        c_terms = set(terms(review.index_text))
        shared = q_terms & c_terms
        w_shared = sum(idf(t) for t in shared)
        w_query = sum(idf(t) for t in q_terms) or 1.0
        w_cand = sum(idf(t) for t in set(terms(review.claim))) or 1.0
        q_nums = numbers(query)
        c_nums = numbers(review.claim)
        q_names = names(query)
        c_names = names(review.index_text)
        sim = candidate.similarity if candidate.similarity is not None else 0.0
        title = candidate.title_similarity if candidate.title_similarity is not None else sim
        values = {
            "similarity": sim,
            "title_similarity": title,
            "semantic_rank": _inv_rank(candidate.semantic_rank),
            "lexical_rank": _inv_rank(candidate.lexical_rank),
            "overlap": w_shared / w_query,
            "coverage": sum(idf(t) for t in shared & set(terms(review.claim))) / w_cand,
            "numbers_shared": float(len(q_nums & c_nums) > 0),
            "numbers_missing": float(bool(c_nums - q_nums)),
            "names_shared": float(len(q_names & c_names) > 0),
        }
        order = sorted(shared, key=lambda t: -idf(t))
        return values, tuple(order)

    def score(self, values: Mapping[str, float]) -> tuple[float, dict[str, float]]:
        """The match probability and each feature's contribution to its logit."""
        contributions = {"bias": float(self.weights.get("bias", 0.0))}
        for k, v in values.items():
            contributions[k] = float(self.weights.get(k, 0.0)) * v
        z = sum(contributions.values())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))), contributions


#: Weights fitted by ``bench/claim_retrieval.py --fit`` on the CheckThat! 2020 Task 2
#: training tweets (features standardised away: these multiply the raw values).
RERANKER = Reranker(
    {
        "bias": -6.0,
        "similarity": 6.0,
        "title_similarity": 2.0,
        "semantic_rank": 1.0,
        "lexical_rank": 1.0,
        "overlap": 2.0,
        "coverage": 2.0,
        "numbers_shared": 0.5,
        "numbers_missing": -0.5,
        "names_shared": 0.5,
    }
)


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

    def idf(self, term: str) -> float:
        return self.bm25.idf(term)

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
    come from the same encoder); ``idf`` weights words for the overlap features (the
    index's BM25 IDF by default; a store passes its own, or gets a flat 1.0).
    """

    def __init__(
        self,
        source: CandidateSource,
        *,
        embed: Embedder | None = None,
        reranker: Reranker = RERANKER,
        idf: Callable[[str], float] | None = None,
        depth: int = 50,
    ) -> None:
        self.source = source
        self.embed = embed if embed is not None else getattr(source, "embed", None)
        self.reranker = reranker
        self.idf = idf or getattr(source, "idf", None) or (lambda _t: 1.0)
        self.depth = depth

    def rerank(self, text: str, candidates: Sequence[Candidate]) -> list[FactCheckMatch]:
        """Score first-stage candidates for ``text``, best first."""
        out = []
        for c in candidates:
            values, shared = self.reranker.features(text, c, self.idf)
            score, contributions = self.reranker.score(values)
            out.append(
                FactCheckMatch(
                    c.review,
                    score,
                    c.similarity,
                    c.lexical_rank,
                    c.semantic_rank,
                    contributions,
                    shared,
                )
            )
        out.sort(key=lambda m: (-m.score, m.review.id))
        return out

    def match(
        self,
        texts: Sequence[str],
        embeddings: np.ndarray | None = None,
        *,
        top: int = 3,
        min_score: float = 0.0,
    ) -> list[list[FactCheckMatch]]:
        """For each text, its best ``top`` matches scoring at least ``min_score``."""
        if embeddings is None and self.embed is not None and texts:
            embeddings = self.embed([clean_text(t) for t in texts])
        out = []
        for k, text in enumerate(texts):
            emb = None if embeddings is None else embeddings[k]
            ranked = self.rerank(text, self.source.candidates(text, emb, self.depth))
            out.append([m for m in ranked if m.score >= min_score][:top])
        return out
