"""A sorted index of character spans answering "does anything overlap [s, e)?" in O(log n),
and the spans of web addresses (URLs and e-mail addresses), where no date or quantity is read."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from itertools import accumulate

__all__ = ["SpanIndex", "web_spans"]

_TLD = r"(?:com|org|net|gov|edu|mil|int|info|biz|news|io|co|tv|uk|us|eu|de|fr|ru|cn|in|au|ca)"
_WEB = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|\b[a-z][a-z0-9+.-]*://\S+"  # a URL with its scheme
    r"|\bwww\.\S+"
    # a bare host with a path ("example.com/news/2024/05/12345-story") or a common ending
    r"|\b(?:[a-z0-9-]+\.)+(?:[a-z]{2,6}/\S*|" + _TLD + r"\b(?![.-]?\w))",
    re.IGNORECASE,
)


def web_spans(text: str) -> list[tuple[int, int]]:
    """The spans of URLs and e-mail addresses in ``text`` (a closing bracket, quotation mark
    or sentence-final stop after one is left out)."""
    out = []
    for m in _WEB.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?)]}\"'\u201d\u2019":
            end -= 1
        out.append((m.start(), end))
    return out


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
