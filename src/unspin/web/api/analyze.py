"""``/api/v1/analyze``: a text (JSON) or an uploaded file in, the analysis JSON out (the
schema of ``unspin schema``), analysed by the server's one analysis worker; with
``store=true`` the document is also stored (with its sentences and embeddings)."""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import JSONResponse

from unspin import app as unspin_app
from unspin.errors import InputError
from unspin.web.api.models import (
    LANGUAGE_CODE,
    LANGUAGE_HELP,
    PROBLEMS,
    AnalysisOut,
    AnalyzeRequest,
    ProblemOut,
)
from unspin.web.api.params import db_of
from unspin.web.api.uploads import read_upload
from unspin.web.queue import get_queue
from unspin.web.state import get_state

__all__ = ["router"]

router = APIRouter(prefix="/analyze", tags=["analyze"])

_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "the analysis JSON (schema: `unspin schema`); with store=true, "
        "`Location` names the stored document",
        "model": AnalysisOut,
    },
    413: {"model": ProblemOut, "description": "the text or file is over the size limit"},
    **PROBLEMS,
}
_STORE = Query(description="also store the document (analysed once; a stored text is kept)")


def _iso(value: str) -> bool:
    try:
        datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _dated(document: unspin_app.Document, published: str | None) -> unspin_app.Document:
    """``document``, refused when the publication date it was given is not ISO 8601:
    dropped, it left 'on Tuesday' resolved against nothing, with no word said; read
    loosely, "5" was the 5th of this month."""
    if published and published.strip() and not _iso(published):
        raise InputError(
            f"published: cannot read {published!r} as a date",
            source=document.source,
            hint="give an ISO 8601 date such as 2025-03-04",
        )
    return document


async def _analyze(request: Request, document: unspin_app.Document, store: bool) -> JSONResponse:
    queue = get_queue(request)
    if not store:
        analysis = await queue.analyze(document)
        return JSONResponse(analysis.to_dict())
    state = get_state(request)
    db, config = db_of(request), state.config
    future = queue.submit(lambda: unspin_app.store_document(db, document, config))
    stored, added = await asyncio.wrap_future(future)
    return JSONResponse(
        stored.to_dict(),
        status_code=201 if added else 200,
        headers={"Location": f"/api/v1/documents/{stored.document.id}"},
    )


@router.post("", response_class=JSONResponse, responses={**_RESPONSES, 201: _RESPONSES[200]})
async def analyze_text(
    request: Request, body: AnalyzeRequest, store: Annotated[bool, _STORE] = False
) -> JSONResponse:
    """Analyse a pasted text with its metadata."""
    meta = body.model_dump(exclude={"text"}, exclude_none=True)
    max_bytes = get_state(request).config.max_bytes
    document = unspin_app.document_from_text(body.text, max_bytes=max_bytes, source="api", **meta)
    return await _analyze(request, _dated(document, body.published), store)


@router.post("/file", response_class=JSONResponse, responses={**_RESPONSES, 201: _RESPONSES[200]})
async def analyze_file(
    request: Request,
    file: Annotated[UploadFile, File(description="text, Markdown, HTML or JSON Lines")],
    title: Annotated[str | None, Form(max_length=1000)] = None,
    url: Annotated[str | None, Form(max_length=2000)] = None,
    outlet: Annotated[str | None, Form(max_length=200)] = None,
    author: Annotated[str | None, Form(max_length=500)] = None,
    published: Annotated[str | None, Form(max_length=64)] = None,
    language: Annotated[str | None, Form(pattern=LANGUAGE_CODE, description=LANGUAGE_HELP)] = None,
    store: Annotated[bool, _STORE] = False,
) -> JSONResponse:
    """Analyse an uploaded file (its first document), read as the command line reads
    files; the form fields override the metadata the file carries."""
    max_bytes = get_state(request).config.max_bytes
    data = await read_upload(file, max_bytes)
    document = unspin_app.document_from_bytes(
        data,
        file.filename or "upload.txt",
        max_bytes=max_bytes,
        title=title,
        url=url,
        outlet=outlet,
        author=author,
        published=published,
        language=language,
    )
    return await _analyze(request, _dated(document, published), store)
