"""Exports: stored documents (JSON Lines: one full analysis per line; CSV: metadata and
counts) and findings (one per line or row, with their document's metadata), to a stream
or to a file that appears whole or not at all."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, TextIO, TypeVar

from unspin.errors import ConfigError, StoreError
from unspin.files import csv_safe, write_atomic
from unspin.model import Analysis
from unspin.store.records import StoredFinding

__all__ = [
    "DOCUMENT_COLUMNS",
    "FINDING_COLUMNS",
    "ExportFormat",
    "ExportWhat",
    "export_documents",
    "export_findings",
    "export_to_file",
]

T = TypeVar("T")

ExportFormat = Literal["jsonl", "csv"]
ExportWhat = Literal["documents", "findings"]


def export_documents(out: TextIO, fmt: ExportFormat, analyses: Iterable[Analysis]) -> int:
    """Write analyses to ``out`` (a JSON line each, or a CSV row of metadata and counts);
    return how many were written."""
    return _export(out, fmt, DOCUMENT_COLUMNS, analyses, Analysis.to_dict, _document_row)


def export_findings(out: TextIO, fmt: ExportFormat, findings: Iterable[StoredFinding]) -> int:
    """Write findings with their document's metadata to ``out``; return how many."""
    return _export(out, fmt, FINDING_COLUMNS, findings, StoredFinding.to_dict, _finding_row)


def _export(
    out: TextIO,
    fmt: ExportFormat,
    columns: Sequence[str],
    records: Iterable[T],
    line: Callable[[T], Mapping[str, Any]],
    row: Callable[[T], Mapping[str, Any]],
) -> int:
    writer = _Writer(out, fmt, columns)
    count = 0
    for record in records:
        if fmt == "jsonl":
            writer.line(line(record))
        else:
            writer.row(row(record))
        count += 1
    return count


def export_to_file(path: str | Path, write: Callable[[TextIO], int]) -> int:
    """Run ``write`` on a file that appears at ``path`` whole, only when it succeeds
    (:func:`unspin.files.write_atomic`); return what ``write`` returned."""
    opened = False
    try:
        with write_atomic(path, newline="", make_parents=False) as out:
            opened = True
            return write(out)
    except OSError as exc:
        if opened:
            raise
        raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from None


DOCUMENT_COLUMNS = (
    "id",
    "title",
    "url",
    "outlet",
    "author",
    "published",
    "language",
    "source",
    "findings",
    "failures",
    "words",
)
FINDING_COLUMNS = (
    "document_id",
    "outlet",
    "published",
    "title",
    "id",
    "kind",
    "label",
    "start",
    "end",
    "score",
    "analyzer",
    "text",
    "rule",
    "speaker",
    "source_type",
)


class _Writer:
    def __init__(self, out: TextIO, fmt: ExportFormat, columns: Sequence[str]) -> None:
        if fmt not in ("jsonl", "csv"):
            raise ConfigError(f"unknown export format {fmt!r}; use jsonl or csv")
        self.out = out
        self.csv = csv.DictWriter(out, fieldnames=list(columns)) if fmt == "csv" else None
        if self.csv is not None:
            self.csv.writeheader()

    def line(self, record: Mapping[str, Any]) -> None:
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")

    def row(self, record: Mapping[str, Any]) -> None:
        assert self.csv is not None
        self.csv.writerow(csv_safe(record))


def _document_row(analysis: Analysis) -> dict[str, Any]:
    doc = analysis.document
    return {
        "id": doc.id,
        "title": doc.title,
        "url": doc.url,
        "outlet": doc.outlet,
        "author": doc.author,
        "published": doc.published,
        "language": doc.language,
        "source": doc.source,
        "findings": len(analysis.findings),
        "failures": len(analysis.failures),
        "words": len(doc.text.split()),
    }


def _finding_row(sf: StoredFinding) -> dict[str, Any]:
    f = sf.finding
    attrs = f.attributes
    speaker = attrs.get("name") if f.kind == "speaker" else attrs.get("speaker")
    return {
        "document_id": sf.document_id,
        "outlet": sf.outlet,
        "published": sf.published,
        "title": sf.title,
        "id": f.id,
        "kind": f.kind,
        "label": f.label,
        "start": f.start,
        "end": f.end,
        "score": f.score,
        "analyzer": f.analyzer,
        "text": f.text,
        "rule": f.explanation.rule,
        "speaker": speaker if isinstance(speaker, str) else None,
        "source_type": attrs.get("source_type") or (f.label if f.kind == "speaker" else None),
    }
