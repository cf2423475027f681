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

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.factchecks.candidate import (
    RRF_K,
    Candidate,
    CandidateSource,
    Embedder,
    FactCheckMatch,
)
from unspin.factchecks.encoders import (
    PieceEncoder,
    QueryEncoder,
    is_default_minilm,
    piece_encoder,
    query_encoder,
)
from unspin.factchecks.framecheck import ClaimSide, FrameChecks, FrameReader, differs_line
from unspin.factchecks.model import ClaimReview
from unspin.factchecks.ranker import (
    FEATURES,
    FLAT_STATS,
    LATE_FEATURES,
    MODEL_PATH,
    LateStage,
    LinearScorer,
    MatchModel,
    Pieces,
    PieceSource,
    TermStats,
    late_features,
    pair_features,
    review_late_features,
)
from unspin.factchecks.terms import BM25, clean_text, terms

__all__ = [
    "FEATURES",
    "FLAT_STATS",
    "LATE_FEATURES",
    "MODEL_PATH",
    "RRF_K",
    "Candidate",
    "CandidateSource",
    "Embedder",
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
        embeddings: NDArray[Any] | None = None,
        title_embeddings: NDArray[Any] | None = None,
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

    def candidates(self, text: str, embedding: NDArray[Any] | None, k: int = 50) -> list[Candidate]:
        """The top ``k`` reviews by reciprocal-rank fusion of BM25 and cosine rankings."""
        if not self.reviews:
            return []
        n = len(self.reviews)
        depth = min(n, max(k, 100))
        lex = self.bm25.scores(terms(text))
        lex_order = [int(i) for i in np.argsort(-lex, kind="stable")[:depth] if lex[i] > 0]
        lex_rank = {i: r + 1 for r, i in enumerate(lex_order)}
        sims: NDArray[Any] | None = None
        title_sims: NDArray[Any] | None = None
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


def _dim(embeddings: NDArray[Any] | None) -> int:
    return 384 if embeddings is None else int(embeddings.shape[1])


# ----------------------------------------------------------------------------------------
# the matcher


@dataclass(frozen=True)
class _Ranked:
    """A query's candidates in the first ranker's order, with their feature values."""

    text: str
    matches: list[FactCheckMatch]
    values: list[dict[str, float]]


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

    With ``frames`` (a :class:`FrameReader` over the backbone's parser) and the claims'
    sides given to :meth:`match`, every fact-check that would be shown is checked frame
    against frame (``frame_checks``, :mod:`unspin.factchecks.framecheck`): one whose
    number, date, polarity, predicate or actor differs comes back with ``differs`` set (related, not
    a match).
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
        frames: FrameReader | None = None,
        frame_checks: FrameChecks | None = None,
    ) -> None:
        self.source = source
        self.frames = frames
        self.frame_checks = frame_checks or FrameChecks()
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
            and is_default_minilm(self.embed)
        ):
            self.query_embed = query_encoder(self.model.query_adapter)
        self.pieces: PieceSource | None = None
        if self.model.late is not None:
            if callable(pieces):
                self.pieces = pieces
            elif pieces is None and is_default_minilm(self.embed):
                self.pieces = piece_encoder()

    def rerank(
        self, text: str, candidates: Sequence[Candidate], *, min_score: float = 0.0
    ) -> list[FactCheckMatch]:
        """Rank and score first-stage candidates for ``text``, best first.

        The late-interaction stage (the costly part: MiniLM over the top candidates) runs
        only when at least two of the ranker's top candidates score ``min_score`` or more:
        otherwise it could not change which of them reach ``min_score`` nor their order,
        so a caller that drops matches below ``min_score`` (as :meth:`match` does) gets
        the same result."""
        return self._finish(self._first(text, candidates), min_score)

    def _first(self, text: str, candidates: Sequence[Candidate]) -> _Ranked:
        """The ranker's order and the verifier's scores of ``candidates``."""
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
        return _Ranked(text, [out[i] for i in order], [features[i][0] for i in order])

    def _needs_late(self, ranked: _Ranked, min_score: float) -> bool:
        late = self.model.late
        return (
            late is not None
            and self.pieces is not None
            and sum(m.score >= min_score for m in ranked.matches[: late.depth]) >= 2
        )

    def _finish(self, ranked: _Ranked, min_score: float) -> list[FactCheckMatch]:
        """The first ranking, its top ordered again by the late stage when it is needed."""
        late = self.model.late
        if late is None or not self._needs_late(ranked, min_score):
            return list(ranked.matches)
        top = list(zip(ranked.matches[: late.depth], ranked.values, strict=False))
        return self._late(ranked.text, late, top) + list(ranked.matches[late.depth :])

    def _prefetch(self, ranked: Sequence[_Ranked], min_score: float) -> None:
        """Encode in one batched pass the word pieces the late stage will read for all of
        ``ranked`` (a :class:`PieceEncoder` keeps them), rather than query by query."""
        late = self.model.late
        if late is None or not isinstance(self.pieces, PieceEncoder):
            return
        texts: list[str] = []
        for r in ranked:
            if self._needs_late(r, min_score):
                reviews = [m.review for m in r.matches[: late.depth]]
                texts += [
                    r.text,
                    *(m.claim for m in reviews),
                    *(str(m.title) for m in reviews if m.title),
                ]
        if texts:
            self.pieces(list(dict.fromkeys(texts))[: self.pieces.cache_size])

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
        embeddings: NDArray[Any] | None = None,
        *,
        top: int = 3,
        min_score: float = 0.0,
        sides: Sequence[ClaimSide] | None = None,
    ) -> list[list[FactCheckMatch]]:
        """For each text, its best ``top`` matches (ranker order) whose verifier score is
        at least ``min_score``; with ``sides`` (one per text: :func:`read_side
        <unspin.factchecks.framecheck.read_side>`) and :attr:`frames`, each checked frame
        against frame (``differs`` set on those that are only related)."""
        if self.query_embed is not None and texts:
            embeddings = self.query_embed([clean_text(t) for t in texts])
        elif embeddings is None and self.embed is not None and texts:
            embeddings = self.embed([clean_text(t) for t in texts])
        firsts = []
        for k, text in enumerate(texts):
            emb = None if embeddings is None else embeddings[k]
            candidates = self.source.candidates(clean_text(text), emb, self.depth)
            firsts.append(self._first(text, candidates))
        self._prefetch(firsts, min_score)
        out = []
        for k, first in enumerate(firsts):
            ranked = self._finish(first, min_score)
            shown = [m for m in ranked if m.score >= min_score][:top]
            if sides is not None and self.frames is not None and shown:
                shown = self.check(sides[k], shown)
            out.append(shown)
        return out

    def check(self, side: ClaimSide, matches: Sequence[FactCheckMatch]) -> list[FactCheckMatch]:
        """``matches`` with their frame checks against the claim's ``side`` (the reviewed
        claims parsed by :attr:`frames` on first use)."""
        assert self.frames is not None
        rules = self.frame_checks
        out = []
        for m, other in zip(matches, self.frames.sides([m.review for m in matches]), strict=True):
            checks = rules.check(side, other)
            out.append(replace(m, checks=tuple(checks), differs=differs_line(checks, rules.slots)))
        return out
