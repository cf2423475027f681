"""The ``links`` table (schema migration 2): typed links between findings of two stored
documents, written once each. :meth:`unspin.store.Store.add_links` and
:meth:`~unspin.store.Store.iter_links` use these functions; a feature's repository may
call :func:`add_links` inside its own transaction (the corpus index does)."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from unspin.store.records import StoredLink
from unspin.store.sql import SQLAccess, now

__all__ = ["LINK_COLUMNS", "add_links", "iter_links", "link_from_row"]

LINK_COLUMNS = (
    "SELECT kind, source_document, source_finding, target_document, target_finding, "
    "score, attributes FROM links"
)


def add_links(sql: SQLAccess, links: Iterable[StoredLink]) -> int:
    """Store links (one transaction; a link already stored is kept as it was); return
    how many were new."""
    rows = [
        (
            link.kind,
            link.source_document,
            link.source_finding,
            link.target_document,
            link.target_finding,
            float(link.score),
            json.dumps(dict(link.attributes), ensure_ascii=False, sort_keys=True),
        )
        for link in links
    ]
    stamp = now()
    with sql.transaction():
        before = int(sql.one("SELECT count(*) FROM links") or 0)
        sql.executemany(
            "INSERT INTO links (kind, source_document, source_finding, target_document, "
            "target_finding, score, attributes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (kind, source_document, source_finding, target_document, "
            "target_finding) DO NOTHING",
            [(*r, stamp) for r in rows],
        )
        return int(sql.one("SELECT count(*) FROM links") or 0) - before


def iter_links(
    sql: SQLAccess, kind: str | None = None, *, document_id: str | None = None
) -> Iterator[StoredLink]:
    """Stored links, of a kind and touching a document (either end), if given."""
    where = ["1 = 1"]
    params: list[Any] = []
    if kind is not None:
        where.append("kind = ?")
        params.append(kind)
    if document_id is not None:
        where.append("(source_document = ? OR target_document = ?)")
        params.extend([document_id, document_id])
    for row in sql.stream(f"{LINK_COLUMNS} WHERE {' AND '.join(where)} ORDER BY id", params):
        yield link_from_row(row)


def link_from_row(row: Sequence[Any]) -> StoredLink:
    """A :class:`StoredLink` from a row of ``LINK_COLUMNS``."""
    return StoredLink(
        str(row[0]),
        str(row[1]),
        str(row[2]),
        str(row[3]),
        str(row[4]),
        float(row[5]),
        json.loads(row[6]),
    )
