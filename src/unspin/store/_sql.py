"""The SQL both backends share: plain tables, written and read with portable statements.

:class:`SQLStore` implements the :class:`~unspin.store.base.Store` interface for any
DB-API connection whose SQL accepts ``?`` placeholders (the PostgreSQL backend
translates them). Each backend adds its connection, its migrations, how it allocates
keys, how it writes the search indexes of sentences (FTS5 + sqlite-vec, or tsvector +
pgvector) and the two rankings of a search.
"""

from __future__ import annotations

import json
import logging
import threading
from abc import abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from unspin.errors import StoreError
from unspin.store.base import (
    CorpusItem,
    ErrorRecord,
    Filters,
    Link,
    Store,
    StoredFinding,
    StoreStats,
    finding_from_row,
)
from unspin.store.factchecks import SQLFactChecks
from unspin.store.rows import DocumentRows, SentenceRow

__all__ = ["Migration", "SQLStore", "chunks", "marks", "now"]

log = logging.getLogger(__name__)

#: Ids per ``IN (...)`` list: far below every backend's limit on parameters.
CHUNK = 500


def now() -> str:
    """The current UTC time, ISO 8601, to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Migration:
    """One step of a backend's schema: applied once, recorded in ``schema_migrations``."""

    version: int
    description: str
    statements: tuple[str, ...]


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def marks(n: int) -> str:
    return ", ".join("?" * n)


@dataclass(frozen=True)
class NewSentence:
    """A sentence row about to be written, with its allocated id."""

    id: int
    doc: int
    outlet_id: int
    day: int
    row: SentenceRow


class SQLStore(SQLFactChecks, Store):
    """Portable SQL over a DB-API connection; see the module docstring."""

    MIGRATIONS: tuple[Migration, ...]
    #: The main connection (writes, and reads outside the worker thread).
    _conn: Any

    # -- the dialect's part ----------------------------------------------------------

    @abstractmethod
    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement; return a cursor."""

    @abstractmethod
    def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    @abstractmethod
    def _stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """Rows of a query, fetched a batch at a time (never all at once)."""

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]:
        """A write transaction (committed on success, rolled back on error)."""

    @abstractmethod
    def _new_keys(self, table: str, n: int) -> list[int]:
        """``n`` fresh primary keys of ``documents`` or ``sentences`` (inside a write
        transaction)."""

    @abstractmethod
    def _insert_sentences(self, rows: Sequence[NewSentence]) -> None:
        """Write sentences with their embeddings and search-index entries."""

    @abstractmethod
    def _open_reader(self) -> Any:
        """A second connection, read-only where the backend allows, for the worker thread."""

    # -- a second connection, for the semantic ranking ---------------------------------

    _pool: ThreadPoolExecutor | None = None
    _local: threading.local | None = None

    def _rankings(
        self,
        keyword: Callable[[], list[tuple[int, float]]],
        semantic: Callable[[], list[tuple[int, float]]],
    ) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
        """Both rankings side by side: the semantic one in a worker thread on a second
        connection (the drivers release the GIL while a query runs)."""
        if self._pool is None:
            self._local = threading.local()
            self._pool = ThreadPoolExecutor(1, thread_name_prefix="unspin-store-reader")
        future = self._pool.submit(self._as_reader, semantic)
        try:
            first = keyword()
        finally:
            second = future.result()
        return first, second

    def _as_reader(self, job: Callable[[], list[tuple[int, float]]]) -> list[tuple[int, float]]:
        assert self._local is not None
        if getattr(self._local, "conn", None) is None:
            self._local.conn = self._open_reader()
        return job()

    def _close_readers(self) -> None:
        if self._pool is None:
            return

        def close() -> None:
            conn = getattr(self._local, "conn", None)
            if conn is not None:
                conn.close()

        self._pool.submit(close).result()
        self._pool.shutdown()
        self._pool = None

    def _connection(self) -> Any:
        """The worker thread's connection in the worker thread, else the main one."""
        return getattr(self._local, "conn", None) or self._conn

    # -- helpers ---------------------------------------------------------------------

    def _all(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """A query whose result is small by construction (counts, a chunk of ids)."""
        return list(self._execute(sql, params).fetchall())

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._execute(sql, params).fetchone()
        return None if row is None else row[0]

    def _migrate(self) -> None:
        """Apply the migrations this store lacks, each in its own transaction."""
        self._execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
        latest = self.MIGRATIONS[-1].version
        with self._transaction():
            self._lock_migrations()
            applied = {int(v) for (v,) in self._all("SELECT version FROM schema_migrations")}
            current = max(applied, default=0)
            if current > latest:
                raise StoreError(
                    f"{self.url} is at schema version {current}; this unspin knows up to {latest}",
                    hint="upgrade unspin",
                )
            for m in self.MIGRATIONS:  # by number, not by maximum: versions may have gaps
                if m.version in applied:
                    continue
                log.info("store %s: migration %d (%s)", self.url, m.version, m.description)
                for statement in m.statements:
                    self._execute(statement)
                self._execute(
                    "INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)",
                    (m.version, now()),
                )

    def _lock_migrations(self) -> None:
        """Keep a second process from migrating at the same time (SQLite's write
        transaction already does)."""

    @property
    def schema_version(self) -> int:
        return int(self._one("SELECT max(version) FROM schema_migrations") or 0)

    def migrations(self) -> list[tuple[int, str]]:
        """The applied migrations: (version, applied_at)."""
        return [
            (int(v), str(t))
            for v, t in self._all("SELECT version, applied_at FROM schema_migrations ORDER BY 1")
        ]

    def get_meta(self, key: str) -> str | None:
        value = self._one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if value is None else str(value)

    def set_meta(self, key: str, value: str) -> None:
        with self._transaction():
            self._execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def existing(self, ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(ids))
        found: set[str] = set()
        for chunk in chunks(wanted):
            rows = self._all(f"SELECT id FROM documents WHERE id IN ({marks(len(chunk))})", chunk)
            found.update(str(r[0]) for r in rows)
        return found

    def _outlet_ids(self, names: Iterable[str]) -> dict[str, int]:
        wanted = sorted(set(names))
        if not wanted:
            return {}
        self._executemany(
            "INSERT INTO outlets (name) VALUES (?) ON CONFLICT (name) DO NOTHING",
            [(n,) for n in wanted],
        )
        out: dict[str, int] = {}
        for chunk in chunks(wanted):
            rows = self._all(
                f"SELECT name, id FROM outlets WHERE name IN ({marks(len(chunk))})", chunk
            )
            out.update((str(n), int(i)) for n, i in rows)
        return out

    def _outlet_id(self, name: str) -> int:
        """The id of an outlet name; -1 (matching nothing) if the store has none such."""
        value = self._one("SELECT id FROM outlets WHERE name = ?", (name,))
        return -1 if value is None else int(value)

    # -- writing -----------------------------------------------------------------------

    def write(self, docs: Sequence[DocumentRows], errors: Sequence[ErrorRecord] = ()) -> int:
        stamp = now()
        with self._transaction():
            present = self.existing(d.document.id for d in docs)
            new: list[DocumentRows] = []
            for d in docs:
                if d.document.id not in present:
                    present.add(d.document.id)
                    new.append(d)
            if new:
                self._write_documents(new, stamp)
            if errors:
                self._executemany(
                    "INSERT INTO errors (source, error, message, document_id, recorded_at) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (source, error, message) DO NOTHING",
                    [(e.source, e.error, e.message, e.document_id, stamp) for e in errors],
                )
        return len(new)

    def _write_documents(self, docs: Sequence[DocumentRows], stamp: str) -> None:
        outlets = self._outlet_ids(d.document.outlet for d in docs if d.document.outlet)
        keys = self._new_keys("documents", len(docs))
        sentence_ids = iter(self._new_keys("sentences", sum(len(d.sentences) for d in docs)))
        doc_rows = []
        finding_rows = []
        sentences: list[NewSentence] = []
        tags: list[tuple[str, int]] = []
        for key, d in zip(keys, docs, strict=True):
            doc = d.document
            outlet_id = outlets.get(doc.outlet, 0) if doc.outlet else 0
            doc_rows.append(
                (
                    key,
                    doc.id,
                    doc.title,
                    doc.url,
                    outlet_id,
                    doc.author,
                    doc.published,
                    d.day,
                    doc.language,
                    doc.source,
                    doc.text,
                    d.analysis_json,
                    len(d.sentences),
                    len(d.findings),
                    d.failures,
                    sum(1 for s in d.sentences if s.embedding is not None),
                    stamp,
                )
            )
            for fr in d.findings:
                f = fr.finding
                finding_rows.append(
                    (
                        key,
                        f.id,
                        f.kind,
                        f.label,
                        f.start,
                        f.end,
                        f.score,
                        f.analyzer,
                        f.analyzer_version,
                        f.text,
                        fr.attributes_json,
                        fr.explanation_json,
                        fr.relations_json,
                        fr.sent_first,
                        fr.sent_last,
                        fr.speaker,
                        fr.source_type,
                    )
                )
            for s in d.sentences:
                sid = next(sentence_ids)
                sentences.append(NewSentence(sid, key, outlet_id, d.day, s))
                tags.extend((tag, sid) for tag in s.tags)
        self._executemany(
            "INSERT INTO documents (key, id, title, url, outlet_id, author, published, day, "
            "language, source, text, analysis, sentences, findings, failures, embedded, "
            f"ingested_at) VALUES ({marks(17)})",
            doc_rows,
        )
        self._executemany(
            "INSERT INTO findings (doc, fid, kind, label, start_char, end_char, score, "
            "analyzer, analyzer_version, text, attributes, explanation, relations, "
            f"sent_first, sent_last, speaker, source_type) VALUES ({marks(17)})",
            finding_rows,
        )
        self._insert_sentences(sentences)
        self._executemany("INSERT INTO sentence_tags (tag, sentence) VALUES (?, ?)", tags)
        sources = sorted({d.document.source for d in docs if d.document.source})
        for chunk in chunks(sources):
            # an input that failed before and is stored now is no longer an error
            self._execute(
                f"DELETE FROM errors WHERE document_id IS NULL AND source IN ({marks(len(chunk))})",
                chunk,
            )

    # -- reading -----------------------------------------------------------------------

    def _scope(self, filters: Filters, prefix: str) -> tuple[list[str], list[Any]]:
        """Conditions on the outlet and the publication day (columns ``{prefix}outlet_id``
        and ``{prefix}day`` of documents or sentences)."""
        where: list[str] = []
        params: list[Any] = []
        if filters.outlet is not None:
            where.append(f"{prefix}outlet_id = ?")
            params.append(self._outlet_id(filters.outlet))
        lo, hi = filters.days
        if lo is not None:
            where.append(f"{prefix}day >= ?")
            params.append(lo)
        if hi is not None:
            where.extend([f"{prefix}day > 0", f"{prefix}day <= ?"])
            params.append(hi)
        return where, params

    def _document_filter(self, filters: Filters) -> tuple[str, list[Any]]:
        """``WHERE`` conditions on documents ``d`` (always true when empty)."""
        where, params = self._scope(filters, "d.")
        for tag in filters.tags:
            where.append(
                "d.key IN (SELECT s.doc FROM sentence_tags t JOIN sentences s "
                "ON s.id = t.sentence WHERE t.tag = ?)"
            )
            params.append(tag)
        return " AND ".join(["1 = 1", *where]), params

    def _sentence_filter(self, filters: Filters) -> tuple[list[str], list[Any]]:
        """Conditions on sentences ``s``: denormalised outlet and day, and tags."""
        where, params = self._scope(filters, "s.")
        for tag in filters.tags:
            # correlated, so that the query is driven by its search index, not by the tags
            where.append(
                "EXISTS (SELECT 1 FROM sentence_tags t WHERE t.tag = ? AND t.sentence = s.id)"
            )
            params.append(tag)
        return where, params

    def _analysis_json(self, document_id: str) -> str | None:
        value = self._one("SELECT analysis FROM documents WHERE id = ?", (document_id,))
        return None if value is None else str(value)

    def _stream_analysis_json(self, filters: Filters) -> Iterator[str]:
        where, params = self._document_filter(filters)
        for (text,) in self._stream(
            f"SELECT d.analysis FROM documents d WHERE {where} ORDER BY d.key", params
        ):
            yield str(text)

    def _stream_findings(
        self, kind: str | None, label: str | None, filters: Filters
    ) -> Iterator[StoredFinding]:
        where, params = self._document_filter(filters)
        if kind is not None:
            where += " AND f.kind = ?"
            params.append(kind)
        if label is not None:
            where += " AND f.label = ?"
            params.append(label)
        sql = (
            "SELECT d.id, d.title, o.name, d.published, f.fid, f.kind, f.label, f.start_char, "
            "f.end_char, f.text, f.score, f.analyzer, f.analyzer_version, f.attributes, "
            "f.explanation, f.relations FROM findings f JOIN documents d ON d.key = f.doc "
            f"LEFT JOIN outlets o ON o.id = d.outlet_id WHERE {where} "
            "ORDER BY f.doc, f.start_char, f.end_char DESC, f.kind, f.fid"
        )
        for row in self._stream(sql, params):
            yield StoredFinding(row[0], row[1], row[2], row[3], finding_from_row(*row[4:]))

    def add_links(self, links: Iterable[Link]) -> int:
        rows = [
            (
                link.kind,
                link.source_document,
                link.source_finding,
                link.target_document,
                link.target_finding,
                float(link.score),
                json.dumps(dict(link.attributes), ensure_ascii=False, sort_keys=True),
            )
            for link in links
        ]
        stamp = now()
        with self._transaction():
            before = int(self._one("SELECT count(*) FROM links") or 0)
            self._executemany(
                "INSERT INTO links (kind, source_document, source_finding, target_document, "
                "target_finding, score, attributes, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (kind, source_document, source_finding, target_document, "
                "target_finding) DO NOTHING",
                [(*r, stamp) for r in rows],
            )
            return int(self._one("SELECT count(*) FROM links") or 0) - before

    def corpus_pending(self, space: str) -> list[str]:
        return [
            str(row[0])
            for row in self._stream(
                "SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM corpus_indexed c "
                "WHERE c.document_id = d.id AND c.space = ?) "
                "ORDER BY d.day = 0, d.day, d.published, d.key",
                (space,),
            )
        ]

    def corpus_candidates(
        self, space: str, key: str, limit: int, *, newest: bool = True
    ) -> list[tuple[int, str, str]]:
        return [
            (int(item), str(doc), str(payload))
            for item, doc, payload in self._all(
                "SELECT i.id, i.document_id, i.payload FROM corpus_keys k "
                "JOIN corpus_items i ON i.id = k.item WHERE k.space = ? AND k.key = ? "
                f"ORDER BY k.item {'DESC' if newest else 'ASC'} LIMIT ?",
                (space, key, limit),
            )
        ]

    def write_corpus(
        self,
        items: Sequence[CorpusItem],
        indexed: Sequence[tuple[str, str]],
        links: Iterable[Link] = (),
    ) -> int:
        stamp = now()
        with self._transaction():
            ids = self._new_keys("corpus_items", len(items))
            self._executemany(
                "INSERT INTO corpus_items (id, space, document_id, payload) VALUES (?, ?, ?, ?)",
                [
                    (i, it.space, it.document_id, it.payload)
                    for i, it in zip(ids, items, strict=True)
                ],
            )
            self._executemany(
                "INSERT INTO corpus_keys (space, key, item) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                [(it.space, k, i) for i, it in zip(ids, items, strict=True) for k in set(it.keys)],
            )
            self._executemany(
                "INSERT INTO corpus_indexed (document_id, space, indexed_at) VALUES (?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                [(doc, space, stamp) for doc, space in indexed],
            )
            return self.add_links(links)

    def clear_corpus(self, spaces: Sequence[str], link_kinds: Sequence[str]) -> None:
        with self._transaction():
            for space in spaces:
                for table in ("corpus_keys", "corpus_items", "corpus_indexed"):
                    self._execute(f"DELETE FROM {table} WHERE space = ?", (space,))
            for kind in link_kinds:
                self._execute("DELETE FROM links WHERE kind = ?", (kind,))

    def iter_links(
        self, kind: str | None = None, *, document_id: str | None = None
    ) -> Iterator[Link]:
        where = ["1 = 1"]
        params: list[Any] = []
        if kind is not None:
            where.append("kind = ?")
            params.append(kind)
        if document_id is not None:
            where.append("(source_document = ? OR target_document = ?)")
            params.extend([document_id, document_id])
        for row in self._stream(
            "SELECT kind, source_document, source_finding, target_document, target_finding, "
            f"score, attributes FROM links WHERE {' AND '.join(where)} ORDER BY id",
            params,
        ):
            yield Link(
                str(row[0]),
                str(row[1]),
                str(row[2]),
                str(row[3]),
                str(row[4]),
                float(row[5]),
                json.loads(row[6]),
            )

    def iter_errors(self) -> Iterator[ErrorRecord]:
        for source, error, message, doc_id, at in self._stream(
            "SELECT source, error, message, document_id, recorded_at FROM errors ORDER BY id"
        ):
            yield ErrorRecord(source, error, message, doc_id, at)

    def stats(self, *, top_outlets: int | None = None) -> StoreStats:
        documents, sentences, findings = self._all(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences), "
            "(SELECT count(*) FROM findings)"
        )[0]
        by_kind = self._all("SELECT kind, count(*) FROM findings GROUP BY kind ORDER BY kind")
        limit = f" LIMIT {int(top_outlets)}" if top_outlets else ""
        outlets = self._all(
            "SELECT coalesce(o.name, '(none)'), count(*) FROM documents d "
            "LEFT JOIN outlets o ON o.id = d.outlet_id GROUP BY 1 ORDER BY 2 DESC, 1" + limit
        )
        return StoreStats(
            backend=self.backend,
            url=self.url,
            schema_version=self.schema_version,
            encoder=self.encoder,
            documents=int(documents),
            sentences=int(sentences),
            embedded_sentences=self._embedded_count(),
            findings=int(findings),
            findings_by_kind={str(k): int(n) for k, n in by_kind},
            outlets=tuple((str(n), int(c)) for n, c in outlets),
            errors=int(self._one("SELECT count(*) FROM errors") or 0),
        )

    def _embedded_count(self) -> int:
        return int(self._one("SELECT coalesce(sum(embedded), 0) FROM documents") or 0)

    def _hit_rows(self, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        out: dict[int, tuple[Any, ...]] = {}
        for chunk in chunks(list(ids)):
            rows = self._all(
                "SELECT s.id, d.id, d.title, o.name, d.published, d.source, s.idx, "
                "s.start_char, s.end_char, s.text, d.key FROM sentences s "
                "JOIN documents d ON d.key = s.doc LEFT JOIN outlets o ON o.id = d.outlet_id "
                f"WHERE s.id IN ({marks(len(chunk))})",
                chunk,
            )
            out.update((int(r[0]), tuple(r[1:])) for r in rows)
        return out

    def _findings_for(
        self, sentences: Sequence[tuple[int, int]]
    ) -> list[tuple[int, str, str, str, float, int, int]]:
        out: list[tuple[int, str, str, str, float, int, int]] = []
        for chunk in chunks(list(sentences), 100):
            where = " OR ".join(["(doc = ? AND sent_first <= ? AND sent_last >= ?)"] * len(chunk))
            params = [v for doc, idx in chunk for v in (doc, idx, idx)]
            out.extend(
                (int(r[0]), str(r[1]), str(r[2]), str(r[3]), float(r[4]), int(r[5]), int(r[6]))
                for r in self._all(
                    "SELECT doc, fid, kind, label, score, sent_first, sent_last FROM findings "
                    f"WHERE {where} ORDER BY doc, start_char, key",
                    params,
                )
            )
        return out
