"""The corpus: stored documents with filters (outlet, language, dates), full-text and
semantic search, paging; one document's page (its report and its links)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse

from unspin import app as unspin_app
from unspin.errors import UnspinError
from unspin.web.pages.common import PAGE_SIZE, Pager, db_of, render
from unspin.web.pages.links import context_parts
from unspin.web.pages.reports import report_values
from unspin.web.problems import Problem
from unspin.web.state import get_state

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

#: Links of each kind shown on a document's page.
LINKS_SHOWN = 50
#: Search results reachable by paging (a search ranks its first results only).
MAX_HITS = 500

SearchMode = Literal["keyword", "semantic", "hybrid"]
Order = Literal["published", "ingested", "title"]


def _filters(outlet: str, language: str, since: str, until: str) -> unspin_app.Filters:
    """The document filters of the form (empty fields: no restriction)."""
    try:
        return unspin_app.Filters(
            outlet=outlet.strip() or None,
            language=language.strip() or None,
            since=since.strip() or None,
            until=until.strip() or None,
        )
    except ValueError as exc:
        raise UnspinError(str(exc)) from None


@router.get("/corpus", response_class=HTMLResponse)
def corpus(
    request: Request,
    q: Annotated[str, Query(max_length=500)] = "",
    mode: SearchMode = "hybrid",
    outlet: Annotated[str, Query(max_length=200)] = "",
    language: Annotated[str, Query(max_length=20)] = "",
    since: Annotated[str, Query(max_length=10)] = "",
    until: Annotated[str, Query(max_length=10)] = "",
    order: Order = "published",
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> HTMLResponse:
    """The document list, or the sentences that match ``q``."""
    params = {
        "q": q,
        "mode": mode if q else "",
        "outlet": outlet,
        "language": language,
        "since": since,
        "until": until,
        "order": "" if q or order == "published" else order,
    }
    db = db_of(request)
    values: dict[str, Any] = {"params": params, "hits": None, "documents": None}
    try:
        filters = _filters(outlet, language, since, until)
    except UnspinError as exc:
        values["error"] = str(exc)
        return render(request, "corpus.html", active="corpus", status_code=422, **values)
    try:
        facets = unspin_app.corpus_facets(db)
        values["outlets"] = [name for name, _ in facets.outlets]
        values["languages"] = [code for code, _ in facets.languages]
        if q.strip():
            hits = unspin_app.search_sentences(  # its own encoder copy, not the worker's
                db,
                q,
                filters,
                limit=min(offset + PAGE_SIZE, MAX_HITS) + 1,
                mode=mode,
                config=get_state(request).config,
            )[offset:MAX_HITS]
            values["hits"] = hits[:PAGE_SIZE]
            total = offset + len(hits)
        else:
            listing = unspin_app.list_documents(
                db, filters, limit=PAGE_SIZE, offset=offset, order=order
            )
            values["documents"] = listing.items
            total = listing.total
    except UnspinError as exc:  # no store yet, or one that cannot be read
        values["error"] = str(exc)
        return render(request, "corpus.html", active="corpus", **values)
    shown = len(values["hits"] if values["hits"] is not None else values["documents"])
    values["pager"] = Pager("/corpus", params, offset, PAGE_SIZE, shown, total)
    return render(request, "corpus.html", active="corpus", **values)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(
    request: Request, doc_id: Annotated[str, Path(max_length=200)], experimental: bool = False
) -> HTMLResponse:
    """One stored document: its report and its links to other documents (the link kinds
    audited on real news under 0.8 only with ``experimental``)."""
    db = db_of(request)
    analysis = unspin_app.document_analysis(db, doc_id)
    if analysis is None:
        raise Problem(404, "Document not found", "the store holds no document with this id")
    views = ("contradictions", "quotes")
    links = {
        view: unspin_app.list_link_rows(
            db, view, document=doc_id, limit=LINKS_SHOWN, experimental=experimental
        )
        for view in views
    }
    left_out = {view: unspin_app.shown_kinds(view, None, experimental)[1] for view in views}
    titles = {
        end.document_id: end.title
        for page in links.values()
        for row in page.items
        for end in (row.a, row.b)
        if end.title and end.document_id != doc_id
    }
    return render(
        request,
        "report.html",
        active="corpus",
        doc_links=links,
        links_left_out=left_out,
        experimental=experimental,
        this_document=doc_id,
        parts=context_parts,
        **report_values(analysis, titles),
    )
