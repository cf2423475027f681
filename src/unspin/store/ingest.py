"""Ingest: read inputs, analyse the documents a store lacks, write them in batches.

Idempotent and resumable: a document's id is the hash of its text, ids already stored
are skipped *before* analysis (so a rerun after a crash only analyses what is missing),
and each batch is one transaction (a document is stored with all its findings and
sentences, or not at all). Inputs that cannot be read and analyzers that failed on a
document are recorded in the store's ``errors`` table and returned; the batch goes on.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from unspin.config import Config, load_config
from unspin.errors import InputError, UnspinError
from unspin.ingest import JSONL_SUFFIXES, TEXT_SUFFIXES, iter_documents
from unspin.language import skipped_line
from unspin.model import Document
from unspin.pipeline import Pipeline, Processed, encoder_name
from unspin.store.base import Store
from unspin.store.records import ErrorRecord
from unspin.store.rows import DocumentRows, prepare

__all__ = ["IngestReport", "count_inputs", "ingest"]

log = logging.getLogger(__name__)

#: Documents per transaction unless told otherwise.
DEFAULT_BATCH = 64

Item = str | Path | Document | InputError

#: Runs the pipeline over the documents to store, in place of ``pipeline.process`` (e.g.
#: in worker processes): yields, in input order, each document's Processed with its
#: sentence embeddings, or the document with the error that left it unanalysed.
Processor = Callable[[Iterable[Document]], Iterable[Processed | tuple[Document, InputError]]]


@dataclass
class IngestReport:
    """What one ingest run did."""

    added: int = 0
    skipped: int = 0
    input_errors: list[ErrorRecord] = field(default_factory=list)
    analyzer_failures: list[ErrorRecord] = field(default_factory=list)
    #: One line per document not in English, naming the analyzers skipped for it.
    languages: list[str] = field(default_factory=list)
    seconds: float = 0.0
    #: Analysed documents waiting for their batch to be written.
    pending: int = 0

    @property
    def handled(self) -> int:
        """Inputs dealt with so far: stored (or about to be), skipped, or unreadable."""
        return self.added + self.pending + self.skipped + len(self.input_errors)

    @property
    def ok(self) -> bool:
        return not self.input_errors and not self.analyzer_failures

    @property
    def rate(self) -> float:
        """Documents added per second."""
        return self.added / self.seconds if self.seconds else 0.0


def count_inputs(paths: Iterable[str | Path]) -> int | None:
    """How many documents the paths hold, roughly (JSON Lines: non-blank lines), without
    decoding them; None when unknown (stdin)."""
    total = 0
    for raw in paths:
        if str(raw) == "-":
            return None
        path = Path(raw)
        if path.is_dir():
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for name in filenames:
                    p = Path(dirpath) / name
                    if not name.startswith(".") and p.suffix.lower() in TEXT_SUFFIXES:
                        total += _count_file(p)
        else:
            total += _count_file(path)
    return total


def _count_file(path: Path) -> int:
    if path.suffix.lower() not in JSONL_SUFFIXES:
        return 1
    try:
        with path.open("rb") as fh:
            return sum(1 for line in fh if line.strip()) or 1
    except OSError:
        return 1


def _error(exc: InputError) -> ErrorRecord:
    message = str(exc)
    if exc.source and message.startswith(f"{exc.source}: "):
        message = message[len(exc.source) + 2 :]
    return ErrorRecord(exc.source or "<input>", type(exc).__name__, message)


def ingest(
    store: Store,
    items: Iterable[Item],
    *,
    pipeline: Pipeline | None = None,
    config: Config | str | Path | None = None,
    batch_size: int = DEFAULT_BATCH,
    on_progress: Callable[[IngestReport], None] | None = None,
    processor: Processor | None = None,
) -> IngestReport:
    """Analyse and store documents: paths (files, folders, ``-``), :class:`Document` s, or
    the :class:`InputError` s a loader yielded.

    Documents already in the store are skipped before analysis; every ``batch_size``
    analysed documents are written in one transaction. ``on_progress`` is called with
    the running report after each input. ``processor`` replaces this process's
    ``pipeline.process`` (which still names the encoder and the input size limit).
    """
    if pipeline is None:
        pipeline = Pipeline(load_config(config))
    store.bind_encoder(encoder_name(pipeline.backbone))
    max_bytes = pipeline.config.max_bytes
    report = IngestReport()
    started = time.perf_counter()
    pending_errors: list[ErrorRecord] = []
    in_flight: set[str] = set()

    def progress() -> None:
        report.seconds = time.perf_counter() - started
        if on_progress is not None:
            on_progress(report)

    def on_error(item: InputError) -> None:
        error = _error(item)
        log.debug("input error: %s", error)
        report.input_errors.append(error)
        pending_errors.append(error)
        progress()

    def fresh(chunk: list[Document]) -> Iterator[Document]:
        known = store.existing(d.id for d in chunk)
        for d in chunk:
            if d.id in known or d.id in in_flight:
                report.skipped += 1
                progress()
                continue
            in_flight.add(d.id)
            yield d

    def documents() -> Iterator[Document]:
        chunk: list[Document] = []
        for item in iter_documents(items, on_error=on_error, max_bytes=max_bytes):
            chunk.append(item)
            if len(chunk) >= batch_size:
                yield from fresh(chunk)
                chunk = []
        yield from fresh(chunk)

    batch: list[DocumentRows] = []

    def commit() -> None:
        if batch or pending_errors:
            added = store.write(batch, pending_errors)
            report.added += added
            report.skipped += len(batch) - added
            for rows in batch:
                in_flight.discard(rows.document.id)
            batch.clear()
            report.pending = 0
            pending_errors.clear()
            progress()

    def unstored(error: ErrorRecord) -> None:
        report.input_errors.append(error)
        pending_errors.append(error)
        in_flight.discard(str(error.document_id))
        progress()

    if processor is None:
        outcomes: Iterable[Processed | tuple[Document, InputError]] = pipeline.process(
            documents(), batch_size=min(batch_size, 16), embed_sentences=True
        )
    else:
        outcomes = processor(documents())
    for processed in outcomes:
        if isinstance(processed, tuple):
            unstored(dataclasses.replace(_error(processed[1]), document_id=processed[0].id))
            continue
        doc = processed.analysis.document
        where = doc.source or doc.id
        try:
            rows = prepare(processed)
        except UnspinError as exc:
            unstored(ErrorRecord(where, type(exc).__name__, str(exc), doc.id))
            continue
        note = skipped_line(processed.analysis)
        if note:
            report.languages.append(note)
        for failure in processed.analysis.failures:
            error = ErrorRecord(
                where, failure.error, f"{failure.analyzer}: {failure.message}", doc.id
            )
            report.analyzer_failures.append(error)
            pending_errors.append(error)
        batch.append(rows)
        report.pending = len(batch)
        if len(batch) >= batch_size:
            commit()
        else:
            progress()
    commit()
    report.seconds = time.perf_counter() - started
    return report
