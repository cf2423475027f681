"""Analysing documents: inputs to analyses, with the inputs that could not be read and
the analyzer failures collected as data."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unspin.app.pipelines import ConfigSource, load_pipeline
from unspin.app.progress import Progress, ProgressEvent, notify
from unspin.app.workers import check_workers, process_in_workers
from unspin.errors import InputError, UnsupportedInputError
from unspin.files import write_atomic
from unspin.ingest import JSONL_SUFFIXES, iter_documents, load_text
from unspin.language import skipped_line
from unspin.model import Analysis, Document

__all__ = [
    "AnalyzeRun",
    "Input",
    "analyze_input",
    "analyze_paths",
    "may_hold_several",
]

log = logging.getLogger("unspin")

#: What can be analysed: a path (``"-"``: stdin), a document, or a loader's error.
Input = Path | str | Document | InputError


@dataclass
class AnalyzeRun:
    """A lazy run: iterate :attr:`analyses`; :attr:`errors` (inputs that could not be
    read), :attr:`failures` (one line per analyzer failure) and :attr:`languages` (one
    line per document not in English, naming the analyzers skipped) fill up as it goes."""

    analyses: Iterator[Analysis]
    errors: list[InputError] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    count: int = 0
    failed_documents: int = 0


def write_error_log(path: Path, run: AnalyzeRun, unwritten: Iterable[str] = ()) -> Path:
    """Write ``errors.jsonl`` (beside the reports): one JSON line per input that could not
    be read (its source and error), per analyzer failure and per report that could not be
    written. Raises :class:`OSError` when the file cannot be written."""
    lines: list[dict[str, Any]] = [
        {"kind": type(e).__name__, "source": e.source, "error": str(e)} for e in run.errors
    ]
    lines += [{"kind": "AnalyzerFailure", "error": m} for m in run.failures]
    lines += [{"kind": "WriteError", "error": m} for m in unwritten]
    with write_atomic(path) as fh:
        fh.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in lines)
    return path


def analyze_paths(
    inputs: Iterable[Input],
    config: ConfigSource = None,
    *,
    on_progress: Progress | None = None,
    workers: int = 1,
) -> AnalyzeRun:
    """Analyse files, directories, ``"-"`` (stdin) or documents with the cached pipeline
    of ``config`` (built now, so a bad configuration fails before any input is read).

    With ``workers`` above 1 the documents are analysed in that many processes
    (:mod:`unspin.app.workers`), each with its own pipeline; analyses still come in input
    order, and a document whose worker died is one more entry in :attr:`AnalyzeRun.errors`.
    """
    check_workers(workers)
    pipeline = load_pipeline(config)
    errors: list[InputError] = []

    def on_error(error: InputError) -> None:
        errors.append(error)
        log.debug("input error: %s", error)

    documents = iter_documents(
        _local(inputs, on_error), on_error=on_error, max_bytes=pipeline.config.max_bytes
    )
    run = AnalyzeRun(iter(()), errors)

    def outcomes() -> Iterator[Analysis | InputError]:
        if workers == 1:
            yield from pipeline.analyze_many(documents)
            return
        with contextlib.closing(process_in_workers(pipeline.config, documents, workers)) as out:
            for outcome in out:
                yield outcome[1] if isinstance(outcome, tuple) else outcome.analysis

    def analyses() -> Iterator[Analysis]:
        for analysis in outcomes():
            if isinstance(analysis, InputError):
                on_error(analysis)
                notify(
                    on_progress,
                    ProgressEvent("analysing", run.count, None, {"errors": len(errors)}),
                )
                continue
            run.count += 1
            if analysis.failures:
                run.failed_documents += 1
                where = analysis.document.source or analysis.document.id
                run.failures.extend(
                    f"{where}: {f.analyzer}: {f.message}" for f in analysis.failures
                )
            note = skipped_line(analysis)
            if note:
                run.languages.append(note)
            notify(
                on_progress, ProgressEvent("analysing", run.count, None, {"errors": len(errors)})
            )
            yield analysis

    run.analyses = analyses()
    return run


_URL = re.compile(r"[a-z][a-z0-9+.-]*://", re.I)


def _local(inputs: Iterable[Input], on_error: Callable[[InputError], None]) -> Iterator[Input]:
    """``inputs`` without the web addresses (no file by that name): each is an error
    saying unspin reads no URL (it said "https:/host/page: no such file or directory")."""
    for item in inputs:
        if isinstance(item, str) and _URL.match(item) and not os.path.exists(item):
            on_error(
                UnsupportedInputError(
                    "a web address: unspin fetches nothing from the network",
                    source=item,
                    hint="save the page first, e.g. with curl -o page.html URL, and give that file",
                )
            )
            continue
        yield item


def may_hold_several(path: str) -> bool:
    """A directory, a JSON Lines file or stdin may hold several documents."""
    return path == "-" or Path(path).is_dir() or Path(path).suffix.lower() in JSONL_SUFFIXES


def _looks_like_path(value: str) -> bool:
    return len(value) < 4096 and "\n" not in value and os.path.isfile(value)


def analyze_input(
    text_or_path: str | Path | Document, config: ConfigSource = None, **metadata: Any
) -> Analysis:
    """Analyse one article: a text, a path to a file (its first document) or a Document.

    ``metadata`` applies to a text given directly. Raises
    :class:`~unspin.errors.InputError` for unusable input.
    """
    pipeline = load_pipeline(config)
    max_bytes = pipeline.config.max_bytes
    if isinstance(text_or_path, Document):
        document = text_or_path
    elif isinstance(text_or_path, Path) or _looks_like_path(text_or_path):
        path = Path(text_or_path)
        first = next(iter_documents([path], on_error=_raise, max_bytes=max_bytes), None)
        if first is None:
            raise InputError("no document found", source=str(text_or_path))
        document = first
    else:
        document = load_text(text_or_path, max_bytes=max_bytes, **metadata)
    return pipeline.analyze(document)


def _raise(error: InputError) -> None:
    raise error
