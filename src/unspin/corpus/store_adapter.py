"""The corpus comparisons over a store (:mod:`unspin.store`): compute, keep, read back.

::

    from unspin.store import open_store
    from unspin.corpus.store_adapter import link_store, store_report

    with open_store("corpus.db") as store:
        run = link_store(store)                    # only the documents not linked yet
        print(run.documents, run.links)            # 12, {"contradiction": 3, ...}
        report = store_report(store, doc_id)       # the links one document's report shows

**Stores indexed by an older unspin** (slots of an older
:data:`~unspin.corpus.model.SLOT_FORMAT`, quotations without their content words) are
re-extracted on the next link run, comparison by comparison (:data:`CURRENT`): the
analyses are in the store, so nothing is lost.

**Incremental, from tables.** Each document is compared once, when it is first linked,
against what the store already holds, and then indexed for the documents that come
after it. The index lives in the store (schema version 5): ``corpus_items`` (one row
per slot, quotation or passage, with its JSON), ``corpus_keys`` (blocking keys: slot
keys, and MinHash LSH band hashes of quotations and passages) and ``corpus_indexed``
(which documents are done, per comparison). For a new document, the candidates are the
items sharing one of its keys (at most ``max_group`` per key), fetched with one indexed
query per key; nothing but the current batch of documents is held in memory, so the
memory needed does not grow with the store. Documents are linked earliest publication
first; a batch is written in one transaction (its index rows, its links, and the marks
saying it is done), so an interrupted run loses at most one batch and a rerun goes on.

The index tables are read and written through ``store.repository(CorpusIndexTable)``
(:class:`unspin.corpus.tables.CorpusIndexTable`). A :class:`~unspin.corpus.model.Link` is
kept in the store's ``links`` table as a :class:`unspin.store.StoredLink`: kind, the two
documents, the two findings (a span with no finding, such as a propagated passage or a
role given in apposition, is named ``span:START-END``), the score, and the whole corpus
link as its attributes, so it reads back unchanged.
"""

from __future__ import annotations

import json
import logging
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from unspin.corpus._fuzzy import BandHasher, fuzz, shingles, when_key
from unspin.corpus.contradictions import compare_slots, find_contradictions
from unspin.corpus.model import LINK_KINDS, SLOT_FORMAT, Link, Side, slot_from_dict
from unspin.corpus.propagation import Passage, _runs, passage_link, passages
from unspin.corpus.quotes import QuoteMention, _drift_link, mention_keys, quote_mentions, relate
from unspin.corpus.report import DocumentReport, document_report
from unspin.corpus.slots import extract_slots
from unspin.corpus.tables import CorpusIndexTable, CorpusItem
from unspin.errors import SchemaError
from unspin.model import Analysis
from unspin.store import StoredLink

if TYPE_CHECKING:
    from unspin.store import Store

__all__ = [
    "ALL",
    "LinkRun",
    "from_store_link",
    "iter_corpus_links",
    "link_store",
    "store_links",
    "store_report",
    "to_store_link",
]

log = logging.getLogger(__name__)

#: What :func:`link_store` can compute, and the index space each one keeps.
SPACES: dict[str, str] = {"contradictions": "slot", "quotes": "quote", "propagation": "passage"}
ALL = tuple(SPACES)
#: The link kinds each comparison writes.
KINDS: dict[str, tuple[str, ...]] = {
    "contradictions": ("contradiction", "compatible", "update", "restatement", "differs"),
    "quotes": ("quote_drift",),
    "propagation": ("propagation",),
}

#: What every item written by this version holds in its JSON, per comparison: a store
#: whose items lack it was indexed by an older extractor (other keys, fewer fields), and
#: the next link run re-extracts that comparison's index and links from the analyses.
CURRENT: dict[str, str] = {"contradictions": f'"format": {SLOT_FORMAT}', "quotes": '"words":'}

# The same thresholds as the in-memory QuoteIndex and PassageIndex.
_QUOTE_THRESHOLD = 0.3
_PASSAGE_THRESHOLD = 0.5
_MIN_SIMILARITY = 88.0
# A batch is written early when it holds this many links or candidate items.
_MAX_BATCH_LINKS = 5_000
_MAX_BATCH_ITEMS = 10_000


def _finding_ref(side: Side) -> str:
    return side.finding_id or f"span:{side.start}-{side.end}"


def to_store_link(link: Link) -> StoredLink:
    """The store's record of a corpus link (the whole link kept in its attributes)."""
    return StoredLink(
        kind=link.kind,
        source_document=link.a.doc_id,
        source_finding=_finding_ref(link.a),
        target_document=link.b.doc_id,
        target_finding=_finding_ref(link.b),
        score=link.score,
        attributes=link.to_dict(),
    )


def from_store_link(record: StoredLink) -> Link | None:
    """The corpus link a store record holds; ``None`` for a record another tool wrote."""
    attrs = record.attributes
    if not isinstance(attrs, dict) or "a" not in attrs or "b" not in attrs:
        return None
    try:
        return Link.from_dict(attrs)
    except SchemaError as exc:
        log.warning("unreadable corpus link %s in the store: %s", record.kind, exc)
        return None


@dataclass
class LinkRun:
    """What one :func:`link_store` call did: documents linked, new links by kind."""

    documents: int = 0
    links: dict[str, int] = field(default_factory=dict)
    pending: int = 0  # documents that were waiting when the run started

    @property
    def total(self) -> int:
        return sum(self.links.values())


def _order(m: QuoteMention) -> tuple[tuple[int, str], str, int]:
    return (when_key(m.published), m.doc_id, m.start)


class _Batch:
    """One batch of documents being linked: the candidates fetched from the store for
    its keys (cached for the batch), the items it adds (visible to the documents after
    it in the batch) and the links it finds."""

    def __init__(self, table: CorpusIndexTable, max_group: int) -> None:
        self.table = table
        self.max_group = max_group
        self.items: list[CorpusItem] = []
        self.indexed: list[tuple[str, str]] = []
        self.links: dict[str, Link] = {}
        self._fetched: dict[tuple[str, str], list[tuple[str, Any]]] = {}
        self._parsed: dict[int, Any] = {}
        self._local: dict[tuple[str, str], list[tuple[str, Any]]] = defaultdict(list)

    def candidates(
        self, space: str, keys: Iterable[str], parse: Callable[[dict[str, Any]], Any], *,
        newest: bool = True,
    ) -> list[tuple[str, Any]]:  # fmt: skip
        """(document id, object) of the items under any of ``keys``, each once."""
        out: dict[int, tuple[str, Any]] = {}
        for key in keys:
            got = self._fetched.get((space, key))
            if got is None:
                got = []
                for item, doc, payload in self.table.candidates(
                    space, key, self.max_group, newest=newest
                ):
                    obj = self._parsed.get(item)
                    if obj is None:
                        obj = self._parsed[item] = parse(json.loads(payload))
                    got.append((doc, obj))
                self._fetched[(space, key)] = got[::-1] if newest else got  # oldest first
            # the batch's own items are the newest; at most max_group per key in all
            group = [*self._fetched[(space, key)], *self._local.get((space, key), ())]
            group = group[-self.max_group :] if newest else group[: self.max_group]
            for doc, obj in group:
                out.setdefault(id(obj), (doc, obj))
        return list(out.values())

    def add(self, space: str, doc_id: str, keys: tuple[str, ...], obj: Any, payload: str) -> None:
        self.items.append(CorpusItem(space, doc_id, keys, payload))
        for key in keys:
            self._local[(space, key)].append((doc_id, obj))

    def link(self, link: Link | None) -> None:
        if link is not None:
            self.links.setdefault(link.id, link)

    def full(self) -> bool:
        """Enough held in memory: write the batch now, before its document count."""
        return len(self.links) >= _MAX_BATCH_LINKS or len(self._parsed) >= _MAX_BATCH_ITEMS


class _Linker:
    def __init__(self, wanted: set[str], max_group: int, max_sources: int) -> None:
        self.wanted = wanted
        self.max_group = max_group
        self.max_sources = max_sources
        self.quote_bands = BandHasher(_QUOTE_THRESHOLD) if "quotes" in wanted else None
        self.passage_bands = BandHasher(_PASSAGE_THRESHOLD) if "propagation" in wanted else None
        self.ratio = fuzz().ratio if wanted & {"quotes", "propagation"} else None

    def document(self, batch: _Batch, analysis: Analysis, what: Iterable[str]) -> None:
        doc_id = analysis.document.id
        for name in what:
            getattr(self, f"_{name}")(batch, analysis)
            batch.indexed.append((doc_id, SPACES[name]))

    def _contradictions(self, batch: _Batch, analysis: Analysis) -> None:
        slots = extract_slots(analysis)
        for link in find_contradictions(slots, max_group=self.max_group):  # within it
            batch.link(link)
        seen: set[tuple[str, str]] = set()
        for s in slots:
            keys = tuple(k for k in s.keys if "|doc:" not in k)  # only this document has those
            for doc, other in batch.candidates("slot", keys, slot_from_dict):
                if doc == s.doc_id or (other.uid, s.uid) in seen:
                    continue
                seen.add((other.uid, s.uid))
                batch.link(compare_slots(other, s))
        for s in slots:
            keys = tuple(k for k in s.keys if "|doc:" not in k)
            if keys:
                batch.add("slot", s.doc_id, keys, s, json.dumps(s.to_dict(), ensure_ascii=False))

    def _quotes(self, batch: _Batch, analysis: Analysis) -> None:
        assert self.quote_bands is not None
        mentions = quote_mentions(analysis)
        keyed = [
            (m, (*self.quote_bands.keys(shingles(m.norm.split(), (1, 2))), *mention_keys(m)))
            for m in mentions
        ]
        for m, keys in keyed:
            matches: list[tuple[QuoteMention, tuple[str, float]]] = []
            for doc, other in batch.candidates("quote", keys, QuoteMention.from_dict,
                                               newest=False):  # fmt: skip
                if doc == m.doc_id:
                    continue
                got = relate(other, m)
                if got is not None:
                    matches.append((other, got))
            earlier = [(o, g) for o, g in matches if _order(o) < _order(m)]
            if earlier:  # linked to the earliest appearance it matches
                first, got = min(earlier, key=lambda og: _order(og[0]))
                batch.link(_drift_link(first, m, *got))
            for other, got in matches:  # came earlier than mentions already linked
                if _order(other) > _order(m):
                    batch.link(_drift_link(m, other, *got))
        for m, keys in keyed:
            batch.add("quote", m.doc_id, keys, m, json.dumps(m.to_dict(), ensure_ascii=False))

    def _propagation(self, batch: _Batch, analysis: Analysis) -> None:
        assert self.passage_bands is not None and self.ratio is not None
        own = passages(analysis)
        keyed = [(p, self.passage_bands.keys(shingles(p.norm.split(), (3,)))) for p in own]
        pairs: dict[str, list[tuple[int, int, float]]] = defaultdict(list)
        by_key: dict[tuple[str, int], Passage] = {(p.doc_id, p.index): p for p in own}
        for p, keys in keyed:
            for doc, other in batch.candidates("passage", keys, Passage.from_dict,
                                               newest=False):  # fmt: skip
                if doc == p.doc_id:
                    continue
                sim = float(self.ratio(other.norm, p.norm))
                if sim >= _MIN_SIMILARITY:
                    pairs[doc].append((other.index, p.index, sim))
                    by_key[(doc, other.index)] = other
        sources = sorted(pairs, key=lambda d: (when_key(by_key[(d, pairs[d][0][0])].published), d))
        if len(sources) > self.max_sources:
            log.info("%s repeats passages of %d documents; linking the %d earliest",
                     analysis.document.id, len(sources), self.max_sources)  # fmt: skip
        for doc in sources[: self.max_sources]:
            for run in _runs(sorted(pairs[doc])):
                batch.link(passage_link(by_key, doc, analysis.document.id, run))
        for p, keys in keyed:
            batch.add("passage", p.doc_id, keys, p, json.dumps(p.to_dict(), ensure_ascii=False))


def link_store(
    store: Store,
    *,
    what: Iterable[str] = ALL,
    max_group: int = 300,
    max_sources: int = 10,
    batch_size: int = 100,
    rebuild: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
) -> LinkRun:
    """Link the stored documents not linked yet (all of them with ``rebuild``) and
    store the new links; return what was done.

    ``what`` picks comparisons among :data:`ALL`. ``max_group`` bounds the candidates
    fetched per blocking key (a very common name or a boilerplate sentence);
    ``max_sources`` the documents a new document's passages are linked to (the earliest
    published). ``on_progress(done, total)`` is called after each batch.
    """
    wanted = set(what)
    unknown = wanted - set(ALL)
    if unknown:
        raise ValueError(f"unknown comparison(s) {sorted(unknown)}; choose from {ALL}")
    names = [n for n in ALL if n in wanted]
    table = store.repository(CorpusIndexTable)
    if rebuild:
        table.clear([SPACES[n] for n in names], [k for n in names for k in KINDS[n]])
    else:
        old = [n for n in names if n in CURRENT and table.stale(SPACES[n], CURRENT[n])]
        if old:  # written by an older extractor: its keys no longer meet the new ones
            log.warning("re-extracting the %s index of %s (written by an older unspin)",
                        "/".join(old), store.url)  # fmt: skip
            table.clear([SPACES[n] for n in old], [k for n in old for k in KINDS[n]])
    todo: dict[str, list[str]] = {}
    for name in names:
        for doc_id in table.pending(SPACES[name]):
            todo.setdefault(doc_id, []).append(name)
    run = LinkRun(pending=len(todo))
    if not todo:
        return run
    linker = _Linker(wanted, max_group, max_sources)
    counts: Counter[str] = Counter()
    batch, size = _Batch(table, max_group), 0

    def flush() -> None:
        new = list(batch.links.values())
        table.write(batch.items, batch.indexed, [to_store_link(lk) for lk in new])
        counts.update(lk.kind for lk in new)
        run.documents += size
        if on_progress is not None:
            on_progress(run.documents, len(todo))

    for doc_id, what_for in todo.items():
        linker.document(batch, store.get_analysis(doc_id), what_for)
        size += 1
        if size >= batch_size or batch.full():  # memory stays bounded whatever the data
            flush()
            batch, size = _Batch(table, max_group), 0
    if size:
        flush()
    run.links = {k: counts[k] for k in LINK_KINDS if counts[k]}
    log.info("linked %d documents: %d links", run.documents, run.total)
    return run


def iter_corpus_links(
    store: Store, kinds: Iterable[str] | None = None, *, document_id: str | None = None
) -> Iterator[Link]:
    """The corpus links in the store, kind by kind (in ``kinds`` order, default
    :data:`~unspin.corpus.model.LINK_KINDS`), each kind in the order found, optionally
    only those touching one document."""
    for kind in kinds or LINK_KINDS:
        for record in store.iter_links(kind, document_id=document_id):
            link = from_store_link(record)
            if link is not None:
                yield link


def store_links(store: Store, doc_id: str, kind: str | None = None) -> Iterator[Link]:
    """The corpus links stored for one document (either side)."""
    return iter_corpus_links(store, None if kind is None else [kind], document_id=doc_id)


def store_report(store: Store, doc_id: str) -> DocumentReport:
    """:func:`~unspin.corpus.report.document_report` from the links in the store."""
    return document_report(doc_id, store_links(store, doc_id))
