"""Logging in and sessions: the ``/login`` form (browsers), ``POST /logout``, and
``GET /api/v1/session`` (API clients: the CSRF token and the session cookie).

The token is compared in constant time (:func:`unspin.web.security.token_matches`); a
client address gets 429 after :data:`MAX_FAILURES` failures a minute; a successful
login starts a new session (new id, HttpOnly, SameSite=Strict cookie) so an
id planted before logging in is worth nothing after it.
"""

from __future__ import annotations

import collections
import logging
import threading
import time
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from unspin.web.problems import Problem
from unspin.web.security import CSRF_HEADER, csrf_token, start_session, token_matches
from unspin.web.state import get_state

__all__ = ["LoginThrottle", "api_router", "router", "safe_next"]

log = logging.getLogger("unspin.web")

#: Failed logins a client address may make per :data:`WINDOW_SECONDS` before 429s.
MAX_FAILURES = 10
WINDOW_SECONDS = 60.0


class LoginThrottle:
    """Counts failed logins per client address over a sliding window (a long random
    token cannot be guessed anyway; this keeps a scripted guesser from trying)."""

    def __init__(self, limit: int = MAX_FAILURES, window: float = WINDOW_SECONDS) -> None:
        self.limit = limit
        self.window = window
        self._failures: dict[str, collections.deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, client: str, now: float) -> collections.deque[float]:
        times = self._failures.setdefault(client, collections.deque())
        while times and now - times[0] > self.window:
            times.popleft()
        return times

    def wait(self, client: str) -> int:
        """Seconds ``client`` must wait before trying again (0: it may try now)."""
        now = time.monotonic()
        with self._lock:
            times = self._recent(client, now)
            if len(times) < self.limit:
                return 0
            return max(1, round(self.window - (now - times[0])))

    def failed(self, client: str) -> None:
        now = time.monotonic()
        with self._lock:
            if len(self._failures) > 10_000:  # bounded: forget the idle ones
                for key in [k for k, v in self._failures.items() if not self._recent(k, now)]:
                    del self._failures[key]
            self._recent(client, now).append(now)


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
    state = get_state(request)
    expected = state.settings.token
    if expected is None:
        return RedirectResponse(safe_next(next), status_code=303)
    throttle: LoginThrottle = state.services.setdefault("login_throttle", LoginThrottle())
    client = request.client.host if request.client else "-"
    wait = throttle.wait(client)
    if wait:
        raise Problem(
            429, None, f"too many failed logins; try again in {wait} s",
            headers={"Retry-After": str(wait)},
        )  # fmt: skip
    if not token_matches(token, expected):
        throttle.failed(client)
        log.warning("login refused (wrong token) from %s", client)
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
