"""The REST API under ``/api/v1``: one router per resource, gathered in :data:`router`."""

from __future__ import annotations

from fastapi import APIRouter

from unspin.web.api import reviews

__all__ = ["router"]

router = APIRouter(prefix="/api/v1")
router.include_router(reviews.router)
