"""A sorted index of character spans answering "does anything overlap [s, e)?" in O(log n)."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from itertools import accumulate

__all__ = ["SpanIndex"]


class SpanIndex:
    """Spans sorted by start, with a running maximum of their ends."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_end = list(accumulate((e for _, e in ordered), max))

    def __len__(self) -> int:
        return len(self._starts)

    def overlaps(self, start: int, end: int) -> bool:
        """True when some span ``[s, e)`` has ``s < end`` and ``e > start``."""
        k = bisect.bisect_left(self._starts, end)
        return k > 0 and self._max_end[k - 1] > start
