"""Errors as RFC 9457 ``application/problem+json``, one shape for every endpoint."""

from __future__ import annotations

from fastapi import FastAPI

__all__ = ["install"]


def install(app: FastAPI) -> None:
    """Install the exception handlers on ``app``."""
