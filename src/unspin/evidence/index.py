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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from unspin.errors import InputError, StoreError
from unspin.ingest import DEFAULT_MAX_BYTES, load_path
from unspin.model import Document
from unspin.nlp import EMBEDDING_DIM, Backbone, Parsed
from unspin.store._sql import SQLStore, chunks, marks, now
from unspin.store.base import ErrorRecord, Store, _fuse, encoder_name, query_terms
from unspin.store.rows import sketch

__all__ = [
    "AddReport",
    "EvidenceIndex",
    "Passage",
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
#: sqlite-vec sketch candidates per wanted result before exact re-ranking.
OVERSAMPLE = 4


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
class Passage:
    """A stored passage of an evidence document."""

    document_id: str
    title: str | None
    source: str | None
    url: str | None
    index: int
    start: int
    end: int
    text: str

    def citation(self) -> dict[str, Any]:
        """Where the passage stands: its document, offsets and text, as a verdict cites it."""
        return {
            "document_id": self.document_id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


@dataclass(frozen=True)
class RetrievedPassage:
    """A passage found for a claim, with why it ranks where it does."""

    passage: Passage
    score: float  # reciprocal-rank-fusion score
    similarity: float  # exact cosine similarity of the claim and passage embeddings
    keyword_rank: int | None = None
    semantic_rank: int | None = None
    embedding: np.ndarray | None = field(default=None, repr=False, compare=False)


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
    """Evidence passages in a store (SQLite or PostgreSQL, migration 4)."""

    def __init__(self, store: Store, backbone: Backbone, *, window: int = WINDOW) -> None:
        if not isinstance(store, SQLStore) or store.schema_version < 4:
            raise StoreError(f"{store.url} cannot hold evidence (needs store schema 4)")
        self.store: SQLStore = store
        self.backbone = backbone
        self._sqlite = store.backend == "sqlite"
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

        for item in self._loaded(items, max_bytes):
            if isinstance(item, InputError):
                report.errors.append(_error(item))
                log.debug("evidence input error: %s", item)
                continue
            if item.id in seen:
                report.skipped += 1
                continue
            seen.add(item.id)
            batch.append(item)
            if len(batch) >= batch_size:
                flush()
        flush()
        return report

    @staticmethod
    def _loaded(items: Iterable[Item], max_bytes: int) -> Iterator[Document | InputError]:
        for item in items:
            if isinstance(item, (Document, InputError)):
                yield item
            else:
                yield from load_path(item, max_bytes=max_bytes)

    def _write(self, docs: Sequence[Document], report: AddReport) -> None:
        known = self._existing([d.id for d in docs])
        fresh = [d for d in docs if d.id not in known]
        report.skipped += len(docs) - len(fresh)
        if not fresh:
            return
        parsed = self.backbone.parse_many([d.text for d in fresh])
        spans = [passage_spans(p, window=self.window) for p in parsed]
        texts = [d.text[s:e] for d, sp in zip(fresh, spans, strict=True) for s, e in sp]
        vectors = np.asarray(self.backbone.embed(texts), dtype=np.float32)
        stamp = now()
        st = self.store
        with st._transaction():
            # another process may have added some of them since the check above
            again = self._existing([d.id for d in fresh])
            doc_keys = self._keys("evidence_documents", len(fresh))
            passage_ids = iter(self._keys("evidence_passages", len(texts)))
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
                    rows.append((next(passage_ids), key, idx, s, e, texts[cursor], vectors[cursor]))
                    cursor += 1
                report.added += 1
                report.passages += n
            st._executemany(
                "INSERT INTO evidence_documents (key, id, title, url, outlet, published, "
                f"source, text, passages, added_at) VALUES ({marks(10)})",
                doc_rows,
            )
            self._insert_passages(rows)

    def _existing(self, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for chunk in chunks(list(ids)):
            rows = self.store._all(
                f"SELECT id FROM evidence_documents WHERE id IN ({marks(len(chunk))})", chunk
            )
            found.update(str(r[0]) for r in rows)
        return found

    def _keys(self, table: str, n: int) -> list[int]:
        if n == 0:
            return []
        column = "key" if table == "evidence_documents" else "id"
        if self._sqlite:
            start = int(self.store._one(f"SELECT coalesce(max({column}), 0) FROM {table}")) + 1
            return list(range(start, start + n))
        rows = self.store._all(
            f"SELECT nextval('{table}_{column}_seq') FROM generate_series(1, ?)", (n,)
        )
        return [int(r[0]) for r in rows]

    def _insert_passages(self, rows: Sequence[tuple[int, int, int, int, int, str, Any]]) -> None:
        st = self.store
        sql = (
            "INSERT INTO evidence_passages (id, doc, idx, start_char, end_char, text, "
            "embedding) VALUES (?, ?, ?, ?, ?, ?, {})"
        )
        if not self._sqlite:
            from unspin.store.postgres import _vector

            st._executemany(sql.format("?::vector"), [(*r[:6], _vector(r[6])) for r in rows])
            return
        st._executemany(
            sql.format("?"),
            [(*r[:6], np.asarray(r[6], dtype=np.float32).tobytes()) for r in rows],
        )
        st._executemany(
            "INSERT INTO evidence_fts (rowid, text) VALUES (?, ?)", [(r[0], r[5]) for r in rows]
        )
        if rows:
            sketches = sketch(np.stack([r[6] for r in rows]))
            st._executemany(
                "INSERT INTO evidence_vec (rowid, sketch) VALUES (?, vec_bit(?))",
                [(r[0], s.tobytes()) for r, s in zip(rows, sketches, strict=True)],
            )

    # -- reading -----------------------------------------------------------------------

    def counts(self) -> tuple[int, int]:
        """How many evidence documents and passages the store holds."""
        docs, passages = self.store._all(
            "SELECT (SELECT count(*) FROM evidence_documents), "
            "(SELECT count(*) FROM evidence_passages)"
        )[0]
        return int(docs), int(passages)

    def search(
        self, query: str, *, limit: int = 5, vector: np.ndarray | None = None
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
        keyword = self._keyword(terms, depth) if terms else []
        semantic = self._semantic(vector, depth)
        fused = _fuse([pid for pid, _ in keyword], [pid for pid, _ in semantic])[:limit]
        if not fused:
            return []
        k_rank = {pid: i for i, (pid, _) in enumerate(keyword, start=1)}
        s_rank = {pid: i for i, (pid, _) in enumerate(semantic, start=1)}
        rows = self._rows([pid for pid, _ in fused])
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

    def _keyword(self, terms: Sequence[str], depth: int) -> list[tuple[int, float]]:
        if self._sqlite:
            query = " OR ".join(f'"{t}"' for t in terms)
            rows = self.store._all(
                "SELECT rowid, bm25(evidence_fts) AS rank FROM evidence_fts "
                "WHERE evidence_fts MATCH ? ORDER BY rank, rowid LIMIT ?",
                [query, depth],
            )
            return [(int(pid), -float(rank)) for pid, rank in rows]
        rows = self.store._all(
            "SELECT p.id, ts_rank(p.tsv, q) AS rank FROM evidence_passages p, "
            "to_tsquery('english', ?) q WHERE p.tsv @@ q ORDER BY rank DESC, p.id LIMIT ?",
            [" | ".join(terms), depth],
        )
        return [(int(pid), float(rank)) for pid, rank in rows]

    def _semantic(self, vector: np.ndarray, depth: int) -> list[tuple[int, float]]:
        if not self._sqlite:
            from unspin.store.postgres import _vector

            q = _vector(vector)
            with self.store._transaction():
                self.store._execute(
                    "SELECT set_config('hnsw.ef_search', ?, true)", (str(max(100, 4 * depth)),)
                )
                rows = self.store._all(
                    "SELECT id, 1 - (embedding <=> ?::vector) FROM evidence_passages "
                    "WHERE embedding IS NOT NULL ORDER BY embedding <=> ?::vector LIMIT ?",
                    [q, q, depth],
                )
            return [(int(pid), float(sim)) for pid, sim in rows if sim > 0]
        k = min(depth * OVERSAMPLE, 4096)
        candidates = [
            int(r[0])
            for r in self.store._all(
                "SELECT rowid FROM evidence_vec WHERE sketch MATCH vec_bit(?) AND k = ?",
                [sketch(vector)[0].tobytes(), k],
            )
        ]
        scored = []
        for chunk in chunks(candidates):
            for pid, blob in self.store._all(
                "SELECT id, embedding FROM evidence_passages WHERE id IN "
                f"({marks(len(chunk))}) AND embedding IS NOT NULL",
                chunk,
            ):
                v = np.frombuffer(blob, dtype=np.float32)
                scored.append((int(pid), float(v @ vector)))
        scored.sort(key=lambda t: (-t[1], t[0]))
        return [(pid, sim) for pid, sim in scored if sim > 0][:depth]

    def _rows(self, ids: Sequence[int]) -> dict[int, tuple[Passage, np.ndarray | None]]:
        out: dict[int, tuple[Passage, np.ndarray | None]] = {}
        for chunk in chunks(list(ids)):
            for r in self.store._all(
                "SELECT p.id, d.id, d.title, d.source, d.url, p.idx, p.start_char, p.end_char, "
                "p.text, p.embedding FROM evidence_passages p JOIN evidence_documents d "
                f"ON d.key = p.doc WHERE p.id IN ({marks(len(chunk))})",
                chunk,
            ):
                out[int(r[0])] = (
                    Passage(str(r[1]), r[2], r[3], r[4], int(r[5]), int(r[6]), int(r[7]), r[8]),
                    _as_vector(r[9]),
                )
        return out


def _as_vector(value: Any) -> np.ndarray | None:
    """An embedding column (SQLite: float32 bytes; PostgreSQL: pgvector's text or array)."""
    if value is None:
        return None
    if isinstance(value, (bytes, bytearray, memoryview)):
        v = np.frombuffer(bytes(value), dtype=np.float32)
    elif isinstance(value, str):
        v = np.asarray([float(x) for x in value.strip("[]").split(",")], dtype=np.float32)
    else:
        v = np.asarray(value, dtype=np.float32)
    return v if v.shape == (EMBEDDING_DIM,) else None
