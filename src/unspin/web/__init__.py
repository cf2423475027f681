"""The web workbench and REST API behind ``unspin serve``.

A front end like ``cli/``: it calls :mod:`unspin.app` (and the report renderers) only.
FastAPI + Jinja2 + uvicorn come with the ``web`` extra (``pip install 'unspin[web]'``);
every asset is shipped in the package, nothing is fetched from a CDN, and the server never
fetches a URL.

Layout: ``settings`` (what ``unspin serve`` was given), ``state`` (what the running app
holds: configuration, templates, the analysis queue, jobs), ``app`` (the factory),
``security`` (Host allow-list, token and session, CSRF, Origin, CSP, request ids, size
limits), ``problems`` (RFC 9457 errors, one shape everywhere), ``api/`` (``/api/v1``),
``pages`` (HTML pages), ``templates/`` and ``static/``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from unspin.web.settings import ServeSettings

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["ServeSettings", "create_app"]


def create_app(settings: ServeSettings | None = None, **overrides: Any) -> FastAPI:
    """The ASGI application for ``settings`` (the defaults: loopback, ``$UNSPIN_DB``).

    Raises :class:`~unspin.errors.MissingExtraError` without the ``web`` extra and
    :class:`~unspin.errors.ConfigError` for settings that cannot be served (a non-loopback
    host without a token)."""
    from unspin.web.app import build_app

    return build_app(settings or ServeSettings(**overrides))
