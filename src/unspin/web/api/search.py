"""``/api/v1/search``: stored sentences ranked for a query, by keyword, by meaning (the
store's own encoder embeds the query) or both fused."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request

from unspin import app as unspin_app
from unspin.web.api.models import PROBLEMS, SearchOut
from unspin.web.api.params import corpus_filters, db_of
from unspin.web.state import get_state

__all__ = ["router"]

router = APIRouter(prefix="/search", tags=["search"])


@router.get("", response_model=SearchOut, responses=PROBLEMS)
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=1000, description="the query")],
    filters: Annotated[unspin_app.Filters, Depends(corpus_filters)],
    mode: Annotated[
        Literal["hybrid", "keyword", "semantic"],
        Query(description="keyword (BM25), semantic (embeddings) or hybrid (both fused)"),
    ] = "hybrid",
    limit: Annotated[int, Query(ge=1, le=100, description="results")] = 10,
) -> dict[str, Any]:
    """Sentences (claims included) ranked for ``q``, each with its document, offsets, a
    snippet, the findings overlapping it and why it ranks where it does."""
    config = get_state(request).config
    hits = unspin_app.search_sentences(
        db_of(request), q, filters, limit=limit, mode=mode, config=config
    )
    return {"query": q, "mode": mode, "items": [h.to_dict() for h in hits]}
