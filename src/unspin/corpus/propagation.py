"""Propagation: near-duplicate passages across documents (copy-paste between outlets).

Sentences are compared by their words outside quotation marks (quotations are repeated
honestly; a quotation's drift is :mod:`unspin.corpus.quotes`' business): those with at
least ``min_words`` such words are normalised and indexed with MinHash LSH over word
trigrams; candidate pairs in different documents are scored with rapidfuzz's ratio, and
pairs at or above ``min_similarity`` (0..100) are kept. Consecutive matching sentences
of two documents are merged into one passage. Site furniture is left out
(:mod:`unspin.corpus.passage_furniture`): a sentence with no content (a header ending in
a colon, a headline) is no passage; a run holding a sentence that many documents on
unrelated topics hold (a signup form, a terms-of-use line) is left out whole, each
passage carrying its document's topic words for that; and two documents sharing a single
sentence are linked only across outlets and when that sentence is not repeated in many
documents.
Each ``propagation`` link puts the earlier publication on side ``a``, so the first
appearance is visible; undated documents come last.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields

from unspin.corpus._fuzzy import LshIndex, fuzz, shingles, when_key
from unspin.corpus.model import Link, Side
from unspin.corpus.passage_furniture import (
    closing_bio,
    corpus_furniture,
    keep_pair,
    no_content,
    topic_words,
)
from unspin.corpus.words import normalise_quote, sentence_spans, words
from unspin.errors import SchemaError
from unspin.model import JSON, Analysis, Explanation

__all__ = [
    "BLOCK_GAP",
    "Passage",
    "PassageIndex",
    "content_runs",
    "find_propagation",
    "linked_runs",
    "passage_link",
    "passages",
    "shared_count",
]

log = logging.getLogger(__name__)

#: Sentences between a run and a furniture run for both to be one block of furniture.
BLOCK_GAP = 2


@dataclass(frozen=True)
class Passage:
    """One sentence of one document, normalised for comparison."""

    doc_id: str
    index: int  # sentence number in the document
    start: int
    end: int
    text: str
    norm: str
    published: str | None
    outlet: str | None
    tail: str = ""  # the text between this sentence and the next (usually spacing)
    topic: tuple[str, ...] = ()  # the document's topic words (passage_furniture.topic_words)

    def to_dict(self) -> dict[str, JSON]:
        out: dict[str, JSON] = {f.name: getattr(self, f.name) for f in fields(self)}
        out["topic"] = list(self.topic)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, JSON]) -> Passage:
        """A passage from :meth:`to_dict`'s JSON; one written before topic words has none."""
        got = {f.name: data[f.name] for f in fields(cls) if f.name in data}
        topic = got.get("topic", [])
        if not isinstance(topic, list) or not all(isinstance(w, str) for w in topic):
            raise SchemaError(f"invalid passage: topic {topic!r}")
        got["topic"] = tuple(topic)
        try:
            return cls(**got)
        except TypeError as exc:
            raise SchemaError(f"invalid passage: {exc}") from exc


def passages(analysis: Analysis, *, min_words: int = 12) -> list[Passage]:
    """The sentences of a document worth comparing: their words outside quotations
    (which :mod:`unspin.corpus.quotes` follows) normalised, when there are at least
    ``min_words`` of them and it says something (:func:`no_content`; nor is a last
    sentence that is a bio line, :func:`closing_bio`)."""
    doc = analysis.document
    quotes = [(f.start, f.end) for f in analysis.by_kind("quote")]
    out: list[Passage] = []
    spans = sentence_spans(analysis)
    topic = topic_words(doc.text, spans)
    for k, (s, e) in enumerate(spans):
        own = [
            w.text for w in words(doc.text, s, e) if not any(a <= w.start < b for a, b in quotes)
        ]
        if len(own) < min_words or no_content(doc.text[s:e], own):
            continue
        if k == len(spans) - 1 and closing_bio(doc.text[s:e]):
            continue  # the writer's bio line under the page
        tail = doc.text[e : spans[k + 1][0]] if k + 1 < len(spans) else ""
        out.append(
            Passage(doc.id, k, s, e, doc.text[s:e], normalise_quote(" ".join(own)),
                    doc.published, doc.outlet, tail, topic)
        )  # fmt: skip
    return out


class PassageIndex:
    """An incremental index of sentences; :meth:`links` merges and orders the matches."""

    def __init__(
        self,
        *,
        threshold: float = 0.5,
        min_similarity: float = 88.0,
        min_words: int = 12,
        num_perm: int = 128,
    ) -> None:
        self.min_similarity = min_similarity
        self.min_words = min_words
        self._lsh = LshIndex(threshold, num_perm)
        self._items: list[Passage] = []
        self._seen: set[tuple[str, int]] = set()
        # (doc x, doc y) -> [(sentence index in x, in y, similarity)], x < y by item order
        self._pairs: dict[tuple[str, str], list[tuple[int, int, float]]] = defaultdict(list)
        self._by_key: dict[tuple[str, int], Passage] = {}

    def add(self, analysis: Analysis) -> None:
        self.add_passages(passages(analysis, min_words=self.min_words))

    def add_passages(self, items: Iterable[Passage]) -> None:
        ratio = fuzz().ratio
        for p in items:
            if (p.doc_id, p.index) in self._seen:
                continue
            self._seen.add((p.doc_id, p.index))
            self._by_key[(p.doc_id, p.index)] = p
            k = len(self._items)
            self._items.append(p)
            for c in self._lsh.add(str(k), shingles(p.norm.split(), (3,))):
                q = self._items[int(c)]
                if q.doc_id == p.doc_id:
                    continue
                sim = float(ratio(q.norm, p.norm))
                if sim >= self.min_similarity:
                    self._pairs[(q.doc_id, p.doc_id)].append((q.index, p.index, sim))

    def links(self) -> list[Link]:
        """One ``propagation`` link per run of consecutive matching sentences."""
        out: list[Link] = []
        holders: dict[tuple[str, int], set[str]] = defaultdict(set)
        for (dx, dy), matches in self._pairs.items():
            for i, j, _ in matches:
                holders[(dx, i)].add(dy)
                holders[(dy, j)].add(dx)
        outlet = {doc: p.outlet for (doc, _), p in self._by_key.items()}
        topic = {doc: p.topic for (doc, _), p in self._by_key.items()}
        for (dx, dy), matches in self._pairs.items():

            def holding(m: tuple[int, int, float], dx: str = dx, dy: str = dy) -> set[str]:
                return {dx, dy} | holders[(dx, m[0])] | holders[(dy, m[1])]

            def furniture(m: tuple[int, int, float]) -> bool:
                return corpus_furniture([topic[d] for d in holding(m)])

            runs = linked_runs(matches, furniture, (outlet[dx], outlet[dy]),
                               lambda m: ((d, outlet[d]) for d in holding(m)))  # fmt: skip
            for run in runs:
                out.append(passage_link(self._by_key, dx, dy, run))
        out.sort(key=lambda lk: (when_key(lk.a.published), lk.a.doc_id, lk.a.start,
                                 lk.b.doc_id))  # fmt: skip
        log.debug("passage index: %d sentences, %d propagation links", len(self._items),
                  len(out))  # fmt: skip
        return out


def passage_link(
    by_key: Mapping[tuple[str, int], Passage],
    dx: str,
    dy: str,
    run: list[tuple[int, int, float]],
) -> Link:
    """The ``propagation`` link of a run of matching sentences (sentence ``i`` of ``dx``,
    ``j`` of ``dy``, similarity); the earlier publication goes on side ``a``."""

    def side(doc_id: str, first: int, last: int) -> Side:
        parts = [by_key[(doc_id, i)] for i in range(first, last + 1)]
        text = "".join(p.text + p.tail for p in parts[:-1]) + parts[-1].text
        p, q = parts[0], parts[-1]
        return Side(doc_id, p.start, q.end, text, p.published, p.outlet)

    x = side(dx, run[0][0], run[-1][0])
    y = side(dy, run[0][1], run[-1][1])
    a, b = (x, y) if (when_key(x.published), dx) <= (when_key(y.published), dy) else (y, x)
    sim = sum(r[2] for r in run) / len(run)
    verbatim = all(r[2] >= 99.5 for r in run)
    n = len(run)
    first = f"{a.outlet or 'one document'}" + (f" ({a.published})" if a.published else "")
    then = f"{b.outlet or 'another'}" + (f" ({b.published})" if b.published else "")
    same_outlet = bool(a.outlet) and a.outlet == b.outlet
    detail = (
        f"{n} sentence{'s' if n > 1 else ''} {'verbatim' if verbatim else 'near-identical'} "
        f"(similarity {sim:.0f}/100) in {first} and {then}"
        + ("; both from the same outlet" if same_outlet else "")
        + (f"; first seen in {first}" if when_key(a.published) < when_key(b.published)
           else "; the order of publication is unknown")
        + "."
    )  # fmt: skip
    return Link(
        kind="propagation",
        a=a,
        b=b,
        score=min(1.0, sim / 100),
        explanation=Explanation(
            rule="propagation.verbatim" if verbatim else "propagation.near-duplicate",
            cues=(),
            detail=detail,
        ),
        slot={"sentences": str(n), "similarity": f"{sim:.0f}",
              "outlets": " / ".join(dict.fromkeys(o for o in (a.outlet, b.outlet) if o))},
    )  # fmt: skip


def shared_count(matches: Iterable[tuple[int, int, float]]) -> int:
    """How many sentences two documents share, from their (i, j, similarity) matches:
    the groups of sentences matching one another (a sentence a document repeats, matched
    by each repetition in the other, is one)."""
    parent: dict[tuple[int, int], tuple[int, int]] = {}

    def root(x: tuple[int, int]) -> tuple[int, int]:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for i, j, _ in matches:
        parent[root((0, i))] = root((1, j))
    return len({root(x) for x in list(parent)})


def content_runs(
    matches: Iterable[tuple[int, int, float]], furniture: Callable[[tuple[int, int, float]], bool]
) -> list[list[tuple[int, int, float]]]:
    """The runs of two documents' matches (:func:`_runs`) outside site furniture: a run
    holding a match ``furniture`` says is furniture is left out whole, and so is a run
    at most ``BLOCK_GAP`` sentences from a left-out run in both documents (the rest of a
    widget: a poll's question above its answers and its form)."""
    runs = _runs(sorted(matches))
    out = [not any(furniture(m) for m in run) for run in runs]
    grown = True
    while grown:  # a block grows by its neighbours
        grown = False
        for k, run in enumerate(runs):
            if out[k] and any(not out[o] and _near(run, runs[o]) for o in range(len(runs))):
                out[k], grown = False, True
    return [run for run, keep in zip(runs, out, strict=True) if keep]


def linked_runs(
    matches: Iterable[tuple[int, int, float]],
    furniture: Callable[[tuple[int, int, float]], bool],
    outlets: tuple[str | None, str | None],
    holders: Callable[[tuple[int, int, float]], Iterable[tuple[str, str | None]]],
) -> list[list[tuple[int, int, float]]]:
    """The runs two documents' matches are linked by: their :func:`content_runs`, when
    what is left passes :func:`~unspin.corpus.passage_furniture.keep_pair` (``outlets``:
    the two documents'; ``holders``: the documents holding a match's sentence); else none.
    Both the in-memory index and a store linked document by document decide this way."""
    runs = content_runs(matches, furniture)
    kept = [m for run in runs for m in run]
    if not kept or not keep_pair(shared_count(kept), outlets, holders(kept[0])):
        return []
    return runs


def _near(r: list[tuple[int, int, float]], s: list[tuple[int, int, float]]) -> bool:
    """Whether two runs are at most ``BLOCK_GAP`` sentences apart in both documents."""
    return all(
        max(r[0][side] - s[-1][side], s[0][side] - r[-1][side]) <= BLOCK_GAP + 1 for side in (0, 1)
    )


def _runs(matches: list[tuple[int, int, float]]) -> list[list[tuple[int, int, float]]]:
    """Split sorted (i, j, sim) matches into runs where both indices step by one."""
    runs: list[list[tuple[int, int, float]]] = []
    for m in matches:
        if runs and m[0] == runs[-1][-1][0] + 1 and m[1] == runs[-1][-1][1] + 1:
            runs[-1].append(m)
        else:
            runs.append([m])
    return runs


def find_propagation(
    analyses: Iterable[Analysis],
    *,
    threshold: float = 0.5,
    min_similarity: float = 88.0,
    min_words: int = 12,
) -> list[Link]:
    """``propagation`` links between the documents (see the module docstring)."""
    index = PassageIndex(threshold=threshold, min_similarity=min_similarity,
                         min_words=min_words)  # fmt: skip
    for a in analyses:
        index.add(a)
    return index.links()
