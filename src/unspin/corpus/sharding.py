"""Corpus comparisons sharded by blocking key, for a cluster (``corpus link --engine ray``).

:func:`link_sharded` finds the same links and writes the same index rows as the
sequential run of :func:`unspin.corpus.store_adapter.link_store` (a test checks), but in
pieces that run anywhere: ``mapper(fn, items)`` applies a picklable top-level function to
each item and returns the results in order (the builtin ``map`` runs them here;
:func:`unspin.app.ray_engine.ray_map` runs them as Ray Data tasks). The pending documents
go in segments; for each segment:

1. **extract** (one task per document, :func:`extract`): the document's slots,
   quotations and passages, each with its blocking keys and JSON, and the links inside
   the document;
2. **group** (here): each (space, key) of the segment's items, after the items the store
   already holds under it (the ``max_group`` newest slots, or oldest quotations and
   passages: what the sequential run fetches), the segment's items in linking order;
   groups are dealt into ``shards`` by a stable hash of the key;
3. **compare** (one task per shard, :func:`compare_shard`): each new item with the items
   of earlier documents in its group's window (the sequential run's candidates). A pair
   sharing several keys is compared under the first of them whose window holds every
   earlier item, so most pairs are compared once; the rest are de-duplicated here;
4. **decide and write** (here), document by document in linking order, with the same
   rules as the sequential run (:mod:`unspin.corpus.comparing`), ``batch_size``
   documents per transaction.

Only one segment's items are held in memory. The store is read and written by this
process alone (SQLite's single writer, or PostgreSQL).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from unspin.corpus.comparing import NEWEST, PARSE, SPACES, Comparer, passage_links, quote_links
from unspin.corpus.model import Link
from unspin.corpus.tables import CorpusIndexTable, CorpusItem
from unspin.model import Analysis
from unspin.store import StoredLink

__all__ = [
    "DocItems",
    "ExtractJob",
    "Mapper",
    "Shard",
    "compare_shard",
    "extract",
    "link_sharded",
]

#: ``mapper(fn, items)``: ``fn`` applied to each item, the results in input order.
Mapper = Callable[[Callable[[Any], Any], Sequence[Any]], Iterable[Any]]
#: A match found by a shard: (new item's token, earlier item's token, comparison value).
Match = tuple[int, int, Any]

_COMPARERS: dict[tuple[tuple[str, ...], int], Comparer] = {}


def _comparer(wanted: tuple[str, ...], max_group: int) -> Comparer:
    """One :class:`Comparer` per process and settings (MinHash banding built once)."""
    key = (wanted, max_group)
    if key not in _COMPARERS:
        _COMPARERS[key] = Comparer(wanted, max_group)
    return _COMPARERS[key]


@dataclass(frozen=True)
class ExtractJob:
    """One document to extract, for the comparisons in ``what``."""

    analysis: Analysis
    what: tuple[str, ...]
    wanted: tuple[str, ...]
    max_group: int


@dataclass(frozen=True)
class DocItems:
    """A document's items (space, keys, JSON) in indexing order, and its own links."""

    doc_id: str
    what: tuple[str, ...]
    links: tuple[Link, ...]
    items: tuple[tuple[str, tuple[str, ...], str], ...]


def extract(job: ExtractJob) -> DocItems:
    """Step 1 for one document (runs on a worker)."""
    comparer = _comparer(job.wanted, job.max_group)
    links: list[Link] = []
    items: list[tuple[str, tuple[str, ...], str]] = []
    for name in job.what:
        own, keyed = comparer.items(job.analysis, name)
        links += own
        items += [(k.space, k.keys, k.payload()) for k in keyed]
    return DocItems(job.analysis.document.id, job.what, tuple(links), tuple(items))


@dataclass(frozen=True)
class Entry:
    """An item in a shard: its document's position in the segment (-1: already in the
    store), the document id, the keys it is known under here, its JSON."""

    doc: int
    doc_id: str
    keys: frozenset[str]
    payload: str


@dataclass(frozen=True)
class Shard:
    """Some groups of one space: per key, the item tokens in index order."""

    space: str
    wanted: tuple[str, ...]
    max_group: int
    entries: Mapping[int, Entry]
    groups: tuple[tuple[str, tuple[int, ...]], ...]
    #: keys whose window holds every earlier item for every new item
    small: frozenset[str] = field(default=frozenset())


def compare_shard(shard: Shard) -> list[Match]:
    """Step 3 for one shard (runs on a worker): the related pairs."""
    comparer = _comparer(shard.wanted, shard.max_group)
    parse, newest, size = PARSE[shard.space], NEWEST[shard.space], shard.max_group
    objects: dict[int, Any] = {}

    def obj(token: int) -> Any:
        if token not in objects:
            objects[token] = parse(json.loads(shard.entries[token].payload))
        return objects[token]

    out: list[Match] = []
    for key, tokens in shard.groups:
        starts: dict[int, int] = {}  # a document's first position in the group
        for i, t in enumerate(tokens):
            starts.setdefault(shard.entries[t].doc, i)
        for t in tokens:
            new = shard.entries[t]
            if new.doc < 0:
                continue
            before = tokens[: starts[new.doc]]
            for o in before[-size:] if newest else before[:size]:
                other = shard.entries[o]
                if other.doc_id == new.doc_id:
                    continue
                if any(k < key for k in new.keys & other.keys & shard.small):
                    continue  # compared under that key
                value = comparer.compare(shard.space, obj(o), obj(t))
                if value is not None:
                    out.append((t, o, value))
    return out


def _shard_of(space: str, key: str, shards: int) -> int:
    digest = hashlib.blake2b(f"{space}\0{key}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % shards


class _Segment:
    """Steps 2 and 4 for one segment's documents."""

    def __init__(self, docs: list[DocItems], table: CorpusIndexTable, max_group: int) -> None:
        self.docs = docs
        self.entries: dict[int, Entry] = {}
        self.tokens: list[list[int]] = []  # per document, its items' tokens
        groups: dict[tuple[str, str], list[int]] = defaultdict(list)
        for pos, d in enumerate(docs):
            mine = []
            for space, keys, payload in d.items:
                token = len(self.entries)
                self.entries[token] = Entry(pos, d.doc_id, frozenset(keys), payload)
                mine.append(token)
                for k in keys:
                    groups[(space, k)].append(token)
            self.tokens.append(mine)
        stored: dict[int, int] = {}  # store item id -> token
        stored_keys: dict[int, set[str]] = defaultdict(set)
        self.groups: dict[tuple[str, str], list[int]] = {}
        self.small: set[tuple[str, str]] = set()
        for (space, key), new in groups.items():
            got = table.candidates(space, key, max_group, newest=NEWEST[space])
            if NEWEST[space]:
                got = got[::-1]  # oldest first
            earlier = []
            for item, doc_id, payload in got:
                if item not in stored:
                    stored[item] = len(self.entries)
                    self.entries[stored[item]] = Entry(-1, doc_id, frozenset(), payload)
                stored_keys[stored[item]].add(key)
                earlier.append(stored[item])
            self.groups[(space, key)] = earlier + new
            if len(got) < max_group and len(got) + len(new) <= max_group:
                self.small.add((space, key))
        for token, found_by in stored_keys.items():
            e = self.entries[token]
            self.entries[token] = Entry(e.doc, e.doc_id, frozenset(found_by), e.payload)

    def shards(self, count: int, wanted: tuple[str, ...], max_group: int) -> list[Shard]:
        dealt: dict[tuple[str, int], list[str]] = defaultdict(list)
        for space, key in self.groups:
            dealt[(space, _shard_of(space, key, count))].append(key)
        out = []
        for (space, _), keys in sorted(dealt.items()):
            groups = tuple((k, tuple(self.groups[(space, k)])) for k in keys)
            tokens = {t for _, ts in groups for t in ts}
            out.append(
                Shard(
                    space,
                    wanted,
                    max_group,
                    {t: self.entries[t] for t in sorted(tokens)},
                    groups,
                    frozenset(k for k in keys if (space, k) in self.small),
                )
            )
        return out

    def links(
        self, pos: int, matches: Mapping[int, dict[int, Any]], max_sources: int
    ) -> list[Link]:
        """Step 4: the links of the segment's document ``pos``."""
        d = self.docs[pos]
        out = list(d.links)
        passages: list[tuple[Any, Any, float]] = []
        for token, (space, _, payload) in zip(self.tokens[pos], d.items, strict=True):
            found = matches.get(token)
            if not found:
                continue
            if space == "slot":
                out += found.values()
                continue
            new = PARSE[space](json.loads(payload))
            others = [
                (PARSE[space](json.loads(self.entries[o].payload)), v) for o, v in found.items()
            ]
            if space == "quote":
                out += quote_links(new, others)
            else:
                passages += [(new, other, sim) for other, sim in others]
        if passages:
            out += passage_links(d.doc_id, passages, max_sources)
        return out


def _chunks(items: Iterable[str], size: int) -> Iterator[list[str]]:
    source = iter(items)
    while chunk := list(islice(source, size)):
        yield chunk


def link_sharded(
    table: CorpusIndexTable,
    todo: Mapping[str, Sequence[str]],
    analysis: Callable[[str], Analysis],
    to_record: Callable[[Link], StoredLink],
    *,
    wanted: Iterable[str],
    mapper: Mapper,
    shards: int,
    max_group: int = 300,
    max_sources: int = 10,
    batch_size: int = 100,
    segment: int = 500,
    on_progress: Callable[[int, int], None] | None = None,
) -> tuple[int, Counter[str]]:
    """Link the documents of ``todo`` (id -> comparisons, in linking order; ``analysis``
    reads one) and write them; return the documents linked and the new links by kind."""
    names = tuple(n for n in SPACES if n in set(wanted))
    done, counts = 0, Counter[str]()
    for ids in _chunks(todo, max(1, segment)):
        jobs = [ExtractJob(analysis(i), tuple(todo[i]), names, max_group) for i in ids]
        seg = _Segment(list(mapper(extract, jobs)), table, max_group)
        matches: dict[int, dict[int, Any]] = defaultdict(dict)
        for found in mapper(compare_shard, seg.shards(max(1, shards), names, max_group)):
            for token, other, value in found:
                matches[token].setdefault(other, value)
        step = max(1, batch_size)
        for start in range(0, len(ids), step):
            items: list[CorpusItem] = []
            indexed: list[tuple[str, str]] = []
            links: dict[str, Link] = {}
            batch = range(start, min(len(ids), start + step))
            for pos in batch:
                d = seg.docs[pos]
                items += [CorpusItem(s, d.doc_id, k, p) for s, k, p in d.items]
                indexed += [(d.doc_id, SPACES[n]) for n in d.what]
                for link in seg.links(pos, matches, max_sources):
                    links.setdefault(link.id, link)
            table.write(items, indexed, [to_record(lk) for lk in links.values()])
            counts.update(lk.kind for lk in links.values())
            done += len(batch)
            if on_progress is not None:
                on_progress(done, len(todo))
    return done, counts
