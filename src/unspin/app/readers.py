"""Stores kept open for reading, one connection per thread and store: a server's request
threads reuse theirs instead of opening (and migrating, and closing) a store for every
request, which costs more than most queries.

Reads see every committed write (SQLite and PostgreSQL connections run in autocommit
outside transactions). A connection that fails is closed and dropped, so the next read
opens a fresh one; each thread keeps at most :data:`PER_THREAD` stores open (the least
recently used one is closed).
"""

from __future__ import annotations

import contextlib
import threading
from collections import OrderedDict
from collections.abc import Iterator
from pathlib import Path

from unspin.store import Store, default_url, open_store

__all__ = ["PER_THREAD", "close_readers", "reading"]

#: Stores one thread keeps open at most.
PER_THREAD = 4

_LOCAL = threading.local()


def _open() -> OrderedDict[str, Store]:
    stores: OrderedDict[str, Store] | None = getattr(_LOCAL, "stores", None)
    if stores is None:
        stores = OrderedDict()
        _LOCAL.stores = stores
    return stores


@contextlib.contextmanager
def reading(db: str | Path | None) -> Iterator[Store]:
    """The store at ``db`` (None: ``$UNSPIN_DB``, else ``unspin.db``) open for reading,
    kept open for this thread's next read. A store that does not exist is an error, as
    with ``opened_store(db)``."""
    key = str(db) if db is not None else default_url()
    stores = _open()
    store = stores.pop(key, None)
    if store is None:
        store = open_store(key, create=False)
    try:
        yield store
    except BaseException:
        store.close()  # a failed connection is not kept; the next read opens a fresh one
        raise
    stores[key] = store
    while len(stores) > PER_THREAD:
        _, oldest = stores.popitem(last=False)
        oldest.close()


def close_readers() -> None:
    """Close the stores this thread keeps open."""
    stores = _open()
    while stores:
        stores.popitem()[1].close()
