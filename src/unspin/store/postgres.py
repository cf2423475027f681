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

from unspin.errors import MissingExtraError, StoreError
from unspin.nlp import EMBEDDING_DIM
from unspin.store import evidence as _evidence
from unspin.store import factchecks as _factchecks
from unspin.store._sql import Migration, NewSentence, SQLStore
from unspin.store.base import Filters, not_found

__all__ = ["PostgresStore", "display_url"]

log = logging.getLogger(__name__)

#: Candidates the HNSW index is asked for per wanted result when filters apply.
FILTER_OVERSAMPLE = 10
#: pgvector's upper bound on ``hnsw.ef_search``.
MAX_EF = 1000

MIGRATIONS = (
    Migration(
        1,
        "documents, findings, sentences, tsvector and pgvector indexes, errors, meta",
        (
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
            "CREATE INDEX sentences_embedding ON sentences "
            "USING hnsw (embedding vector_cosine_ops)",
            "CREATE INDEX sentences_outlet_day ON sentences (outlet_id, day)",
            "CREATE INDEX sentences_day ON sentences (day)",
            """CREATE TABLE sentence_tags (
                tag TEXT NOT NULL, sentence BIGINT NOT NULL, PRIMARY KEY (tag, sentence))""",
            """CREATE TABLE errors (
                id BIGSERIAL PRIMARY KEY, source TEXT NOT NULL, error TEXT NOT NULL,
                message TEXT NOT NULL, document_id TEXT, recorded_at TEXT NOT NULL,
                UNIQUE (source, error, message))""",
        ),
    ),
    Migration(
        2,
        "links between findings of different documents (contradictions, quote drift)",
        (
            """CREATE TABLE links (
                id BIGSERIAL PRIMARY KEY, kind TEXT NOT NULL, source_document TEXT NOT NULL,
                source_finding TEXT NOT NULL, target_document TEXT NOT NULL,
                target_finding TEXT NOT NULL, score DOUBLE PRECISION NOT NULL,
                attributes TEXT NOT NULL, created_at TEXT NOT NULL,
                UNIQUE (kind, source_document, source_finding, target_document, target_finding))""",
            "CREATE INDEX links_target ON links (target_document)",
        ),
    ),
    Migration(_factchecks.VERSION, _factchecks.DESCRIPTION, _factchecks.POSTGRES_STATEMENTS),
    Migration(_evidence.VERSION, _evidence.DESCRIPTION, _evidence.POSTGRES_STATEMENTS),
    Migration(
        5,
        "corpus comparison index: slots, quotations and passages by blocking key",
        (
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

#: Cosine distance to the query; "(...) + 0" hides it from the HNSW index (exact scan).
_DISTANCE = "s.embedding <=> ?::vector"

_PASSWORD = re.compile(r"(://[^:/@]*:)[^@]*@")


def display_url(url: str) -> str:
    """The URL with any password masked."""
    return _PASSWORD.sub(r"\1***@", url)


def _ts_query(terms: Sequence[str], every: bool) -> str:
    """A tsquery of the words (letters, digits, underscores only), AND- or OR-ed."""
    return (" & " if every else " | ").join(terms)


def _vector(values: np.ndarray) -> str:
    """pgvector's text form of a vector."""
    return json.dumps([round(float(x), 7) for x in values])


class PostgresStore(SQLStore):
    """A store in a PostgreSQL database (psycopg 3, autocommit outside transactions)."""

    backend = "postgresql"
    MIGRATIONS = MIGRATIONS
    SCHEMA_VERSION = MIGRATIONS[-1].version

    def __init__(self, url: str, *, create: bool = True) -> None:
        super().__init__(display_url(url))
        try:
            psycopg = importlib.import_module("psycopg")
        except ImportError as exc:
            raise MissingExtraError("psycopg", "postgres") from exc
        self._psycopg = psycopg
        self._dsn = url
        try:
            self._conn = psycopg.connect(url, autocommit=True)
        except psycopg.Error as exc:
            first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise StoreError(f"cannot connect to {self.url}: {first}") from None
        self._names = itertools.count()
        try:
            if not create and self._one("SELECT to_regclass('schema_migrations')") is None:
                raise not_found(self.url)
            self._migrate()
        except psycopg.Error as exc:
            self._conn.close()
            raise StoreError(f"{self.url}: {str(exc).strip().splitlines()[0]}") from None
        except BaseException:
            self._conn.close()
            raise

    def close(self) -> None:
        self._close_readers()
        self._conn.close()

    def _open_reader(self) -> Any:
        return self._psycopg.connect(self._dsn, autocommit=True)

    # -- dialect -----------------------------------------------------------------------

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("?", "%s")

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._connection().execute(self._sql(sql), tuple(params))

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            with self._conn.cursor() as cur:
                cur.executemany(self._sql(sql), rows)

    def _stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        with (
            self._connection().transaction(),
            self._connection().cursor(name=f"unspin_stream_{next(self._names)}") as cur,
        ):
            cur.itersize = 500
            cur.execute(self._sql(sql), tuple(params))
            yield from cur

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._connection().transaction():
            yield

    def _lock_migrations(self) -> None:
        self._execute("SELECT pg_advisory_xact_lock(7243190518)")

    def _new_keys(self, table: str, n: int) -> list[int]:
        if n == 0:
            return []
        sequence = {
            "documents": "documents_key_seq",
            "sentences": "sentences_id_seq",
            "corpus_items": "corpus_items_id_seq",
        }[table]
        rows = self._all(f"SELECT nextval('{sequence}') FROM generate_series(1, ?)", (n,))
        return [int(r[0]) for r in rows]

    def _insert_sentences(self, rows: Sequence[NewSentence]) -> None:
        self._executemany(
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
        value = self._one(
            "SELECT id FROM sentences WHERE tsv @@ to_tsquery('english', ?) "
            "ORDER BY id DESC LIMIT 1 OFFSET ?",
            [_ts_query(terms, every), cap],
        )
        return None if value is None else int(value)

    def _is_rare(self, term: str, cap: int) -> bool:
        # through the GIN index, stopping after cap + 1 matches (the planner would rather
        # walk the primary key backwards, through the whole table for a rare term)
        with self._transaction():
            self._execute("SELECT set_config('enable_indexscan', 'off', true)")
            self._execute("SELECT set_config('enable_seqscan', 'off', true)")
            held = self._one(
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
        rows = self._all(
            "SELECT s.id, ts_rank(s.tsv, q) AS rank FROM sentences s, "
            f"to_tsquery('english', ?) q WHERE s.tsv @@ q{extra} "
            "ORDER BY rank DESC, s.id LIMIT ?",
            [_ts_query(terms, every), *params, depth],
        )
        return [(int(sid), float(rank)) for sid, rank in rows]

    def _semantic(
        self, vector: np.ndarray, filters: Filters, depth: int
    ) -> list[tuple[int, float]]:
        where, params = self._sentence_filter(filters)
        extra = "".join(f" AND {w}" for w in where)
        query = _vector(np.asarray(vector, dtype=np.float32))
        ef = min(MAX_EF, max(100, depth * (FILTER_OVERSAMPLE if where else 4)))
        sql = (
            "SELECT s.id, 1 - (s.embedding <=> ?::vector) FROM sentences s "
            f"WHERE s.embedding IS NOT NULL{extra} ORDER BY {{}} LIMIT ?"
        )
        with self._transaction():
            self._execute("SELECT set_config('hnsw.ef_search', ?, true)", (str(ef),))
            rows = self._all(sql.format(_DISTANCE), [query, *params, query, depth])
            if where and len(rows) < depth:
                # the index's candidates were filtered away: rank the filtered rows exactly
                rows = self._all(sql.format(f"({_DISTANCE}) + 0"), [query, *params, query, depth])
        return [(int(sid), float(sim)) for sid, sim in rows if sim > 0]
