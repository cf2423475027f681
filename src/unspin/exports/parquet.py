"""Stored documents, sentences, findings and links as Parquet: one file per table in a
folder (``documents.parquet``, ``sentences.parquet``, ``findings.parquet``,
``links.parquet``), for data teams (pandas, DuckDB, Spark, Arrow).

The tables hold the selected documents (with their text), their sentences as stored
(offsets into the text), the selected findings (offsets, ``text`` = the document text
sliced by them, score, why, attributes as JSON text) and the stored links touching a
selected document. Offsets are Unicode code points (``text[start:end]`` in Python).
Rows are written in batches, so memory stays bounded however large the store. Needs
pyarrow (the ``exports`` extra).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from unspin.errors import MissingExtraError
from unspin.exports.select import Annotated, why
from unspin.model import Document, Finding
from unspin.store import Store

__all__ = ["COLUMNS", "TABLES", "ParquetResult", "write_parquet"]

#: Rows buffered per table before a batch is written.
BATCH = 2000

#: Each table's columns and their types (``str``, ``int``, ``float``; all nullable).
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (
        ("id", "str"),
        ("title", "str"),
        ("url", "str"),
        ("outlet", "str"),
        ("author", "str"),
        ("published", "str"),
        ("language", "str"),
        ("source", "str"),
        ("text", "str"),
        ("findings", "int"),
    ),
    "sentences": (
        ("document_id", "str"),
        ("index", "int"),
        ("start", "int"),
        ("end", "int"),
        ("text", "str"),
    ),
    "findings": (
        ("document_id", "str"),
        ("id", "str"),
        ("kind", "str"),
        ("label", "str"),
        ("start", "int"),
        ("end", "int"),
        ("text", "str"),
        ("score", "float"),
        ("analyzer", "str"),
        ("analyzer_version", "str"),
        ("rule", "str"),
        ("why", "str"),
        ("attributes", "str"),
    ),
    "links": (
        ("kind", "str"),
        ("source_document", "str"),
        ("source_finding", "str"),
        ("target_document", "str"),
        ("target_finding", "str"),
        ("score", "float"),
        ("attributes", "str"),
    ),
}
TABLES = tuple(COLUMNS)


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise MissingExtraError(exc.name or "pyarrow", "exports") from None
    return pa, pq


@dataclass
class ParquetResult:
    """Rows written per table."""

    rows: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))


class _Table:
    """One table's file, written in batches to a temporary name, renamed when done."""

    def __init__(self, folder: Path, name: str, pa: Any, pq: Any) -> None:
        self.name = name
        self.path = folder / f"{name}.parquet"
        self.pa = pa
        kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64()}
        self.schema = pa.schema([(c, kinds[t]) for c, t in COLUMNS[name]])
        fd, tmp = tempfile.mkstemp(prefix=".unspin-", suffix=".parquet", dir=folder)
        os.close(fd)
        self.tmp = Path(tmp)
        self.writer = pq.ParquetWriter(str(self.tmp), self.schema)
        self.rows: list[dict[str, Any]] = []
        self.count = 0

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        self.count += 1
        if len(self.rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(self.pa.Table.from_pylist(self.rows, schema=self.schema))
            self.rows = []

    def close(self) -> None:
        self.flush()
        self.writer.close()
        os.chmod(self.tmp, 0o644)
        os.replace(self.tmp, self.path)

    def abandon(self) -> None:
        try:
            self.writer.close()
        finally:
            self.tmp.unlink(missing_ok=True)


def _document_row(doc: Document, findings: int) -> dict[str, Any]:
    return {**doc.to_dict(), "findings": findings}


def _finding_row(doc: Document, f: Finding) -> dict[str, Any]:
    return {
        "document_id": doc.id,
        "id": f.id,
        "kind": f.kind,
        "label": f.label,
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "score": f.score,
        "analyzer": f.analyzer,
        "analyzer_version": f.analyzer_version,
        "rule": f.explanation.rule,
        "why": why(f),
        "attributes": json.dumps(f.to_dict()["attributes"], ensure_ascii=False, sort_keys=True),
    }


def _sentences(store: Store, document_id: str) -> list[tuple[Any, ...]]:
    return store.sql.all(
        "SELECT s.idx, s.start_char, s.end_char, s.text FROM sentences s "
        "JOIN documents d ON d.key = s.doc WHERE d.id = ? ORDER BY s.idx",
        [document_id],
    )


def _write(tables: dict[str, _Table], store: Store, documents: Iterable[Annotated]) -> None:
    exported: set[str] = set()
    for item in documents:
        doc = item.document
        exported.add(doc.id)
        tables["documents"].add(_document_row(doc, len(item.findings)))
        for idx, start, end, text in _sentences(store, doc.id):
            tables["sentences"].add(
                {"document_id": doc.id, "index": idx, "start": start, "end": end, "text": text}
            )
        for f in item.findings:
            tables["findings"].add(_finding_row(doc, f))
    for link in store.iter_links():
        if link.source_document in exported or link.target_document in exported:
            row = link.to_dict()
            row["attributes"] = json.dumps(row["attributes"], ensure_ascii=False, sort_keys=True)
            tables["links"].add(row)


def write_parquet(folder: Path, store: Store, documents: Iterable[Annotated]) -> ParquetResult:
    """Write the four tables into ``folder`` (made if missing; each file appears whole,
    replacing one of the same name, only when every table was written)."""
    pa, pq = _pyarrow()
    folder.mkdir(parents=True, exist_ok=True)
    tables: dict[str, _Table] = {}
    try:
        for name in TABLES:
            tables[name] = _Table(folder, name, pa, pq)
        _write(tables, store, documents)
        for table in tables.values():
            table.flush()
    except BaseException:
        for table in tables.values():
            table.abandon()
        raise
    for table in tables.values():
        table.close()
    return ParquetResult({name: t.count for name, t in tables.items()})
