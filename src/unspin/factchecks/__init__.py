"""Known fact-checks: read schema.org ClaimReview records and match claims against them.

* :mod:`.model`: :class:`ClaimReview`, the record every source becomes.
* :mod:`.parse`: readers for JSON-LD embedded in fact-check pages, the Google Fact Check
  Tools API JSON and CSV; they yield one-line :class:`ClaimReviewError` s for bad input.
* :mod:`.match`: candidate retrieval (BM25 + MiniLM cosine, reciprocal rank fusion) over
  an in-memory :class:`FactCheckIndex` or a store's search, then a transparent logistic
  re-ranker; :class:`FactCheckMatcher` returns :class:`FactCheckMatch` es with publisher,
  rating, review date, URL, similarity and why.

A match means "a fact-checker reviewed this claim"; the rating is the publisher's, shown
as published. unspin itself never rules on a claim.
"""

from __future__ import annotations

from unspin.factchecks.match import (
    RERANKER,
    Candidate,
    CandidateSource,
    FactCheckIndex,
    FactCheckMatch,
    FactCheckMatcher,
    Reranker,
)
from unspin.factchecks.model import ClaimReview, ClaimReviewError
from unspin.factchecks.parse import (
    CSV_COLUMNS,
    iter_claimreviews,
    load_claimreviews,
    parse_csv,
    parse_html,
    parse_jsonld,
    parse_text,
)

__all__ = [
    "CSV_COLUMNS",
    "RERANKER",
    "Candidate",
    "CandidateSource",
    "ClaimReview",
    "ClaimReviewError",
    "FactCheckIndex",
    "FactCheckMatch",
    "FactCheckMatcher",
    "Reranker",
    "iter_claimreviews",
    "load_claimreviews",
    "parse_csv",
    "parse_html",
    "parse_jsonld",
    "parse_text",
]
