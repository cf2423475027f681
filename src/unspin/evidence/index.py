"""The evidence store: trusted documents split into passages, searchable by claim.

``unspin evidence add PATH... --db URL`` (or :meth:`EvidenceIndex.add`) reads anything the
ingest layer reads (text, Markdown, HTML, JSON Lines), splits each document into
*passages* (windows of up to ``window`` consecutive sentences of the backbone's parse,
one window starting at every sentence, at most ``max_chars`` characters unless one
sentence is longer; by default one sentence each) and stores them with their character
offsets, a full-text index and their MiniLM embeddings, in the tables of store migration 4
(``evidence_documents``, ``evidence_passages``; SQLite: FTS5 + a sqlite-vec sign sketch,
PostgreSQL: tsvector + pgvector). A document's id is the hash of its text, so adding a
document twice stores it once. Documents are parsed, embedded and written a batch at a time
(one transaction per batch); a file that cannot be read is reported in one line and the
batch goes on.

:meth:`EvidenceIndex.search` ranks passages for a claim like the corpus search ranks
sentences: a keyword ranking (BM25 / ``ts_rank`` over the words of the claim) and a vector
ranking (cosine similarity of the embeddings) fused by reciprocal rank fusion (k = 60);
every result also carries its exact cosine similarity to the claim.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.errors import InputError, StoreError
from unspin.evidence.tables import EvidencePassage, EvidenceTable, PassageRow
from unspin.ingest import DEFAULT_MAX_BYTES, iter_documents
from unspin.model import Document
from unspin.nlp import Backbone, Parsed
from unspin.pipeline import encoder_name
from unspin.store import ErrorRecord, Store
from unspin.store.ranking import fuse, query_terms
from unspin.store.sql import now

__all__ = [
    "AddReport",
    "EvidenceIndex",
    "EvidencePassage",
    "RetrievedPassage",
    "passage_spans",
]

log = logging.getLogger(__name__)

#: Sentences per passage window (1: one passage per sentence, like the single evidence
#: sentences the stance model was trained on), and the longest window made of several.
WINDOW = 1
MAX_CHARS = 600
#: Documents parsed, embedded and written per transaction.
BATCH = 32


def passage_spans(
    parsed: Parsed, *, window: int = WINDOW, max_chars: int = MAX_CHARS
) -> list[tuple[int, int]]:
    """Character spans of the passages of a parsed text: one window per starting sentence.

    A window holds up to ``window`` sentences, fewer when they would exceed ``max_chars``;
    a window wholly inside the previous one is dropped (the last sentences of a text).
    """
    sents = parsed.sentences
    spans: list[tuple[int, int]] = []
    for i, first in enumerate(sents):
        end = first.end
        for nxt in sents[i + 1 : i + window]:
            if nxt.end - first.start > max_chars:
                break
            end = nxt.end
        if spans and end <= spans[-1][1]:
            continue
        spans.append((first.start, end))
    return spans


@dataclass(frozen=True)
class RetrievedPassage:
    """A passage found for a claim, with why it ranks where it does."""

    passage: EvidencePassage
    score: float  # reciprocal-rank-fusion score
    similarity: float  # exact cosine similarity of the claim and passage embeddings
    keyword_rank: int | None = None
    semantic_rank: int | None = None
    embedding: NDArray[Any] | None = field(default=None, repr=False, compare=False)


@dataclass
class AddReport:
    """What :meth:`EvidenceIndex.add` did."""

    added: int = 0
    skipped: int = 0
    passages: int = 0
    errors: list[ErrorRecord] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors


Item = str | Path | Document | InputError


def _error(exc: InputError) -> ErrorRecord:
    message = str(exc)
    if exc.source and message.startswith(f"{exc.source}: "):
        message = message[len(exc.source) + 2 :]
    return ErrorRecord(exc.source or "<input>", type(exc).__name__, message)


class EvidenceIndex:
    """Evidence passages in a store (SQLite or PostgreSQL, migration 4), embedded by
    ``backbone``; the rows are read and written through ``store.repository(EvidenceTable)``."""

    def __init__(self, store: Store, backbone: Backbone, *, window: int = WINDOW) -> None:
        if store.schema_version < 4:
            raise StoreError(f"{store.url} cannot hold evidence (needs store schema 4)")
        self.store = store
        self.table = store.repository(EvidenceTable)
        self.backbone = backbone
        self.window = window

    # -- writing -----------------------------------------------------------------------

    def add(
        self,
        items: Iterable[Item],
        *,
        batch_size: int = BATCH,
        max_bytes: int = DEFAULT_MAX_BYTES,
        on_progress: Callable[[AddReport], None] | None = None,
    ) -> AddReport:
        """Index documents (paths, :class:`Document` s, or a loader's errors)."""
        self.store.bind_encoder(encoder_name(self.backbone))
        report = AddReport()
        started = time.perf_counter()
        batch: list[Document] = []
        seen: set[str] = set()

        def flush() -> None:
            if batch:
                self._write(batch, report)
                batch.clear()
            report.seconds = time.perf_counter() - started
            if on_progress is not None:
                on_progress(report)

        def on_error(item: InputError) -> None:
            report.errors.append(_error(item))
            log.debug("evidence input error: %s", item)

        for item in iter_documents(items, on_error=on_error, max_bytes=max_bytes):
            if item.id in seen:
                report.skipped += 1
                continue
            seen.add(item.id)
            batch.append(item)
            if len(batch) >= batch_size:
                flush()
        flush()
        return report

    def _write(self, docs: Sequence[Document], report: AddReport) -> None:
        table = self.table
        known = table.existing([d.id for d in docs])
        fresh = [d for d in docs if d.id not in known]
        report.skipped += len(docs) - len(fresh)
        if not fresh:
            return
        parsed = self.backbone.parse_many([d.text for d in fresh])
        spans = [passage_spans(p, window=self.window) for p in parsed]
        texts = [d.text[s:e] for d, sp in zip(fresh, spans, strict=True) for s, e in sp]
        vectors = np.asarray(self.backbone.embed(texts), dtype=np.float32)
        stamp = now()
        with table.sql.transaction():
            # another process may have added some of them since the check above
            again = table.existing([d.id for d in fresh])
            doc_keys = table.document_keys(len(fresh))
            passage_ids = iter(table.passage_ids(len(texts)))
            doc_rows, rows = [], []
            cursor = 0
            for key, doc, sp in zip(doc_keys, fresh, spans, strict=True):
                n = len(sp)
                if doc.id in again:
                    cursor += n
                    for _ in range(n):
                        next(passage_ids)
                    report.skipped += 1
                    continue
                doc_rows.append(
                    (key, doc.id, doc.title, doc.url, doc.outlet, doc.published, doc.source,
                     doc.text, n, stamp)
                )  # fmt: skip
                for idx, (s, e) in enumerate(sp):
                    row: PassageRow = (next(passage_ids), key, idx, s, e, texts[cursor],
                                       vectors[cursor])  # fmt: skip
                    rows.append(row)
                    cursor += 1
                report.added += 1
                report.passages += n
            table.insert(doc_rows, rows)

    # -- reading -----------------------------------------------------------------------

    def counts(self) -> tuple[int, int]:
        """How many evidence documents and passages the store holds."""
        return self.table.counts()

    def holds_passages(self) -> bool:
        """Whether the store holds any passage."""
        return self.table.holds_passages()

    def search(
        self, query: str, *, limit: int = 5, vector: NDArray[Any] | None = None
    ) -> list[RetrievedPassage]:
        """The ``limit`` best passages for a claim (hybrid: keyword + vector, fused).

        ``vector`` is the claim's embedding by the store's encoder (computed when absent).
        """
        if limit <= 0 or not query.strip():
            return []
        depth = max(3 * limit, 20)
        terms = query_terms(query)
        if vector is None:
            vector = np.asarray(self.backbone.embed([query]), dtype=np.float32)[0]
        vector = np.asarray(vector, dtype=np.float32)
        keyword = self.table.keyword(terms, depth) if terms else []
        semantic = self.table.semantic(vector, depth)
        fused = fuse([pid for pid, _ in keyword], [pid for pid, _ in semantic])[:limit]
        if not fused:
            return []
        k_rank = {pid: i for i, (pid, _) in enumerate(keyword, start=1)}
        s_rank = {pid: i for i, (pid, _) in enumerate(semantic, start=1)}
        rows = self.table.passages([pid for pid, _ in fused])
        out = []
        for pid, score in fused:
            row = rows.get(pid)
            if row is None:  # pragma: no cover - removed between the two queries
                continue
            passage, embedding = row
            sim = float(embedding @ vector) if embedding is not None else 0.0
            out.append(
                RetrievedPassage(passage, score, sim, k_rank.get(pid), s_rank.get(pid), embedding)
            )
        return out
