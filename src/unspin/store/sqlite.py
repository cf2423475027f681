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
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import quote

import numpy as np
from numpy.typing import NDArray

from unspin.errors import MissingExtraError, StoreError
from unspin.nlp import EMBEDDING_DIM
from unspin.store.records import Filters, not_found
from unspin.store.rows import sketch
from unspin.store.schema import latest_version
from unspin.store.sql import SQLAccess, chunks, marks
from unspin.store.sqlstore import NewSentence, SQLStore

__all__ = ["SQLiteAccess", "SQLiteStore", "sqlite_module"]

log = logging.getLogger(__name__)

#: SQLite's ``application_id`` of an unspin store ("unsp"), set in every store it writes.
APPLICATION_ID = 0x756E7370
SQLITE_MAGIC = b"SQLite format 3\x00"

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


def _writable(path: Path) -> bool:
    """Whether SQLite can write ``path`` (the file, and its folder for the WAL files)."""
    folder = path.parent if str(path.parent) else Path(".")
    return (not path.exists() or os.access(path, os.W_OK)) and os.access(folder, os.W_OK)


def _connect(module: ModuleType, path: Path, read_only: bool) -> Any:
    if not read_only:
        return module.connect(str(path), isolation_level=None, timeout=60)
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        conn = module.connect(uri, uri=True, isolation_level=None, timeout=60)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except module.Error:  # a WAL store in a read-only folder: no -shm file can be made
        conn = module.connect(uri + "&immutable=1", uri=True, isolation_level=None, timeout=60)
    return conn


def check_store_file(path: Path) -> None:
    """Refuse, untouched, a file that is not an unspin store: empty, not SQLite, or another
    application's SQLite database (its ``application_id``, or tables and no unspin
    schema). A new file, an empty database and a store of an earlier unspin pass."""
    if not path.is_file():
        return
    hint = "give the path of an unspin store, or a new file name to create one"
    if path.stat().st_size == 0:
        raise StoreError(f"{path} is an empty file, not an unspin store", hint=hint)
    with path.open("rb") as fh:
        header = fh.read(100)
    if not header.startswith(SQLITE_MAGIC):
        raise StoreError(f"{path} is not an SQLite database", hint=hint)
    app_id = int.from_bytes(header[68:72], "big") if len(header) >= 72 else 0
    if app_id == APPLICATION_ID:
        return
    if app_id != 0:
        raise StoreError(
            f"{path} is another application's database (application_id {app_id:#x})", hint=hint
        )
    conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
    try:
        tables = {str(n) for (n,) in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} is not a usable SQLite database: {exc}", hint=hint) from None
    finally:
        conn.close()
    if tables and "schema_migrations" not in tables:
        raise StoreError(f"{path} is an SQLite database of another application", hint=hint)


class SQLiteAccess(SQLAccess):
    """A SQLite file in WAL mode (readers never wait for the writer); transactions are
    ``BEGIN IMMEDIATE`` and nest by depth."""

    dialect = "sqlite"
    vector_mark = "?"

    def __init__(self, module: ModuleType, path: Path, conn: Any, read_only: bool = False) -> None:
        super().__init__(conn)
        self._db = module
        self._path = path
        self._depth = 0
        self.read_only = read_only

    def open_reader(self) -> Any:
        reader = _connect(self._db, self._path, self.read_only)
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
            # A stream left unfinished (its reader stopped: `| head`) is closed when it is
            # collected, maybe after the store: its cursor then has nothing left to free.
            with suppress(self._db.ProgrammingError):
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
        if self.read_only:
            raise StoreError(
                f"{self._path} is read-only: this command needs to write to it",
                hint="make the file and its folder writable, or copy the store",
            )
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

    def vector_in(self, vector: NDArray[Any]) -> Any:
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
        check_store_file(path)
        read_only = path.is_file() and not _writable(path)
        if read_only and not path.exists():
            raise StoreError(f"cannot create {path}: its folder is not writable")
        module = sqlite_module()
        try:
            conn = _connect(module, path, read_only)
        except module.Error as exc:
            raise StoreError(f"cannot open {path}: {exc}") from None
        self.sql = SQLiteAccess(module, path, conn, read_only)
        try:
            _load_vec(conn)
            _tune(conn)
            if read_only:
                self._check_schema(path)
            else:
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA foreign_keys = ON")
                self._migrate()
                if int(conn.execute("PRAGMA application_id").fetchone()[0]) != APPLICATION_ID:
                    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        except module.DatabaseError as exc:
            conn.close()
            raise StoreError(f"{path} is not a usable unspin store: {exc}") from None
        except BaseException:
            conn.close()
            raise

    def _check_schema(self, path: Path) -> None:
        """A read-only store is used as it is: only when its schema is this unspin's."""
        have = self.sql.one("SELECT count(*) FROM sqlite_master WHERE name = 'schema_migrations'")
        current = self.schema_version if have else 0
        if current != latest_version():
            raise StoreError(
                f"{path} is read-only and at schema version {current}; "
                f"this unspin needs {latest_version()}",
                hint="open it once with write access to upgrade it",
            )

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
        self, vector: NDArray[Any], filters: Filters, depth: int
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
        vector: NDArray[Any],
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
