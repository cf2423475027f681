"""Known fact-checks: read schema.org ClaimReview records and match claims against them.

* :mod:`.model`: :class:`ClaimReview`, the record every source becomes.
* :mod:`.parse`: readers for JSON-LD embedded in fact-check pages, the Google Fact Check
  Tools API JSON and CSV; they yield one-line :class:`ClaimReviewError` s for bad input.
* :mod:`.match`: candidate retrieval (BM25 + MiniLM cosine, reciprocal rank fusion) over
  an in-memory :class:`FactCheckIndex` or a store's search, then two transparent logistic
  models (a ranker and a verifier); :class:`FactCheckMatcher` returns
  :class:`FactCheckMatch` es with publisher, rating, review date, URL, similarity and why.
* :mod:`.analyzer`: the ``factchecks`` analyzer (import it to register it).

A match means "a fact-checker reviewed this claim"; the rating is the publisher's, shown
as published. unspin itself never rules on a claim.
"""

from __future__ import annotations

from unspin.factchecks.files import iter_claimreviews, load_claimreviews
from unspin.factchecks.match import (
    FEATURES,
    Candidate,
    CandidateSource,
    FactCheckIndex,
    FactCheckMatch,
    FactCheckMatcher,
    LinearScorer,
    MatchModel,
    TermStats,
    pair_features,
)
from unspin.factchecks.model import ClaimReview, ClaimReviewError
from unspin.factchecks.parse import (
    CSV_COLUMNS,
    parse_csv,
    parse_html,
    parse_jsonld,
    parse_text,
)

__all__ = [
    "CSV_COLUMNS",
    "FEATURES",
    "Candidate",
    "CandidateSource",
    "ClaimReview",
    "ClaimReviewError",
    "FactCheckIndex",
    "FactCheckMatch",
    "FactCheckMatcher",
    "LinearScorer",
    "MatchModel",
    "TermStats",
    "iter_claimreviews",
    "load_claimreviews",
    "pair_features",
    "parse_csv",
    "parse_html",
    "parse_jsonld",
    "parse_text",
]
