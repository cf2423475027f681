"""One outlet under one name: a document whose outlet is only its URL's domain takes the
name that the store's documents of that domain give their outlet, when they give one.

A :class:`~unspin.model.Document` without an outlet takes its URL's domain
(``example-gazette.test``); a front matter, a JSON Lines field or an HTML page's site
name may name it (``Example Gazette``). So that one site is one outlet whatever its
inputs gave, every document keeps its URL's domain (``documents.domain``, ``''`` without
one), whether its input named the outlet (``documents.named``: its outlet is not a host
name of its URL, such as the domain) and the outlet it gave (``given_outlet_id``).

For each domain, the documents that gave only a host name are under the one name the
named documents of that domain give, when there is exactly one such name, and under the
outlet they gave otherwise (no name, or two different names: everything as it was).
:func:`settle` keeps that true after each write, moving documents both ways (their
outlet in ``documents``, ``sentences``, SQLite's ``sentence_vec`` and the stored
analysis), so that the result is the same in any order of ingest. Documents without a
URL are never moved.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable

from unspin.model import Document, domain_of
from unspin.store.sql import Migration, SQLAccess, chunks, marks

__all__ = ["MIGRATION", "backfill", "document_domain", "filter_outlets", "settle", "site_domain"]

log = logging.getLogger(__name__)

_STATEMENTS = (
    "ALTER TABLE documents ADD COLUMN domain TEXT",
    "ALTER TABLE documents ADD COLUMN named INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE documents ADD COLUMN given_outlet_id INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX documents_domain ON documents (domain, named, outlet_id)",
)

#: The columns :func:`settle` works from (filled for older documents by :func:`backfill`).
MIGRATION = Migration(
    8,
    "documents' URL domain and whether their input named the outlet (one outlet per site)",
    _STATEMENTS,
    _STATEMENTS,
)

#: One document to move: key, analysis JSON, the outlet id and name it goes under.
_Move = tuple[int, str, int, str | None]


def document_domain(doc: Document) -> tuple[str, int]:
    """A document's ``domain`` (``''`` without a URL host) and ``named`` (0 when its
    outlet is no more than a host name of its URL: the domain, or a domain above it as
    an HTML page's host name may give) columns."""
    return _columns(doc.url, doc.outlet)


def site_domain(name: str) -> str | None:
    """The domain ``name`` gives when it is a host name or URL (``www.Example.test``,
    ``https://example.test/news``) as ``documents.domain`` keeps it; ``None`` for an
    outlet's name ("Example Gazette")."""
    text = name.strip()
    if not text or any(c.isspace() for c in text) or "." not in text:
        return None
    return domain_of(text)


def filter_outlets(sql: SQLAccess, name: str, named: int) -> list[int]:
    """The outlet ids an ``--outlet`` filter ``name`` selects: ``named``, the id of the
    outlet of that name (-1 when there is none), and, when ``name`` is a site's domain
    (``example-gazette.test``, a URL of it), the outlets its documents are stored under:
    a site joined under its name is found by its domain too."""
    ids = {named}
    domain = site_domain(name)
    if domain:
        rows = sql.all("SELECT DISTINCT outlet_id FROM documents WHERE domain = ?", (domain,))
        ids |= {int(i) for (i,) in rows}
    return sorted(ids - {-1}) if len(ids) > 1 else sorted(ids)


def _columns(url: str | None, outlet: str | None) -> tuple[str, int]:
    domain = domain_of(url) or ""
    if not domain or not outlet:
        return domain, 0
    host = outlet.strip().lower().rstrip(".").removeprefix("www.")
    return domain, int(host != domain and not domain.endswith("." + host))


def backfill(sql: SQLAccess) -> None:
    """Fill ``domain``, ``named`` and ``given_outlet_id`` of documents stored before
    migration 8, then settle their domains (a store whose inputs split a site in two is
    joined on upgrade)."""
    rows = sql.all(
        "SELECT d.key, d.url, o.name, d.outlet_id FROM documents d LEFT JOIN outlets o "
        "ON o.id = d.outlet_id WHERE d.domain IS NULL"
    )
    if not rows:
        return
    with sql.transaction():
        values = [(*_columns(url, name), outlet_id, key) for key, url, name, outlet_id in rows]
        sql.executemany(
            "UPDATE documents SET domain = ?, named = ?, given_outlet_id = ? WHERE key = ?",
            values,
        )
        settle(sql, (v[0] for v in values))
    log.info("store: %d documents given their URL's domain", len(rows))


def settle(sql: SQLAccess, domains: Iterable[str]) -> int:
    """Put the documents of ``domains`` that gave only a host name under the outlet their
    domain's named documents give, when they give one name, else under the outlet they
    gave (see the module docstring); how many moved."""
    moved = 0
    for domain in sorted(set(domains) - {""}):
        named = sql.all(
            "SELECT DISTINCT o.id, o.name FROM documents d JOIN outlets o ON o.id = d.outlet_id "
            "WHERE d.domain = ? AND d.named = 1",
            (domain,),
        )
        if len(named) == 1:
            target, name = int(named[0][0]), str(named[0][1])
            rows = [
                (key, analysis, target, name)
                for key, analysis in sql.all(
                    "SELECT key, analysis FROM documents WHERE domain = ? AND named = 0 "
                    "AND outlet_id <> ?",
                    (domain, target),
                )
            ]
        else:
            rows = sql.all(
                "SELECT d.key, d.analysis, d.given_outlet_id, o.name FROM documents d "
                "LEFT JOIN outlets o ON o.id = d.given_outlet_id WHERE d.domain = ? "
                "AND d.named = 0 AND d.outlet_id <> d.given_outlet_id",
                (domain,),
            )
        if rows:
            _move(
                sql,
                [(int(k), str(a), int(i), None if n is None else str(n)) for k, a, i, n in rows],
            )
            log.info(
                "store: %d documents of %s moved to the outlet %s",
                len(rows),
                domain,
                ", ".join(sorted({repr(r[3]) for r in rows})),
            )
            moved += len(rows)
    return moved


def _move(sql: SQLAccess, rows: list[_Move]) -> None:
    """Put documents under their new outlets: the row, the stored analysis, the sentences
    and (SQLite) their vector index entries."""
    updates = []
    for key, analysis, target, name in rows:
        data = json.loads(analysis)
        data["document"]["outlet"] = name
        updates.append((target, json.dumps(data, ensure_ascii=False), key))
    sql.executemany("UPDATE documents SET outlet_id = ?, analysis = ? WHERE key = ?", updates)
    sentences = [(target, key) for key, _, target, _ in rows]
    sql.executemany("UPDATE sentences SET outlet_id = ? WHERE doc = ?", sentences)
    if sql.dialect == "sqlite":
        # the vector index keeps the outlet as a metadata column for filtered scans
        for chunk in chunks(sentences):
            keys = [key for _, key in chunk]
            sql.executemany(
                "UPDATE sentence_vec SET outlet_id = ? WHERE rowid = ?",
                sql.all(
                    "SELECT d.outlet_id, s.id FROM sentences s JOIN documents d "
                    f"ON d.key = s.doc WHERE s.doc IN ({marks(len(chunk))})",
                    keys,
                ),
            )
