"""``/api/v1/narratives``: the stories of the store and the narratives in them (``unspin
corpus narratives -f json``), largest story first, page by page. Reading only: the
documents not clustered yet are counted (``waiting``), clustered by ``unspin corpus
narratives`` or the page's button."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from unspin import app as unspin_app
from unspin.app.timelines import UnknownNarrativeError
from unspin.web.api.models import NOT_FOUND, PageOut
from unspin.web.api.params import Paging, db_of, not_found, paging

__all__ = [
    "NarrativeClaimOut",
    "NarrativeOut",
    "StoryDocumentOut",
    "StoryOut",
    "StoryPageOut",
    "router",
]

router = APIRouter(prefix="/narratives", tags=["narratives"])


class StoryDocumentOut(BaseModel):
    id: str
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    date: str | None = Field(description="published, else the day it was ingested")
    first_sentence: str
    similarity: float = Field(description="its score for the story when it joined it")


class NarrativeClaimOut(BaseModel):
    document_id: str
    finding_id: str
    text: str
    start: int
    end: int
    label: str
    checkworthiness: float
    similarity: float
    outlet: str | None
    date: str | None


class GrowthOut(BaseModel):
    period: str = Field(description="a day (YYYY-MM-DD) or an ISO week (YYYY-Www)")
    count: int = Field(description="claims of the narrative dated in it")


class NarrativeOut(BaseModel):
    """Claims told alike inside one story, named by the most central one."""

    id: int
    story: int
    name: str
    polarity: Literal["positive", "negative"]
    new: bool
    claims: list[NarrativeClaimOut]
    documents: list[str]
    outlets: dict[str, int] = Field(description="documents per outlet")
    first_seen: str | None
    last_seen: str | None
    growth: list[GrowthOut]
    techniques: dict[str, int] = Field(description="technique spans on its claims' sentences")
    source_types: dict[str, int] = Field(description="quotations and attributions by source")
    factchecks: list[dict[str, Any]] = Field(description="fact-checks matching its claims")


class StoryOut(BaseModel):
    """Documents on one event or topic, and the narratives told in them."""

    id: int
    title: str
    new: bool
    size: int
    outlets: dict[str, int]
    first_seen: str | None
    last_seen: str | None
    documents: list[StoryDocumentOut]
    narratives: list[NarrativeOut]


class StoryPageOut(PageOut[StoryOut]):
    waiting: int = Field(description="stored documents not clustered yet")


@router.get("", response_model=StoryPageOut, responses=NOT_FOUND)
def list_stories(
    request: Request,
    page: Annotated[Paging, Depends(paging)],
    min_documents: Annotated[int, Query(ge=1, le=10**6)] = 1,
    period: Literal["day", "week"] = "day",
    story: Annotated[int | None, Query(ge=1)] = None,
) -> dict[str, Any]:
    """Stories of at least ``min_documents`` documents, largest first, each with its
    documents and its narratives (growth per ``period``)."""
    try:
        listing = unspin_app.list_narratives(
            db_of(request), cluster=False, period=period, min_documents=min_documents, story=story
        )
    except UnknownNarrativeError:
        raise not_found("story", str(story)) from None
    stories = listing.to_list()
    end = page.offset + page.limit
    return {
        "items": stories[page.offset : end],
        "total": len(stories),
        "limit": page.limit,
        "offset": page.offset,
        "next_offset": end if end < len(stories) else None,
        "waiting": listing.waiting,
    }
