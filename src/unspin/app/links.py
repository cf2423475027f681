"""Cross-document links over a store: link new documents, list contradictions, drifted
quotes and propagated passages, write reports with their corpus sections."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from unspin.app.corpus import checked_document, opened_store
from unspin.app.progress import Progress, ProgressEvent, notify
from unspin.app.ray_engine import check_engine, ray_map, ray_session
from unspin.corpus.audited import default_kinds
from unspin.corpus.model import LINK_KINDS, Link, Side
from unspin.corpus.report import DocumentReport
from unspin.corpus.sharding import Mapper
from unspin.corpus.store_adapter import ALL, LinkRun, iter_corpus_links, link_store, store_report
from unspin.corpus.views import in_context
from unspin.errors import ConfigError
from unspin.model import Analysis
from unspin.report import corpus_json_name, report_filename, write_report
from unspin.report.common import display_title
from unspin.store import Store

__all__ = [
    "COMPARISONS",
    "CONTRADICTION_KINDS",
    "DRIFTS",
    "VIEW_KINDS",
    "LinkListing",
    "LinkResult",
    "ReportResult",
    "link_corpus",
    "list_links",
    "shown_kinds",
    "write_corpus_reports",
]

#: The comparisons a link run can make.
COMPARISONS: tuple[str, ...] = tuple(ALL)
CONTRADICTION_KINDS = ("contradiction", "compatible", "update", "restatement", "differs")
DRIFTS = ("wording", "speaker", "occasion")
#: The link kinds each listing shows.
VIEW_KINDS: dict[str, tuple[str, ...]] = {
    "contradictions": CONTRADICTION_KINDS,
    "quotes": ("quote_drift",),
    "propagation": ("propagation",),
}


@dataclass(frozen=True)
class LinkResult:
    """What a link run did, and the store's URL."""

    run: LinkRun
    url: str


def _link_pending(
    store: Store,
    *,
    what: Sequence[str] | None = None,
    rebuild: bool = False,
    batch_size: int = 100,
    on_progress: Progress | None = None,
    mapper: Mapper | None = None,
    shards: int = 1,
) -> LinkRun:
    def step(done: int, total: int) -> None:
        notify(on_progress, ProgressEvent("linking", done, total))

    return link_store(
        store,
        what=what or ALL,
        rebuild=rebuild,
        batch_size=batch_size,
        on_progress=step,
        mapper=mapper,
        shards=shards,
    )


def link_corpus(
    db: str | Path | None,
    *,
    what: Sequence[str] | None = None,
    rebuild: bool = False,
    batch_size: int = 100,
    on_progress: Progress | None = None,
    engine: str = "local",
    address: str | None = None,
    workers: int | None = None,
) -> LinkResult:
    """Compare the stored documents not compared yet (every one with ``rebuild``) and
    store the links (incremental: a rerun compares only new documents).

    With ``engine="ray"`` the comparisons are sharded by blocking key and run as Ray
    tasks (:mod:`unspin.corpus.sharding`, :func:`~unspin.app.ray_engine.ray_map`) on the
    cluster at ``address`` or on a local one of ``workers`` CPUs started for the run;
    this process alone reads and writes the store. The links are those of a local run.
    """
    check_engine(engine, workers, address)
    with opened_store(db) as store, contextlib.ExitStack() as stack:
        mapper, shards = None, 1
        if engine == "ray":
            cpus = stack.enter_context(ray_session(address, workers))
            mapper, shards = ray_map, 4 * (workers or cpus)
        run = _link_pending(
            store, what=what, rebuild=rebuild, batch_size=batch_size, on_progress=on_progress,
            mapper=mapper, shards=shards,
        )  # fmt: skip
        return LinkResult(run, store.url)


@dataclass
class LinkListing:
    """The links of one listing, read lazily; ``context`` shows a side in its sentence."""

    links: Iterator[Link]
    context: Callable[[Side], str | None]
    #: The link run made first (None with ``link=False``), and the store's URL.
    run: LinkRun | None
    url: str
    #: The view's kinds left out because they are experimental (:mod:`unspin.corpus.audited`).
    left_out: tuple[str, ...] = ()


def shown_kinds(
    view: str, kinds: Iterable[str] | None = None, experimental: bool = False
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(kinds listed, kinds left out) of a view: the kinds asked for as asked; else the
    view's kinds whose audited precision on real news meets the bar, every one with
    ``experimental``."""
    if kinds:
        return tuple(dict.fromkeys(kinds)), ()
    every = VIEW_KINDS[view]
    shown = every if experimental else default_kinds(every)
    return shown, tuple(k for k in every if k not in shown)


@contextlib.contextmanager
def list_links(
    db: str | Path | None,
    view: str,
    *,
    kinds: Iterable[str] | None = None,
    document: str | None = None,
    min_score: float = 0.0,
    drift: Iterable[str] = (),
    limit: int | None = None,
    link: bool = True,
    on_progress: Progress | None = None,
    experimental: bool = False,
) -> Iterator[LinkListing]:
    """The ``view`` links (contradictions, quotes, propagation) of the store, filtered,
    while the store is open. With ``link`` the documents not compared yet are compared
    first (only for this view's comparison). Without ``kinds``, the view's experimental
    kinds (audited on real news under 0.8) are left out unless ``experimental``."""
    wanted, left_out = shown_kinds(view, kinds, experimental)
    drifts = set(drift)
    with opened_store(db) as store:

        @lru_cache(maxsize=64)
        def text_of(doc_id: str) -> str | None:
            try:
                return str(store.get_analysis(doc_id).document.text)
            except KeyError:
                return None

        def context(side: Side) -> str | None:
            text = text_of(side.doc_id)
            return None if text is None else in_context(side, text)

        checked = checked_document(store, document)
        run = _link_pending(store, what=[view], on_progress=on_progress) if link else None

        def links() -> Iterator[Link]:
            count = 0
            if not wanted:
                return
            for found in iter_corpus_links(store, wanted, document_id=checked):
                if found.score < min_score or (drifts and not drifts & set(found.differs)):
                    continue
                if limit is not None and count >= limit:
                    break
                count += 1
                yield found

        yield LinkListing(links(), context, run, store.url, left_out)


@dataclass(frozen=True)
class ReportResult:
    """Report files written, and the link run made first (None with ``link=False``)."""

    written: int
    run: LinkRun | None
    url: str


def write_corpus_reports(
    db: str | Path | None,
    output: Path,
    *,
    ids: Sequence[str] = (),
    every: bool = False,
    formats: Sequence[str] = ("html",),
    linked: bool = False,
    link: bool = True,
    on_progress: Progress | None = None,
    experimental: bool = False,
) -> ReportResult:
    """Write one report per stored document (``ids``, or ``every`` one) with a section
    listing its corpus links, linking to the other documents' reports in ``output``; the
    experimental link kinds only counted, unless ``experimental``."""
    if ids and every:
        raise ConfigError("give document ids or --all, not both")
    if not ids and not every:
        raise ConfigError(
            "give the ids of the documents to report on, or --all",
            hint="'unspin corpus search' and 'corpus export' show documents' ids",
        )
    formats = list(dict.fromkeys(formats or ["html"]))
    try:
        output.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"cannot create output folder {output}: {exc}") from None
    written = 0
    listed = set(LINK_KINDS if experimental else default_kinds(LINK_KINDS))

    def report_of(store: Store, doc_id: str) -> DocumentReport:
        return store_report(store, doc_id).only(listed)

    with opened_store(db) as store:
        wanted_ids = list(dict.fromkeys(ids))
        for doc_id in wanted_ids:
            checked_document(store, doc_id)
        run = _link_pending(store, on_progress=on_progress) if link else None
        if linked:
            for doc_id in list(wanted_ids):
                wanted_ids.extend(report_of(store, doc_id).other_documents)
            wanted_ids = list(dict.fromkeys(wanted_ids))
        wanted = None if every else set(wanted_ids)
        names: dict[tuple[str, str], str] = {}
        titles: dict[str, str] = {}  # other documents are shown by title, never by id

        def name(doc_id: str, fmt: str) -> str:
            """The file name of a document's report (read from the store once)."""
            if (doc_id, fmt) not in names:
                other = store.get_analysis(doc_id)
                titles[doc_id] = display_title(other)
                found = report_filename(other, fmt)
                names[(doc_id, fmt)] = corpus_json_name(found) if fmt == "json" else found
            return names[(doc_id, fmt)]

        analyses: Iterable[Analysis] = (
            store.iter_analyses() if every else map(store.get_analysis, wanted_ids)
        )
        for analysis in analyses:
            corpus = report_of(store, analysis.document.id)
            for fmt in formats:
                links = {
                    other: name(other, fmt)
                    for other in corpus.other_documents
                    if wanted is None or other in wanted or (output / name(other, fmt)).is_file()
                }
                write_report(analysis, output, fmt, links=links, corpus=corpus, titles=titles)
                written += 1
        return ReportResult(written, run, store.url)
