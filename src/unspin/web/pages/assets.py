"""The report body's stylesheet and script (``/assets/report.css``, ``/assets/report.js``),
shipped in :mod:`unspin.report` and served as files (the CSP allows only files from this
origin, never inline code)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from fastapi.responses import Response

from unspin import report

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

_TYPES = {"report.css": "text/css; charset=utf-8", "report.js": "text/javascript; charset=utf-8"}


@router.get("/assets/{name}")
def asset(name: Literal["report.css", "report.js"]) -> Response:
    """One of the report's assets."""
    return Response(
        report.asset(name), media_type=_TYPES[name], headers={"Cache-Control": "no-cache"}
    )
