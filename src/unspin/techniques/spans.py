"""What the ``techniques`` analyzer shows: snapped boundaries, merged overlaps, one
operating point.

The tagger's runs are already widened to whole words (:func:`unspin.techniques.features.
widen`). Here, with the backbone's parse:

* :func:`snap` widens a span to whole words joined by a hyphen or an apostrophe
  ("so-called", "don't") and to the tight phrase a boundary cuts: a modifier whose head
  lies just outside the span ("the radical | left" becomes "radical left"), a compound
  or possessive, a verb's particle; never across a sentence end, at most
  :data:`MAX_SNAP_TOKENS` tokens per side; a span never ends on a function word cut from
  what it belongs to (an auxiliary takes in its verb, a dangling preposition,
  conjunction or determiner is dropped), nor on a modifier cut from its head noun or a
  verb cut from its object (a short object is taken in, a verb before a longer one
  dropped);
* :func:`quote_parts` fits a span to its quotations: it takes in the partner of a
  quotation mark that sits just outside an edge (``harbour” fees`` becomes
  ``“harbour” fees``) and cuts the span at a mark whose partner lies further out (a
  span the tagger ran out of one quotation into the words around it); the analyzer
  keeps the part that holds the tagger's best piece;
* :func:`merge_same` joins overlapping spans of one technique into one (its score is the
  best of theirs);
* :func:`select` keeps the spans at or above the operating point's threshold (all of them
  with ``all_candidates``).

Training (``training/techniques/operating_point.py``) runs the same functions over
out-of-fold predictions, so the threshold stated in the model card is measured on what
the analyzer shows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Protocol, TypeVar

from unspin.nlp import Parsed, Token

__all__ = [
    "MAX_SNAP_TOKENS",
    "TIGHT_DEPS",
    "Scored",
    "merge_same",
    "quote_marks",
    "quote_parts",
    "select",
    "snap",
]

#: Dependency relations that bind a word to its head inside one phrase.
TIGHT_DEPS = frozenset(
    {"amod", "compound", "flat", "fixed", "nummod", "poss", "case", "prt", "nmod", "advmod"}
)
#: How many tokens a boundary may move to take in the rest of a phrase.
MAX_SNAP_TOKENS = 3
_JOINERS = "-'’"
_TRIM = " \n\t.,:;"
_EDGE = " ,.;:!?"
#: Parts of speech of a word that cannot end a phrase on its own.
_FUNCTION = frozenset({"ADP", "AUX", "PART", "CCONJ", "SCONJ", "DET"})
_LIST_PUNCT = frozenset({",", ";", ":", "-", "–", "—"})


def _word_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen to whole words, also over a hyphen or an apostrophe ("so-called", "don't")."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while 0 < end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    while (
        start > 1
        and text[start - 1] in _JOINERS
        and text[start - 2].isalnum()
        and text[start].isalnum()
    ):
        start -= 2
        while start > 0 and text[start - 1].isalnum():
            start -= 1
    while (
        end + 1 < len(text)
        and text[end] in _JOINERS
        and text[end + 1].isalnum()
        and text[end - 1].isalnum()
    ):
        end += 2
        while end < len(text) and text[end].isalnum():
            end += 1
    return start, end


def _bound(a: Token, b: Token) -> bool:
    """``a`` and ``b`` are one a tight dependent of the other."""
    return (a.head == b.i and a.dep in TIGHT_DEPS) or (b.head == a.i and b.dep in TIGHT_DEPS)


def _sentence_of(parsed: Parsed, i: int) -> tuple[int, int]:
    for s in parsed.sentences:
        if s.first <= i < s.last:
            return s.first, s.last
    return 0, len(parsed.tokens)


#: Relations of a verb's object: a span that stops on the verb before it is cut short.
_OBJECTS = frozenset({"dobj", "obj", "dative"})
#: Relations of a modifier to the head noun it waits for.
_MODIFIERS = frozenset({"amod", "compound", "nummod", "poss", "nmod"})


def _subtree_end(tokens: Sequence[Token], i: int, s_last: int) -> int:
    """The last token of ``i``'s phrase (its subtree, read left to right up to the first
    gap) before ``s_last``."""
    end = i
    for k in range(i + 1, s_last):
        j, steps = k, 0
        while j != i and tokens[j].head != j and steps < 32:
            j, steps = tokens[j].head, steps + 1
        if j == i:
            end = k
        elif k > end + 1:
            break
    return end


def _open_end(parsed: Parsed, first: int, last: int, s_last: int) -> int:
    """The last token of a span that stops on a word cut from what completes it: a
    modifier takes in the head noun it waits for within :data:`MAX_SNAP_TOKENS` tokens
    ("the old | harbour party"); a verb whose object follows takes in a short object
    (one that ends within :data:`MAX_SNAP_TOKENS` tokens: "... and sparks | anger") and
    is dropped before a longer one, with the words that lead to it ("aims to dent | the
    lead of ..." keeps "aims"). A span of the verb alone (a loaded verb) stays."""
    tokens = parsed.tokens
    t = tokens[last]
    if t.dep in _MODIFIERS and last < t.head < s_last and t.head - last <= MAX_SNAP_TOKENS:
        return t.head
    if last == first or t.pos != "VERB":
        return last
    objects = [k for k in range(last + 1, s_last) if tokens[k].head == last]
    objects = [k for k in objects if tokens[k].dep in _OBJECTS]
    if not objects:
        return last
    end = _subtree_end(tokens, objects[0], s_last)
    if end - last <= MAX_SNAP_TOKENS:
        return end
    return _dangling_end(parsed, first, last - 1, s_last, stop=last)


def _dangling_end(parsed: Parsed, first: int, last: int, s_last: int, stop: int = -1) -> int:
    """The last token of a span that ends on a function word cut from what it belongs
    to: an auxiliary or an infinitive's "to" takes in its verb when it follows within
    :data:`MAX_SNAP_TOKENS` tokens ("the crews are | winning", "the first to | speak");
    else, and for a preposition, a conjunction or a determiner, the word is dropped
    ("fees rose by |", "... and |"): on 25 gate articles taking in a preposition's
    object too cost precision (0.6114 against 0.6141). A verb's particle ("stepped
    down") and a negation ("I think not") end a phrase. A verb at ``stop`` or after it
    (one dropped) is never taken in."""
    tokens = parsed.tokens
    stop = s_last if stop < 0 else min(stop, s_last)
    while last > first and tokens[last].pos in _FUNCTION:
        t = tokens[last]
        if t.dep in ("prt", "neg") or (t.pos == "PART" and t.dep != "aux"):
            break  # a verb's particle ("stepped down"), a negation ("I think not")
        if t.pos in ("AUX", "PART") and last < t.head < stop and t.head - last <= MAX_SNAP_TOKENS:
            return t.head
        last -= 1
        while last > first and tokens[last].text in _LIST_PUNCT:
            last -= 1
    return last


def snap(text: str, parsed: Parsed | None, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened to whole joined words and to the tight phrases its
    boundaries cut (see the module's docstring); boundary spaces and ``.,:;`` trimmed."""
    start, end = _word_edges(text, start, end)
    if parsed is not None and parsed.tokens and parsed.has_parse:
        inside = parsed.tokens_in(start, end)
        words = [t for t in inside if t.text.strip()]
        if words:
            tokens = parsed.tokens
            first, last = words[0].i, words[-1].i
            s_first, s_last = _sentence_of(parsed, first)
            moved = 0
            while moved < MAX_SNAP_TOKENS and first - 1 >= s_first:
                prev = tokens[first - 1]
                if not prev.text.strip() or prev.pos == "PUNCT":
                    break
                if not any(_bound(prev, t) for t in tokens[first : last + 1]):
                    break
                first -= 1
                moved += 1
            s_first, s_last = _sentence_of(parsed, last)
            moved = 0
            while moved < MAX_SNAP_TOKENS and last + 1 < s_last:
                nxt = tokens[last + 1]
                if not nxt.text.strip() or (nxt.pos == "PUNCT" and nxt.dep != "case"):
                    break
                if not any(_bound(nxt, t) for t in tokens[first : last + 1]):
                    break
                last += 1
                moved += 1
            last = _open_end(parsed, first, _dangling_end(parsed, first, last, s_last), s_last)
            start = min(start, tokens[first].start)
            end = tokens[last].end if last < words[-1].i else max(end, tokens[last].end)
            start, end = _word_edges(text, start, end)
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _paired(text: str, start: int, end: int) -> tuple[list[int], dict[int, int]]:
    """The quotation marks of the paragraph of ``[start, end)`` and their partners, paired
    in reading order (see :func:`quote_marks`)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    hi = len(text) if hi < 0 else hi
    partner: dict[int, int] = {}
    open_double: int | None = None
    open_single: int | None = None
    marks: list[int] = []
    for i in range(lo, hi):
        c = text[i]
        before = text[i - 1] if i > lo else " "
        after = text[i + 1] if i + 1 < hi else " "
        if c == "“" or (c == '"' and open_double is None):
            open_double = i
        elif c in '”"':
            if open_double is None and open_single is not None:  # ‘mistyped,”
                open_double, open_single = open_single, None
            if open_double is not None:
                partner[open_double], partner[i] = i, open_double
            open_double = None
        elif c == "‘" and not before.isalnum():
            open_single = i
        elif c == "’" and open_single is not None and not after.isalnum():
            partner[open_single], partner[i] = i, open_single
            open_single = None
        else:
            continue
        marks.append(i)
    return marks, partner


def quote_marks(text: str, start: int, end: int) -> list[int]:
    """Offsets in ``[start, end)`` of the quotation marks whose partner is not in it: the
    marks of the span's paragraph paired in reading order (a curly double or single
    opening mark with the next closing one of its kind, or a ‘ with a ” when no double
    mark is open, as mistyped; straight double marks by turns; a ’ closes only when a ‘
    is open and no letter follows it, else it is an apostrophe); a mark left unpaired
    counts too."""
    marks, partner = _paired(text, start, end)
    return [i for i in marks if start <= i < end and not start <= partner.get(i, -1) < end]


def quote_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` fitted to its quotations: a mark whose partner sits just outside
    an edge (nothing but spaces and ``.,;:!?`` between) takes the partner in (``harbour”
    fees`` becomes ``“harbour” fees``); then the span is cut at the
    :func:`quote_marks` left, into the parts between them that hold a word (trimmed of
    spaces and ``.,:;``). The span itself when no mark is unpaired."""
    marks, partner = _paired(text, start, end)
    s0, e0 = start, end
    for i in marks:
        j = partner.get(i, -1)
        if not s0 <= i < e0 or j < 0 or s0 <= j < e0:
            continue
        if j < s0 and not text[j + 1 : s0].strip(_EDGE):
            start = min(start, j)
        elif j >= e0 and not text[e0:j].strip(_EDGE):
            end = max(end, j + 1)
    cuts = [i for i in marks if start <= i < end and not start <= partner.get(i, -1) < end]
    if not cuts:
        return [(start, end)]
    parts = []
    for s, e in zip([start, *(c + 1 for c in cuts)], [*cuts, end], strict=True):
        while s < e and text[s] in _TRIM:
            s += 1
        while e > s and text[e - 1] in _TRIM:
            e -= 1
        if any(ch.isalnum() for ch in text[s:e]):
            parts.append((s, e))
    return parts or [(start, end)]


class Scored(Protocol):
    """A span with a technique and a score (the analyzer's ``TechniqueSpan``)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def technique(self) -> str: ...
    @property
    def score(self) -> float: ...


S = TypeVar("S", bound=Scored)


def merge_same(spans: Iterable[S]) -> list[S]:
    """Overlapping spans of one technique joined into one: the union of their extents,
    with the fields (score, probabilities) of the best-scoring one. Sorted by start."""
    by_technique: dict[str, list[S]] = {}
    for s in spans:
        by_technique.setdefault(s.technique, []).append(s)
    out: list[S] = []
    for group in by_technique.values():
        group.sort(key=lambda s: (s.start, -s.end))
        merged: list[S] = []
        for s in group:
            if merged and s.start < merged[-1].end:
                top = merged[-1]
                best = top if top.score >= s.score else s
                merged[-1] = replace(best, start=top.start, end=max(top.end, s.end))  # type: ignore[type-var]
            else:
                merged.append(s)
        out += merged
    out.sort(key=lambda s: (s.start, -s.end, -s.score))
    return out


def select(
    spans: Sequence[S],
    threshold: float,
    all_candidates: bool = False,
    key: Callable[[S], float] | None = None,
) -> list[S]:
    """The spans shown at an operating point: ``key(span)`` (default: its score) >=
    ``threshold`` (every one with ``all_candidates``)."""
    if all_candidates:
        return list(spans)
    value = key or (lambda s: s.score)
    return [s for s in spans if value(s) >= threshold]
