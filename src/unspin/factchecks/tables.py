"""Known fact-checks in a store: the ``factchecks`` table (schema migration 3) and its
repository, ``store.repository(...)``.

One row per schema.org ClaimReview (:class:`unspin.factchecks.ClaimReview`): the review's
fields, the embedding of the reviewed claim and of the review's headline (float32 in
SQLite, pgvector in PostgreSQL), and a full-text index of claim and headline (FTS5
``factcheck_fts`` in SQLite, a generated ``tsvector`` with a GIN index in PostgreSQL).
The review's ``id`` (a hash of its URL and claim) is unique, so importing the same
review twice adds nothing.

:class:`FactCheckTable` reads and writes the table through the store's public SQL access
(:class:`unspin.store.sql.SQLAccess`). Matching (BM25 + MiniLM, re-ranking) is
:mod:`unspin.factchecks.match`'s: it reads the rows with :meth:`FactCheckTable.iter` (see
:mod:`unspin.factchecks.stored`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.factchecks.model import ClaimReview
from unspin.store.ranking import query_terms
from unspin.store.sql import Migration, SQLAccess, marks, now

__all__ = [
    "FACTCHECK_COLUMNS",
    "MIGRATIONS",
    "FactCheckTable",
    "StoredFactCheck",
]

#: ClaimReview fields stored as columns, in order.
FACTCHECK_COLUMNS = (
    "id",
    "claim",
    "claimant",
    "claim_date",
    "publisher",
    "publisher_site",
    "rating",
    "rating_value",
    "best_rating",
    "worst_rating",
    "review_date",
    "url",
    "title",
    "language",
    "source",
)

_COMMON = """
    id TEXT NOT NULL UNIQUE, claim TEXT NOT NULL, claimant TEXT, claim_date TEXT,
    publisher TEXT, publisher_site TEXT, rating TEXT, rating_value {real},
    best_rating {real}, worst_rating {real}, review_date TEXT, url TEXT, title TEXT,
    language TEXT, source TEXT, embedding {vector}, title_embedding {vector},
    imported_at TEXT NOT NULL"""

#: The fact-check tables: migration 3 of every store.
MIGRATIONS = (
    Migration(
        3,
        "known fact-checks (ClaimReview): fields, claim embeddings, full-text index",
        sqlite=(
            "CREATE TABLE factchecks (key INTEGER PRIMARY KEY, "
            + _COMMON.format(real="REAL", vector="BLOB")
            + ")",
            "CREATE INDEX factchecks_publisher ON factchecks (publisher)",
            "CREATE VIRTUAL TABLE factcheck_fts USING fts5(claim, title, content='factchecks', "
            "content_rowid='key', tokenize='porter unicode61 remove_diacritics 2')",
        ),
        postgresql=(
            "CREATE TABLE factchecks (key BIGSERIAL PRIMARY KEY, "
            + _COMMON.format(real="DOUBLE PRECISION", vector="vector(384)")
            + ", tsv tsvector GENERATED ALWAYS AS "
            "(to_tsvector('english', claim || ' ' || coalesce(title, ''))) STORED)",
            "CREATE INDEX factchecks_publisher ON factchecks (publisher)",
            "CREATE INDEX factchecks_tsv ON factchecks USING gin (tsv)",
        ),
    ),
)


@dataclass(frozen=True)
class StoredFactCheck:
    """A stored review with its embeddings (None: not embedded, or no headline)."""

    review: ClaimReview
    embedding: NDArray[Any] | None = None
    title_embedding: NDArray[Any] | None = None


def _row(review: ClaimReview) -> list[Any]:
    return [getattr(review, c) for c in FACTCHECK_COLUMNS]


def _review(row: Sequence[Any]) -> ClaimReview:
    return ClaimReview.from_dict(dict(zip(FACTCHECK_COLUMNS, row, strict=True)))


class FactCheckTable:
    """The stored fact-checks of one store (``store.repository(...)``)."""

    def __init__(self, sql: SQLAccess) -> None:
        self.sql = sql
        self._pg = sql.dialect == "postgresql"

    def _vector(self, vector: NDArray[Any] | None) -> Any:
        """A vector parameter; None for a missing or all-zero vector."""
        if vector is None or not np.any(vector):
            return None
        return self.sql.vector_in(vector)

    def present(self, ids: Iterable[str]) -> set[str]:
        """Which of these review ids are stored."""
        return self.sql.present("factchecks", "id", ids)

    def add(
        self,
        reviews: Sequence[ClaimReview],
        embeddings: NDArray[Any] | None = None,
        title_embeddings: NDArray[Any] | None = None,
    ) -> int:
        """Store reviews (one transaction); a review whose id is stored already is
        skipped. ``embeddings``: one row per review (of ``claim``); ``title_embeddings``:
        one per review (of ``title``; rows of reviews without one are ignored). Returns
        how many were added."""
        for name, arr in (("embeddings", embeddings), ("title_embeddings", title_embeddings)):
            if arr is not None and len(arr) != len(reviews):
                raise ValueError(f"{name} has {len(arr)} rows for {len(reviews)} reviews")
        stamp = now()
        cast = self.sql.vector_mark
        with self.sql.transaction():
            present = self.present(r.id for r in reviews)
            new: list[int] = []
            for k, r in enumerate(reviews):
                if r.id not in present:
                    present.add(r.id)
                    new.append(k)
            keys = self.sql.new_keys("factchecks", "key", len(new))
            rows = []
            for key, k in zip(keys, new, strict=True):
                r = reviews[k]
                emb = None if embeddings is None else self._vector(embeddings[k])
                temb = (
                    None
                    if title_embeddings is None or not r.title
                    else self._vector(title_embeddings[k])
                )
                rows.append([key, *_row(r), emb, temb, stamp])
            columns = ", ".join(FACTCHECK_COLUMNS)
            self.sql.executemany(
                f"INSERT INTO factchecks (key, {columns}, embedding, title_embedding, "
                f"imported_at) VALUES ({marks(len(FACTCHECK_COLUMNS) + 1)}, {cast}, {cast}, ?)",
                rows,
            )
            if not self._pg and rows:
                self.sql.executemany(
                    "INSERT INTO factcheck_fts (rowid, claim, title) VALUES (?, ?, ?)",
                    [
                        (key, reviews[k].claim, reviews[k].title or "")
                        for key, k in zip(keys, new, strict=True)
                    ],
                )
        return len(new)

    def count(self) -> int:
        """How many reviews are stored."""
        return int(self.sql.one("SELECT count(*) FROM factchecks"))

    def state(self) -> tuple[int, int]:
        """How many reviews are stored and the last one's key: reviews are only added,
        each under a larger key, so an import by any process since changes it (one
        cheap query, for a long-running reader to tell its copy is behind)."""
        count, last = self.sql.all("SELECT count(*), coalesce(max(key), 0) FROM factchecks")[0]
        return int(count), int(last)

    def iter(self, *, embeddings: bool = True) -> Iterator[StoredFactCheck]:
        """Every stored review in import order, streamed (with its embeddings unless
        ``embeddings`` is false)."""
        columns = ", ".join(FACTCHECK_COLUMNS)
        vectors = "NULL, NULL"
        if embeddings:
            vectors = (
                "embedding::text, title_embedding::text"
                if self._pg
                else "embedding, title_embedding"
            )
        n = len(FACTCHECK_COLUMNS)
        out = self.sql.vector_out
        for row in self.sql.stream(f"SELECT {columns}, {vectors} FROM factchecks ORDER BY key"):
            yield StoredFactCheck(_review(row[:n]), out(row[n]), out(row[n + 1]))

    def search(self, query: str, limit: int = 10) -> list[tuple[ClaimReview, float]]:
        """Reviews whose claim or headline holds words of ``query`` (stemmed), by the
        backend's full-text relevance (BM25 in SQLite, ``ts_rank`` in PostgreSQL), best
        first."""
        words = query_terms(query)
        if not words or limit <= 0:
            return []
        columns = ", ".join(f"f.{c}" for c in FACTCHECK_COLUMNS)
        if self._pg:
            sql = (
                f"SELECT {columns}, ts_rank(f.tsv, q) AS rank FROM factchecks f, "
                "to_tsquery('english', ?) q WHERE f.tsv @@ q ORDER BY rank DESC, f.key LIMIT ?"
            )
            params: list[Any] = [" | ".join(words), limit]
        else:
            sql = (
                f"SELECT {columns}, -bm25(factcheck_fts) AS rank FROM factcheck_fts "
                "JOIN factchecks f ON f.key = factcheck_fts.rowid WHERE factcheck_fts MATCH ? "
                "ORDER BY rank DESC, f.key LIMIT ?"
            )
            params = [" OR ".join(f'"{w}"' for w in words), limit]
        n = len(FACTCHECK_COLUMNS)
        return [(_review(row[:n]), float(row[n])) for row in self.sql.all(sql, params)]
