"""What the frames compute once per text: the frames of one text are read sentence by
sentence, and some of what they ask depends on the whole text (which names are never
places in it, which it gives a disease). :class:`PerText` keeps the value for the last
text read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from unspin.nlp import Parsed

__all__ = ["PerText"]

T = TypeVar("T")


class PerText(Generic[T]):
    """``compute`` of a parse, computed once for the last parse read (by identity)."""

    def __init__(self, compute: Callable[[Parsed], T]) -> None:
        self._compute = compute
        self._last: tuple[Parsed, T] | None = None

    def __call__(self, parsed: Parsed) -> T:
        last = self._last  # one read: another thread may replace it
        if last is not None and last[0] is parsed:
            return last[1]
        value = self._compute(parsed)
        self._last = (parsed, value)
        return value
