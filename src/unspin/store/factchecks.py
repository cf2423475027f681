"""Known fact-checks in a store: the ``factchecks`` table (schema migration 3).

One row per schema.org ClaimReview (:class:`unspin.factchecks.ClaimReview`): the review's
fields, the embedding of the reviewed claim and of the review's headline (float32 in
SQLite, pgvector in PostgreSQL), and a full-text index of claim and headline (FTS5
``factcheck_fts`` in SQLite, a generated ``tsvector`` with a GIN index in PostgreSQL).
The review's ``id`` (a hash of its URL and claim) is unique, so importing the same
review twice adds nothing.

:class:`FactCheckStore` is the interface every :class:`~unspin.store.Store` has;
:class:`SQLFactChecks` implements it over the SQL primitives of the two backends.
Matching (BM25 + MiniLM, re-ranking) is :mod:`unspin.factchecks`'s: it reads the rows
with :meth:`FactCheckStore.iter_factchecks` (see :mod:`unspin.factchecks.stored`).
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar

import numpy as np

from unspin.factchecks.model import ClaimReview

__all__ = [
    "DESCRIPTION",
    "FACTCHECK_COLUMNS",
    "POSTGRES_STATEMENTS",
    "SQLITE_STATEMENTS",
    "VERSION",
    "FactCheckStore",
    "SQLFactChecks",
    "StoredFactCheck",
]

#: The migration version of the fact-check tables (both backends).
VERSION = 3
DESCRIPTION = "known fact-checks (ClaimReview): fields, claim embeddings, full-text index"

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


#: Migration 3 of the SQLite backend.
SQLITE_STATEMENTS = (
    "CREATE TABLE factchecks (key INTEGER PRIMARY KEY, "
    + _COMMON.format(real="REAL", vector="BLOB")
    + ")",
    "CREATE INDEX factchecks_publisher ON factchecks (publisher)",
    "CREATE VIRTUAL TABLE factcheck_fts USING fts5(claim, title, content='factchecks', "
    "content_rowid='key', tokenize='porter unicode61 remove_diacritics 2')",
)

#: Migration 3 of the PostgreSQL backend.
POSTGRES_STATEMENTS = (
    "CREATE TABLE factchecks (key BIGSERIAL PRIMARY KEY, "
    + _COMMON.format(real="DOUBLE PRECISION", vector="vector(384)")
    + ", tsv tsvector GENERATED ALWAYS AS "
    "(to_tsvector('english', claim || ' ' || coalesce(title, ''))) STORED)",
    "CREATE INDEX factchecks_publisher ON factchecks (publisher)",
    "CREATE INDEX factchecks_tsv ON factchecks USING gin (tsv)",
)


@dataclass(frozen=True)
class StoredFactCheck:
    """A stored review with its embeddings (None: not embedded, or no headline)."""

    review: ClaimReview
    embedding: np.ndarray | None = None
    title_embedding: np.ndarray | None = None


class FactCheckStore(ABC):
    """What a store offers for known fact-checks."""

    @abstractmethod
    def add_factchecks(
        self,
        reviews: Sequence[ClaimReview],
        embeddings: np.ndarray | None = None,
        title_embeddings: np.ndarray | None = None,
    ) -> int:
        """Store reviews (one transaction); a review whose id is stored already is
        skipped. ``embeddings``: one row per review (of ``claim``); ``title_embeddings``:
        one per review (of ``title``; rows of reviews without one are ignored). Returns
        how many were added."""

    @abstractmethod
    def factchecks_present(self, ids: Iterable[str]) -> set[str]:
        """Which of these review ids are stored."""

    @abstractmethod
    def factcheck_count(self) -> int:
        """How many reviews are stored."""

    @abstractmethod
    def iter_factchecks(self, *, embeddings: bool = True) -> Iterator[StoredFactCheck]:
        """Every stored review in import order, streamed (with its embeddings unless
        ``embeddings`` is false)."""

    @abstractmethod
    def search_factchecks(self, query: str, limit: int = 10) -> list[tuple[ClaimReview, float]]:
        """Reviews whose claim or headline holds words of ``query`` (stemmed), by the
        backend's full-text relevance (BM25 in SQLite, ``ts_rank`` in PostgreSQL), best
        first."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _row(review: ClaimReview) -> list[Any]:
    return [getattr(review, c) for c in FACTCHECK_COLUMNS]


class SQLFactChecks(FactCheckStore):
    """:class:`FactCheckStore` over the portable SQL of :class:`unspin.store._sql.SQLStore`."""

    backend: ClassVar[str]

    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any: ...

    @abstractmethod
    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    @abstractmethod
    def _stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]: ...

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]: ...

    # -- dialect ---------------------------------------------------------------------

    @property
    def _pg(self) -> bool:
        return self.backend == "postgresql"

    def _vector_in(self, vector: np.ndarray | None) -> Any:
        if vector is None or not np.any(vector):
            return None
        v = np.asarray(vector, dtype=np.float32)
        if self._pg:
            return json.dumps([round(float(x), 7) for x in v])
        return v.tobytes()

    def _vector_out(self, value: Any) -> np.ndarray | None:
        if value is None:
            return None
        if isinstance(value, str):
            return np.asarray(json.loads(value), dtype=np.float32)
        return np.frombuffer(bytes(value), dtype=np.float32).copy()

    def _factcheck_keys(self, n: int) -> list[int]:
        if n == 0:
            return []
        if self._pg:
            rows = self._execute(
                "SELECT nextval('factchecks_key_seq') FROM generate_series(1, ?)", (n,)
            ).fetchall()
            return [int(r[0]) for r in rows]
        start = int(self._execute("SELECT coalesce(max(key), 0) FROM factchecks").fetchone()[0])
        return list(range(start + 1, start + 1 + n))

    # -- FactCheckStore ------------------------------------------------------------------

    def factchecks_present(self, ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            rows = self._execute(
                f"SELECT id FROM factchecks WHERE id IN ({marks})", chunk
            ).fetchall()
            found.update(str(r[0]) for r in rows)
        return found

    def add_factchecks(
        self,
        reviews: Sequence[ClaimReview],
        embeddings: np.ndarray | None = None,
        title_embeddings: np.ndarray | None = None,
    ) -> int:
        for name, arr in (("embeddings", embeddings), ("title_embeddings", title_embeddings)):
            if arr is not None and len(arr) != len(reviews):
                raise ValueError(f"{name} has {len(arr)} rows for {len(reviews)} reviews")
        stamp = _now()
        cast = "?::vector" if self._pg else "?"
        with self._transaction():
            present = self.factchecks_present(r.id for r in reviews)
            new: list[int] = []
            for k, r in enumerate(reviews):
                if r.id not in present:
                    present.add(r.id)
                    new.append(k)
            keys = self._factcheck_keys(len(new))
            rows = []
            for key, k in zip(keys, new, strict=True):
                r = reviews[k]
                emb = None if embeddings is None else self._vector_in(embeddings[k])
                temb = (
                    None
                    if title_embeddings is None or not r.title
                    else self._vector_in(title_embeddings[k])
                )
                rows.append([key, *_row(r), emb, temb, stamp])
            columns = ", ".join(FACTCHECK_COLUMNS)
            marks = ", ".join(["?"] * (len(FACTCHECK_COLUMNS) + 1))
            self._executemany(
                f"INSERT INTO factchecks (key, {columns}, embedding, title_embedding, "
                f"imported_at) VALUES ({marks}, {cast}, {cast}, ?)",
                rows,
            )
            if not self._pg and rows:
                self._executemany(
                    "INSERT INTO factcheck_fts (rowid, claim, title) VALUES (?, ?, ?)",
                    [
                        (key, reviews[k].claim, reviews[k].title or "")
                        for key, k in zip(keys, new, strict=True)
                    ],
                )
        return len(new)

    def factcheck_count(self) -> int:
        return int(self._execute("SELECT count(*) FROM factchecks").fetchone()[0])

    def iter_factchecks(self, *, embeddings: bool = True) -> Iterator[StoredFactCheck]:
        columns = ", ".join(FACTCHECK_COLUMNS)
        vectors = "NULL, NULL"
        if embeddings:
            vectors = (
                "embedding::text, title_embedding::text"
                if self._pg
                else "embedding, title_embedding"
            )
        n = len(FACTCHECK_COLUMNS)
        for row in self._stream(f"SELECT {columns}, {vectors} FROM factchecks ORDER BY key"):
            review = ClaimReview.from_dict(dict(zip(FACTCHECK_COLUMNS, row[:n], strict=True)))
            yield StoredFactCheck(review, self._vector_out(row[n]), self._vector_out(row[n + 1]))

    def search_factchecks(self, query: str, limit: int = 10) -> list[tuple[ClaimReview, float]]:
        from unspin.store.base import query_terms

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
        return [
            (
                ClaimReview.from_dict(dict(zip(FACTCHECK_COLUMNS, row[:n], strict=True))),
                float(row[n]),
            )
            for row in self._execute(sql, params).fetchall()
        ]
