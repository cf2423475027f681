"""A saved HTML page read as unspin reads an ``.html`` file, for the ingest tests."""

from __future__ import annotations

from unspin.ingest import load_bytes
from unspin.model import Document


def page_document(html: str, source: str = "page.html") -> Document:
    """The one document ``html`` holds, read as the file ``source``."""
    (doc,) = list(load_bytes(html.encode(), source=source, suffix=".html"))
    assert isinstance(doc, Document), doc
    return doc


#: A live blog's posts, newest first, each under its clock time.
LIVE_POSTS = "".join(
    f'<div class="post"><p class="time">{t} GMT</p><p>{p}</p></div>'
    for t, p in [
        (
            "16:10",
            "The ferry company said sailings would resume once the wind drops below gale force.",
        ),
        ("15:45", "Harbour staff moved three small boats to the inner basin as the tide rose."),
        ("15:02", "The coastguard said no vessel had reported trouble in the strait so far today."),
    ]
)


def live_blog(h1: str, under_headline: str = "", *, nav: str = "", aside: str = "") -> str:
    """A live blog's page: ``nav``, then its article (the ``h1`` given, a byline,
    ``under_headline`` and :data:`LIVE_POSTS`), then ``aside``."""
    return (
        "<!doctype html><html><head><title>Gale live: ferries halted | The Kell Post</title>"
        '<meta property="og:title" content="Gale live: ferries halted"></head><body>'
        f'{nav}<main><article class="live">{h1}<p class="byline">By Ada Roe</p>'
        f"{under_headline}{LIVE_POSTS}</article>{aside}</main></body></html>"
    )
