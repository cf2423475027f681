"""What the running application holds, reached from a request by :func:`get_state`."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from fastapi import Request
from fastapi.templating import Jinja2Templates

from unspin import app as unspin_app
from unspin.web.settings import ServeSettings

__all__ = ["STATIC", "TEMPLATES", "WebState", "get_state", "make_templates"]

log = logging.getLogger("unspin.web")

TEMPLATES = Path(__file__).parent / "templates"
STATIC = Path(__file__).parent / "static"


def make_templates() -> Jinja2Templates:
    """The web templates, then the report's (``report/...``), autoescaped, with
    ``csrf_token`` in every context."""
    from unspin.web.security import csrf_context

    loaders: list[jinja2.BaseLoader] = [jinja2.FileSystemLoader(TEMPLATES)]
    try:
        from unspin import report

        report_dir = getattr(report, "TEMPLATE_DIR", None)
    except ImportError as exc:  # a broken report package costs the report pages only
        log.error("the report templates cannot be loaded: %s", exc)
        report_dir = None
    if report_dir is not None:
        loaders.append(jinja2.FileSystemLoader(report_dir))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.ChainableUndefined,
    )
    # a label as a reader reads it: "named_person" -> "named person" (data keeps the label)
    env.filters["words"] = lambda label: str(label).replace("_", " ")
    return Jinja2Templates(env=env, context_processors=[csrf_context])


@dataclass
class WebState:
    """The settings, the pipeline configuration (models loaded once, at start), the
    templates, and the services the security, queue and jobs modules attach
    (``"sessions"``, ``"queue"``, ``"jobs"``)."""

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
