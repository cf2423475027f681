"""Finding a reviewed span again after the text or its analysis changed.

A mark remembers its quote, the text around it and its offsets (:class:`~unspin.reviews.
model.Anchor`). :func:`locate` looks for the quote in the current text, in three steps:

1. **exact**: the quote still stands at its old offsets (and, when it occurs more than
   once, no other occurrence fits the context better);
2. **moved** / **context**: the quote occurs elsewhere: the one occurrence, or among
   several the one whose surrounding text agrees best with the remembered context (then
   the nearest to the old offsets). A short quote (under :data:`LONG_QUOTE` characters)
   away from its old offsets must keep a quarter of its context (:data:`SHORT_CONTEXT`),
   so that ``"40%"`` is not pinned on another ``"40%"`` of an edited article;
3. **fuzzy**: the quote was edited (a typo fixed, a word changed): the best approximate
   match of at least :data:`FUZZY_MIN` (rapidfuzz's ``partial_ratio``, 0-100) near the
   old offsets, then (quotes of :data:`LONG_QUOTE` characters or more) anywhere. Only
   for quotes of :data:`FUZZY_MIN_CHARS` characters or more, and only when rapidfuzz is
   installed (the ``corpus`` extra); without it this step is skipped.

:func:`attach` then picks the current finding of the mark's kind that covers the located
span best (overlap over union at least :data:`MIN_OVERLAP`; the same label first). A
mark that is not located, or that no finding covers, is an **orphan**: listed as such,
never dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from unspin.model import JSON, Finding
from unspin.reviews.model import Anchor

__all__ = [
    "FUZZY_MIN",
    "FUZZY_MIN_CHARS",
    "LONG_QUOTE",
    "MIN_OVERLAP",
    "SHORT_CONTEXT",
    "Anchoring",
    "Located",
    "Method",
    "anchor_in",
    "attach",
    "locate",
]

Method = Literal["exact", "moved", "context", "fuzzy"]

#: A quote this long is unlikely to occur by chance: accepted wherever it is found.
LONG_QUOTE = 24
#: The least context agreement of a short quote found away from its old offsets.
SHORT_CONTEXT = 0.25
#: The least rapidfuzz partial_ratio (0-100) of a fuzzy match.
FUZZY_MIN = 85.0
#: Quotes shorter than this are never matched fuzzily.
FUZZY_MIN_CHARS = 12
#: The least overlap over union between the located span and the finding it attaches to.
MIN_OVERLAP = 0.5
#: Occurrences of one quote looked at, at most.
_MAX_OCCURRENCES = 1000
#: Texts longer than this are searched fuzzily only near the old offsets.
_FUZZY_WHOLE_TEXT = 400_000


@dataclass(frozen=True)
class Located:
    """Where an anchor's quote stands in the current text, and how it was found."""

    start: int
    end: int
    method: Method
    #: context agreement (0-1) for exact/moved/context; partial_ratio / 100 for fuzzy
    score: float


@dataclass(frozen=True)
class Anchoring:
    """A mark or rating against the current analysis: located and attached to a finding,
    or an orphan."""

    located: Located | None
    finding: Finding | None

    @property
    def orphan(self) -> bool:
        return self.finding is None

    @property
    def state(self) -> str:
        """``anchored`` or ``orphan``."""
        return "orphan" if self.orphan else "anchored"

    def to_dict(self, label: str | None = None) -> dict[str, JSON]:
        """The state, how the quote was found and the finding it is attached to;
        ``label_changed`` when that finding's label differs from ``label``."""
        out: dict[str, JSON] = {
            "state": self.state,
            "method": None if self.located is None else self.located.method,
            "start": None if self.located is None else self.located.start,
            "end": None if self.located is None else self.located.end,
            "finding_id": None if self.finding is None else self.finding.id,
        }
        if self.finding is not None and label is not None:
            out["label_changed"] = self.finding.label != label
        return out


def _context_score(text: str, start: int, end: int, anchor: Anchor) -> float:
    """How much of the remembered context surrounds ``text[start:end]`` (0-1): common
    characters next to the span, before and after, over the context's length."""
    total = len(anchor.before) + len(anchor.after)
    if total == 0:
        return 1.0
    same = 0
    before = text[max(0, start - len(anchor.before)) : start]
    for a, b in zip(reversed(before), reversed(anchor.before), strict=False):
        if a != b:
            break
        same += 1
    for a, b in zip(text[end : end + len(anchor.after)], anchor.after, strict=False):
        if a != b:
            break
        same += 1
    return same / total


def _occurrences(text: str, quote: str) -> list[int]:
    found: list[int] = []
    i = text.find(quote)
    while i >= 0 and len(found) < _MAX_OCCURRENCES:
        found.append(i)
        i = text.find(quote, i + 1)
    return found


def _exact(text: str, anchor: Anchor) -> Located | None:
    quote = anchor.quote
    starts = _occurrences(text, quote)
    if not starts:
        return None
    scored = [
        (_context_score(text, s, s + len(quote), anchor), -abs(s - anchor.start), s) for s in starts
    ]
    score, _, start = max(scored)
    if start == anchor.start:
        return Located(start, start + len(quote), "exact", score)
    at_old = next((item for item in scored if item[2] == anchor.start), None)
    if at_old is not None and at_old[0] >= score:
        return Located(anchor.start, anchor.end, "exact", at_old[0])
    if len(quote) < LONG_QUOTE and score < SHORT_CONTEXT:
        return None  # a short quote with little of its context: another occurrence
    return Located(start, start + len(quote), "moved" if len(starts) == 1 else "context", score)


def _fuzzy(text: str, anchor: Anchor) -> Located | None:
    if len(anchor.quote) < FUZZY_MIN_CHARS:
        return None
    try:
        from rapidfuzz import fuzz
    except ImportError:
        return None
    quote = anchor.quote
    reach = max(2000, 4 * len(quote))
    lo = max(0, anchor.start - reach)
    windows = [(lo, text[lo : anchor.end + reach])]
    far = len(quote) >= LONG_QUOTE and len(text) <= _FUZZY_WHOLE_TEXT
    if far and (lo > 0 or anchor.end + reach < len(text)):
        windows.append((0, text))
    for offset, window in windows:
        if len(window) < len(quote) // 2:
            continue
        found = fuzz.partial_ratio_alignment(quote, window, score_cutoff=FUZZY_MIN)
        if found is not None and found.dest_end > found.dest_start:
            start, end = _refine(
                fuzz.ratio, quote, text, offset + found.dest_start, offset + found.dest_end
            )
            return Located(start, end, "fuzzy", round(found.score / 100.0, 4))
    return None


def _refine(
    ratio: Callable[[str, str], float], quote: str, text: str, start: int, end: int
) -> tuple[int, int]:
    """The span near ``start``-``end`` most like ``quote`` (an alignment is as long as the
    quote, so it misses a character or two when the edit changed the length)."""
    k = min(10, max(2, len(quote) // 10))
    best = (ratio(quote, text[start:end]), start, end)
    for s in range(max(0, start - k), start + k + 1):
        for e in range(max(s + 1, end - k), min(len(text), end + k) + 1):
            score = ratio(quote, text[s:e])
            if score > best[0]:
                best = (score, s, e)
    return best[1], best[2]


def locate(text: str, anchor: Anchor) -> Located | None:
    """The quote of ``anchor`` in ``text`` (see the module docstring), or None."""
    if not anchor.quote:
        return None
    return _exact(text, anchor) or _fuzzy(text, anchor)


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> float:
    inter = min(a_end, b_end) - max(a_start, b_start)
    if inter <= 0:
        return 0.0
    return inter / (max(a_end, b_end) - min(a_start, b_start))


def attach(
    located: Located | None, kind: str, label: str, findings: Iterable[Finding]
) -> Finding | None:
    """The finding of ``kind`` that covers ``located`` best (overlap over union at least
    :data:`MIN_OVERLAP`; then the same label; then the nearest start), or None."""
    if located is None:
        return None
    best: tuple[float, bool, int] | None = None
    chosen: Finding | None = None
    for f in findings:
        if f.kind != kind:
            continue
        overlap = _overlap(located.start, located.end, f.start, f.end)
        if overlap < MIN_OVERLAP:
            continue
        key = (round(overlap, 6), f.label == label, -abs(f.start - located.start))
        if best is None or key > best:
            best, chosen = key, f
    return chosen


def anchor_in(
    text: str, findings: Sequence[Finding], anchor: Anchor, kind: str, label: str
) -> Anchoring:
    """Locate ``anchor`` in ``text`` and attach it to one of ``findings``."""
    located = locate(text, anchor)
    return Anchoring(located, attach(located, kind, label, findings))
