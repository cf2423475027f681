"""``/api/v1/docs``: the API reference page, rendered in the browser by
``static/api-docs.js`` from ``/api/v1/openapi.json`` (shipped, no CDN, no inline script)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from unspin import app as unspin_app
from unspin.web.state import get_state

__all__ = ["router"]

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API reference page."""
    return get_state(request).templates.TemplateResponse(
        request,
        "api_docs.html",
        {
            "active": "api",
            "version": unspin_app.version(),
            "openapi_url": request.app.openapi_url or "/api/v1/openapi.json",
        },
    )
