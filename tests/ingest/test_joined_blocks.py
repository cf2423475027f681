"""A short page whose extraction runs its blocks together on one line is cut back into
them: trafilatura's fallback for a short page gives a whole ``<article>`` as one line, so a
live blog's headline, byline, timestamps and posts were one paragraph (found by an ingest
trial of short live-blog pages)."""

from __future__ import annotations

from tests.ingest.pages import page_document
from unspin.ingest.inline_pieces import page_stretches, split_joined_blocks

_POSTS = [
    ("16:10 GMT", "Ferries resume at dusk, the operator said."),
    ("15:45 GMT", "Staff moved <b>three boats</b> to the inner basin."),
    ("15:02 GMT", "No vessel reported trouble so far."),
]


def _short_live_blog() -> str:
    posts = "".join(f'<div class="post"><p class="time">{t}</p><p>{p}</p></div>' for t, p in _POSTS)
    return (
        "<!doctype html><html><head><title>Gale live: ferries halted</title></head><body>"
        '<main><article><h1>Gale live: ferries halted</h1><p class="byline">By Ada Roe</p>'
        f"{posts}</article></main></body></html>"
    )


def test_a_short_live_blog_keeps_its_blocks() -> None:
    doc = page_document(_short_live_blog())
    assert doc.text.split("\n\n") == [
        "Gale live: ferries halted",
        "By Ada Roe",
        "16:10 GMT",
        "Ferries resume at dusk, the operator said.",
        "15:45 GMT",
        "Staff moved three boats to the inner basin.",
        "15:02 GMT",
        "No vessel reported trouble so far.",
    ]


def test_only_whole_blocks_in_page_order_are_cut() -> None:
    from lxml import html

    page = html.document_fromstring(
        "<article><h1>Budget vote</h1><p>The council met.</p><p>Budget vote was close, "
        "the clerk said.</p><p>It passed.</p></article>"
    )
    stretches = page_stretches(page)
    line = "Budget vote The council met. Budget vote was close, the clerk said. It passed."
    assert split_joined_blocks(stretches, [line]) == [
        "Budget vote",
        "The council met.",
        "Budget vote was close, the clerk said.",
        "It passed.",
    ]
    # as many lines as blocks: the extraction kept them apart, nothing is cut
    lines = ["Budget vote The council met.", "Budget vote was close, the clerk said.", "It passed."]
    assert split_joined_blocks(stretches, lines) == lines
