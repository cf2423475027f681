"""What the first stage of fact-check matching hands the ranker, and what the matcher returns."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from numpy.typing import NDArray

from unspin.factchecks.model import ClaimReview
from unspin.frames import SlotCheck

__all__ = ["RRF_K", "Candidate", "CandidateSource", "Embedder", "FactCheckMatch"]

#: Reciprocal rank fusion constant (as the corpus store uses).
RRF_K = 60

Embedder = Callable[[Sequence[str]], NDArray[Any]]


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

    def candidates(self, text: str, embedding: NDArray[Any] | None, k: int) -> list[Candidate]: ...


@dataclass(frozen=True)
class FactCheckMatch:
    """A fact-check matched to a claim: the review, the verifier's score and why.

    ``score`` is the verifier's probability that the review is about the same claim;
    ``rank_score`` the ranker's, which orders the matches of one claim;
    ``contributions``/``rank_contributions`` each feature's share of the two logits;
    ``checks`` the frame checks of the claim against the reviewed claim (when the matcher
    checks frames) and ``differs`` the "related, but differs: ..." line when a slot
    differs: such a fact-check is related to the claim, not a match.
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
    checks: tuple[SlotCheck, ...] = ()
    differs: str | None = None

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
            "checks": [c.to_json() for c in self.checks],
            "differs": self.differs,
        }
