"""Errors as RFC 9457 ``application/problem+json``, one shape for every endpoint.

Raise :class:`Problem` (``Problem(404, "Document not found", detail=...)``) from any
endpoint or dependency. Every error comes out with ``type``, ``title``, ``status``,
``detail``, ``instance`` (the path) and ``request_id``: 404 and 405 from routing, 413
from the body limit, 422 validation errors (with ``errors: [{"loc", "msg", "allowed"?}]``,
``allowed`` listing the values of a ``Literal`` or Enum parameter), unspin's own errors
(:func:`unspin_status`) and unexpected exceptions (500, logged with their traceback,
never shown). A browser asking for a page (``Accept: text/html``, path not under
``/api``) gets a small HTML page with the same fields instead.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from unspin.errors import (
    ConfigError,
    InputError,
    InputTooLargeError,
    MissingExtraError,
    ModelError,
    NotFoundError,
    PipelineError,
    StoreError,
    UnspinError,
)

__all__ = [
    "PROBLEM_JSON",
    "Problem",
    "install",
    "problem_response",
    "request_id",
    "unspin_status",
]

log = logging.getLogger("unspin.web")

PROBLEM_JSON = "application/problem+json"

_TITLES = {
    400: "Bad request",
    401: "Authentication required",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    413: "Request body too large",
    415: "Unsupported media type",
    422: "Invalid request",
    429: "Too many requests",
    500: "Internal server error",
    503: "Service unavailable",
}


class Problem(StarletteHTTPException):
    """An error response: ``status``, a short ``title``, an optional ``detail`` sentence,
    extra ``headers`` (``Retry-After``) and extra members of the problem body."""

    def __init__(
        self,
        status: int,
        title: str | None = None,
        detail: str | None = None,
        *,
        headers: Mapping[str, str] | None = None,
        type: str = "about:blank",
        **extra: Any,
    ) -> None:
        self.title = title or _TITLES.get(status, "Error")
        self.type = type
        self.extra = extra
        super().__init__(status, detail=detail, headers=dict(headers or {}))

    @property
    def status(self) -> int:
        return self.status_code


def request_id(request: Request) -> str:
    """The id the security middleware gave ``request`` (``"-"`` before it ran)."""
    value = request.scope.get("state", {}).get("request_id", "-")
    return str(value)


def wants_html(request: Request) -> bool:
    """A browser asking for a page: ``text/html`` accepted and the path not under /api."""
    accept = request.headers.get("accept", "")
    return "text/html" in accept and not request.url.path.startswith("/api/")


def problem_response(
    request: Request,
    status: int,
    title: str | None = None,
    detail: str | None = None,
    *,
    headers: Mapping[str, str] | None = None,
    type: str = "about:blank",
    **extra: Any,
) -> Response:
    """The problem response for ``request`` (JSON, or HTML for a browser page)."""
    body: dict[str, Any] = {
        "type": type,
        "title": title or _TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        "instance": request.url.path,
        "request_id": request_id(request),
    }
    body.update(extra)
    if wants_html(request):
        return HTMLResponse(_html_page(body), status_code=status, headers=dict(headers or {}))
    return JSONResponse(
        body, status_code=status, headers=dict(headers or {}), media_type=PROBLEM_JSON
    )


def _html_page(body: Mapping[str, Any]) -> str:
    esc = {k: html.escape(str(v if v is not None else "")) for k, v in body.items()}
    detail = f"<p>{esc['detail']}</p>" if body.get("detail") else ""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc['status']} {esc['title']} · unspin</title>"
        '<link rel="stylesheet" href="/static/app.css"></head>'
        f'<body><main class="error-page"><h1>{esc["status"]} {esc["title"]}</h1>{detail}'
        f'<p class="muted">Page <code>{esc["instance"]}</code> · request id '
        f'<code>{esc["request_id"]}</code></p><p><a href="/">Back to the start page</a></p>'
        "</main></body></html>"
    )


def unspin_status(exc: UnspinError) -> int:
    """The HTTP status of one of unspin's own errors."""
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, InputTooLargeError):
        return 413
    if isinstance(exc, InputError):
        return 422
    if isinstance(exc, ConfigError | PipelineError):
        return 400
    if isinstance(exc, ModelError | MissingExtraError | StoreError):
        return 503
    return 400


def _titled(exc: UnspinError) -> str:
    if isinstance(exc, NotFoundError):
        return "Not found"
    if isinstance(exc, InputError):
        return "Unusable input"
    if isinstance(exc, StoreError):
        return "Store unavailable"
    if isinstance(exc, ModelError | MissingExtraError):
        return "Model or package missing"
    return "Invalid request"


def _allowed(error: Mapping[str, Any]) -> list[str] | None:
    """The values a Literal or Enum parameter accepts, from pydantic's error context."""
    ctx = error.get("ctx") or {}
    expected = ctx.get("expected")
    if not isinstance(expected, str) or error.get("type") not in {"literal_error", "enum"}:
        return None
    parts = expected.replace(" or ", ", ").split(", ")
    return [p.strip().strip("'\"") for p in parts if p.strip()]


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for error in exc.errors():
        item: dict[str, Any] = {
            "loc": [str(part) for part in error.get("loc", ())],
            "msg": str(error.get("msg", "")),
        }
        allowed = _allowed(error)
        if allowed:
            item["allowed"] = allowed
        out.append(item)
    return out


async def _on_problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if isinstance(exc, Problem):
        return problem_response(
            request, exc.status_code, exc.title, exc.detail, headers=exc.headers,
            type=exc.type, **exc.extra,
        )  # fmt: skip
    detail = exc.detail if exc.detail != _phrase(exc.status_code) else None
    return problem_response(request, exc.status_code, None, detail, headers=exc.headers)


def _phrase(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


async def _on_validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = _validation_errors(exc)
    first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
    detail = f"{'.'.join(first['loc'])}: {first['msg']}"
    if first.get("allowed"):
        detail += f" (allowed: {', '.join(first['allowed'])})"
    return problem_response(request, 422, None, detail, errors=errors)


async def _on_unspin(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, UnspinError)
    status = unspin_status(exc)
    if status >= 500:
        log.error("request %s: %s", request_id(request), exc)
    return problem_response(request, status, _titled(exc), str(exc))


def server_error(request: Request, exc: BaseException) -> Response:
    """The 500 problem of an unexpected exception: logged with its traceback, never
    shown (the client gets the request id to quote)."""
    log.error(
        "request %s %s %s failed",
        request_id(request),
        request.method,
        request.url.path,
        exc_info=(type(exc), exc, exc.__traceback__),
    )
    return problem_response(
        request, 500, None, "An unexpected error occurred; quote the request id when reporting it."
    )


def install(app: FastAPI) -> None:
    """Install the exception handlers on ``app`` (unexpected exceptions are turned into
    500 problems by the security middleware, which wraps every response)."""
    app.add_exception_handler(StarletteHTTPException, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(UnspinError, _on_unspin)
