"""Fixtures for the corpus tests: the invented articles, analysed once per session."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest

from tests.corpus.articles import Article
from unspin.corpus import Link
from unspin.model import Analysis

Analyse = Callable[[Iterable[Article]], dict[str, Analysis]]


@pytest.fixture(scope="session")
def analyse(run: Callable[..., Analysis]) -> Analyse:
    """``analyse(articles)``: name -> analysis (sources + claims, real backbone)."""
    cache: dict[str, Analysis] = {}

    def _analyse(articles: Iterable[Article]) -> dict[str, Analysis]:
        out = {}
        for a in articles:
            if a.name not in cache:
                cache[a.name] = run(
                    a.text, "sources", "claims", published=a.published, outlet=a.outlet
                )
            out[a.name] = cache[a.name]
        return out

    return _analyse


def assert_sides_anchored(links: Iterable[Link], analyses: dict[str, Analysis]) -> None:
    """Every side of every link covers exactly its text in its document."""
    texts = {a.document.id: a.document for a in analyses.values()}
    for link in links:
        for side in (link.a, link.b):
            doc = texts[side.doc_id]
            assert doc.text[side.start : side.end] == side.text, (link, side)
            assert side.context_start <= side.start <= side.end <= side.context_end
            assert side.published == doc.published and side.outlet == doc.outlet
