"""The HTML pages of the workbench (Jinja2 templates in ``templates/``)."""

from __future__ import annotations

from fastapi import APIRouter

__all__ = ["router"]

router = APIRouter(include_in_schema=False)
