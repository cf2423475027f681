"""What the running application holds, reached from a request by :func:`get_state`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates

from unspin import app as unspin_app
from unspin.web.settings import ServeSettings

__all__ = ["STATIC", "TEMPLATES", "WebState", "get_state"]

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"


@dataclass
class WebState:
    """The settings, the pipeline configuration (models loaded once, at start), the
    templates, and the services the security, queue and jobs modules attach."""

    settings: ServeSettings
    config: unspin_app.Config
    templates: Jinja2Templates
    services: dict[str, Any] = field(default_factory=dict)

    @property
    def db(self) -> str | None:
        return self.settings.db


def get_state(request: Request) -> WebState:
    """The :class:`WebState` of the application serving ``request``."""
    state: WebState = request.app.state.unspin
    return state
