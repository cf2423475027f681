"""The corpus comparisons over a store (:mod:`unspin.store`): compute, keep, read back.

::

    from unspin.store import open_store
    from unspin.corpus.store_adapter import link_store, store_report

    with open_store("corpus.db") as store:
        counts = link_store(store)                 # {"contradiction": 3, "quote_drift": 1, ...}
        report = store_report(store, doc_id)       # the links one document's report shows

A :class:`~unspin.corpus.model.Link` is kept in the store's ``links`` table as a
:class:`unspin.store.Link`: kind, the two documents, the two findings (a span with no
finding, such as a propagated passage or a role given in apposition, is named
``span:START-END``), the score, and the whole corpus link as its attributes, so it
reads back unchanged.

:func:`link_store` streams the stored analyses once, in ingestion order: slots are
kept in memory (a few small records per document) and compared by blocking key;
quotations and sentences go into in-memory MinHash LSH indexes. That suits stores of
tens of thousands of documents; beyond that the indexes belong in the store (see
docs/corpus.md).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from unspin.corpus.contradictions import find_contradictions
from unspin.corpus.model import Link, Side, Slot
from unspin.corpus.propagation import PassageIndex
from unspin.corpus.quotes import QuoteIndex
from unspin.corpus.report import DocumentReport, document_report
from unspin.corpus.slots import extract_slots
from unspin.errors import SchemaError

if TYPE_CHECKING:
    from unspin.store import Filters, Store
    from unspin.store import Link as StoreLink

__all__ = ["from_store_link", "link_store", "store_links", "store_report", "to_store_link"]

log = logging.getLogger(__name__)

#: What :func:`link_store` can compute.
ALL = ("contradictions", "quotes", "propagation")


def _finding_ref(side: Side) -> str:
    return side.finding_id or f"span:{side.start}-{side.end}"


def to_store_link(link: Link) -> StoreLink:
    """The store's record of a corpus link (the whole link kept in its attributes)."""
    from unspin.store import Link as StoreLink

    return StoreLink(
        kind=link.kind,
        source_document=link.a.doc_id,
        source_finding=_finding_ref(link.a),
        target_document=link.b.doc_id,
        target_finding=_finding_ref(link.b),
        score=link.score,
        attributes=link.to_dict(),
    )


def from_store_link(record: StoreLink) -> Link | None:
    """The corpus link a store record holds; ``None`` for a record another tool wrote."""
    attrs = record.attributes
    if not isinstance(attrs, dict) or "a" not in attrs or "b" not in attrs:
        return None
    try:
        return Link.from_dict(attrs)
    except SchemaError as exc:
        log.warning("unreadable corpus link %s in the store: %s", record.kind, exc)
        return None


def link_store(
    store: Store,
    *,
    filters: Filters | None = None,
    what: Iterable[str] = ALL,
    max_group: int = 300,
) -> dict[str, int]:
    """Compare the stored documents and store the links; return the new links by kind."""
    wanted = set(what)
    unknown = wanted - set(ALL)
    if unknown:
        raise ValueError(f"unknown comparison(s) {sorted(unknown)}; choose from {ALL}")
    slots: list[Slot] = []
    quotes = QuoteIndex() if "quotes" in wanted else None
    passages = PassageIndex() if "propagation" in wanted else None
    n = 0
    for analysis in store.iter_analyses(filters):
        n += 1
        if "contradictions" in wanted:
            slots.extend(extract_slots(analysis))
        if quotes is not None:
            quotes.add(analysis)
        if passages is not None:
            passages.add(analysis)
    links: list[Link] = []
    if "contradictions" in wanted:
        links.extend(find_contradictions(slots, max_group=max_group))
    if quotes is not None:
        links.extend(quotes.links())
    if passages is not None:
        links.extend(passages.links())
    added = store.add_links(to_store_link(lk) for lk in links)
    log.info("compared %d documents: %d links (%d new)", n, len(links), added)
    return dict(Counter(lk.kind for lk in links))


def store_links(store: Store, doc_id: str, kind: str | None = None) -> Iterator[Link]:
    """The corpus links stored for one document (either side)."""
    for record in store.iter_links(kind, document_id=doc_id):
        link = from_store_link(record)
        if link is not None:
            yield link


def store_report(store: Store, doc_id: str) -> DocumentReport:
    """:func:`~unspin.corpus.report.document_report` from the links in the store."""
    return document_report(doc_id, store_links(store, doc_id))
