"""The PostgreSQL backend: full-text search with ``tsvector``, vectors with pgvector.

Needs psycopg 3 (the ``postgres`` extra) and a server with the ``vector`` extension
(pgvector); the first migration runs ``CREATE EXTENSION IF NOT EXISTS vector``, which
needs a superuser unless the extension was created beforehand.

Keyword search ranks ``to_tsvector('english', text)`` (a stored generated column with
a GIN index) against an OR of the query's words with ``ts_rank``. Vector search uses
an HNSW index with cosine distance; with filters it first asks the index for enough
candidates and filters them, and falls back to an exact scan of the filtered sentences
when that leaves too few (so filtered results are as complete as unfiltered ones).
"""

from __future__ import annotations

import importlib
import itertools
import json
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.errors import MissingExtraError, StoreError
from unspin.store.records import Filters, not_found
from unspin.store.sql import SQLAccess
from unspin.store.sqlstore import NewSentence, SQLStore

__all__ = ["PostgresAccess", "PostgresStore", "display_url"]

log = logging.getLogger(__name__)

#: Candidates the HNSW index is asked for per wanted result when filters apply.
FILTER_OVERSAMPLE = 10
#: pgvector's upper bound on ``hnsw.ef_search``.
MAX_EF = 1000

#: Cosine distance to the query; "(...) + 0" hides it from the HNSW index (exact scan).
_DISTANCE = "s.embedding <=> ?::vector"

_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


def display_url(url: str) -> str:
    """The URL with any password masked."""
    return _PASSWORD.sub(r"\1***@", url)


def _ts_query(terms: Sequence[str], every: bool) -> str:
    """A tsquery of the words (letters, digits, underscores only), AND- or OR-ed."""
    return (" & " if every else " | ").join(terms)


def _vector(values: NDArray[Any]) -> str:
    """pgvector's text form of a vector."""
    return json.dumps([round(float(x), 7) for x in values])


class PostgresAccess(SQLAccess):
    """A PostgreSQL database through psycopg 3 (autocommit outside transactions; reads
    stream through named server-side cursors)."""

    dialect = "postgresql"
    vector_mark = "?::vector"

    def __init__(self, psycopg: Any, dsn: str, conn: Any) -> None:
        super().__init__(conn)
        self._psycopg = psycopg
        self._dsn = dsn
        self._names = itertools.count()

    def open_reader(self) -> Any:
        return self._psycopg.connect(self._dsn, autocommit=True)

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("?", "%s")

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.connection().execute(self._sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(self._sql(sql), rows)

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        with (
            self.connection().transaction(),
            self.connection().cursor(name=f"unspin_stream_{next(self._names)}") as cur,
        ):
            cur.itersize = 500
            cur.execute(self._sql(sql), tuple(params))
            yield from cur

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.connection().transaction():
            yield

    def new_keys(self, table: str, column: str, n: int) -> list[int]:
        if n == 0:
            return []
        rows = self.all(f"SELECT nextval('{table}_{column}_seq') FROM generate_series(1, ?)", (n,))
        return [int(r[0]) for r in rows]

    def vector_in(self, vector: NDArray[Any]) -> Any:
        return _vector(vector)


class PostgresStore(SQLStore):
    """A store in a PostgreSQL database (psycopg 3, autocommit outside transactions)."""

    backend = "postgresql"

    def __init__(self, url: str, *, create: bool = True) -> None:
        super().__init__(display_url(url))
        try:
            psycopg = importlib.import_module("psycopg")
        except ImportError as exc:
            raise MissingExtraError("psycopg", "postgres") from exc
        try:
            conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise StoreError(f"cannot connect to {self.url}: {first}") from None
        self.sql = PostgresAccess(psycopg, url, conn)
        try:
            if not create and self.sql.one("SELECT to_regclass('schema_migrations')") is None:
                raise not_found(self.url)
            self._migrate()
        except psycopg.Error as exc:
            conn.close()
            raise StoreError(f"{self.url}: {str(exc).strip().splitlines()[0]}") from None
        except BaseException:
            conn.close()
            raise

    def _insert_sentences(self, rows: Sequence[NewSentence]) -> None:
        self.sql.executemany(
            "INSERT INTO sentences (id, doc, idx, start_char, end_char, text, outlet_id, day, "
            "embedding) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::vector)",
            [
                (
                    r.id,
                    r.doc,
                    r.row.idx,
                    r.row.start,
                    r.row.end,
                    r.row.text,
                    r.outlet_id,
                    r.day,
                    None if r.row.embedding is None else _vector(r.row.embedding),
                )
                for r in rows
            ],
        )

    # -- search ------------------------------------------------------------------------

    def _keyword_floor(self, terms: Sequence[str], every: bool, cap: int) -> int | None:
        value = self.sql.one(
            "SELECT id FROM sentences WHERE tsv @@ to_tsquery('english', ?) "
            "ORDER BY id DESC LIMIT 1 OFFSET ?",
            [_ts_query(terms, every), cap],
        )
        return None if value is None else int(value)

    def _is_rare(self, term: str, cap: int) -> bool:
        # through the GIN index, stopping after cap + 1 matches (the planner would rather
        # walk the primary key backwards, through the whole table for a rare term)
        with self.sql.transaction():
            self.sql.execute("SELECT set_config('enable_indexscan', 'off', true)")
            self.sql.execute("SELECT set_config('enable_seqscan', 'off', true)")
            held = self.sql.one(
                "SELECT count(*) FROM (SELECT 1 FROM sentences "
                "WHERE tsv @@ to_tsquery('english', ?) LIMIT ?) m",
                [_ts_query([term], False), cap + 1],
            )
        return int(held or 0) <= cap

    def _keyword_ranked(
        self, terms: Sequence[str], every: bool, filters: Filters, depth: int, floor: int | None
    ) -> list[tuple[int, float]]:
        where, params = self._sentence_filter(filters)
        if floor is not None:
            where.insert(0, "s.id >= ?")
            params.insert(0, floor)
        extra = "".join(f" AND {w}" for w in where)
        rows = self.sql.all(
            "SELECT s.id, ts_rank(s.tsv, q) AS rank FROM sentences s, "
            f"to_tsquery('english', ?) q WHERE s.tsv @@ q{extra} "
            "ORDER BY rank DESC, s.id LIMIT ?",
            [_ts_query(terms, every), *params, depth],
        )
        return [(int(sid), float(rank)) for sid, rank in rows]

    def _semantic(
        self, vector: NDArray[Any], filters: Filters, depth: int
    ) -> list[tuple[int, float]]:
        where, params = self._sentence_filter(filters)
        extra = "".join(f" AND {w}" for w in where)
        query = _vector(np.asarray(vector, dtype=np.float32))
        ef = min(MAX_EF, max(100, depth * (FILTER_OVERSAMPLE if where else 4)))
        sql = (
            "SELECT s.id, 1 - (s.embedding <=> ?::vector) FROM sentences s "
            f"WHERE s.embedding IS NOT NULL{extra} ORDER BY {{}} LIMIT ?"
        )
        with self.sql.transaction():
            self.sql.execute("SELECT set_config('hnsw.ef_search', ?, true)", (str(ef),))
            rows = self.sql.all(sql.format(_DISTANCE), [query, *params, query, depth])
            if where and len(rows) < depth:
                # the index's candidates were filtered away: rank the filtered rows exactly
                rows = self.sql.all(
                    sql.format(f"({_DISTANCE}) + 0"), [query, *params, query, depth]
                )
        return [(int(sid), float(sim)) for sid, sim in rows if sim > 0]
