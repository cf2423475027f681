"""Security middleware: Host allow-list, token and session, CSRF, Origin, CSP, request ids
and body size limits (installed by :func:`install`)."""

from __future__ import annotations

from fastapi import FastAPI

from unspin.web.settings import ServeSettings

__all__ = ["install"]


def install(app: FastAPI, settings: ServeSettings) -> None:
    """Install the security middleware on ``app``."""
