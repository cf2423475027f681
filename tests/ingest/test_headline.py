"""A page's headline, an ``<h1>`` that says the page's title, opens its text where the
extraction left it out: a live blog's posts were taken without the headline over them,
so a post's clock time became the text's title. A ``<title>`` that no ``<h1>`` shows is
still no text of the page (found by a newsroom-analyst trial)."""

from __future__ import annotations

from tests.ingest.pages import live_blog, page_document
from unspin.model import Document
from unspin.segment import find_blocks


def _doc(h1: str) -> Document:
    return page_document(live_blog(h1), "gale.html")


def test_the_headline_left_out_opens_the_text_as_its_title() -> None:
    doc = _doc("<h1>Gale live: ferries halted</h1>")
    assert doc.title == "Gale live: ferries halted"
    assert doc.text.startswith("Gale live: ferries halted\n\n")
    first = find_blocks(doc.text)[0]
    assert (first.kind, doc.text[first.start : first.end]) == ("title", doc.title)


def test_a_title_no_headline_shows_is_no_text() -> None:
    for h1 in ("", "<h1>Latest updates</h1>"):
        assert "ferries halted" not in _doc(h1).text
