"""An embedded post saved with a page keeps its signature in its block quote: the text of
a ``<blockquote>`` after its paragraph ("— Kell Police (@KellPolice) May 4, 2026") is a
``> `` line too, so the post's quotation is signed by its author. It lost the marker, and
the post went to no one or to the last person quoted before it (found by a
newsroom-analyst trial)."""

from __future__ import annotations

import pytest

from tests.ingest.pages import page_document
from unspin.analyzer import analyzer_class
from unspin.config import load_config
from unspin.model import Document
from unspin.nlp import Backbone
from unspin.pipeline import Pipeline

_POST = (
    '<blockquote class="twitter-tweet"><p>Kell Road shut at the ford after the flood. '
    'Please keep away. <a href="https://t.co/k1">pic.twitter.com/k1</a></p>&mdash; Kell Police '
    '(@KellPolice) <a href="https://twitter.com/KellPolice/status/1">May 4, 2026</a>'
    "</blockquote>"
)


def _text(body: str) -> str:
    page = (
        "<!doctype html><html><head><title>Flood</title></head><body><article><h1>Flood</h1>"
        '<p>"The water rose faster than anyone expected," said Ona Berg, who farms by the '
        f"river.</p>{body}<p>The river fell again by the evening, the council said.</p>"
        "</article></body></html>"
    )
    return page_document(page, "flood.html").text


def test_the_signature_after_a_post_stays_in_its_block_quote() -> None:
    text = _text(_POST)
    assert "> — Kell Police (@KellPolice) May 4, 2026" in text


def test_a_pull_quote_goes_with_its_signature() -> None:
    text = _text(
        "<blockquote><p>&ldquo;The water rose faster than anyone expected.&rdquo;</p>"
        "&mdash; Ona Berg</blockquote>"
    )
    assert ">" not in text and "— Ona Berg" not in text


@pytest.mark.slow
def test_the_post_is_its_author_s(backbone: Backbone) -> None:
    pipeline = Pipeline(
        load_config(analyzers=["sources"]),
        backbone=backbone,
        analyzers=[analyzer_class("sources")()],
    )
    analysis = pipeline.analyze(Document(_text(_POST)))
    (post,) = [f for f in analysis.findings if f.kind == "quote" and "Kell Road" in f.text]
    assert post.attributes["speaker"] == "Kell Police"
    assert post.attributes["medium"] == "social_media"
