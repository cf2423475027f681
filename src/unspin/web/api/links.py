"""``/api/v1/links``: contradictions, drifted quotes and propagated passages between
stored documents, with both documents' titles, outlets and dates."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request

from unspin import app as unspin_app
from unspin.web.api.models import NOT_FOUND, LinkOut, PageOut
from unspin.web.api.params import Paging, check_choice, db_of, not_found, page_out, paging

__all__ = ["router"]

router = APIRouter(prefix="/links", tags=["links"])

_KINDS = tuple(k for kinds in unspin_app.VIEW_KINDS.values() for k in kinds)


@router.get("", response_model=PageOut[LinkOut], responses=NOT_FOUND)
def list_links(
    request: Request,
    page: Annotated[Paging, Depends(paging)],
    view: Annotated[
        Literal["contradictions", "quotes", "propagation"],
        Query(description="slot comparisons, drifted quotes or propagated passages"),
    ] = "contradictions",
    kind: Annotated[
        list[str] | None,
        Query(
            description="only these link kinds of the view",
            json_schema_extra={"items": {"enum": list(_KINDS)}},
        ),
    ] = None,
    document: Annotated[
        str | None, Query(max_length=128, description="links touching this document")
    ] = None,
    min_score: Annotated[float, Query(ge=0.0, le=1.0, description="lowest score")] = 0.0,
    experimental: Annotated[
        bool,
        Query(
            description="without kind: also the link kinds whose precision audited on real "
            "news is under 0.8 (left out by default)"
        ),
    ] = False,
) -> dict[str, Any]:
    """The stored links of a view (run ``unspin corpus link`` or an ingest job to compare
    new documents), in the order found; without ``kind``, the experimental kinds only
    with ``experimental``."""
    db = db_of(request)
    for value in kind or ():
        check_choice("kind", value, unspin_app.VIEW_KINDS[view])
    if document is not None and unspin_app.get_document(db, document) is None:
        raise not_found("document", document)
    found = unspin_app.list_link_rows(
        db,
        view,
        kinds=kind,
        document=document,
        min_score=min_score,
        limit=page.limit,
        offset=page.offset,
        experimental=experimental,
    )
    return page_out(found, [row.to_dict() for row in found.items])
