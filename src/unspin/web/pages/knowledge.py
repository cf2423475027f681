"""What claims are checked against: published fact-checks and evidence passages (search;
import from the page through the API)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from unspin import app as unspin_app
from unspin.errors import UnspinError
from unspin.web.pages.common import db_of, render
from unspin.web.state import get_state

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

#: Results shown for one search.
LIMIT = 20


@router.get("/factchecks", response_class=HTMLResponse)
def factchecks(request: Request, q: Annotated[str, Query(max_length=500)] = "") -> HTMLResponse:
    """Search the imported fact-checks; import more (ClaimReview JSON-LD, API JSON, CSV)."""
    values: dict[str, Any] = {"q": q, "results": None}
    try:
        if q.strip():
            values["results"] = unspin_app.search_factchecks(db_of(request), q, limit=LIMIT)
        if not values["results"]:
            values["held"] = unspin_app.held_knowledge(db_of(request))
    except UnspinError as exc:
        values["error"] = str(exc)
    return render(request, "factchecks.html", active="factchecks", **values)


@router.get("/evidence", response_class=HTMLResponse)
def evidence(request: Request, q: Annotated[str, Query(max_length=500)] = "") -> HTMLResponse:
    """Search the evidence passages for a claim; add trusted documents."""
    values: dict[str, Any] = {"q": q, "results": None}
    try:
        if q.strip():  # the query encoder of the API's search, never the worker's
            values["results"] = unspin_app.find_evidence(
                db_of(request), q, config=get_state(request).config, limit=LIMIT
            )
        if not values["results"]:
            values["held"] = unspin_app.held_knowledge(db_of(request))
    except UnspinError as exc:
        values["error"] = str(exc)
    return render(request, "evidence.html", active="evidence", **values)
