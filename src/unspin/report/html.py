"""The HTML report: Jinja2 templates shared by the static file and the web workbench.

``report/body.html`` (under :data:`TEMPLATE_DIR`) is the report body, rendered from
:func:`unspin.report.view.report_context`; ``report/page.html`` wraps it into ONE
self-contained file (``report.css`` and ``report.js``, :func:`asset`, inlined) that works
from ``file://``. The web's document page includes the same body and serves the assets
as files (``/assets/report.css``, ``/assets/report.js``).

Every string taken from the document or the findings is escaped (autoescape, and
:func:`unspin.report.htmlkit.esc` in the parts built in Python). Finding data reaches the
(static, shipped) script only through a ``<script type="application/json">`` block in
which ``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e`` and ``\\u0026``. The
static file's Content-Security-Policy allows exactly one style and one script: ours, by
their SHA-256 hashes; the body has no inline script and no style attribute.
"""

from __future__ import annotations

import base64
import hashlib
import logging
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from unspin.model import Analysis
from unspin.report.highlight import KIND_STYLES
from unspin.report.htmlkit import safe_href
from unspin.report.view import report_context

__all__ = [
    "ASSETS",
    "KIND_STYLES",
    "TEMPLATE_DIR",
    "asset",
    "environment",
    "render_html",
    "safe_href",
]

log = logging.getLogger(__name__)

#: The folder of the report templates (``report/body.html``, ``report/page.html``).
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"

#: The static files the report body needs, served by the web as ``/assets/<name>``.
ASSETS = ("report.css", "report.js")


@lru_cache(maxsize=4)
def asset(name: str) -> str:
    """The text of ``report.css`` or ``report.js``, shipped in the package."""
    if name not in ASSETS:
        raise ValueError(f"unknown report asset {name!r}; one of {', '.join(ASSETS)}")
    return (Path(__file__).resolve().parent / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The Jinja2 environment of the report templates (autoescape on, loaded once)."""
    return Environment(
        loader=FileSystemLoader(str(TEMPLATE_DIR)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=False,
        keep_trailing_newline=True,
    )


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _csp(css: str, js: str) -> str:
    return (
        f"default-src 'none'; style-src 'sha256-{_sha256(css)}'; "
        f"script-src 'sha256-{_sha256(js)}'; img-src 'none'; base-uri 'none'; "
        "form-action 'none'"
    )


def render_html(
    analysis: Analysis,
    *,
    links: Mapping[str, str] | None = None,
    corpus: object | None = None,
    extras: Mapping[str, Any] | None = None,
    titles: Mapping[str, str] | None = None,
) -> str:
    """The analysis as one self-contained HTML page.

    ``links`` maps document ids to URLs (usually relative paths) of other reports and
    ``titles`` those documents' titles: they are listed by title, and attribute values
    naming one of those ids become links. ``extras`` hands data to the features'
    sections by name; ``corpus`` (:func:`unspin.corpus.document_report`) is
    ``extras["corpus"]``, for the section "Across the corpus": the contradictions,
    drifted quotations and propagated passages involving this document, each linked to
    the other document's report when ``links`` has it.
    """
    values = report_context(analysis, links=links, corpus=corpus, titles=titles, extras=extras)
    css, js = asset("report.css"), asset("report.js")
    log.debug(
        "rendering %d findings in %d layers for %s",
        len(analysis.findings),
        len(values["layers"]),
        analysis.document.id,
    )
    page = environment().get_template("report/page.html")
    return page.render(**values, css=Markup(css), js=Markup(js), csp=_csp(css, js))
