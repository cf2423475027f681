"""Paged listings of a store: documents (with findings per kind), findings and links,
one page at a time (``LIMIT``/``OFFSET`` in the database) with the number that match.

Front ends page through a corpus with these (the web workbench's document, finding and
link lists); the streaming reads of :class:`~unspin.store.Store` (``iter_analyses``,
``iter_findings``, ``iter_links``) stay the way to read everything. The same portable SQL
runs on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Literal, get_args

from unspin.errors import ConfigError
from unspin.store.base import Store
from unspin.store.links import LINK_COLUMNS, link_from_row
from unspin.store.records import (
    DocumentSummary,
    Filters,
    Page,
    StoredFinding,
    StoredLink,
    finding_from_row,
)
from unspin.store.sql import chunks, marks
from unspin.store.sqlstore import FINDING_COLUMNS, SQLStore

__all__ = [
    "DOCUMENT_ORDERS",
    "DocumentOrder",
    "document_languages",
    "document_texts",
    "documents_by_id",
    "page_documents",
    "page_findings",
    "page_links",
]

#: How a document listing is sorted: newest publication first (undated last), newest
#: ingested first, or by title (untitled last).
DocumentOrder = Literal["published", "ingested", "title"]
DOCUMENT_ORDERS: tuple[str, ...] = get_args(DocumentOrder)
_ORDER_SQL: dict[str, str] = {
    "published": "d.day DESC, d.key DESC",
    "ingested": "d.key DESC",
    "title": "CASE WHEN d.title IS NULL THEN 1 ELSE 0 END, lower(d.title), d.key",
}
_DOCUMENT_COLUMNS = (
    "SELECT d.key, d.id, d.title, o.name, d.published, d.language, d.url, d.source, "
    "d.sentences, d.findings, d.ingested_at FROM documents d "
    "LEFT JOIN outlets o ON o.id = d.outlet_id"
)


def _sql_store(store: Store) -> SQLStore:
    if not isinstance(store, SQLStore):  # pragma: no cover - every backend is one
        raise TypeError(f"{type(store).__name__} has no SQL listings")
    return store


def _bounds(limit: int, offset: int) -> list[int]:
    return [max(0, int(limit)), max(0, int(offset))]


def like_escaped(text: str) -> str:
    """``text`` as a literal inside a ``LIKE ... ESCAPE '!'`` pattern."""
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_")


def page_documents(
    store: Store,
    filters: Filters | None = None,
    *,
    limit: int = 20,
    offset: int = 0,
    order: DocumentOrder = "published",
    title: str | None = None,
) -> Page[DocumentSummary]:
    """One page of the documents matching the filters (and whose title holds ``title``,
    case-insensitive), each with its findings per kind, and how many match."""
    sql_store = _sql_store(store)
    if order not in _ORDER_SQL:
        raise ConfigError(f"unknown order {order!r}; use {', '.join(DOCUMENT_ORDERS)}")
    where, params = sql_store.document_filter(filters or Filters())
    if title and title.strip():
        where += " AND lower(coalesce(d.title, '')) LIKE ? ESCAPE '!'"
        params.append(f"%{like_escaped(' '.join(title.casefold().split()))}%")
    sql = store.sql
    total = int(sql.one(f"SELECT count(*) FROM documents d WHERE {where}", params) or 0)
    rows = sql.all(
        f"{_DOCUMENT_COLUMNS} WHERE {where} ORDER BY {_ORDER_SQL[order]} LIMIT ? OFFSET ?",
        [*params, *_bounds(limit, offset)],
    )
    counts = _kind_counts(store, [int(r[0]) for r in rows])
    return Page([_summary(r, counts.get(int(r[0]), {})) for r in rows], total, limit, offset)


def documents_by_id(store: Store, ids: Iterable[str]) -> dict[str, DocumentSummary]:
    """The stored documents among ``ids`` (without findings per kind)."""
    out: dict[str, DocumentSummary] = {}
    for chunk in chunks(list(dict.fromkeys(ids))):
        rows = store.sql.all(f"{_DOCUMENT_COLUMNS} WHERE d.id IN ({marks(len(chunk))})", chunk)
        out.update((str(r[1]), _summary(r, {})) for r in rows)
    return out


def document_texts(store: Store, ids: Iterable[str]) -> dict[str, str]:
    """The texts of the stored documents among ``ids``."""
    out: dict[str, str] = {}
    for chunk in chunks(list(dict.fromkeys(ids))):
        rows = store.sql.all(
            f"SELECT id, text FROM documents WHERE id IN ({marks(len(chunk))})", chunk
        )
        out.update((str(i), str(t)) for i, t in rows)
    return out


def document_languages(store: Store) -> list[tuple[str, int]]:
    """The languages of the stored documents with how many each, most first."""
    rows = store.sql.all(
        "SELECT coalesce(language, ''), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1"
    )
    return [(str(code), int(n)) for code, n in rows]


def page_findings(
    store: Store,
    kind: str | None = None,
    *,
    label: str | None = None,
    filters: Filters | None = None,
    limit: int = 20,
    offset: int = 0,
) -> Page[StoredFinding]:
    """One page of findings (of a kind and label, if given; newest documents first, then
    in text order) with their document's metadata, and how many match."""
    where, params = _sql_store(store).document_filter(filters or Filters())
    if kind is not None:
        where += " AND f.kind = ?"
        params.append(kind)
    if label is not None:
        where += " AND f.label = ?"
        params.append(label)
    total = int(
        store.sql.one(
            f"SELECT count(*) FROM findings f JOIN documents d ON d.key = f.doc WHERE {where}",
            params,
        )
        or 0
    )
    rows = store.sql.all(
        f"{FINDING_COLUMNS} WHERE {where} "
        "ORDER BY f.doc DESC, f.start_char, f.end_char DESC, f.kind, f.fid LIMIT ? OFFSET ?",
        [*params, *_bounds(limit, offset)],
    )
    items = [StoredFinding(r[0], r[1], r[2], r[3], finding_from_row(*r[4:])) for r in rows]
    return Page(items, total, limit, offset)


def page_links(
    store: Store,
    kinds: Sequence[str] | None = None,
    *,
    document_id: str | None = None,
    min_score: float = 0.0,
    limit: int = 20,
    offset: int = 0,
) -> Page[StoredLink]:
    """One page of stored links (of these kinds, touching a document, scoring at least
    ``min_score``), in the order stored, and how many match."""
    where = ["score >= ?"]
    params: list[Any] = [float(min_score)]
    if kinds is not None:
        wanted = list(dict.fromkeys(kinds))
        if not wanted:
            return Page([], 0, limit, offset)
        where.append(f"kind IN ({marks(len(wanted))})")
        params.extend(wanted)
    if document_id is not None:
        where.append("(source_document = ? OR target_document = ?)")
        params.extend([document_id, document_id])
    condition = " AND ".join(where)
    total = int(store.sql.one(f"SELECT count(*) FROM links WHERE {condition}", params) or 0)
    rows = store.sql.all(
        f"{LINK_COLUMNS} WHERE {condition} ORDER BY id LIMIT ? OFFSET ?",
        [*params, *_bounds(limit, offset)],
    )
    return Page([link_from_row(row) for row in rows], total, limit, offset)


def _kind_counts(store: Store, keys: Sequence[int]) -> dict[int, dict[str, int]]:
    """Findings per kind of the documents ``keys``."""
    out: dict[int, dict[str, int]] = {}
    for chunk in chunks(list(keys)):
        for doc, kind, n in store.sql.all(
            f"SELECT doc, kind, count(*) FROM findings WHERE doc IN ({marks(len(chunk))}) "
            "GROUP BY doc, kind ORDER BY doc, kind",
            chunk,
        ):
            out.setdefault(int(doc), {})[str(kind)] = int(n)
    return out


def _summary(row: Sequence[Any], by_kind: dict[str, int]) -> DocumentSummary:
    """A :class:`DocumentSummary` from a row of ``_DOCUMENT_COLUMNS``."""
    return DocumentSummary(
        id=str(row[1]),
        title=row[2],
        outlet=row[3],
        published=row[4],
        language=row[5],
        url=row[6],
        source=row[7],
        sentences=int(row[8]),
        findings=int(row[9]),
        ingested_at=str(row[10]),
        findings_by_kind=by_kind,
    )
