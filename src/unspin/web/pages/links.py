"""Links between documents: contradictions (and the other slot comparisons), drifted
quotes and propagated passages, each side shown by its document's title, outlet and
date, the compared span marked in its sentence."""

from __future__ import annotations

import asyncio
from typing import Annotated, Any, Literal, get_args
from urllib.parse import urlencode

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from unspin import app as unspin_app
from unspin.errors import UnspinError
from unspin.web.pages.common import PAGE_SIZE, Pager, db_of, render
from unspin.web.queue import get_queue

__all__ = ["context_parts", "router"]

router = APIRouter(include_in_schema=False)

View = Literal["contradictions", "quotes", "propagation"]
Kind = Literal["", "contradiction", "compatible", "update", "restatement", "differs"]
VIEW_TITLES = {
    "contradictions": "Contradictions and other comparisons",
    "quotes": "Quote drift",
    "propagation": "Propagated passages",
}


def context_parts(text: str | None, context: str | None) -> tuple[str, str, str]:
    """A side's sentence cut around its span (``before``, ``span``, ``after``); the
    sentence marks the span in [brackets] (:func:`unspin.app.browse.list_link_rows`)."""
    span = " ".join((text or "").split())
    if context:
        at = context.find(f"[{span}]")
        if at >= 0:
            return context[:at], span, context[at + len(span) + 2 :]
    return "", span, ""


@router.get("/links", response_class=HTMLResponse)
def links(
    request: Request,
    view: View = "contradictions",
    kind: Kind = "",
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
    compared: Annotated[int | None, Query(ge=0)] = None,
    found: Annotated[int | None, Query(ge=0)] = None,
    experimental: bool = False,
) -> HTMLResponse:
    """One page of a link listing (``compared``/``found``: what the last comparison
    run from this page did); without a kind, the experimental kinds only with
    ``experimental``."""
    params: dict[str, str] = {"view": view, "kind": kind}
    if experimental:
        params["experimental"] = "1"
    left_out = unspin_app.shown_kinds(view, [kind] if kind else None, experimental)[1]
    values: dict[str, Any] = {
        "left_out": [unspin_app.describe_link_audit(k) for k in left_out],
        "params": params,
        "compared": compared,
        "found": found,
        "views": VIEW_TITLES,
        "kinds": [k for k in get_args(Kind) if k],
        "parts": context_parts,
        "rows": [],
    }
    try:
        listing = unspin_app.list_link_rows(
            db_of(request),
            view,
            kinds=[kind] if kind else None,
            limit=PAGE_SIZE,
            offset=offset,
            experimental=experimental,
        )
    except UnspinError as exc:  # no store yet, or one that cannot be read
        values["error"] = str(exc)
        return render(request, "links.html", active="links", **values)
    values["rows"] = listing.items
    values["pager"] = Pager("/links", params, offset, PAGE_SIZE, len(listing.items), listing.total)
    return render(request, "links.html", active="links", **values)


@router.post("/links/compare", response_class=RedirectResponse)
async def compare(
    request: Request,
    view: Annotated[View, Form()] = "contradictions",
    experimental: Annotated[bool, Form()] = False,
) -> RedirectResponse:
    """Compare the stored documents not compared yet (incremental, on the analysis
    worker after the waiting analyses), then show the listing with what was found."""
    db = db_of(request)
    future = get_queue(request).submit_job(lambda: unspin_app.link_corpus(db))
    result = await asyncio.wrap_future(future)
    found = {"view": view, "compared": result.run.documents, "found": result.run.total}
    query = urlencode({**found, **({"experimental": 1} if experimental else {})})
    return RedirectResponse(f"/links?{query}", status_code=303)
