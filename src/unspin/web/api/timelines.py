"""``/api/v1/timeline``: the dated events of the stored documents (``unspin corpus
timeline -f json``), merged across documents, ordered, conflicting dates flagged; one
document with ``document=ID``, one narrative's with ``narrative=ID``, one story's with
``story=ID`` (an unknown one is a 404 problem)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from unspin.app import timelines
from unspin.errors import StoreError
from unspin.web.api.models import NOT_FOUND
from unspin.web.api.params import MAX_ID, db_of, not_found

__all__ = ["TimelineOut", "router"]

router = APIRouter(prefix="/timeline", tags=["timeline"])


class TimelineOut(BaseModel):
    """Events in date order, those left relative, and how many have conflicting dates.

    An event: ``id``, ``what`` (actors: predicate, from the claim frame), ``sentence``,
    ``date`` (ISO: YYYY, YYYY-MM, YYYY-Www, YYYY-MM-DD or A/B), ``precision``,
    ``conflict``, ``conflict_note``, ``dates`` (each date given, with its documents),
    ``documents`` and ``mentions`` (document, claim id, ``anchor`` {start, end, text} of
    the date expression, its own date, precision and what it was resolved against)."""

    events: list[dict[str, Any]] = Field(description="dated events, earliest first")
    undated: list[dict[str, Any]] = Field(description="events whose date stays relative")
    conflicts: int = Field(description="events whose mentions give incompatible dates")
    mentions: int


@router.get("", response_model=TimelineOut, responses=NOT_FOUND)
def get_timeline(
    request: Request,
    document: Annotated[
        str | None, Query(max_length=MAX_ID, description="only this stored document")
    ] = None,
    narrative: Annotated[
        int | None, Query(ge=0, description="only the events this narrative's claims tell")
    ] = None,
    story: Annotated[int | None, Query(ge=0, description="only this story's documents")] = None,
) -> dict[str, Any]:
    """The corpus timeline, or one document's, narrative's or story's."""
    try:
        timeline = timelines.timeline_for(
            db_of(request), document=document, narrative=narrative, story=story
        )
    except timelines.UnknownNarrativeError:
        if narrative is not None:
            raise not_found("narrative", str(narrative)) from None
        raise not_found("story", str(story)) from None
    except StoreError:
        if document is None:
            raise
        raise not_found("document", document) from None
    return timeline.to_dict()
