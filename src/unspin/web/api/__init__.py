"""The REST API under ``/api/v1``: one router per resource, gathered in :data:`router`."""

from __future__ import annotations

from fastapi import APIRouter

from unspin.web.api import (
    analyze,
    docs,
    documents,
    evidence,
    factchecks,
    findings,
    links,
    narratives,
    outlets,
    reviews,
    search,
    timelines,
)

__all__ = ["router"]

router = APIRouter(prefix="/api/v1")
for _resource in (
    analyze,
    documents,
    findings,
    search,
    links,
    narratives,
    outlets,
    timelines,
    factchecks,
    evidence,
    docs,
    reviews,
):
    router.include_router(_resource.router)
