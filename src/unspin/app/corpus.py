"""The corpus store: open and close it, ingest, search, statistics, exports, errors."""

from __future__ import annotations

import contextlib
from collections.abc import Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, TextIO

from unspin.app.pipelines import ConfigSource, load_pipeline
from unspin.app.progress import Progress, ProgressEvent, notify
from unspin.app.ray_engine import check_engine, process_on_ray, ray_session
from unspin.app.workers import Outcome, process_in_workers
from unspin.errors import UnknownDocumentError
from unspin.model import Document
from unspin.pipeline import backbone_for_encoder
from unspin.store import (
    ErrorRecord,
    Filters,
    Hit,
    IngestReport,
    SearchMode,
    Store,
    StoreStats,
    count_inputs,
    ingest,
    open_store,
)

ExportFormat = Literal["jsonl", "csv"]
ExportWhat = Literal["documents", "findings"]

__all__ = [
    "IngestResult",
    "checked_document",
    "corpus_errors",
    "corpus_stats",
    "export_corpus",
    "ingest_paths",
    "opened_store",
    "search_corpus",
]


@contextlib.contextmanager
def opened_store(db: str | Path | None, *, create: bool = False) -> Iterator[Store]:
    """The store at ``db`` (None: ``$UNSPIN_DB``, else ``unspin.db``), closed afterwards.

    Without ``create`` a SQLite file that does not exist yet is an error."""
    with open_store(db, create=create) as store:
        yield store


def checked_document(store: Store, doc_id: str | None) -> str | None:
    """``doc_id`` when the store holds it (or it is None); else an UnknownDocumentError."""
    if doc_id is not None and not store.has_document(doc_id):
        raise UnknownDocumentError(f"no document {doc_id!r} in {store.url}")
    return doc_id


@dataclass(frozen=True)
class IngestResult:
    """An ingest run's report and the store it wrote to."""

    report: IngestReport
    url: str


def ingest_paths(
    db: str | Path | None,
    paths: Sequence[str | Path],
    config: ConfigSource = None,
    *,
    batch_size: int = 64,
    on_progress: Progress | None = None,
    workers: int | None = None,
    engine: str = "local",
    address: str | None = None,
) -> IngestResult:
    """Analyse inputs and store them (documents already stored are skipped, so a rerun
    resumes). Progress counts inputs handled of those found.

    With ``workers`` above 1 the documents are analysed in that many processes
    (:mod:`unspin.app.workers`); this process alone writes the store, in input order. A
    document whose worker died is recorded as an error (not stored: a rerun retries it).
    With ``engine="ray"`` they are analysed by Ray actors (:mod:`unspin.app.ray_engine`;
    ``workers`` of them, default one per CPU of the cluster at ``address``, or of a local
    cluster of ``workers`` CPUs started for the run); this process still writes the store.
    """
    check_engine(engine, workers, address)
    if engine == "ray":
        with ray_session(address, workers) as cpus:
            return _ingest(db, paths, config, batch_size, on_progress, workers or cpus, True)
    return _ingest(db, paths, config, batch_size, on_progress, workers or 1, False)


def _ingest(
    db: str | Path | None,
    paths: Sequence[str | Path],
    config: ConfigSource,
    batch_size: int,
    on_progress: Progress | None,
    workers: int,
    on_ray: bool,
) -> IngestResult:
    pipeline = load_pipeline(config)
    total = count_inputs(paths) if on_progress is not None else None
    notify(on_progress, ProgressEvent("ingesting", 0, total))

    def progress(report: IngestReport) -> None:
        counts = {
            "new": report.added + report.pending,
            "skipped": report.skipped,
            "errors": len(report.input_errors),
        }
        notify(on_progress, ProgressEvent("ingesting", report.handled, total, counts))

    running: list[Generator[Outcome, None, None]] = []

    def in_workers(documents: Iterable[Document]) -> Iterator[Outcome]:
        if on_ray:
            running.append(process_on_ray(pipeline.config, documents, workers))
        else:
            running.append(
                process_in_workers(pipeline.config, documents, workers, embed_sentences=True)
            )
        return running[-1]

    with opened_store(db, create=True) as store:
        try:
            report = ingest(
                store,
                paths,
                pipeline=pipeline,
                batch_size=batch_size,
                on_progress=progress,
                processor=None if workers == 1 and not on_ray else in_workers,
            )
        finally:
            for generator in running:  # stops the workers, also on Ctrl-C
                generator.close()
        return IngestResult(report, store.url)


def search_corpus(
    db: str | Path | None,
    query: str,
    filters: Filters | None = None,
    *,
    limit: int = 10,
    mode: SearchMode = "hybrid",
) -> list[Hit]:
    """Stored sentences ranked for ``query`` (keyword, semantic or both fused)."""
    with opened_store(db) as store:
        backbone = None if mode == "keyword" else backbone_for_encoder(store.encoder)
        return store.search(query, filters or Filters(), limit=limit, mode=mode, backbone=backbone)


def corpus_stats(db: str | Path | None) -> StoreStats:
    """Documents, findings by kind, documents per outlet."""
    with opened_store(db) as store:
        return store.stats()


def export_corpus(
    db: str | Path | None,
    out: TextIO | Path,
    *,
    fmt: ExportFormat = "jsonl",
    what: ExportWhat = "documents",
    filters: Filters | None = None,
) -> int:
    """Export documents or findings (JSON Lines or CSV) to a stream, or to a file that
    appears whole or not at all; return how many were written."""
    with opened_store(db) as store:
        if isinstance(out, Path):
            return store.export_file(out, fmt=fmt, what=what, filters=filters)
        return store.export(out, fmt=fmt, what=what, filters=filters)


def corpus_errors(db: str | Path | None) -> list[ErrorRecord]:
    """The inputs that could not be stored and the analyzer failures, as recorded."""
    with opened_store(db) as store:
        return list(store.iter_errors())
