"""Small HTML helpers for the report core and the features' report sections.

Every string taken from the document or the findings goes through :func:`esc`; every
URL put in an ``href`` through :func:`safe_href`.
"""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urlsplit

from unspin.model import Finding
from unspin.report.common import one_line

__all__ = ["esc", "finding_button", "label_words", "safe_href"]

_CONTROL_RE = re.compile(r"[\x00-\x20\x7f-\x9f]")


def esc(value: Any) -> str:
    """Escape any value for HTML text or a quoted attribute."""
    return html.escape(str(value), quote=True)


def safe_href(url: str | None, *, allow_relative: bool = False) -> str | None:
    """``url`` if it is safe to put in an ``href`` (http, https; relative if allowed), else None.

    Whitespace and control characters anywhere are refused (browsers strip them, which
    is how ``java\\tscript:`` slips past naive checks).
    """
    if not url or _CONTROL_RE.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        return url if parts.netloc else None
    if allow_relative and not scheme and not parts.netloc and ":" not in url.split("/", 1)[0]:
        return url
    if allow_relative and scheme == "file":
        return url
    return None


def label_words(label: str) -> str:
    """A finding's label as a reader sees it: "named_person" -> "named person",
    "Loaded_Language" -> "Loaded Language" (JSON keeps the label itself)."""
    return label.replace("_", " ")


def finding_button(i: int, f: Finding, extra: str = "") -> str:
    """A button that selects finding number ``i`` (its position in the analysis)."""
    snippet = one_line(f.text, 90) or "(empty span)"
    return (
        f'<button type="button" class="fi" data-fi="{i}">'
        f'<span class="lbl">{esc(label_words(f.label))}</span>{extra} '
        f'<span class="snip">{esc(snippet)}</span> '
        f'<span class="score">{f.score:.2f}</span></button>'
    )
