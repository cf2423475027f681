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
from unspin.store.records import Filters, not_found
from unspin.store.rows import sketch
from unspin.store.sql import SQLAccess, chunks, marks
from unspin.store.sqlstore import NewSentence, SQLStore

__all__ = ["SQLiteAccess", "SQLiteStore", "sqlite_module"]

log = logging.getLogger(__name__)

#: Sketch candidates fetched per wanted result before exact re-ranking.
OVERSAMPLE = 3
#: sqlite-vec's upper bound on k.
MAX_K = 4096
#: Filters that leave at most this many sentences rank them all exactly.
EXACT_MAX = 4000


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


class SQLiteAccess(SQLAccess):
    """A SQLite file in WAL mode (readers never wait for the writer); transactions are
    ``BEGIN IMMEDIATE`` and nest by depth."""

    dialect = "sqlite"
    vector_mark = "?"

    def __init__(self, module: ModuleType, path: Path, conn: Any) -> None:
        super().__init__(conn)
        self._db = module
        self._path = path
        self._depth = 0

    def open_reader(self) -> Any:
        reader = self._db.connect(str(self._path), isolation_level=None, timeout=60)
        _load_vec(reader)
        _tune(reader)
        reader.execute("PRAGMA query_only = ON")
        return reader

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.connection().execute(sql, tuple(params))

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        cursor = self.connection().execute(sql, tuple(params))
        try:
            while batch := cursor.fetchmany(256):
                yield from batch
        finally:
            cursor.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self.conn.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
        except BaseException:
            self._depth = 0
            self.conn.execute("ROLLBACK")
            raise
        self._depth = 0
        self.conn.execute("COMMIT")

    def new_keys(self, table: str, column: str, n: int) -> list[int]:
        if n == 0:
            return []
        start = int(self.one(f"SELECT coalesce(max({column}), 0) FROM {table}")) + 1
        return list(range(start, start + n))

    def vector_in(self, vector: np.ndarray) -> Any:
        return np.asarray(vector, dtype=np.float32).tobytes()


class SQLiteStore(SQLStore):
    """A store in one SQLite file (WAL mode: readers never wait for the writer)."""

    backend = "sqlite"

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        path = Path(path)
        super().__init__(str(path))
        if not create and not path.is_file():
            raise not_found(self.url)
        if path.parent and not path.parent.is_dir():
            raise StoreError(f"cannot create {path}: folder {path.parent} does not exist")
        module = sqlite_module()
        try:
            conn = module.connect(str(path), isolation_level=None, timeout=60)
        except module.Error as exc:
            raise StoreError(f"cannot open {path}: {exc}") from None
        self.sql = SQLiteAccess(module, path, conn)
        try:
            _load_vec(conn)
            conn.execute("PRAGMA journal_mode = WAL")
            _tune(conn)
            conn.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except module.DatabaseError as exc:
            conn.close()
            raise StoreError(f"{path} is not a usable unspin store: {exc}") from None
        except BaseException:
            conn.close()
            raise

    def _insert_sentences(self, rows: Sequence[NewSentence]) -> None:
        self.sql.executemany(
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
        self.sql.executemany(
            "INSERT INTO sentence_fts (rowid, text) VALUES (?, ?)",
            [(r.id, r.row.text) for r in rows],
        )
        embedded = [r for r in rows if r.row.embedding is not None]
        if embedded:
            sketches = sketch(np.stack([r.row.embedding for r in embedded]))  # type: ignore[misc]
            self.sql.executemany(
                "INSERT INTO sentence_vec (rowid, sketch, outlet_id, day) "
                "VALUES (?, vec_bit(?), ?, ?)",
                [
                    (r.id, s.tobytes(), r.outlet_id, r.day)
                    for r, s in zip(embedded, sketches, strict=True)
                ],
            )

    # -- search ------------------------------------------------------------------------

    def _keyword_floor(self, terms: Sequence[str], every: bool, cap: int) -> int | None:
        value = self.sql.one(
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
        rows = self.sql.all(
            f"SELECT f.rowid, bm25(sentence_fts) AS rank FROM sentence_fts f{join} "
            f"WHERE f.sentence_fts MATCH ?{extra} ORDER BY rank, f.rowid LIMIT ?",
            [_fts_query(terms, every), *params, depth],
        )
        return [(int(sid), -float(rank)) for sid, rank in rows]

    def _semantic(
        self, vector: np.ndarray, filters: Filters, depth: int
    ) -> list[tuple[int, float]]:
        where, params = self._scope(filters, "")  # vec0 metadata columns
        language, language_params = self._language_filter(filters)  # checked on rescoring
        if (where or language) and not filters.tags:
            scope, scope_params = self._document_scope(filters)
            condition = " AND ".join(scope)
            held = self.sql.one(
                f"SELECT coalesce(sum(d.embedded), 0) FROM documents d WHERE {condition}",
                scope_params,
            )
            if int(held) <= EXACT_MAX:
                # the outlet or dates leave few sentences: rank them all exactly
                few = [
                    int(r[0])
                    for r in self.sql.all(
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
                int(r[0]) for r in self.sql.all(f"{tagged} LIMIT ?", [*filters.tags, EXACT_MAX + 1])
            ]
            if len(few) <= EXACT_MAX:
                # few sentences have such findings: rank them all exactly
                scope, scope_params = self._scope(filters, "s.")
                return self._rescore(
                    vector, few, scope + language, scope_params + language_params, depth
                )
            where.append(f"rowid IN ({tagged})")
            params.extend(filters.tags)
        k = min(depth * OVERSAMPLE, MAX_K)
        extra = "".join(f" AND {w}" for w in where)
        candidates = [
            int(r[0])
            for r in self.sql.all(
                f"SELECT rowid FROM sentence_vec WHERE sketch MATCH vec_bit(?) AND k = ?{extra}",
                [sketch(vector)[0].tobytes(), k, *params],
            )
        ]
        return self._rescore(vector, candidates, language, language_params, depth)

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
            for sid, blob in self.sql.all(
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
