"""Logging in and sessions: the ``/login`` form (browsers), ``POST /logout``, and
``GET /api/v1/session`` (API clients: the CSRF token and the session cookie).

The token is compared in constant time (:func:`unspin.web.security.token_matches`); a
successful login starts a new session (new id, HttpOnly, SameSite=Strict cookie) so an
id planted before logging in is worth nothing after it.
"""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from unspin.web.security import CSRF_HEADER, csrf_token, start_session, token_matches
from unspin.web.state import get_state

__all__ = ["api_router", "router", "safe_next"]

log = logging.getLogger("unspin.web")

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api/v1", tags=["session"])


def safe_next(target: str | None) -> str:
    """A local path to go to after logging in (anything else: ``/``)."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _login_page(request: Request, next_path: str, error: str | None, status: int) -> Response:
    state = get_state(request)
    return state.templates.TemplateResponse(
        request,
        "login.html",
        {"next": next_path, "error": error, "token_required": bool(state.settings.token)},
        status_code=status,
    )


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> Response:
    return _login_page(request, safe_next(next), None, 200)


@router.post("/login")
def login(
    request: Request,
    token: Annotated[str, Form(max_length=4096)] = "",
    next: Annotated[str, Form(max_length=2048)] = "/",
) -> Response:
    """Check the token (constant time); on success a new logged-in session and a 303 to
    ``next``; else the form again with a 401."""
    expected = get_state(request).settings.token
    if expected is None:
        return RedirectResponse(safe_next(next), status_code=303)
    if not token_matches(token, expected):
        log.warning("login refused (wrong token)")
        return _login_page(request, safe_next(next), "That token is not right.", 401)
    start_session(request, authenticated=True)
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request) -> Response:
    start_session(request, authenticated=False)
    return RedirectResponse("/login" if get_state(request).settings.token else "/", 303)


@api_router.get("/session", summary="This client's session and CSRF token")
def session(request: Request) -> dict[str, Any]:
    """Sets the session cookie (when the client has none) and returns the CSRF token
    of that session. Every POST, PUT, PATCH or DELETE must send the cookie back and the
    token in the ``X-CSRF-Token`` header. ``authenticated``: whether the session logged
    in (``Authorization: Bearer`` clients need not)."""
    current = request.scope["state"]["session"]
    return {
        "csrf_token": csrf_token(request),
        "csrf_header": CSRF_HEADER,
        "authenticated": bool(current.authenticated),
        "token_required": bool(get_state(request).settings.token),
    }
