"""``/api/v1/outlets``: outlet profiles (``unspin corpus outlets``), page by page, and one
outlet by name; an unknown outlet is a 404 problem."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from pydantic import BaseModel, Field

from unspin import app as unspin_app
from unspin.web.api.models import NOT_FOUND, PROBLEMS, PageOut
from unspin.web.api.params import Paging, db_of, not_found, paging
from unspin.web.state import get_state

__all__ = ["OutletDetailOut", "OutletOut", "OutletPageOut", "RateOut", "router"]

router = APIRouter(prefix="/outlets", tags=["outlets"])


class RateOut(BaseModel):
    """A rate of an outlet: the value over all its documents, its 95 % bootstrap
    interval, the corpus average and the count it is made of (null: no denominator,
    e.g. a share of quotations in an outlet that quotes no one)."""

    value: float | None
    low: float | None
    high: float | None
    corpus: float | None = Field(description="the same rate over every stored document")
    count: int = Field(description="the numerator: findings (or documents) counted")


class OutletOut(BaseModel):
    """One outlet's profile."""

    name: str
    documents: int
    words: int
    first_published: str | None
    last_published: str | None
    small_sample: bool = Field(description="under 10 documents: the rates say little")
    warnings: list[str]
    techniques_per_1000_words: RateOut
    by_technique_per_1000_words: dict[str, RateOut]
    quotes: int
    anonymous_quote_share: RateOut = Field(
        description="share of quotations whose source is anonymous or unresolved"
    )
    hedges_per_1000_words: RateOut
    boosters_per_1000_words: RateOut
    checkworthy_claims_per_document: RateOut
    factchecked_claims_per_document: RateOut
    factcheck_ratings: dict[str, int] = Field(
        description="claims matching a fact-check, by the publisher's rating as written"
    )
    narratives: int | None = Field(description="narratives carried; null: none stored")
    ratings_domain: str | None
    ratings: list[dict[str, Any]] = Field(
        description="published ratings, each with source, dataset, year, values and scale"
    )
    notes: list[str]


class CorpusOut(BaseModel):
    documents: int
    words: int


class IntervalOut(BaseModel):
    """How the intervals were computed."""

    method: str
    confidence: float
    resamples: int
    seed: int


class OutletPageOut(PageOut[OutletOut]):
    """A page of outlets (largest first), with the corpus and the interval method."""

    corpus: CorpusOut
    interval: IntervalOut
    notes: list[str]


class OutletDetailOut(BaseModel):
    """One outlet, with the corpus and the interval method."""

    outlet: OutletOut
    corpus: CorpusOut
    interval: IntervalOut
    notes: list[str]


@router.get("", response_model=OutletPageOut, responses=PROBLEMS)
def list_outlets(request: Request, page: Annotated[Paging, Depends(paging)]) -> dict[str, Any]:
    """Every outlet of the store (the outlet documents were stored with), largest first,
    each rate with its bootstrap interval and the corpus average."""
    profiles = unspin_app.outlet_profiles(db_of(request), config=get_state(request).config)
    data = profiles.to_dict()
    outlets = data.pop("outlets")
    total = len(outlets)
    end = page.offset + page.limit
    return {
        "items": outlets[page.offset : end],
        "total": total,
        "limit": page.limit,
        "offset": page.offset,
        "next_offset": end if end < total else None,
        "corpus": data["corpus"],
        "interval": data["interval"],
        "notes": data["notes"],
    }


@router.get("/{name:path}", response_model=OutletDetailOut, responses=NOT_FOUND)
def get_outlet(request: Request, name: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """One outlet by name (exact, or the one outlet of that name in any case)."""
    try:
        profiles = unspin_app.outlet_profiles(
            db_of(request), name, config=get_state(request).config
        )
    except unspin_app.UnknownOutletError:
        raise not_found("outlet", name) from None
    data = profiles.to_dict()
    return {
        "outlet": data["outlets"][0],
        "corpus": data["corpus"],
        "interval": data["interval"],
        "notes": data["notes"],
    }
