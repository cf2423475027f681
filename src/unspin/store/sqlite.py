"""The SQLite backend (the default): one file, FTS5 for keywords, sqlite-vec for vectors.

Extensions: sqlite-vec is a loadable extension, and some Python builds (this project's
CI among them) ship a ``sqlite3`` module without ``enable_load_extension``. The backend
then uses ``pysqlite3`` (the ``pysqlite3-binary`` wheel, a recent SQLite with FTS5 and
extension loading), installed by the ``store`` extra.

Vector search: every sentence embedding is kept as float32 in ``sentences.embedding``
and, as a 384-bit sign sketch against fixed random hyperplanes (SimHash), in the vec0
table ``sentence_vec``. A query first takes the nearest sketches by Hamming distance in
sqlite-vec (a brute-force scan of 48 bytes a sentence, with the outlet and date filters
applied inside the scan as vec0 metadata columns, and finding filters as a ``rowid IN``
constraint), then re-ranks those candidates by exact cosine similarity.
"""

from __future__ import annotations

import importlib
import logging
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from unspin.errors import MissingExtraError, StoreError
from unspin.nlp import EMBEDDING_DIM
from unspin.store import evidence as _evidence
from unspin.store import factchecks as _factchecks
from unspin.store._sql import Migration, NewSentence, SQLStore, chunks, marks
from unspin.store.base import Filters, not_found
from unspin.store.rows import SKETCH_BITS, sketch

__all__ = ["SQLiteStore", "sqlite_module"]

log = logging.getLogger(__name__)

#: Sketch candidates fetched per wanted result before exact re-ranking.
OVERSAMPLE = 3
#: sqlite-vec's upper bound on k.
MAX_K = 4096
#: Filters that leave at most this many sentences rank them all exactly.
EXACT_MAX = 4000

MIGRATIONS = (
    Migration(
        1,
        "documents, findings, sentences, FTS5 and sqlite-vec indexes, errors, meta",
        (
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
        ),
    ),
    Migration(
        2,
        "links between findings of different documents (contradictions, quote drift)",
        (
            """CREATE TABLE links (
                id INTEGER PRIMARY KEY, kind TEXT NOT NULL, source_document TEXT NOT NULL,
                source_finding TEXT NOT NULL, target_document TEXT NOT NULL,
                target_finding TEXT NOT NULL, score REAL NOT NULL, attributes TEXT NOT NULL,
                created_at TEXT NOT NULL,
                UNIQUE (kind, source_document, source_finding, target_document, target_finding))""",
            "CREATE INDEX links_target ON links (target_document)",
        ),
    ),
    Migration(_factchecks.VERSION, _factchecks.DESCRIPTION, _factchecks.SQLITE_STATEMENTS),
    Migration(_evidence.VERSION, _evidence.DESCRIPTION, _evidence.SQLITE_STATEMENTS),
    Migration(
        5,
        "corpus comparison index: slots, quotations and passages by blocking key",
        (
            """CREATE TABLE corpus_items (
                id INTEGER PRIMARY KEY, space TEXT NOT NULL, document_id TEXT NOT NULL,
                payload TEXT NOT NULL)""",
            "CREATE INDEX corpus_items_document ON corpus_items (document_id)",
            """CREATE TABLE corpus_keys (
                space TEXT NOT NULL, key TEXT NOT NULL, item INTEGER NOT NULL,
                PRIMARY KEY (space, key, item)) WITHOUT ROWID""",
            """CREATE TABLE corpus_indexed (
                document_id TEXT NOT NULL, space TEXT NOT NULL, indexed_at TEXT NOT NULL,
                PRIMARY KEY (document_id, space))""",
            "CREATE INDEX links_source ON links (source_document)",
        ),
    ),
)


def sqlite_module() -> ModuleType:
    """A DB-API SQLite module that can load extensions: ``sqlite3`` if this Python's can,
    else ``pysqlite3`` (the ``pysqlite3-binary`` wheel)."""
    if hasattr(sqlite3.Connection, "enable_load_extension"):
        return sqlite3
    try:
        module = importlib.import_module("pysqlite3.dbapi2")
    except ImportError as exc:
        raise MissingExtraError("pysqlite3-binary", "store") from exc
    log.debug("this Python's sqlite3 cannot load extensions; using pysqlite3")
    return module


def _fts_query(terms: Sequence[str], every: bool) -> str:
    """An FTS5 query: the words as quoted strings (never operators), AND- or OR-ed."""
    return (" AND " if every else " OR ").join(f'"{t}"' for t in terms)


def _tune(conn: Any) -> None:
    for pragma in ("synchronous = NORMAL", "mmap_size = 268435456", "cache_size = -65536"):
        conn.execute(f"PRAGMA {pragma}")


def _load_vec(conn: Any) -> None:
    try:
        sqlite_vec = importlib.import_module("sqlite_vec")
    except ImportError as exc:
        raise MissingExtraError("sqlite-vec", "store") from exc
    conn.enable_load_extension(True)
    try:
        sqlite_vec.load(conn)
    finally:
        conn.enable_load_extension(False)


class SQLiteStore(SQLStore):
    """A store in one SQLite file (WAL mode: readers never wait for the writer)."""

    backend = "sqlite"
    MIGRATIONS = MIGRATIONS
    SCHEMA_VERSION = MIGRATIONS[-1].version

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        path = Path(path)
        super().__init__(str(path))
        if not create and not path.is_file():
            raise not_found(self.url)
        if path.parent and not path.parent.is_dir():
            raise StoreError(f"cannot create {path}: folder {path.parent} does not exist")
        module = sqlite_module()
        self._db = module
        self._path = path
        try:
            self._conn = module.connect(str(path), isolation_level=None, timeout=60)
        except module.Error as exc:
            raise StoreError(f"cannot open {path}: {exc}") from None
        self._depth = 0
        try:
            _load_vec(self._conn)
            self._conn.execute("PRAGMA journal_mode = WAL")
            _tune(self._conn)
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except module.DatabaseError as exc:
            self._conn.close()
            raise StoreError(f"{path} is not a usable unspin store: {exc}") from None
        except BaseException:
            self._conn.close()
            raise

    def close(self) -> None:
        self._close_readers()
        self._conn.close()

    def _open_reader(self) -> Any:
        reader = self._db.connect(str(self._path), isolation_level=None, timeout=60)
        _load_vec(reader)
        _tune(reader)
        reader.execute("PRAGMA query_only = ON")
        return reader

    # -- dialect -----------------------------------------------------------------------

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self._connection().execute(sql, tuple(params))

    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self._conn.executemany(sql, rows)

    def _stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        cursor = self._connection().execute(sql, tuple(params))
        try:
            while batch := cursor.fetchmany(256):
                yield from batch
        finally:
            cursor.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self._conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self._conn.execute("COMMIT")

    def _new_keys(self, table: str, n: int) -> list[int]:
        column = {"documents": "key", "sentences": "id", "corpus_items": "id"}[table]
        start = int(self._one(f"SELECT coalesce(max({column}), 0) FROM {table}")) + 1
        return list(range(start, start + n))

    def _insert_sentences(self, rows: Sequence[NewSentence]) -> None:
        self._executemany(
            "INSERT INTO sentences (id, doc, idx, start_char, end_char, text, outlet_id, day, "
            "embedding) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                    None
                    if r.row.embedding is None
                    else np.asarray(r.row.embedding, dtype=np.float32).tobytes(),
                )
                for r in rows
            ],
        )
        self._executemany(
            "INSERT INTO sentence_fts (rowid, text) VALUES (?, ?)",
            [(r.id, r.row.text) for r in rows],
        )
        embedded = [r for r in rows if r.row.embedding is not None]
        if embedded:
            sketches = sketch(np.stack([r.row.embedding for r in embedded]))  # type: ignore[misc]
            self._executemany(
                "INSERT INTO sentence_vec (rowid, sketch, outlet_id, day) "
                "VALUES (?, vec_bit(?), ?, ?)",
                [
                    (r.id, s.tobytes(), r.outlet_id, r.day)
                    for r, s in zip(embedded, sketches, strict=True)
                ],
            )

    # -- search ------------------------------------------------------------------------

    def _keyword_floor(self, terms: Sequence[str], every: bool, cap: int) -> int | None:
        value = self._one(
            "SELECT rowid FROM sentence_fts WHERE sentence_fts MATCH ? "
            "ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            [_fts_query(terms, every), cap],
        )
        return None if value is None else int(value)

    def _keyword_ranked(
        self, terms: Sequence[str], every: bool, filters: Filters, depth: int, floor: int | None
    ) -> list[tuple[int, float]]:
        where, params = self._sentence_filter(filters)
        join = " CROSS JOIN sentences s ON s.id = f.rowid" if where else ""
        if floor is not None:
            where.insert(0, "f.rowid >= ?")
            params.insert(0, floor)
        extra = "".join(f" AND {w}" for w in where)
        rows = self._all(
            f"SELECT f.rowid, bm25(sentence_fts) AS rank FROM sentence_fts f{join} "
            f"WHERE f.sentence_fts MATCH ?{extra} ORDER BY rank, f.rowid LIMIT ?",
            [_fts_query(terms, every), *params, depth],
        )
        return [(int(sid), -float(rank)) for sid, rank in rows]

    def _semantic(
        self, vector: np.ndarray, filters: Filters, depth: int
    ) -> list[tuple[int, float]]:
        where, params = self._scope(filters, "")  # vec0 metadata columns
        if where and not filters.tags:
            scope, scope_params = self._scope(filters, "d.")
            condition = " AND ".join(scope)
            held = self._one(
                f"SELECT coalesce(sum(d.embedded), 0) FROM documents d WHERE {condition}",
                scope_params,
            )
            if int(held) <= EXACT_MAX:
                # the outlet or dates leave few sentences: rank them all exactly
                few = [
                    int(r[0])
                    for r in self._all(
                        "SELECT s.id FROM sentences s WHERE s.doc IN "
                        f"(SELECT d.key FROM documents d WHERE {condition})",
                        scope_params,
                    )
                ]
                return self._rescore(vector, few, [], [], depth)
        if filters.tags:
            tagged = " INTERSECT ".join(
                "SELECT sentence FROM sentence_tags WHERE tag = ?" for _ in filters.tags
            )
            few = [
                int(r[0]) for r in self._all(f"{tagged} LIMIT ?", [*filters.tags, EXACT_MAX + 1])
            ]
            if len(few) <= EXACT_MAX:
                # few sentences have such findings: rank them all exactly
                scope, scope_params = self._scope(filters, "s.")
                return self._rescore(vector, few, scope, scope_params, depth)
            where.append(f"rowid IN ({tagged})")
            params.extend(filters.tags)
        k = min(depth * OVERSAMPLE, MAX_K)
        extra = "".join(f" AND {w}" for w in where)
        candidates = [
            int(r[0])
            for r in self._all(
                f"SELECT rowid FROM sentence_vec WHERE sketch MATCH vec_bit(?) AND k = ?{extra}",
                [sketch(vector)[0].tobytes(), k, *params],
            )
        ]
        return self._rescore(vector, candidates, [], [], depth)

    def _rescore(
        self,
        vector: np.ndarray,
        candidates: Sequence[int],
        where: Sequence[str],
        params: Sequence[Any],
        depth: int,
    ) -> list[tuple[int, float]]:
        """The candidates (meeting the conditions on ``s``) ranked by exact cosine."""
        ids: list[int] = []
        blobs: list[bytes] = []
        extra = "".join(f" AND {w}" for w in where)
        for chunk in chunks(list(candidates)):
            for sid, blob in self._all(
                f"SELECT s.id, s.embedding FROM sentences s WHERE s.id IN ({marks(len(chunk))}) "
                f"AND s.embedding IS NOT NULL{extra}",
                [*chunk, *params],
            ):
                ids.append(int(sid))
                blobs.append(blob)
        if not ids:
            return []
        matrix = np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(-1, EMBEDDING_DIM)
        query = np.asarray(vector, dtype=np.float32)
        norm = float(np.linalg.norm(query)) or 1.0
        sims = matrix @ (query / norm)
        order = sorted(range(len(ids)), key=lambda i: (-float(sims[i]), ids[i]))
        order = [i for i in order if sims[i] > 0][:depth]
        return [(ids[i], float(sims[i])) for i in order]
