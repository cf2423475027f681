"""``/api/v1/findings``: stored findings by kind and label, with their document's title."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from unspin import app as unspin_app
from unspin.web.api.models import PROBLEMS, PageOut, StoredFindingOut
from unspin.web.api.params import Paging, corpus_filters, db_of, page_out, paging

__all__ = ["router"]

router = APIRouter(prefix="/findings", tags=["findings"])


@router.get("", response_model=PageOut[StoredFindingOut], responses=PROBLEMS)
def list_findings(
    request: Request,
    page: Annotated[Paging, Depends(paging)],
    filters: Annotated[unspin_app.Filters, Depends(corpus_filters)],
    label: Annotated[
        str | None, Query(max_length=200, description="the finding's label (exact)")
    ] = None,
) -> dict[str, Any]:
    """Findings of a kind (``kind``) and label in the documents matching the other
    filters, newest documents first, with each document's id, title, outlet and date."""
    kind = filters.kind
    found = unspin_app.list_findings(
        db_of(request),
        kind,
        label=label,
        filters=dataclasses.replace(filters, kind=None),
        limit=page.limit,
        offset=page.offset,
    )
    return page_out(found, [f.to_dict() for f in found.items])
