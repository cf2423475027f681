"""The propagation links a store makes of invented passages, linked document by document
as ``link_store`` does (each against the earlier documents only), for the furniture
tests of link audit rounds 1 and 3."""

from __future__ import annotations

from unspin.corpus import Link
from unspin.corpus.comparing import passage_links
from unspin.corpus.propagation import Passage

__all__ = ["store_links"]


def store_links(docs: list[list[Passage]]) -> list[Link]:
    """The links a store linked document by document makes (earlier documents only)."""
    out: list[Link] = []
    for k, doc in enumerate(docs):
        earlier = [p for d in docs[:k] for p in d]
        matches = [(p, q, 100.0) for p in doc for q in earlier if p.norm == q.norm]
        out += passage_links(doc[0].doc_id, matches, 10)
    return out
