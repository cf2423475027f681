"""The application factory: settings in, a FastAPI app out (models loaded once here)."""

from __future__ import annotations

import logging

from unspin import app as unspin_app
from unspin.errors import MissingExtraError
from unspin.web.settings import ServeSettings

try:
    from fastapi import FastAPI
    from fastapi.staticfiles import StaticFiles
    from fastapi.templating import Jinja2Templates
except ImportError as exc:  # pragma: no cover - exercised without the extra
    raise MissingExtraError(exc.name or "fastapi", "web") from exc

__all__ = ["build_app"]

log = logging.getLogger("unspin.web")


def build_app(settings: ServeSettings) -> FastAPI:
    """Build the app: configuration and pipeline loaded now (so the first request does not
    pay for the models), security and error handling installed, routers and static files
    mounted."""
    from unspin.web import api, pages, problems, security
    from unspin.web.state import STATIC, TEMPLATES, WebState

    config = unspin_app.pipeline_config(settings.config, backbone=settings.backbone)
    unspin_app.load_pipeline(config)
    fastapi_app = FastAPI(
        title="unspin",
        version=unspin_app.version(),
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
    )
    fastapi_app.state.unspin = WebState(settings, config, Jinja2Templates(directory=TEMPLATES))
    security.install(fastapi_app, settings)
    problems.install(fastapi_app)
    fastapi_app.include_router(api.router)
    fastapi_app.include_router(pages.router)
    fastapi_app.mount("/static", StaticFiles(directory=STATIC), name="static")
    log.info("unspin web app ready (db %s)", settings.db or "default")
    return fastapi_app
