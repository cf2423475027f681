"""A saved HTML page read as unspin reads an ``.html`` file, for the ingest tests."""

from __future__ import annotations

from unspin.ingest import load_bytes
from unspin.model import Document


def page_document(html: str, source: str = "page.html") -> Document:
    """The one document ``html`` holds, read as the file ``source``."""
    (doc,) = list(load_bytes(html.encode(), source=source, suffix=".html"))
    assert isinstance(doc, Document), doc
    return doc
