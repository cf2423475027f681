"""Evidence passages in a store: the tables of schema migration 4.

``evidence_documents`` holds the trusted documents added with ``unspin evidence add`` (id:
the hash of the text, so a document is stored once; title, URL, outlet, date, source
path, text) and ``evidence_passages`` their passages (sentence windows: offsets into the
document text, the text, the MiniLM embedding: float32 bytes in SQLite, pgvector in
PostgreSQL). The keyword index is FTS5 ``evidence_fts`` in SQLite and a generated
``tsvector`` with a GIN index in PostgreSQL; the vector index a sqlite-vec sign sketch
(``evidence_vec``) or an HNSW index. Reading and writing them is
:class:`unspin.evidence.index.EvidenceIndex`'s.
"""

from __future__ import annotations

from unspin.nlp import EMBEDDING_DIM
from unspin.store.rows import SKETCH_BITS

__all__ = ["DESCRIPTION", "POSTGRES_STATEMENTS", "SQLITE_STATEMENTS", "VERSION"]

#: The migration version of the evidence tables (both backends).
VERSION = 4
DESCRIPTION = "evidence documents and passages: offsets, embeddings, full-text index"

_DOCUMENTS = """CREATE TABLE evidence_documents (
    key {key} PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT, url TEXT, outlet TEXT,
    published TEXT, source TEXT, text TEXT NOT NULL, passages INTEGER NOT NULL,
    added_at TEXT NOT NULL)"""

#: Migration 4 of the SQLite backend.
SQLITE_STATEMENTS = (
    _DOCUMENTS.format(key="INTEGER"),
    """CREATE TABLE evidence_passages (
        id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES evidence_documents (key),
        idx INTEGER NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
        text TEXT NOT NULL, embedding BLOB, UNIQUE (doc, idx))""",
    "CREATE VIRTUAL TABLE evidence_fts USING fts5(text, content='evidence_passages', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    f"CREATE VIRTUAL TABLE evidence_vec USING vec0(sketch bit[{SKETCH_BITS}])",
)

#: Migration 4 of the PostgreSQL backend.
POSTGRES_STATEMENTS = (
    _DOCUMENTS.format(key="BIGSERIAL"),
    f"""CREATE TABLE evidence_passages (
        id BIGSERIAL PRIMARY KEY, doc BIGINT NOT NULL REFERENCES evidence_documents (key),
        idx INTEGER NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
        text TEXT NOT NULL, embedding vector({EMBEDDING_DIM}),
        tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
        UNIQUE (doc, idx))""",
    "CREATE INDEX evidence_passages_tsv ON evidence_passages USING gin (tsv)",
    "CREATE INDEX evidence_passages_embedding ON evidence_passages "
    "USING hnsw (embedding vector_cosine_ops)",
)
