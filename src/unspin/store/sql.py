"""The public SQL access of a store, which every table of the store core and of the
features is read and written through.

A :class:`SQLAccess` is one open database (SQLite or PostgreSQL) seen through portable
statements: ``?`` placeholders (the PostgreSQL access translates them), transactions that
nest, reads that stream, fresh primary keys, and vectors in and out of the dialect's
column type (float32 bytes in SQLite, pgvector's text form in PostgreSQL). A feature's
repository (:mod:`unspin.factchecks.tables`, ...) takes a :class:`SQLAccess` and uses
nothing else of the store.

A :class:`Migration` is one step of the schema, with its statements for each dialect;
the store core's are in :mod:`unspin.store.migrations`, a feature's in the ``MIGRATIONS``
of its ``tables`` module (see :mod:`unspin.features`).
"""

from __future__ import annotations

import json
import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, ClassVar, Literal, TypeVar

import numpy as np
from numpy.typing import NDArray

__all__ = ["CHUNK", "Dialect", "Migration", "SQLAccess", "chunks", "marks", "now"]

#: The two SQL dialects a store speaks.
Dialect = Literal["sqlite", "postgresql"]
#: Ids per ``IN (...)`` list: far below every backend's limit on parameters.
CHUNK = 500

T = TypeVar("T")
U = TypeVar("U")


def now() -> str:
    """The current UTC time, ISO 8601, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    """``items`` in slices of at most ``size``."""
    for i in range(0, len(items), size):
        yield items[i : i + size]


def marks(n: int) -> str:
    """``n`` comma-separated ``?`` placeholders."""
    return ", ".join("?" * n)


@dataclass(frozen=True)
class Migration:
    """One step of a store's schema, applied once and recorded in ``schema_migrations``:
    its version number, what it adds, and its statements in each dialect."""

    version: int
    description: str
    sqlite: tuple[str, ...]
    postgresql: tuple[str, ...]

    def statements(self, dialect: Dialect) -> tuple[str, ...]:
        return self.sqlite if dialect == "sqlite" else self.postgresql


class SQLAccess(ABC):
    """One open database, through portable SQL (see the module docstring).

    Reads run on the calling thread's connection: the main one, or inside
    :meth:`side_by_side` a second connection of the worker thread.
    """

    #: "sqlite" or "postgresql".
    dialect: ClassVar[Dialect]
    #: The placeholder of a vector parameter (``?`` or ``?::vector``).
    vector_mark: ClassVar[str]

    def __init__(self, conn: Any) -> None:
        #: The main connection (writes, and reads outside the worker thread).
        self.conn = conn
        self._pool: ThreadPoolExecutor | None = None
        self._local: threading.local | None = None

    # -- the dialect's part ----------------------------------------------------------

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement; return a cursor."""

    @abstractmethod
    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement per row of parameters."""

    @abstractmethod
    def stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """Rows of a query, fetched a batch at a time (never all at once)."""

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """A write transaction (committed on success, rolled back on error); nested
        ones join the outer one."""

    @abstractmethod
    def new_keys(self, table: str, column: str, n: int) -> list[int]:
        """``n`` fresh values of the integer primary key ``column`` of ``table`` (inside
        a write transaction)."""

    @abstractmethod
    def vector_in(self, vector: NDArray[Any]) -> Any:
        """A vector as the parameter of a vector column (see :attr:`vector_mark`)."""

    @abstractmethod
    def open_reader(self) -> Any:
        """A second connection, read-only where the dialect allows, for the worker thread."""

    # -- shared ----------------------------------------------------------------------

    def connection(self) -> Any:
        """The worker thread's connection in the worker thread, else the main one."""
        return getattr(self._local, "conn", None) or self.conn

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """A query whose result is small by construction (counts, a chunk of ids)."""
        return list(self.execute(sql, params).fetchall())

    def one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first column of the first row (None without rows)."""
        row = self.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def present(self, table: str, column: str, values: Iterable[str]) -> set[str]:
        """Which of ``values`` the text ``column`` of ``table`` holds (asked in chunks)."""
        wanted = list(dict.fromkeys(values))
        found: set[str] = set()
        for chunk in chunks(wanted):
            rows = self.all(
                f"SELECT {column} FROM {table} WHERE {column} IN ({marks(len(chunk))})", chunk
            )
            found.update(str(r[0]) for r in rows)
        return found

    @staticmethod
    def vector_out(value: Any) -> NDArray[Any] | None:
        """A vector column's value (float32 bytes, pgvector's text, an array) as float32."""
        if value is None:
            return None
        if isinstance(value, (bytes, bytearray, memoryview)):
            return np.frombuffer(bytes(value), dtype=np.float32).copy()
        if isinstance(value, str):
            return np.asarray(json.loads(value), dtype=np.float32)
        return np.asarray(value, dtype=np.float32)

    def side_by_side(self, here: Callable[[], T], there: Callable[[], U]) -> tuple[T, U]:
        """Run ``there`` in a worker thread on a second connection while ``here`` runs on
        this one (the drivers release the GIL while a query runs)."""
        if self._pool is None:
            self._local = threading.local()
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="unspin-store-reader")
        future = self._pool.submit(self._as_reader, there)
        try:
            first = here()
        finally:
            second = future.result()
        return first, second

    def _as_reader(self, job: Callable[[], U]) -> U:
        assert self._local is not None
        if getattr(self._local, "conn", None) is None:
            self._local.conn = self.open_reader()
        return job()

    def close(self) -> None:
        """Close the worker thread's connection, then the main one."""
        if self._pool is not None:

            def close_reader() -> None:
                conn = getattr(self._local, "conn", None)
                if conn is not None:
                    conn.close()

            self._pool.submit(close_reader).result()
            self._pool.shutdown()
            self._pool = None
        self.conn.close()
