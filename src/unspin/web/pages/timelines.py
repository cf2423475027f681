"""The timeline page (``/timeline``): the dated events of the stored documents as a chart
(inline SVG drawn on the server: no script, no style attribute) and a table; a document
can be picked to see its own; ``narrative=ID`` and ``story=ID`` (linked from
``/narratives``) show one narrative's or one story's."""

from __future__ import annotations

import dataclasses
from typing import Annotated
from urllib.parse import urlencode

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
    request: Request,
    document: Annotated[str | None, Query(max_length=128)] = None,
    narrative: Annotated[int | None, Query(ge=0)] = None,
    story: Annotated[int | None, Query(ge=0)] = None,
) -> HTMLResponse:
    db = db_of(request)
    document = document or None
    error = None
    try:
        timeline = timelines.timeline_for(db, document=document, narrative=narrative, story=story)
    except (StoreError, timelines.UnknownNarrativeError) as exc:
        timeline, error = None, str(exc)
    try:
        listed = unspin_app.list_documents(db, limit=DOCUMENTS_LISTED).items
    except StoreError:
        listed = []
    title = "Timeline of the corpus"
    if narrative is not None:
        title, document = f"Timeline: narrative {narrative}", None
    elif story is not None:
        title, document = f"Timeline: story {story}", None
    chosen = {"narrative": narrative, "story": story, "document": document}
    query = urlencode({k: v for k, v in chosen.items() if v is not None})
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
        heading=title if narrative is not None or story is not None else None,
        query=query,
        status_code=404
        if error and (document or narrative is not None or story is not None)
        else 200,
    )
