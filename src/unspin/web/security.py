"""Security middleware: request ids, Host allow-list, body size limit, token and session,
Origin and CSRF checks, and the security headers of every response.

One pure ASGI middleware (:class:`SecurityMiddleware`) runs before any route:

1. **Request id**: the client's ``X-Request-ID`` when it is short and plain, else a new
   one; echoed in the response, put in problem bodies and in log records
   (:class:`RequestIdFilter`, ``%(request_id)s``).
2. **Host allow-list** (always, loopback included, against DNS rebinding): the bound
   host, the loopback names and ``settings.allowed_hosts``; anything else is a 400.
3. **Body size**: a ``Content-Length`` over ``settings.max_body`` is refused at once
   (413); a body without one is counted while it streams in and cut off at the limit.
4. **Session**: a signed cookie (``unspin_session``: random id, "logged in" flag, HMAC
   with a per-process secret) that is HttpOnly, SameSite=Strict, Secure over https; a
   request without a valid one gets a fresh one.
5. **Token wall** (when a token is set; required off loopback): ``Authorization:
   Bearer <token>`` or a logged-in session (the ``/login`` form), compared in constant
   time. Pages redirect to ``/login``; everything else gets a 401 problem.
6. **Origin and CSRF** on POST/PUT/PATCH/DELETE (API included): a cross-site
   ``Origin`` (or ``Referer``, ``Sec-Fetch-Site``) is a 403; the ``X-CSRF-Token``
   header (or the ``csrf_token`` field of a form, urlencoded or multipart, so forms work
   without script) must equal the HMAC of the
   session id, compared with :func:`hmac.compare_digest`. API clients get the cookie and
   the token from ``GET /api/v1/session``.
7. **Headers** on every response: a strict Content-Security-Policy (no inline script or
   style), ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``,
   ``X-Frame-Options: DENY``, same-origin opener and resource policies, and
   ``Cache-Control: no-store`` except on static assets.

Unexpected exceptions become 500 problems here too, so they carry the same headers.
"""

from __future__ import annotations

import contextvars
import hashlib
import hmac
import logging
import re
import secrets
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from unspin.errors import ConfigError
from unspin.web.problems import Problem, problem_response, server_error, wants_html
from unspin.web.settings import ServeSettings

__all__ = [
    "CSP",
    "CSRF_HEADER",
    "MIN_TOKEN_LENGTH",
    "SESSION_COOKIE",
    "RequestIdFilter",
    "SecurityMiddleware",
    "Session",
    "Sessions",
    "check_settings",
    "csrf_context",
    "csrf_token",
    "install",
    "start_session",
    "token_matches",
]

log = logging.getLogger("unspin.web")

SESSION_COOKIE = "unspin_session"
CSRF_HEADER = "X-CSRF-Token"
MIN_TOKEN_LENGTH = 16
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
SECURITY_HEADERS = (
    ("content-security-policy", CSP),
    ("x-content-type-options", "nosniff"),
    ("referrer-policy", "no-referrer"),
    ("x-frame-options", "DENY"),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
)
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
MAX_FORM_FILES = 1000
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: Reachable without the token: the login form, its assets, the session endpoint.
PUBLIC_PATHS = frozenset({"/login", "/api/v1/session", "/favicon.ico"})
PUBLIC_PREFIXES = ("/static/", "/assets/")
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})
_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")

_current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar(
    "unspin_request_id", default="-"
)


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` (the request being served, ``-`` outside one) to records."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _current_request_id.get()
        return True


def check_settings(settings: ServeSettings) -> None:
    """Refuse settings that cannot be served safely: a non-loopback host without a
    token, or a token too short to resist guessing."""
    if settings.token is not None and len(settings.token) < MIN_TOKEN_LENGTH:
        raise ConfigError(
            f"the token is shorter than {MIN_TOKEN_LENGTH} characters",
            hint="python -c 'import secrets; print(secrets.token_urlsafe(32))'",
        )
    if not settings.loopback and not settings.token:
        raise ConfigError(
            f"serving on {settings.host} (not loopback) needs a token",
            hint="set UNSPIN_TOKEN or pass --token-file",
        )


def token_matches(given: str | None, expected: str | None) -> bool:
    """Constant-time comparison of a presented token with the configured one."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


@dataclass(frozen=True)
class Session:
    """A browser or API client's session: a random id and whether it logged in."""

    id: str
    authenticated: bool = False


class Sessions:
    """Signs session cookies and derives CSRF tokens with a per-process secret (so a
    restart ends every session)."""

    def __init__(self, secret: bytes | None = None) -> None:
        self._secret = secret or secrets.token_bytes(32)

    def _mac(self, purpose: str, value: str) -> str:
        msg = f"{purpose}:{value}".encode()
        return hmac.new(self._secret, msg, hashlib.sha256).hexdigest()

    def new(self, authenticated: bool = False) -> Session:
        return Session(secrets.token_urlsafe(24), authenticated)

    def cookie_value(self, session: Session) -> str:
        flag = "1" if session.authenticated else "0"
        return f"{session.id}.{flag}.{self._mac('session', f'{session.id}.{flag}')}"

    def parse(self, value: str | None) -> Session | None:
        """The session a cookie value names, or None when it was not signed here."""
        if not value or value.count(".") != 2:
            return None
        sid, flag, mac = value.split(".")
        if flag not in {"0", "1"} or not hmac.compare_digest(
            mac.encode(), self._mac("session", f"{sid}.{flag}").encode()
        ):
            return None
        return Session(sid, flag == "1")

    def csrf(self, session: Session) -> str:
        return self._mac("csrf", session.id)

    def csrf_ok(self, session: Session, token: str | None) -> bool:
        return bool(token) and hmac.compare_digest(
            self.csrf(session).encode(), str(token).encode("utf-8", "replace")
        )


def _sessions(request: Request) -> Sessions:
    sessions: Sessions = request.app.state.unspin.services["sessions"]
    return sessions


def _session(request: Request) -> Session:
    session: Session | None = request.scope.get("state", {}).get("session")
    if session is None:  # not behind the middleware (a bare test app)
        raise Problem(500, detail="no session: the security middleware is not installed")
    return session


def csrf_token(request: Request) -> str:
    """The CSRF token of ``request``'s session (for forms and the csrf meta tag)."""
    return _sessions(request).csrf(_session(request))


def csrf_context(request: Request) -> dict[str, Any]:
    """Jinja2 context processor: ``csrf_token`` in every template."""
    state = request.scope.get("state", {})
    if state.get("session") is None:
        return {"csrf_token": ""}
    return {"csrf_token": csrf_token(request)}


def start_session(request: Request, *, authenticated: bool) -> Session:
    """Replace ``request``'s session by a fresh one (a new id, so a session fixed before
    logging in is worth nothing after it); the response sets its cookie."""
    session = _sessions(request).new(authenticated)
    request.scope["state"]["session"] = session
    request.scope["state"]["new_session"] = True
    return session


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return str(value.decode("latin-1"))
    return None


def _host_name(host: str) -> str:
    host = host.strip().lower()
    if host.startswith("["):
        return host.split("]", 1)[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class SecurityMiddleware:
    """The checks and headers described in the module docstring, in that order."""

    def __init__(self, app: ASGIApp, settings: ServeSettings, sessions: Sessions) -> None:
        self.app = app
        self.settings = settings
        self.sessions = sessions
        names = {settings.host.lower(), f"[{settings.host.lower()}]", *LOOPBACK_NAMES}
        self.allowed_hosts = frozenset(names | {h.lower() for h in settings.allowed_hosts})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        given = _header(scope, b"x-request-id")
        rid = given if given and _REQUEST_ID.fullmatch(given) else secrets.token_hex(8)
        state["request_id"] = rid
        token = _current_request_id.set(rid)
        started = time.perf_counter()
        status: list[int] = []

        async def send_wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                status.append(message["status"])
                headers = [
                    (k, v)
                    for k, v in message.get("headers", [])
                    if k.lower() not in {h.encode() for h, _ in SECURITY_HEADERS}
                ]
                headers += [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS]
                headers.append((b"x-request-id", rid.encode()))
                if not scope["path"].startswith(PUBLIC_PREFIXES) and not any(
                    k.lower() == b"cache-control" for k, _ in headers
                ):  # pages hold a CSRF token and API answers may be private: never cached
                    headers.append((b"cache-control", b"no-store"))
                cookie = self._cookie(scope)
                if cookie:
                    headers.append((b"set-cookie", cookie.encode("latin-1")))
                message = {**message, "headers": headers}
            await send(message)

        try:
            response = await self._refusal(scope, receive)
            if response is not None:
                await response(scope, receive, send_wrapped)
                return
            replay = state.pop("replay_body", None)
            inner = _limited(receive, self.settings.max_body, replay)
            try:
                await self.app(scope, inner, send_wrapped)
            except Exception as exc:
                if status:
                    raise
                await server_error(Request(scope), exc)(scope, receive, send_wrapped)
        finally:
            log.info(
                "%s %s %s %.0f ms",
                scope.get("method"),
                scope.get("path"),
                status[0] if status else "-",
                (time.perf_counter() - started) * 1000,
            )
            _current_request_id.reset(token)

    def _cookie(self, scope: Scope) -> str | None:
        state = scope["state"]
        session = state.get("session")
        if session is None or not state.get("new_session"):
            return None
        secure = "; Secure" if scope.get("scheme") == "https" else ""
        value = self.sessions.cookie_value(session)
        return f"{SESSION_COOKIE}={value}; Path=/; HttpOnly; SameSite=Strict{secure}"

    async def _refusal(self, scope: Scope, receive: Receive) -> Response | None:
        """The response refusing this request, or None to let it through."""
        request = Request(scope)
        host = _host_name(_header(scope, b"host") or "")
        if host not in self.allowed_hosts:
            return problem_response(
                request, 400, "Host not allowed",
                f"the Host header {host!r} is not one this server answers to "
                "(unspin serve --allow-host adds one)",
            )  # fmt: skip
        length = _header(scope, b"content-length")
        if length and length.isdigit() and int(length) > self.settings.max_body:
            return _too_large(request, self.settings.max_body)
        session = self._session(scope)
        if self.settings.token and not self._authorized(scope, session):
            return self._unauthorized(request)
        if scope["method"] in UNSAFE_METHODS:
            return await self._cross_site(request, receive, session)
        return None

    def _session(self, scope: Scope) -> Session:
        cookies = cookie_parser(_header(scope, b"cookie") or "")  # lenient, as browsers
        session = self.sessions.parse(cookies.get(SESSION_COOKIE))
        if session is None:
            session = self.sessions.new()
            scope["state"]["new_session"] = True
        scope["state"]["session"] = session
        return session

    def _authorized(self, scope: Scope, session: Session) -> bool:
        path = scope["path"]
        if path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES):
            return True
        auth = _header(scope, b"authorization") or ""
        if auth[:7].lower() == "bearer ":
            return token_matches(auth[7:].strip(), self.settings.token)
        return session.authenticated

    def _unauthorized(self, request: Request) -> Response:
        if request.method == "GET" and wants_html(request):
            target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            return RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
        return problem_response(
            request, 401, None,
            "this server needs a token: send 'Authorization: Bearer <token>' or log in at /login",
            headers={"WWW-Authenticate": 'Bearer realm="unspin"'},
        )  # fmt: skip

    async def _cross_site(
        self, request: Request, receive: Receive, session: Session
    ) -> Response | None:
        host = (request.headers.get("host") or "").lower()
        origin = request.headers.get("origin") or request.headers.get("referer")
        fetch_site = request.headers.get("sec-fetch-site", "")
        if fetch_site == "cross-site" or (
            origin is not None and urlsplit(origin).netloc.lower() != host
        ):
            return problem_response(
                request, 403, "Cross-site request refused",
                f"the request came from {origin or 'another site'!r}, not from this server",
            )  # fmt: skip
        given = request.headers.get(CSRF_HEADER)
        ctype = request.headers.get("content-type", "").lower()
        if given is None and ctype.startswith(FORM_TYPES):
            body = await _read_all(receive, self.settings.max_body)
            if body is None:
                return _too_large(request, self.settings.max_body)
            request.scope["state"]["replay_body"] = body
            given = await _form_token(request.scope, body)
        if not self.sessions.csrf_ok(session, given):
            return problem_response(
                request, 403, "CSRF token missing or wrong",
                f"state-changing requests need the {CSRF_HEADER} header of this session; "
                "GET /api/v1/session returns it (and sets the session cookie)",
            )  # fmt: skip
        return None


def _too_large(request: Request, limit: int) -> Response:
    return problem_response(
        request, 413, None, f"the request body is over the limit of {limit:,} bytes"
    )


async def _form_token(scope: Scope, body: bytes) -> str | None:
    """The ``csrf_token`` field of a form body (urlencoded or multipart: forms that work
    without script), parsed by Starlette from the buffered body."""
    sent = False

    async def once() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    try:
        async with Request(scope, once).form(max_files=MAX_FORM_FILES) as form:
            value = form.get("csrf_token")
    except Exception:  # a body that is no valid form carries no token
        return None
    return value if isinstance(value, str) else None


async def _read_all(receive: Receive, limit: int) -> bytes | None:
    """The whole body (None once it passes ``limit``)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _limited(receive: Receive, limit: int, replay: bytes | None) -> Receive:
    """``receive`` that raises a 413 :class:`Problem` once the body passes ``limit``
    (counted chunk by chunk as it streams in); a body already read is replayed first."""
    seen = 0
    pending = replay

    async def inner() -> Message:
        nonlocal seen, pending
        if pending is not None:
            body, pending = pending, None
            return {"type": "http.request", "body": body, "more_body": False}
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise Problem(413, detail=f"the request body is over the limit of {limit:,} bytes")
        return message

    return inner


def install(app: FastAPI, settings: ServeSettings) -> None:
    """Install the security middleware on ``app`` (its sessions in the app's services)."""
    check_settings(settings)
    sessions = Sessions()
    app.state.unspin.services["sessions"] = sessions
    app.add_middleware(SecurityMiddleware, settings=settings, sessions=sessions)
