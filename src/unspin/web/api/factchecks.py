"""``/api/v1/factchecks``: search the known fact-checks (ClaimReview) of the store, and
import ClaimReview files (JSON-LD pages, Fact Check Tools API JSON, CSV)."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any

from fastapi import APIRouter, File, Query, Request, UploadFile

from unspin import app as unspin_app
from unspin.web.api.models import PROBLEMS, FactCheckImportOut, FactCheckOut, ProblemOut
from unspin.web.api.params import db_of
from unspin.web.api.uploads import saved_uploads
from unspin.web.queue import get_queue
from unspin.web.state import get_state

__all__ = ["router"]

router = APIRouter(prefix="/factchecks", tags=["fact-checks"])


@router.get("", response_model=list[FactCheckOut], responses=PROBLEMS)
def search_factchecks(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=1000, description="words of the claim")],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> list[dict[str, Any]]:
    """Fact-checks whose claim or headline matches ``q`` (full text), best first."""
    found = unspin_app.search_factchecks(db_of(request), q, limit=limit)
    return [{**review.to_dict(), "score": round(float(score), 6)} for review, score in found]


@router.post(
    "",
    response_model=FactCheckImportOut,
    responses={413: {"model": ProblemOut, "description": "a file is too large"}, **PROBLEMS},
)
async def import_factchecks(
    request: Request,
    files: Annotated[list[UploadFile], File(description="ClaimReview files")],
) -> dict[str, Any]:
    """Import the ClaimReviews of uploaded files (a review already stored is skipped);
    the claims are embedded by the analysis worker."""
    state = get_state(request)
    db, settings = db_of(request), state.settings
    async with saved_uploads(files, state.config.max_bytes) as folder:

        def run() -> Any:
            # the next analysis matches them: the analyzer sees its store's fact-checks change
            return unspin_app.import_factcheck_files(
                db, [folder], backbone=settings.backbone, config=settings.config
            )

        future = get_queue(request).submit(run)
        result = await asyncio.wrap_future(future)
    report = result.report
    return {
        "added": report.added,
        "skipped": report.already,
        "errors": [str(e) for e in report.errors],
        "total": result.total,
    }
