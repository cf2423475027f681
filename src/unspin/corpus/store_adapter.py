"""The corpus comparisons over a store (:mod:`unspin.store`): compute, keep, read back.

::

    from unspin.store import open_store
    from unspin.corpus.store_adapter import link_store, store_report

    with open_store("corpus.db") as store:
        run = link_store(store)                    # only the documents not linked yet
        print(run.documents, run.links)            # 12, {"contradiction": 3, ...}
        report = store_report(store, doc_id)       # the links one document's report shows

**Stores indexed by an older unspin** (slots of an older
:data:`~unspin.corpus.model.SLOT_FORMAT`, quotations without their content words, passages
without their document's topic words) are
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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from unspin.corpus.comparing import (
    ALL,
    KINDS,
    SPACES,
    Comparer,
    Keyed,
    passage_links,
    quote_links,
)
from unspin.corpus.model import LINK_KINDS, SLOT_FORMAT, Link, Side, slot_from_dict
from unspin.corpus.propagation import Passage
from unspin.corpus.quotes import QuoteMention
from unspin.corpus.report import DocumentReport, document_report
from unspin.corpus.sharding import Mapper, link_sharded
from unspin.corpus.tables import CorpusIndexTable, CorpusItem
from unspin.errors import SchemaError
from unspin.model import Analysis
from unspin.store import StoredLink, documents_by_id

if TYPE_CHECKING:
    from unspin.store import Store

__all__ = [
    "ALL",
    "LinkRun",
    "current_outlets",
    "from_store_link",
    "iter_corpus_links",
    "link_store",
    "store_links",
    "store_report",
    "to_store_link",
]

log = logging.getLogger(__name__)

#: What every item written by this version holds in its JSON, per comparison: a store
#: whose items lack it was indexed by an older extractor (other keys, fewer fields), and
#: the next link run re-extracts that comparison's index and links from the analyses.
CURRENT: dict[str, str] = {
    "contradictions": f'"format": {SLOT_FORMAT}',
    "quotes": '"speaker_quotes":',
    "propagation": '"topic":',
}

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
    """Links each document, in turn, with the items indexed before it."""

    def __init__(self, wanted: set[str], max_group: int, max_sources: int) -> None:
        self.comparer = Comparer(wanted, max_group)
        self.max_sources = max_sources

    def document(self, batch: _Batch, analysis: Analysis, what: Iterable[str]) -> None:
        doc_id = analysis.document.id
        for name in what:
            own, keyed = self.comparer.items(analysis, name)
            for link in own:
                batch.link(link)
            space = SPACES[name]
            getattr(self, f"_{space}")(batch, keyed)
            for k in keyed:
                batch.add(space, doc_id, k.keys, k.obj, k.payload())
            batch.indexed.append((doc_id, space))

    def _slot(self, batch: _Batch, keyed: list[Keyed]) -> None:
        seen: set[tuple[str, str]] = set()
        for k in keyed:
            for doc, other in batch.candidates("slot", k.keys, slot_from_dict):
                if doc == k.doc_id or (other.uid, k.obj.uid) in seen:
                    continue
                seen.add((other.uid, k.obj.uid))
                batch.link(self.comparer.compare("slot", other, k.obj))

    def _quote(self, batch: _Batch, keyed: list[Keyed]) -> None:
        for k in keyed:
            matches: list[tuple[QuoteMention, Any]] = []
            for doc, other in batch.candidates("quote", k.keys, QuoteMention.from_dict,
                                               newest=False):  # fmt: skip
                if doc != k.doc_id:
                    got = self.comparer.compare("quote", other, k.obj)
                    if got is not None:
                        matches.append((other, got))
            for link in quote_links(k.obj, matches):
                batch.link(link)

    def _passage(self, batch: _Batch, keyed: list[Keyed]) -> None:
        matches: list[tuple[Passage, Passage, float]] = []
        for k in keyed:
            for doc, other in batch.candidates("passage", k.keys, Passage.from_dict,
                                               newest=False):  # fmt: skip
                if doc != k.doc_id:
                    sim = self.comparer.compare("passage", other, k.obj)
                    if sim is not None:
                        matches.append((k.obj, other, sim))
        if matches:
            for link in passage_links(keyed[0].doc_id, matches, self.max_sources):
                batch.link(link)


def link_store(
    store: Store,
    *,
    what: Iterable[str] = ALL,
    max_group: int = 300,
    max_sources: int = 10,
    batch_size: int = 100,
    rebuild: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
    mapper: Mapper | None = None,
    shards: int = 1,
    segment: int = 500,
) -> LinkRun:
    """Link the stored documents not linked yet (all of them with ``rebuild``) and
    store the new links; return what was done.

    ``what`` picks comparisons among :data:`ALL`. ``max_group`` bounds the candidates
    fetched per blocking key (a very common name or a boilerplate sentence);
    ``max_sources`` the documents a new document's passages are linked to (the earliest
    published). ``on_progress(done, total)`` is called after each batch. With a
    ``mapper`` the comparisons run sharded by blocking key in ``shards`` pieces, a
    ``segment`` of documents at a time (:mod:`unspin.corpus.sharding`): the same links.
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
        if "propagation" in wanted and (moved := table.moved(SPACES["propagation"])):
            # passages are linked by outlet (one shared sentence only across outlets, an
            # outlet's own furniture): a document whose outlet changed is linked again
            log.info("relinking the passages of %d document(s) whose outlet changed", len(moved))
            table.forget(moved, SPACES["propagation"], KINDS["propagation"])
    todo: dict[str, list[str]] = {}
    for name in names:
        for doc_id in table.pending(SPACES[name]):
            todo.setdefault(doc_id, []).append(name)
    run = LinkRun(pending=len(todo))
    if not todo:
        return run
    if mapper is not None:
        run.documents, counts = link_sharded(
            table, todo, store.get_analysis, to_store_link, wanted=names, mapper=mapper,
            shards=shards, max_group=max_group, max_sources=max_sources,
            batch_size=batch_size, segment=segment, on_progress=on_progress,
        )  # fmt: skip
        run.links = {k: counts[k] for k in LINK_KINDS if counts[k]}
        log.info("linked %d documents in %d shards: %d links", run.documents, shards, run.total)
        return run
    linker = _Linker(wanted, max_group, max_sources)
    counts = Counter[str]()
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
        batch: list[Link] = []
        for record in store.iter_links(kind, document_id=document_id):
            link = from_store_link(record)
            if link is not None:
                batch.append(link)
            if len(batch) >= _OUTLET_BATCH:
                yield from current_outlets(store, batch)
                batch = []
        yield from current_outlets(store, batch)


#: Links read at a time when their documents' current outlets are looked up.
_OUTLET_BATCH = 500


def current_outlets(store: Store, links: Sequence[Link]) -> list[Link]:
    """``links`` with each side under the outlet its document is stored under now (a link
    keeps the outlets of when it was made; documents of a site move to the name one of
    them gives, :mod:`unspin.store.outlet_names`)."""
    if not links:
        return []
    ids = {side.doc_id for link in links for side in (link.a, link.b)}
    outlets = {doc_id: doc.outlet for doc_id, doc in documents_by_id(store, ids).items()}
    return [link.with_outlets(outlets) for link in links]


def store_links(store: Store, doc_id: str, kind: str | None = None) -> Iterator[Link]:
    """The corpus links stored for one document (either side)."""
    return iter_corpus_links(store, None if kind is None else [kind], document_id=doc_id)


def store_report(store: Store, doc_id: str) -> DocumentReport:
    """:func:`~unspin.corpus.report.document_report` from the links in the store."""
    return document_report(doc_id, store_links(store, doc_id))
