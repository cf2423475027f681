"""The corpus comparison index in a store: the tables of schema migration 5 and their
repository, ``store.repository(...)``.

``corpus_items`` holds one row per slot, quotation or passage of a linked document (its
*space*: ``slot``, ``quote`` or ``passage``; the document id; its JSON), ``corpus_keys``
the blocking keys each item is found by, and ``corpus_indexed`` which documents are done,
per space. :class:`CorpusIndexTable` reads and writes them through the store's public
SQL access, and writes the links found with them into the store's ``links`` table in the
same transaction. What goes in them is :mod:`unspin.corpus.store_adapter`'s.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from unspin.store import StoredLink
from unspin.store.links import add_links
from unspin.store.sql import Migration, SQLAccess, chunks, marks, now

__all__ = ["MIGRATIONS", "CorpusIndexTable", "CorpusItem", "current_outlet"]

#: The corpus comparison index: migration 5 of every store.
MIGRATIONS = (
    Migration(
        5,
        "corpus comparison index: slots, quotations and passages by blocking key",
        sqlite=(
            """CREATE TABLE corpus_items (
                id INTEGER PRIMARY KEY, space TEXT NOT NULL, document_id TEXT NOT NULL,
                payload TEXT NOT NULL)""",
            "CREATE INDEX corpus_items_document ON corpus_items (document_id)",
            """CREATE TABLE corpus_keys (
                space TEXT NOT NULL, key TEXT NOT NULL, item INTEGER NOT NULL,
                PRIMARY KEY (space, key, item)) WITHOUT ROWID""",
            """CREATE TABLE corpus_indexed (
                document_id TEXT NOT NULL, space TEXT NOT NULL, indexed_at TEXT NOT NULL,
                PRIMARY KEY (document_id, space))""",
            "CREATE INDEX links_source ON links (source_document)",
        ),
        postgresql=(
            """CREATE TABLE corpus_items (
                id BIGSERIAL PRIMARY KEY, space TEXT NOT NULL, document_id TEXT NOT NULL,
                payload TEXT NOT NULL)""",
            "CREATE INDEX corpus_items_document ON corpus_items (document_id)",
            """CREATE TABLE corpus_keys (
                space TEXT NOT NULL, key TEXT NOT NULL, item BIGINT NOT NULL,
                PRIMARY KEY (space, key, item))""",
            """CREATE TABLE corpus_indexed (
                document_id TEXT NOT NULL, space TEXT NOT NULL, indexed_at TEXT NOT NULL,
                PRIMARY KEY (document_id, space))""",
            "CREATE INDEX links_source ON links (source_document)",
        ),
    ),
)


@dataclass(frozen=True)
class CorpusItem:
    """One record of the corpus comparison index: a slot, a quotation or a passage of one
    document (``space``), the blocking keys it is found by, and its JSON ``payload``."""

    space: str
    document_id: str
    keys: tuple[str, ...]
    payload: str


def _indexed_outlet(payload: str, outlet: str | None) -> bool:
    """Whether an item's JSON ``payload`` holds ``outlet`` (an item without an outlet
    field holds any)."""
    if f'"outlet": {json.dumps(outlet, ensure_ascii=False)}' in payload:
        return True
    data = json.loads(payload)
    return not isinstance(data, dict) or data.get("outlet", outlet) == outlet


def current_outlet(payload: str, outlet: str | None) -> str:
    """An item's JSON ``payload`` with its ``outlet`` the one given: the outlet its
    document is stored under now, which differs from the one it was indexed with when a
    site's documents were joined under its name since (so two pages of one site are not
    compared as two outlets' pages); unchanged when it is the same."""
    if _indexed_outlet(payload, outlet):
        return payload
    data = json.loads(payload)
    data["outlet"] = outlet
    return json.dumps(data, ensure_ascii=False)


class CorpusIndexTable:
    """The corpus comparison index of one store (``store.repository(...)``)."""

    def __init__(self, sql: SQLAccess) -> None:
        self.sql = sql

    def pending(self, space: str) -> list[str]:
        """Ids of the documents not yet in the index ``space``: earliest publication
        first (undated last), then in ingestion order."""
        return [
            str(row[0])
            for row in self.sql.stream(
                "SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM corpus_indexed c "
                "WHERE c.document_id = d.id AND c.space = ?) "
                "ORDER BY d.day = 0, d.day, d.published, d.key",
                (space,),
            )
        ]

    def candidates(
        self, space: str, key: str, limit: int, *, newest: bool = True
    ) -> list[tuple[int, str, str]]:
        """(item id, document id, payload) of the ``limit`` newest (or oldest) items
        indexed under ``key`` in ``space``, each under the outlet its document is stored
        under now (:func:`current_outlet`)."""
        return [
            (int(item), str(doc), current_outlet(str(payload), outlet) if stored else str(payload))
            for item, doc, payload, stored, outlet in self.sql.all(
                "SELECT i.id, i.document_id, i.payload, d.key IS NOT NULL, o.name "
                "FROM corpus_keys k JOIN corpus_items i ON i.id = k.item "
                "LEFT JOIN documents d ON d.id = i.document_id "
                "LEFT JOIN outlets o ON o.id = d.outlet_id WHERE k.space = ? AND k.key = ? "
                f"ORDER BY k.item {'DESC' if newest else 'ASC'} LIMIT ?",
                (space, key, limit),
            )
        ]

    def write(
        self,
        items: Sequence[CorpusItem],
        indexed: Sequence[tuple[str, str]],
        links: Iterable[StoredLink] = (),
    ) -> int:
        """One transaction: index ``items``, mark the (document id, space) pairs of
        ``indexed`` as done, store ``links``; return how many links were new."""
        stamp = now()
        with self.sql.transaction():
            ids = self.sql.new_keys("corpus_items", "id", len(items))
            self.sql.executemany(
                "INSERT INTO corpus_items (id, space, document_id, payload) VALUES (?, ?, ?, ?)",
                [
                    (i, it.space, it.document_id, it.payload)
                    for i, it in zip(ids, items, strict=True)
                ],
            )
            self.sql.executemany(
                "INSERT INTO corpus_keys (space, key, item) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                [(it.space, k, i) for i, it in zip(ids, items, strict=True) for k in set(it.keys)],
            )
            self.sql.executemany(
                "INSERT INTO corpus_indexed (document_id, space, indexed_at) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                [(doc, space, stamp) for doc, space in indexed],
            )
            return add_links(self.sql, links)

    def stale(self, space: str, marker: str) -> bool:
        """True when an item of ``space`` was written without ``marker`` in its JSON (by
        an older extractor, whose keys and fields the comparisons no longer use)."""
        row = self.sql.one(
            "SELECT 1 FROM corpus_items WHERE space = ? AND payload NOT LIKE ? LIMIT 1",
            (space, f"%{marker}%"),
        )
        return row is not None

    def moved(self, space: str) -> list[str]:
        """Ids of the documents indexed in ``space`` under another outlet than the one
        they are stored under now (a site's pages joined under its name since): one item
        of each document is read."""
        return [
            str(doc)
            for doc, payload, outlet in self.sql.stream(
                "SELECT i.document_id, i.payload, o.name FROM corpus_items i "
                "JOIN documents d ON d.id = i.document_id "
                "LEFT JOIN outlets o ON o.id = d.outlet_id WHERE i.id IN "
                "(SELECT MIN(id) FROM corpus_items WHERE space = ? GROUP BY document_id)",
                (space,),
            )
            if not _indexed_outlet(str(payload), outlet)
        ]

    def forget(self, doc_ids: Sequence[str], space: str, link_kinds: Sequence[str]) -> None:
        """Take ``doc_ids`` out of the index ``space`` and delete their links of
        ``link_kinds`` (either side), so the next run links them again (one transaction)."""
        with self.sql.transaction():
            for part in chunks(doc_ids):
                ids, inside = tuple(part), marks(len(part))
                self.sql.execute(
                    "DELETE FROM corpus_keys WHERE space = ? AND item IN (SELECT id FROM "
                    f"corpus_items WHERE space = ? AND document_id IN ({inside}))",
                    (space, space, *ids),
                )
                for table in ("corpus_items", "corpus_indexed"):
                    self.sql.execute(
                        f"DELETE FROM {table} WHERE space = ? AND document_id IN ({inside})",
                        (space, *ids),
                    )
                for kind in link_kinds:
                    self.sql.execute(
                        f"DELETE FROM links WHERE kind = ? AND (source_document IN ({inside}) "
                        f"OR target_document IN ({inside}))",
                        (kind, *ids, *ids),
                    )

    def clear(self, spaces: Sequence[str], link_kinds: Sequence[str]) -> None:
        """Empty the index of ``spaces`` and delete the links of ``link_kinds`` (one
        transaction)."""
        with self.sql.transaction():
            for space in spaces:
                for table in ("corpus_keys", "corpus_items", "corpus_indexed"):
                    self.sql.execute(f"DELETE FROM {table} WHERE space = ?", (space,))
            for kind in link_kinds:
                self.sql.execute("DELETE FROM links WHERE kind = ?", (kind,))
