"""Stores kept open for reading, one connection per thread and store: a server's request
threads reuse theirs instead of opening (and migrating, and closing) a store for every
request, which costs more than most queries.

Reads see every committed write (SQLite and PostgreSQL connections run in autocommit
outside transactions). A connection that fails is closed and dropped, so the next read
opens a fresh one. Each thread keeps at most :data:`PER_THREAD` stores open (the least
recently used one is closed), and the process at most :data:`MAX_OPEN` (a PostgreSQL
server's connections are limited); past that a read opens a store and closes it after.
A thread's stores are closed when the thread ends.
"""

from __future__ import annotations

import contextlib
import threading
import weakref
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path

from unspin.store import Store, default_url, open_store

__all__ = ["MAX_OPEN", "PER_THREAD", "close_readers", "open_readers", "reading"]

#: Stores one thread keeps open at most.
PER_THREAD = 4
#: Stores all threads together keep open at most.
MAX_OPEN = 16

_LOCAL = threading.local()
_LOCK = threading.Lock()
_open_count = 0


class _Held:
    """A thread's open stores (closed by a finalizer when the thread ends)."""

    def __init__(self) -> None:
        self.stores: OrderedDict[str, Store] = OrderedDict()
        weakref.finalize(self, _release_all, self.stores)


def _count(delta: int) -> int:
    global _open_count
    with _LOCK:
        _open_count += delta
        return _open_count


def _close(store: Store) -> None:
    _count(-1)
    with contextlib.suppress(Exception):  # a connection of a thread that has ended
        store.close()


def _release_all(stores: OrderedDict[str, Store]) -> None:
    while stores:
        _close(stores.popitem()[1])


def _held() -> OrderedDict[str, Store]:
    held: _Held | None = getattr(_LOCAL, "held", None)
    if held is None:
        held = _Held()
        _LOCAL.held = held
    return held.stores


def open_readers() -> int:
    """How many stores are kept open for reading, all threads together."""
    return _count(0)


@contextlib.contextmanager
def reading(db: str | Path | None) -> Iterator[Store]:
    """The store at ``db`` (None: ``$UNSPIN_DB``, else ``unspin.db``) open for reading,
    kept open for this thread's next read. A store that does not exist is an error, as
    with ``opened_store(db)``."""
    key = str(db) if db is not None else default_url()
    stores = _held()
    store = stores.pop(key, None)
    if store is None:
        store = open_store(key, create=False)
        _count(1)
    try:
        yield store
    except BaseException:
        _close(store)  # a failed connection is not kept; the next read opens a fresh one
        raise
    if open_readers() > MAX_OPEN:
        _close(store)
        return
    stores[key] = store
    while len(stores) > PER_THREAD:
        _close(stores.popitem(last=False)[1])


def close_readers() -> None:
    """Close the stores this thread keeps open."""
    _release_all(_held())
