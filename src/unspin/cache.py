"""Load once, share everywhere: the process-wide cache of models and data files.

Every model unspin ships (the spaCy pipeline, the sentence encoder, the techniques
tagger, the fact-check matcher, the stance model, the check-worthiness head, outlet
ratings) is read lazily, once per key (a model name or a resolved path), and shared by
every thread and pipeline of the process. :class:`Once` is that cache: the first caller
loads, the others wait and get the same object.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import Generic, TypeVar

__all__ = ["Once", "per_path"]

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Once(Generic[K, V]):
    """Values made once per key and kept until :meth:`clear`; thread-safe.

    ``cache.get(key, make)`` returns the value stored under ``key``, calling ``make()``
    first if there is none (under the cache's lock, so a model is never loaded twice; a
    loader may itself use another :class:`Once`). A failing ``make`` stores nothing.
    """

    def __init__(self) -> None:
        self._values: dict[K, V] = {}
        self._lock = threading.RLock()

    def get(self, key: K, make: Callable[[], V]) -> V:
        with self._lock:
            if key not in self._values:
                self._values[key] = make()
            return self._values[key]

    def clear(self) -> list[V]:
        """Forget every value; return them (newest last), e.g. to close them."""
        with self._lock:
            values = list(self._values.values())
            self._values.clear()
            return values

    def __len__(self) -> int:
        return len(self._values)


def per_path(cache: Once[str, V], path: Path | str, read: Callable[[Path], V]) -> V:
    """``read(Path(path))``, once per resolved path (two spellings of one folder share it)."""
    return cache.get(str(Path(path).resolve()), lambda: read(Path(path)))
