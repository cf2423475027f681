"""The SQL both backends share: plain tables, written and read with portable statements.

:class:`SQLStore` implements the :class:`~unspin.store.base.Store` interface over a
:class:`~unspin.store.sql.SQLAccess` (``?`` placeholders; the PostgreSQL access
translates them). Each backend adds its SQL access, how it writes the search indexes of
sentences (FTS5 + sqlite-vec, or tsvector + pgvector) and the two rankings of a search.
"""

from __future__ import annotations

import logging
from abc import abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from unspin.store.base import Store
from unspin.store.outlet_names import backfill, document_domain, filter_outlets, settle
from unspin.store.records import (
    ErrorRecord,
    Filters,
    StoredFinding,
    StoreStats,
    finding_from_row,
)
from unspin.store.rows import DocumentRows, FindingRow, SentenceRow
from unspin.store.schema import migrate
from unspin.store.sql import chunks, marks, now

__all__ = ["FINDING_COLUMNS", "NO_OUTLET", "NewSentence", "SQLStore"]

log = logging.getLogger(__name__)

#: The outlet name statistics give the documents stored without one; as an outlet filter
#: it selects them.
NO_OUTLET = "(none)"


#: The columns a :class:`StoredFinding` is read from (findings ``f``, documents ``d``).
FINDING_COLUMNS = (
    "SELECT d.id, d.title, o.name, d.published, f.fid, f.kind, f.label, f.start_char, "
    "f.end_char, f.text, f.score, f.analyzer, f.analyzer_version, f.attributes, "
    "f.explanation, f.relations FROM findings f JOIN documents d ON d.key = f.doc "
    "LEFT JOIN outlets o ON o.id = d.outlet_id"
)


@dataclass(frozen=True)
class NewSentence:
    """A sentence row about to be written, with its allocated id."""

    id: int
    doc: int
    outlet_id: int
    day: int
    row: SentenceRow


class SQLStore(Store):
    """Portable SQL over a :class:`~unspin.store.sql.SQLAccess`; see the module docstring."""

    # -- the dialect's part ----------------------------------------------------------

    @abstractmethod
    def _insert_sentences(self, rows: Sequence[NewSentence]) -> None:
        """Write sentences with their embeddings and search-index entries."""

    # -- shared ----------------------------------------------------------------------

    def close(self) -> None:
        self.sql.close()

    def _migrate(self) -> None:
        """Apply the migrations this store lacks (the core's and the features')."""
        migrate(self.sql, self.url)
        backfill(self.sql)

    def _rankings(
        self,
        keyword: Callable[[], list[tuple[int, float]]],
        semantic: Callable[[], list[tuple[int, float]]],
    ) -> tuple[list[tuple[int, float]], list[tuple[int, float]]]:
        """Both rankings side by side: the semantic one in a worker thread on a second
        connection (the drivers release the GIL while a query runs)."""
        return self.sql.side_by_side(keyword, semantic)

    @property
    def schema_version(self) -> int:
        return int(self.sql.one("SELECT max(version) FROM schema_migrations") or 0)

    def migrations(self) -> list[tuple[int, str]]:
        return [
            (int(v), str(t))
            for v, t in self.sql.all("SELECT version, applied_at FROM schema_migrations ORDER BY 1")
        ]

    def get_meta(self, key: str) -> str | None:
        value = self.sql.one("SELECT value FROM meta WHERE key = ?", (key,))
        return None if value is None else str(value)

    def set_meta(self, key: str, value: str) -> None:
        with self.sql.transaction():
            self.sql.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def existing(self, ids: Iterable[str]) -> set[str]:
        return self.sql.present("documents", "id", ids)

    def _outlet_ids(self, names: Iterable[str]) -> dict[str, int]:
        wanted = sorted(set(names))
        if not wanted:
            return {}
        self.sql.executemany(
            "INSERT INTO outlets (name) VALUES (?) ON CONFLICT (name) DO NOTHING",
            [(n,) for n in wanted],
        )
        out: dict[str, int] = {}
        for chunk in chunks(wanted):
            rows = self.sql.all(
                f"SELECT name, id FROM outlets WHERE name IN ({marks(len(chunk))})", chunk
            )
            out.update((str(n), int(i)) for n, i in rows)
        return out

    def _outlet_id(self, name: str) -> int:
        """The id of an outlet name; for ``(none)``, the name statistics give documents
        stored without an outlet, 0 (theirs) unless an outlet has that name; -1 (matching
        nothing) if the store has none such."""
        value = self.sql.one("SELECT id FROM outlets WHERE name = ?", (name,))
        if value is None:
            return 0 if name == NO_OUTLET else -1
        return int(value)

    # -- writing -----------------------------------------------------------------------

    def write(self, docs: Sequence[DocumentRows], errors: Sequence[ErrorRecord] = ()) -> int:
        stamp = now()
        with self.sql.transaction():
            present = self.existing(d.document.id for d in docs)
            new: list[DocumentRows] = []
            for d in docs:
                if d.document.id not in present:
                    present.add(d.document.id)
                    new.append(d)
            if new:
                self._write_documents(new, stamp)
            if errors:
                self.sql.executemany(
                    "INSERT INTO errors (source, error, message, document_id, recorded_at) "
                    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (source, error, message) DO NOTHING",
                    [(e.source, e.error, e.message, e.document_id, stamp) for e in errors],
                )
        return len(new)

    def _write_documents(self, docs: Sequence[DocumentRows], stamp: str) -> None:
        outlets = self._outlet_ids(d.document.outlet for d in docs if d.document.outlet)
        keys = self.sql.new_keys("documents", "key", len(docs))
        sentence_ids = iter(
            self.sql.new_keys("sentences", "id", sum(len(d.sentences) for d in docs))
        )
        doc_rows: list[tuple[Any, ...]] = []
        finding_rows: list[tuple[Any, ...]] = []
        sentences: list[NewSentence] = []
        tags: list[tuple[str, int]] = []
        for key, d in zip(keys, docs, strict=True):
            doc = d.document
            outlet_id = outlets.get(doc.outlet, 0) if doc.outlet else 0
            doc_rows.append(_document_row(key, d, outlet_id, stamp))
            finding_rows.extend(_finding_row(key, fr) for fr in d.findings)
            for s in d.sentences:
                sid = next(sentence_ids)
                sentences.append(NewSentence(sid, key, outlet_id, d.day, s))
                tags.extend((tag, sid) for tag in s.tags)
        self.sql.executemany(
            "INSERT INTO documents (key, id, title, url, outlet_id, author, published, day, "
            "language, source, text, analysis, sentences, findings, failures, embedded, "
            f"ingested_at, domain, named, given_outlet_id) VALUES ({marks(20)})",
            doc_rows,
        )
        self.sql.executemany(
            "INSERT INTO findings (doc, fid, kind, label, start_char, end_char, score, "
            "analyzer, analyzer_version, text, attributes, explanation, relations, "
            f"sent_first, sent_last, speaker, source_type) VALUES ({marks(17)})",
            finding_rows,
        )
        self._insert_sentences(sentences)
        self.sql.executemany("INSERT INTO sentence_tags (tag, sentence) VALUES (?, ?)", tags)
        settle(self.sql, (document_domain(d.document)[0] for d in docs))  # one name per site
        sources = sorted({d.document.source for d in docs if d.document.source})
        for chunk in chunks(sources):
            # an input that failed before and is stored now is no longer an error
            self.sql.execute(
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
            ids = filter_outlets(self.sql, filters.outlet, self._outlet_id(filters.outlet))
            # one id as "=": the vector index's metadata filter in older sqlite-vec
            where.append(
                f"{prefix}outlet_id " + ("= ?" if len(ids) == 1 else f"IN ({marks(len(ids))})")
            )
            params.extend(ids)
        lo, hi = filters.days
        if lo is not None:
            where.append(f"{prefix}day >= ?")
            params.append(lo)
        if hi is not None:
            where.extend([f"{prefix}day > 0", f"{prefix}day <= ?"])
            params.append(hi)
        return where, params

    def _document_scope(self, filters: Filters) -> tuple[list[str], list[Any]]:
        """Conditions on documents ``d``: outlet, publication day and language."""
        where, params = self._scope(filters, "d.")
        if filters.language:
            where.append("d.language = ?")
            params.append(filters.language)
        return where, params

    def _language_filter(self, filters: Filters) -> tuple[list[str], list[Any]]:
        """The condition on sentences ``s`` that their document is in the language."""
        if not filters.language:
            return [], []
        return ["s.doc IN (SELECT d.key FROM documents d WHERE d.language = ?)"], [filters.language]

    def document_filter(self, filters: Filters) -> tuple[str, list[Any]]:
        """``WHERE`` conditions on documents ``d`` (always true when empty)."""
        where, params = self._document_scope(filters)
        for tag in filters.tags:
            where.append(
                "d.key IN (SELECT s.doc FROM sentence_tags t JOIN sentences s "
                "ON s.id = t.sentence WHERE t.tag = ?)"
            )
            params.append(tag)
        return " AND ".join(["1 = 1", *where]), params

    def _sentence_filter(self, filters: Filters) -> tuple[list[str], list[Any]]:
        """Conditions on sentences ``s``: denormalised outlet and day, their document's
        language, and tags."""
        where, params = self._scope(filters, "s.")
        language, language_params = self._language_filter(filters)
        where += language
        params += language_params
        for tag in filters.tags:
            # correlated, so that the query is driven by its search index, not by the tags
            where.append(
                "EXISTS (SELECT 1 FROM sentence_tags t WHERE t.tag = ? AND t.sentence = s.id)"
            )
            params.append(tag)
        return where, params

    def _analysis_json(self, document_id: str) -> str | None:
        value = self.sql.one("SELECT analysis FROM documents WHERE id = ?", (document_id,))
        return None if value is None else str(value)

    def _stream_analysis_json(self, filters: Filters) -> Iterator[str]:
        where, params = self.document_filter(filters)
        for (text,) in self.sql.stream(
            f"SELECT d.analysis FROM documents d WHERE {where} ORDER BY d.key", params
        ):
            yield str(text)

    def _stream_findings(
        self, kind: str | None, label: str | None, filters: Filters
    ) -> Iterator[StoredFinding]:
        where, params = self.document_filter(filters)
        if kind is not None:
            where += " AND f.kind = ?"
            params.append(kind)
        if label is not None:
            where += " AND f.label = ?"
            params.append(label)
        sql = (
            f"{FINDING_COLUMNS} WHERE {where} "
            "ORDER BY f.doc, f.start_char, f.end_char DESC, f.kind, f.fid"
        )
        for row in self.sql.stream(sql, params):
            yield StoredFinding(row[0], row[1], row[2], row[3], finding_from_row(*row[4:]))

    def iter_errors(self) -> Iterator[ErrorRecord]:
        for source, error, message, doc_id, at in self.sql.stream(
            "SELECT source, error, message, document_id, recorded_at FROM errors ORDER BY id"
        ):
            yield ErrorRecord(source, error, message, doc_id, at)

    def stats(self, *, top_outlets: int | None = None) -> StoreStats:
        documents, sentences, findings = self.sql.all(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM sentences), "
            "(SELECT count(*) FROM findings)"
        )[0]
        by_kind = self.sql.all("SELECT kind, count(*) FROM findings GROUP BY kind ORDER BY kind")
        limit = f" LIMIT {int(top_outlets)}" if top_outlets else ""
        outlets = self.sql.all(
            f"SELECT coalesce(o.name, '{NO_OUTLET}'), count(*) FROM documents d "
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
            errors=int(self.sql.one("SELECT count(*) FROM errors") or 0),
        )

    def _embedded_count(self) -> int:
        return int(self.sql.one("SELECT coalesce(sum(embedded), 0) FROM documents") or 0)

    def _hit_rows(self, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        out: dict[int, tuple[Any, ...]] = {}
        for chunk in chunks(list(ids)):
            rows = self.sql.all(
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
                for r in self.sql.all(
                    "SELECT doc, fid, kind, label, score, sent_first, sent_last FROM findings "
                    f"WHERE {where} ORDER BY doc, start_char, key",
                    params,
                )
            )
        return out


def _document_row(key: int, d: DocumentRows, outlet_id: int, stamp: str) -> tuple[Any, ...]:
    """The ``documents`` row of a document."""
    doc = d.document
    return (
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
        *document_domain(doc),
        outlet_id,
    )


def _finding_row(key: int, fr: FindingRow) -> tuple[Any, ...]:
    """The ``findings`` row of a finding of the document ``key``."""
    f = fr.finding
    return (
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
