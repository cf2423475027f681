"""Evidence passages in a store: the tables of schema migration 4 and their repository,
``store.repository(...)``.

``evidence_documents`` holds the trusted documents added with ``unspin evidence add`` (id:
the hash of the text, so a document is stored once; title, URL, outlet, date, source
path, text) and ``evidence_passages`` their passages (sentence windows: offsets into the
document text, the text, the MiniLM embedding: float32 bytes in SQLite, pgvector in
PostgreSQL). The keyword index is FTS5 ``evidence_fts`` in SQLite and a generated
``tsvector`` with a GIN index in PostgreSQL; the vector index a sqlite-vec sign sketch
(``evidence_vec``) or an HNSW index. :class:`EvidenceTable` reads and writes them through
the store's public SQL access; splitting, embedding and ranking documents is
:class:`unspin.evidence.index.EvidenceIndex`'s.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.nlp import EMBEDDING_DIM
from unspin.store.rows import SKETCH_BITS, sketch
from unspin.store.sql import Migration, SQLAccess, chunks, marks

__all__ = ["MIGRATIONS", "EvidencePassage", "EvidenceTable", "PassageRow"]

#: sqlite-vec sketch candidates per wanted result before exact re-ranking.
OVERSAMPLE = 4

_DOCUMENTS = """CREATE TABLE evidence_documents (
    key {key} PRIMARY KEY, id TEXT NOT NULL UNIQUE, title TEXT, url TEXT, outlet TEXT,
    published TEXT, source TEXT, text TEXT NOT NULL, passages INTEGER NOT NULL,
    added_at TEXT NOT NULL)"""

#: The evidence tables: migration 4 of every store.
MIGRATIONS = (
    Migration(
        4,
        "evidence documents and passages: offsets, embeddings, full-text index",
        sqlite=(
            _DOCUMENTS.format(key="INTEGER"),
            """CREATE TABLE evidence_passages (
        id INTEGER PRIMARY KEY, doc INTEGER NOT NULL REFERENCES evidence_documents (key),
        idx INTEGER NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
        text TEXT NOT NULL, embedding BLOB, UNIQUE (doc, idx))""",
            "CREATE VIRTUAL TABLE evidence_fts USING fts5(text, content='evidence_passages', "
            "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
            f"CREATE VIRTUAL TABLE evidence_vec USING vec0(sketch bit[{SKETCH_BITS}])",
        ),
        postgresql=(
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
        ),
    ),
)

#: A passage to write: (id, document key, index, start, end, text, embedding).
PassageRow = tuple[int, int, int, int, int, str, NDArray[Any]]


@dataclass(frozen=True)
class EvidencePassage:
    """A stored passage of an evidence document."""

    document_id: str
    title: str | None
    source: str | None
    url: str | None
    index: int
    start: int
    end: int
    text: str
    published: str | None = None  # the document's publication date (ISO), if known
    #: the text of its document right before it (the sentence before, for its anaphora)
    before: str = ""

    def citation(self) -> dict[str, Any]:
        """Where the passage stands: its document, offsets and text, as a verdict cites it."""
        return {
            "document_id": self.document_id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


class EvidenceTable:
    """The evidence documents and passages of one store (``store.repository(...)``)."""

    def __init__(self, sql: SQLAccess) -> None:
        self.sql = sql
        self._sqlite = sql.dialect == "sqlite"

    # -- writing -----------------------------------------------------------------------

    def existing(self, ids: Iterable[str]) -> set[str]:
        """Which of these document ids are stored."""
        return self.sql.present("evidence_documents", "id", ids)

    def document_keys(self, n: int) -> list[int]:
        """``n`` fresh document keys (inside a write transaction)."""
        return self.sql.new_keys("evidence_documents", "key", n)

    def passage_ids(self, n: int) -> list[int]:
        """``n`` fresh passage ids (inside a write transaction)."""
        return self.sql.new_keys("evidence_passages", "id", n)

    def insert(self, documents: Sequence[tuple[Any, ...]], passages: Sequence[PassageRow]) -> None:
        """Write document rows (key, id, title, url, outlet, published, source, text,
        passages, added_at) and their passages with their index entries."""
        self.sql.executemany(
            "INSERT INTO evidence_documents (key, id, title, url, outlet, published, "
            f"source, text, passages, added_at) VALUES ({marks(10)})",
            documents,
        )
        self.sql.executemany(
            "INSERT INTO evidence_passages (id, doc, idx, start_char, end_char, text, "
            f"embedding) VALUES (?, ?, ?, ?, ?, ?, {self.sql.vector_mark})",
            [(*r[:6], self.sql.vector_in(r[6])) for r in passages],
        )
        if not self._sqlite:
            return
        self.sql.executemany(
            "INSERT INTO evidence_fts (rowid, text) VALUES (?, ?)",
            [(r[0], r[5]) for r in passages],
        )
        if passages:
            sketches = sketch(np.stack([r[6] for r in passages]))
            self.sql.executemany(
                "INSERT INTO evidence_vec (rowid, sketch) VALUES (?, vec_bit(?))",
                [(r[0], s.tobytes()) for r, s in zip(passages, sketches, strict=True)],
            )

    # -- reading -----------------------------------------------------------------------

    def holds_passages(self) -> bool:
        """Whether the store holds any passage (one row looked at, not all counted)."""
        return bool(self.sql.one("SELECT EXISTS (SELECT 1 FROM evidence_passages)"))

    def counts(self) -> tuple[int, int]:
        """How many evidence documents and passages the store holds."""
        docs, passages = self.sql.all(
            "SELECT (SELECT count(*) FROM evidence_documents), "
            "(SELECT count(*) FROM evidence_passages)"
        )[0]
        return int(docs), int(passages)

    def keyword(self, terms: Sequence[str], depth: int) -> list[tuple[int, float]]:
        """The ``depth`` passages holding most of ``terms`` (stemmed), with the backend's
        relevance (higher is better), best first."""
        if self._sqlite:
            query = " OR ".join(f'"{t}"' for t in terms)
            rows = self.sql.all(
                "SELECT rowid, bm25(evidence_fts) AS rank FROM evidence_fts "
                "WHERE evidence_fts MATCH ? ORDER BY rank, rowid LIMIT ?",
                [query, depth],
            )
            return [(int(pid), -float(rank)) for pid, rank in rows]
        rows = self.sql.all(
            "SELECT p.id, ts_rank(p.tsv, q) AS rank FROM evidence_passages p, "
            "to_tsquery('english', ?) q WHERE p.tsv @@ q ORDER BY rank DESC, p.id LIMIT ?",
            [" | ".join(terms), depth],
        )
        return [(int(pid), float(rank)) for pid, rank in rows]

    def semantic(self, vector: NDArray[Any], depth: int) -> list[tuple[int, float]]:
        """The ``depth`` passages nearest ``vector``, with cosine similarity, best first."""
        if not self._sqlite:
            q = self.sql.vector_in(vector)
            with self.sql.transaction():
                self.sql.execute(
                    "SELECT set_config('hnsw.ef_search', ?, true)", (str(max(100, 4 * depth)),)
                )
                rows = self.sql.all(
                    "SELECT id, 1 - (embedding <=> ?::vector) FROM evidence_passages "
                    "WHERE embedding IS NOT NULL ORDER BY embedding <=> ?::vector LIMIT ?",
                    [q, q, depth],
                )
            return [(int(pid), float(sim)) for pid, sim in rows if sim > 0]
        k = min(depth * OVERSAMPLE, 4096)
        candidates = [
            int(r[0])
            for r in self.sql.all(
                "SELECT rowid FROM evidence_vec WHERE sketch MATCH vec_bit(?) AND k = ?",
                [sketch(vector)[0].tobytes(), k],
            )
        ]
        scored = []
        for chunk in chunks(candidates):
            for pid, blob in self.sql.all(
                "SELECT id, embedding FROM evidence_passages WHERE id IN "
                f"({marks(len(chunk))}) AND embedding IS NOT NULL",
                chunk,
            ):
                v = np.frombuffer(blob, dtype=np.float32)
                scored.append((int(pid), float(v @ vector)))
        scored.sort(key=lambda t: (-t[1], t[0]))
        return [(pid, sim) for pid, sim in scored if sim > 0][:depth]

    def passages(
        self, ids: Sequence[int]
    ) -> dict[int, tuple[EvidencePassage, NDArray[Any] | None]]:
        """The passages with these ids and their embeddings."""
        out: dict[int, tuple[EvidencePassage, NDArray[Any] | None]] = {}
        for chunk in chunks(list(ids)):
            for r in self.sql.all(
                "SELECT p.id, d.id, d.title, d.source, d.url, p.idx, p.start_char, p.end_char, "
                "p.text, p.embedding, d.published, q.text, q.start_char FROM evidence_passages p "
                "JOIN evidence_documents d ON d.key = p.doc LEFT JOIN evidence_passages q "
                f"ON q.doc = p.doc AND q.idx = p.idx - 1 WHERE p.id IN ({marks(len(chunk))})",
                chunk,
            ):
                # the previous window up to this one's start: the sentence before it
                cut = int(r[6]) - int(r[12]) if r[11] is not None else 0
                out[int(r[0])] = (
                    EvidencePassage(
                        str(r[1]),
                        r[2],
                        r[3],
                        r[4],
                        int(r[5]),
                        int(r[6]),
                        int(r[7]),
                        r[8],
                        None if r[10] is None else str(r[10]),
                        str(r[11])[:cut] if cut > 0 else "",
                    ),
                    _as_vector(self.sql.vector_out(r[9])),
                )
        return out


def _as_vector(v: NDArray[Any] | None) -> NDArray[Any] | None:
    """An embedding of the expected size (None for anything else)."""
    return v if v is not None and v.shape == (EMBEDDING_DIM,) else None
