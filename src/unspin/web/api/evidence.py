"""``/api/v1/evidence``: the evidence passages a claim is checked against: search them,
and add trusted documents (split into passages, indexed and embedded)."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, File, Query, Request, UploadFile

from unspin import app as unspin_app
from unspin.web.api.models import PROBLEMS, EvidenceAddOut, EvidencePassageOut, ProblemOut
from unspin.web.api.params import db_of
from unspin.web.api.uploads import saved_uploads
from unspin.web.queue import get_queue
from unspin.web.state import get_state

__all__ = ["router"]

router = APIRouter(prefix="/evidence", tags=["evidence"])


@router.get("", response_model=list[EvidencePassageOut], responses=PROBLEMS)
def search_evidence(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=1000, description="the claim")],
    limit: Annotated[int, Query(ge=1, le=50)] = 5,
) -> list[dict[str, Any]]:
    """The stored passages ranked for a claim (keyword and embedding rankings fused)."""
    config = get_state(request).config
    found = unspin_app.find_evidence(db_of(request), q, limit=limit, config=config)
    return [
        {
            "document_id": p.passage.document_id,
            "title": p.passage.title,
            "source": p.passage.source,
            "url": p.passage.url,
            "published": p.passage.published,
            "index": p.passage.index,
            "start": p.passage.start,
            "end": p.passage.end,
            "text": p.passage.text,
            "score": round(float(p.score), 6),
            "similarity": round(float(p.similarity), 6),
            "keyword_rank": p.keyword_rank,
            "semantic_rank": p.semantic_rank,
        }
        for p in found
    ]


@router.post(
    "",
    response_model=EvidenceAddOut,
    responses={413: {"model": ProblemOut, "description": "a file is too large"}, **PROBLEMS},
)
async def add_evidence(
    request: Request,
    files: Annotated[list[UploadFile], File(description="text, Markdown, HTML or JSON Lines")],
) -> dict[str, Any]:
    """Add trusted documents as evidence (a document already stored is skipped, an
    unreadable one reported); embedded by the analysis worker."""
    state = get_state(request)
    db, settings, max_bytes = db_of(request), state.settings, state.config.max_bytes
    async with saved_uploads(files, max_bytes) as folder:
        future = get_queue(request).submit(
            lambda: unspin_app.add_evidence(
                db,
                [folder],
                config=settings.config,
                backbone=settings.backbone,
                max_bytes=max_bytes,
            )
        )
        result = await asyncio.wrap_future(future)
    report = result.report
    return {
        "added": report.added,
        "skipped": report.skipped,
        "passages_added": report.passages,
        "errors": [str(e) for e in report.errors],
        "documents": result.documents,
        "passages": result.passages,
    }
