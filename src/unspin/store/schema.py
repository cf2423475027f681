"""The store core's schema (migrations 1, 2 and 8), the runner that applies it together
with the features' tables, and the features' repositories.

Version 1: ``meta``, ``outlets``, ``documents``, ``findings``, ``sentences`` with their
keyword and vector indexes, ``sentence_tags``, ``errors``. Version 2: ``links``. Version
8: documents' URL domain and whether their input named the outlet
(:mod:`unspin.store.outlet_names`). A
feature adds its tables as ``MIGRATIONS`` of its ``tables`` module, listed in
:data:`unspin.features.BUILTIN_FEATURES` (fact-checks: 3, evidence: 4, the corpus
comparison index: 5). :func:`migrate` applies every migration a store lacks, by version
number (versions may have gaps, and a store may hold versions added out of order), each
once, in one transaction; a store written by a newer unspin is refused.

The same modules define repositories, classes built over the store's
:class:`~unspin.store.sql.SQLAccess` and reached with ``store.repository(cls)``.
"""

from __future__ import annotations

import logging

from unspin.errors import StoreError
from unspin.features import feature_modules
from unspin.nlp import EMBEDDING_DIM
from unspin.store.outlet_names import MIGRATION as OUTLET_DOMAINS
from unspin.store.rows import SKETCH_BITS
from unspin.store.sql import Migration, SQLAccess, now

__all__ = [
    "CORE_MIGRATIONS",
    "latest_version",
    "migrate",
    "schema_migrations",
]

log = logging.getLogger(__name__)

_SQLITE_1 = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE outlets (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
    """CREATE TABLE documents (
                key INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT, url TEXT,
                outlet_id INTEGER NOT NULL DEFAULT 0, author TEXT, published TEXT,
                day INTEGER NOT NULL DEFAULT 0, language TEXT, source TEXT, text TEXT NOT NULL,
                analysis TEXT NOT NULL, sentences INTEGER NOT NULL, findings INTEGER NOT NULL,
                failures INTEGER NOT NULL, embedded INTEGER NOT NULL,
                ingested_at TEXT NOT NULL)""",
    "CREATE INDEX documents_outlet ON documents (outlet_id)",
    "CREATE INDEX documents_day ON documents (day)",
    """CREATE TABLE findings (
                key INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents (key),
                fid TEXT NOT NULL, kind TEXT NOT NULL, label TEXT NOT NULL,
                start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, score REAL NOT NULL,
                analyzer TEXT NOT NULL, analyzer_version TEXT NOT NULL, text TEXT NOT NULL,
                attributes TEXT NOT NULL, explanation TEXT NOT NULL, relations TEXT NOT NULL,
                sent_first INTEGER NOT NULL, sent_last INTEGER NOT NULL, speaker TEXT,
                source_type TEXT, UNIQUE (doc, fid))""",
    "CREATE INDEX findings_kind ON findings (kind, label)",
    """CREATE TABLE sentences (
                id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES documents (key),
                idx INTEGER NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
                text TEXT NOT NULL, outlet_id INTEGER NOT NULL, day INTEGER NOT NULL,
                embedding BLOB, UNIQUE (doc, idx))""",
    """CREATE TABLE sentence_tags (
                tag TEXT NOT NULL, sentence INTEGER NOT NULL, PRIMARY KEY (tag, sentence)
            ) WITHOUT ROWID""",
    "CREATE VIRTUAL TABLE sentence_fts USING fts5(text, content='sentences', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    f"CREATE VIRTUAL TABLE sentence_vec USING vec0(sketch bit[{SKETCH_BITS}], "
    "outlet_id integer, day integer)",
    """CREATE TABLE errors (
                id INTEGER PRIMARY KEY, source TEXT NOT NULL, error TEXT NOT NULL,
                message TEXT NOT NULL, document_id TEXT, recorded_at TEXT NOT NULL,
                UNIQUE (source, error, message))""",
)

_POSTGRES_1 = (
    "CREATE EXTENSION IF NOT EXISTS vector",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE outlets (id SERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
    """CREATE TABLE documents (
                key BIGSERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT, url TEXT,
                outlet_id INTEGER NOT NULL DEFAULT 0, author TEXT, published TEXT,
                day INTEGER NOT NULL DEFAULT 0, language TEXT, source TEXT, text TEXT NOT NULL,
                analysis TEXT NOT NULL, sentences INTEGER NOT NULL, findings INTEGER NOT NULL,
                failures INTEGER NOT NULL, embedded INTEGER NOT NULL,
                ingested_at TEXT NOT NULL)""",
    "CREATE INDEX documents_outlet ON documents (outlet_id)",
    "CREATE INDEX documents_day ON documents (day)",
    """CREATE TABLE findings (
                key BIGSERIAL PRIMARY KEY, doc BIGINT NOT NULL REFERENCES documents (key),
                fid TEXT NOT NULL, kind TEXT NOT NULL, label TEXT NOT NULL,
                start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
                score DOUBLE PRECISION NOT NULL, analyzer TEXT NOT NULL,
                analyzer_version TEXT NOT NULL, text TEXT NOT NULL, attributes TEXT NOT NULL,
                explanation TEXT NOT NULL, relations TEXT NOT NULL,
                sent_first INTEGER NOT NULL, sent_last INTEGER NOT NULL, speaker TEXT,
                source_type TEXT, UNIQUE (doc, fid))""",
    "CREATE INDEX findings_kind ON findings (kind, label)",
    f"""CREATE TABLE sentences (
                id BIGSERIAL PRIMARY KEY, doc BIGINT NOT NULL REFERENCES documents (key),
                idx INTEGER NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
                text TEXT NOT NULL, outlet_id INTEGER NOT NULL, day INTEGER NOT NULL,
                embedding vector({EMBEDDING_DIM}),
                tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
                UNIQUE (doc, idx))""",
    "CREATE INDEX sentences_tsv ON sentences USING gin (tsv)",
    "CREATE INDEX sentences_embedding ON sentences USING hnsw (embedding vector_cosine_ops)",
    "CREATE INDEX sentences_outlet_day ON sentences (outlet_id, day)",
    "CREATE INDEX sentences_day ON sentences (day)",
    """CREATE TABLE sentence_tags (
                tag TEXT NOT NULL, sentence BIGINT NOT NULL, PRIMARY KEY (tag, sentence))""",
    """CREATE TABLE errors (
                id BIGSERIAL PRIMARY KEY, source TEXT NOT NULL, error TEXT NOT NULL,
                message TEXT NOT NULL, document_id TEXT, recorded_at TEXT NOT NULL,
                UNIQUE (source, error, message))""",
)

_SQLITE_2 = (
    """CREATE TABLE links (
                id INTEGER PRIMARY KEY, kind TEXT NOT NULL, source_document TEXT NOT NULL,
                source_finding TEXT NOT NULL, target_document TEXT NOT NULL,
                target_finding TEXT NOT NULL, score REAL NOT NULL, attributes TEXT NOT NULL,
                created_at TEXT NOT NULL,
                UNIQUE (kind, source_document, source_finding, target_document, target_finding))""",
    "CREATE INDEX links_target ON links (target_document)",
)

_POSTGRES_2 = (
    """CREATE TABLE links (
                id BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL, source_document TEXT NOT NULL,
                source_finding TEXT NOT NULL, target_document TEXT NOT NULL,
                target_finding TEXT NOT NULL, score DOUBLE PRECISION NOT NULL,
                attributes TEXT NOT NULL, created_at TEXT NOT NULL,
                UNIQUE (kind, source_document, source_finding, target_document, target_finding))""",
    "CREATE INDEX links_target ON links (target_document)",
)

#: The store core's migrations.
CORE_MIGRATIONS = (
    Migration(
        1,
        "documents, findings, sentences, keyword and vector indexes, errors, meta",
        _SQLITE_1,
        _POSTGRES_1,
    ),
    Migration(
        2,
        "links between findings of different documents (contradictions, quote drift)",
        _SQLITE_2,
        _POSTGRES_2,
    ),
    OUTLET_DOMAINS,
)


def schema_migrations() -> tuple[Migration, ...]:
    """The core's migrations and every feature's, by version number."""
    found = list(CORE_MIGRATIONS)
    for module in feature_modules("tables"):
        found.extend(module.MIGRATIONS)
    versions = [m.version for m in found]
    twice = sorted({v for v in versions if versions.count(v) > 1})
    if twice:
        raise StoreError(f"store migration version(s) {twice} defined twice")
    return tuple(sorted(found, key=lambda m: m.version))


def latest_version() -> int:
    """The newest schema version this unspin writes."""
    return schema_migrations()[-1].version


def migrate(sql: SQLAccess, url: str) -> None:
    """Apply the migrations the store at ``url`` lacks, in one transaction."""
    migrations = schema_migrations()
    sql.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    latest = migrations[-1].version
    with sql.transaction():
        if sql.dialect == "postgresql":
            # keep a second process from migrating at the same time (SQLite's write
            # transaction already does)
            sql.execute("SELECT pg_advisory_xact_lock(7243190518)")
        applied = {int(v) for (v,) in sql.all("SELECT version FROM schema_migrations")}
        current = max(applied, default=0)
        if current > latest:
            raise StoreError(
                f"{url} is at schema version {current}; this unspin knows up to {latest}",
                hint="upgrade unspin",
            )
        for m in migrations:  # by number, not by maximum: versions may have gaps
            if m.version in applied:
                continue
            log.info("store %s: migration %d (%s)", url, m.version, m.description)
            for statement in m.statements(sql.dialect):
                sql.execute(statement)
            sql.execute(
                "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                (m.version, now()),
            )
