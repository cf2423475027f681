"""The timeline page (``/timeline``): the dated events of the stored documents as a chart
(inline SVG drawn on the server: no script, no style attribute) and a table; a document
can be picked to see its own."""

from __future__ import annotations

import dataclasses
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from unspin import app as unspin_app
from unspin.app import timelines
from unspin.errors import StoreError
from unspin.web.pages.common import db_of, render

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

#: Documents offered in the picker.
DOCUMENTS_LISTED = 200
#: Events drawn and listed (the earliest; the API and the CLI give every one).
EVENTS_SHOWN = 400


@router.get("/timeline", response_class=HTMLResponse)
def timeline_page(
    request: Request, document: Annotated[str | None, Query(max_length=128)] = None
) -> HTMLResponse:
    db = db_of(request)
    document = document or None
    error = None
    try:
        timeline = timelines.corpus_timeline(db, document=document)
    except StoreError as exc:
        timeline, error = None, str(exc)
    try:
        listed = unspin_app.list_documents(db, limit=DOCUMENTS_LISTED).items
    except StoreError:
        listed = []
    title = "Timeline of the corpus"
    for d in listed:
        if document and d.id == document:
            title = f"Timeline: {d.title or d.id}"
    total = len(timeline.events) if timeline else 0
    if timeline is not None and total > EVENTS_SHOWN:
        dated = timeline.dated[:EVENTS_SHOWN]
        undated = timeline.undated[: max(0, EVENTS_SHOWN - len(dated))]
        timeline = dataclasses.replace(timeline, dated=dated, undated=undated)
    # the renderer escapes every text it draws
    svg = Markup(timelines.timeline_svg(timeline, title=title)) if timeline else None
    return render(
        request,
        "timeline.html",
        active="timeline",
        timeline=timeline,
        svg=svg,
        documents=listed,
        document=document,
        error=error,
        total=total,
        status_code=404 if error and document else 200,
    )
