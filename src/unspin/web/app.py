"""The application factory: settings in, a FastAPI app out (models loaded once here)."""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import AsyncIterator

from unspin import app as unspin_app
from unspin.errors import MissingExtraError
from unspin.web.queue import AnalysisQueue
from unspin.web.settings import ServeSettings

try:
    from fastapi import FastAPI
    from fastapi.staticfiles import StaticFiles
except ImportError as exc:  # pragma: no cover - exercised without the extra
    raise MissingExtraError(exc.name or "fastapi", "web") from exc

__all__ = ["API_DESCRIPTION", "build_app"]

log = logging.getLogger("unspin.web")

API_DESCRIPTION = """\
The unspin REST API. Errors are RFC 9457 `application/problem+json` (`type`, `title`,
`status`, `detail`, `instance`, `request_id`; validation errors add `errors` with the
`allowed` values of a fixed-choice parameter).

**Sessions and CSRF.** Every POST, PUT, PATCH and DELETE needs the session cookie and
its CSRF token in the `X-CSRF-Token` header: call `GET /api/v1/session` once (it sets the
`unspin_session` cookie and returns `csrf_token`), keep the cookie, send the header.
Requests from another origin are refused (403).

**Token.** A server bound to a non-loopback address needs its token: send
`Authorization: Bearer <token>` (browsers log in at `/login` instead).

**Limits.** Request bodies over the server's limit get 413; analyses wait in one bounded
queue and get 503 with `Retry-After` when it is full.
"""


#: Analysed once at start, so that every model a first request needs is loaded then.
WARM_UP_TEXT = (
    "Warm-up\n\nThe council said on Monday that the bridge will probably reopen in May, "
    'according to officials. "It is safe," the mayor told reporters.'
)


def warm_up(queue: AnalysisQueue) -> None:
    """Analyse :data:`WARM_UP_TEXT` on the worker and wait: backbones and models load
    lazily on first use, and a server should pay for that before its first request."""
    document = unspin_app.Document(WARM_UP_TEXT, source="warm-up")
    started = time.perf_counter()
    queue.submit(lambda: unspin_app.analyze_input(document, queue.config)).result()
    log.info("models loaded in %.1f s", time.perf_counter() - started)


def build_app(settings: ServeSettings) -> FastAPI:
    """Build the app: settings checked (a non-loopback host without a token is a
    ConfigError, before any model loads), the store created if missing, configuration
    and pipeline loaded now, the analysis worker started and warmed up (:func:`warm_up`:
    the first request does not pay for the models), security and error handling
    installed, routers and static files mounted."""
    from unspin.web import api, auth, pages, problems, security
    from unspin.web.api import jobs as jobs_api
    from unspin.web.jobs import JobRegistry
    from unspin.web.state import STATIC, WebState, make_templates

    security.check_settings(settings)
    with unspin_app.opened_store(settings.db, create=True):
        pass  # the store exists (migrated) before the first request, or the error is now
    config = unspin_app.pipeline_config(settings.config, backbone=settings.backbone)
    # analyses match the fact-checks imported into this store, unless told what to read
    config = unspin_app.with_own_store(config, settings.db or unspin_app.default_store_url())
    unspin_app.load_pipeline(config)
    state = WebState(settings, config, make_templates())
    queue = AnalysisQueue(config, queue_size=settings.queue_size)
    if settings.warm_up:
        warm_up(queue)
    state.services["queue"] = queue
    state.services["jobs"] = JobRegistry(queue, settings.db)

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            queue.close()
            state.services["jobs"].close()

    fastapi_app = FastAPI(
        title="unspin",
        version=unspin_app.version(),
        description=API_DESCRIPTION,
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    fastapi_app.state.unspin = state
    security.install(fastapi_app, settings)
    problems.install(fastapi_app)
    fastapi_app.include_router(auth.api_router)
    fastapi_app.include_router(jobs_api.router, prefix="/api/v1")
    fastapi_app.include_router(api.router)
    fastapi_app.include_router(auth.router)
    fastapi_app.include_router(pages.router)
    fastapi_app.mount("/static", StaticFiles(directory=STATIC), name="static")
    log.info("unspin web app ready (db %s)", settings.db or "default")
    return fastapi_app
