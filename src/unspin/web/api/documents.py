"""``/api/v1/documents``: the stored documents, page by page, one with its findings, and
its whole analysis JSON."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from unspin import app as unspin_app
from unspin.web.api.models import (
    NOT_FOUND,
    PROBLEMS,
    AnalysisOut,
    DocumentDetail,
    DocumentOut,
    FacetsOut,
    PageOut,
)
from unspin.web.api.params import Paging, corpus_filters, db_of, not_found, page_out, paging

__all__ = ["router"]

router = APIRouter(prefix="/documents", tags=["documents"])


@router.get("", response_model=PageOut[DocumentOut], responses=PROBLEMS)
def list_documents(
    request: Request,
    page: Annotated[Paging, Depends(paging)],
    filters: Annotated[unspin_app.Filters, Depends(corpus_filters)],
    order: Annotated[
        Literal["published", "ingested", "title"],
        Query(description="newest published first, newest ingested first, or by title"),
    ] = "published",
    title: Annotated[
        str | None, Query(max_length=200, description="words the title holds (any case)")
    ] = None,
) -> dict[str, Any]:
    """The stored documents matching the filters, each with its findings per kind."""
    found = unspin_app.list_documents(
        db_of(request), filters, limit=page.limit, offset=page.offset, order=order, title=title
    )
    return page_out(found, [d.to_dict() for d in found.items])


@router.get("/facets", response_model=FacetsOut, responses=PROBLEMS)
def facets(request: Request) -> dict[str, Any]:
    """The outlets and languages of the stored documents, and findings per kind."""
    return unspin_app.corpus_facets(db_of(request)).to_dict()


@router.get("/{document_id}", response_model=DocumentDetail, responses=NOT_FOUND)
def get_document(request: Request, document_id: str) -> dict[str, Any]:
    """A stored document: metadata, counts, text and findings."""
    db = db_of(request)
    summary = unspin_app.get_document(db, document_id)
    analysis = unspin_app.document_analysis(db, document_id) if summary else None
    if summary is None or analysis is None:
        raise not_found("document", document_id)
    return {
        "document": summary.to_dict(),
        "text": analysis.document.text,
        "findings": [f.to_dict() for f in analysis.findings],
    }


@router.get(
    "/{document_id}/analysis",
    responses={
        200: {"model": AnalysisOut, "description": "the analysis JSON (`unspin schema`)"},
        **NOT_FOUND,
    },
)
def get_analysis(request: Request, document_id: str) -> JSONResponse:
    """The stored analysis of a document, exactly as ``unspin analyze --format json``
    writes it (schema: ``unspin schema``)."""
    analysis = unspin_app.document_analysis(db_of(request), document_id)
    if analysis is None:
        raise not_found("document", document_id)
    return JSONResponse(analysis.to_dict())
