"""Corpus stores: thousands of analysed articles, searchable by keyword and meaning.

::

    from unspin.store import Filters, ingest, open_store

    with open_store("corpus.db") as store:            # or "postgresql://..."
        report = ingest(store, ["articles/"])          # analyses and stores, resumable
        for hit in store.search("water prices", Filters(outlet="example.org")):
            print(hit.score, hit.document_id, hit.start, hit.end, hit.snippet)

:func:`open_store` picks the backend from the URL: a path or ``sqlite:///path`` gives
SQLite (:mod:`unspin.store.sqlite`), ``postgresql://...`` PostgreSQL
(:mod:`unspin.store.postgres`). Both implement :class:`Store` and pass the same tests.

Every store is read and written through its public SQL access, ``store.sql``
(:class:`unspin.store.sql.SQLAccess`); the features' tables are migrations and
repositories of their own (``store.repository(FactCheckTable)``), see
:mod:`unspin.store.schema`.
"""

from __future__ import annotations

import os
from pathlib import Path

from unspin.errors import ConfigError, StoreError
from unspin.pipeline import encoder_name
from unspin.store.base import SearchMode, Store
from unspin.store.export import ExportFormat, ExportWhat
from unspin.store.ingest import IngestReport, count_inputs, ingest
from unspin.store.listing import (
    DOCUMENT_ORDERS,
    DocumentOrder,
    document_languages,
    document_texts,
    documents_by_id,
    page_documents,
    page_findings,
    page_links,
)
from unspin.store.records import (
    DocumentSummary,
    ErrorRecord,
    Filters,
    Hit,
    HitFinding,
    Page,
    StoredFinding,
    StoredLink,
    StoreStats,
)
from unspin.store.sql import Migration, SQLAccess

__all__ = [
    "DEFAULT_DB",
    "DOCUMENT_ORDERS",
    "ENV_VAR",
    "DocumentOrder",
    "DocumentSummary",
    "ErrorRecord",
    "ExportFormat",
    "ExportWhat",
    "Filters",
    "Hit",
    "HitFinding",
    "IngestReport",
    "Migration",
    "Page",
    "SQLAccess",
    "SearchMode",
    "Store",
    "StoreStats",
    "StoredFinding",
    "StoredLink",
    "count_inputs",
    "default_url",
    "document_languages",
    "document_texts",
    "documents_by_id",
    "encoder_name",
    "ingest",
    "open_store",
    "page_documents",
    "page_findings",
    "page_links",
]

#: The store used when neither ``--db`` nor ``UNSPIN_DB`` names one.
DEFAULT_DB = "unspin.db"
#: The environment variable naming the default store.
ENV_VAR = "UNSPIN_DB"


def default_url() -> str:
    """``$UNSPIN_DB`` if set, else ``unspin.db`` in the current folder."""
    return os.environ.get(ENV_VAR) or DEFAULT_DB


def _refuse_three_slashes(path: str, create: bool) -> None:
    """A StoreError saying how to write an absolute path when ``sqlite:///PATH`` names no
    store here but ``/PATH`` is one (``sqlite:///tmp/c.db`` for /tmp/c.db)."""
    if create or Path(path).is_absolute() or Path(path).exists():
        return
    if Path("/" + path).is_file():
        raise StoreError(
            f"no unspin store at {path}",
            hint=f"sqlite:/// takes a path relative to the current folder; for /{path} "
            f"write sqlite:////{path} (four slashes) or the path alone",
        )


def open_store(url: str | Path | None = None, *, create: bool = True) -> Store:
    """Open (and migrate) a store: a path or ``sqlite:///path`` for SQLite,
    ``postgresql://...`` for PostgreSQL. With ``create=False`` a SQLite file that does
    not exist yet is an error instead of a new store."""
    text = str(url) if url is not None else default_url()
    if text.startswith(("postgresql://", "postgres://")):
        from unspin.store.postgres import PostgresStore

        return PostgresStore(text, create=create)
    if text.startswith("sqlite:"):
        if not text.startswith("sqlite:///"):
            raise ConfigError(f"bad SQLite URL {text!r}; write sqlite:///path/to/file.db")
        text = text[len("sqlite:///") :] or ""
        if not text:
            raise ConfigError("the SQLite URL names no file")
        _refuse_three_slashes(text, create)
    elif "://" in text:
        scheme = text.split("://", 1)[0]
        raise ConfigError(
            f"unsupported store URL scheme {scheme!r}; use a file path, sqlite:///PATH or "
            "postgresql://..."
        )
    from unspin.store.sqlite import SQLiteStore

    return SQLiteStore(text, create=create)
