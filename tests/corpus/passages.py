"""The propagation links a store makes of invented passages, linked document by document
as ``link_store`` does (each against the earlier documents only), for the furniture
tests of link audit rounds 1 and 3."""

from __future__ import annotations

from collections.abc import Callable

from tests.corpus.articles import Article
from tests.corpus.conftest import Analyse
from unspin.corpus import Link, find_propagation
from unspin.corpus.comparing import passage_links
from unspin.corpus.propagation import Passage

__all__ = ["shared_line_links", "store_links"]

#: Two pages of two outlets on two subjects, each a sentence of its own.
PAGES = (
    ("ledger.example", "2024-05-02",
     "The harbour tolls of Dunmere rose twice this year while the quay stayed shut."),
    ("quaynews.example", "2024-05-09",
     "Ferry crossings to Ostry fell by a third after the new timetable came in."),
)  # fmt: skip


def store_links(docs: list[list[Passage]]) -> list[Link]:
    """The links a store linked document by document makes (earlier documents only)."""
    out: list[Link] = []
    for k, doc in enumerate(docs):
        earlier = [p for d in docs[:k] for p in d]
        matches = [(p, q, 100.0) for p in doc for q in earlier if p.norm == q.norm]
        out += passage_links(doc[0].doc_id, matches, 10)
    return out


def shared_line_links(analyse: Analyse, name: str, page: Callable[[str], str]) -> list[Link]:
    """The propagation links between the two pages of :data:`PAGES` whose texts
    ``page(own sentence)`` writes (sharing a line), analysed as articles ``name-1`` and
    ``name-2``."""
    pages = [
        Article(f"{name}-{k}", outlet, day, page(own))
        for k, (outlet, day, own) in enumerate(PAGES, 1)
    ]
    return find_propagation(analyse(pages).values())
