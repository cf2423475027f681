"""Stories and narratives in a store: the tables of schema migration 7 and their
repository, ``store.repository(NarrativeTable)``.

``narrative_stories`` and ``narrative_groups`` (the narratives) hold each cluster's
centroid as the float64 sum of its members' vectors and their count;
and the counts of their words (JSON); ``narrative_documents`` says which story each
clustered document joined (with its vector, float32), ``narrative_claims`` which narrative
each of its claims joined (with the claim's text, offsets, check-worthiness, polarity and
vector); ``narrative_terms`` the document frequency of each word; ``narrative_runs`` one row
per clustering run (what it added), for ``unspin corpus watch``. A document absent from
``narrative_documents`` is waiting to be clustered.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.narratives.cluster import DocumentPlace, Group
from unspin.store.sql import Migration, SQLAccess, chunks, marks, now

__all__ = ["MIGRATIONS", "ClaimRecord", "DocumentRecord", "NarrativeTable", "PendingDocument"]


def _statements(key: str, big: str, blob: str, real: str) -> tuple[str, ...]:
    return (
        f"""CREATE TABLE narrative_stories (
            id {big} PRIMARY KEY, total {blob} NOT NULL, size INTEGER NOT NULL,
            terms TEXT NOT NULL, created_at TEXT NOT NULL, run INTEGER NOT NULL)""",
        f"""CREATE TABLE narrative_groups (
            id {big} PRIMARY KEY, story {big} NOT NULL, polarity TEXT NOT NULL,
            total {blob} NOT NULL, size INTEGER NOT NULL, terms TEXT NOT NULL,
            created_at TEXT NOT NULL, run INTEGER NOT NULL)""",
        "CREATE INDEX narrative_groups_story ON narrative_groups (story)",
        f"""CREATE TABLE narrative_documents (
            document_id TEXT PRIMARY KEY, seq {big} NOT NULL, story {big} NOT NULL,
            similarity {real} NOT NULL, vector {blob} NOT NULL, run INTEGER NOT NULL)""",
        "CREATE INDEX narrative_documents_story ON narrative_documents (story)",
        f"""CREATE TABLE narrative_claims (
            id {key}, document_id TEXT NOT NULL, finding_id TEXT NOT NULL,
            story {big} NOT NULL, narrative {big} NOT NULL, sentence INTEGER NOT NULL,
            start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL,
            label TEXT NOT NULL, checkworthiness {real} NOT NULL, polarity TEXT NOT NULL,
            similarity {real} NOT NULL, vector {blob} NOT NULL, run INTEGER NOT NULL)""",
        "CREATE INDEX narrative_claims_narrative ON narrative_claims (narrative)",
        "CREATE INDEX narrative_claims_document ON narrative_claims (document_id)",
        "CREATE TABLE narrative_terms (term TEXT PRIMARY KEY, df INTEGER NOT NULL)",
        f"""CREATE TABLE narrative_runs (
            id {big} PRIMARY KEY, params TEXT NOT NULL, started_at TEXT NOT NULL,
            documents INTEGER NOT NULL, stories INTEGER NOT NULL,
            narratives INTEGER NOT NULL)""",
    )


#: The narrative tables: migration 7 of every store.
MIGRATIONS = (
    Migration(
        7,
        "stories and narratives: online clusters of documents and of their claims",
        sqlite=_statements("INTEGER PRIMARY KEY", "INTEGER", "BLOB", "REAL"),
        postgresql=_statements("BIGSERIAL PRIMARY KEY", "BIGINT", "BYTEA", "DOUBLE PRECISION"),
    ),
)


def _f64(value: Any) -> NDArray[Any]:
    return np.frombuffer(bytes(value), dtype=np.float64).copy()


def _f32(value: Any) -> NDArray[Any]:
    return np.frombuffer(bytes(value), dtype=np.float32).copy()


def _words(counts: Counter[str]) -> str:
    return json.dumps(dict(sorted(counts.items())), ensure_ascii=False)


def _bytes(vector: NDArray[Any], dtype: type) -> bytes:
    return np.asarray(vector, dtype=dtype).tobytes()


@dataclass(frozen=True)
class PendingDocument:
    """A stored document not clustered yet: its key (arrival order), id, sentence vectors
    (by sentence index) and claim findings (fid, label, start, end, text, attributes JSON,
    sentence index)."""

    seq: int
    document_id: str
    sentences: dict[int, NDArray[Any]]
    texts: dict[int, tuple[int, int, str]]
    claims: tuple[tuple[str, str, int, int, str, str, int], ...]


@dataclass(frozen=True)
class DocumentRecord:
    """A clustered document with what a reader is shown of it."""

    document_id: str
    seq: int
    story: int
    similarity: float
    title: str | None
    url: str | None
    outlet: str | None
    published: str | None
    ingested: str
    first_sentence: str


@dataclass(frozen=True)
class ClaimRecord:
    """A clustered claim."""

    document_id: str
    finding_id: str
    story: int
    narrative: int
    sentence: int
    start: int
    end: int
    text: str
    label: str
    checkworthiness: float
    polarity: str
    similarity: float
    vector: NDArray[Any]
    run: int


class NarrativeTable:
    """The stories and narratives of one store (``store.repository(...)``)."""

    def __init__(self, sql: SQLAccess) -> None:
        self.sql = sql

    # -- reading the clustering state ---------------------------------------------------

    def stories(self) -> Iterator[Group]:
        for sid, total, size, words in self.sql.stream(
            "SELECT id, total, size, terms FROM narrative_stories ORDER BY id"
        ):
            yield Group(int(sid), _f64(total), int(size), terms=Counter(json.loads(words)))

    def groups(self) -> Iterator[Group]:
        for gid, story, polarity, total, size, words in self.sql.stream(
            "SELECT id, story, polarity, total, size, terms FROM narrative_groups ORDER BY id"
        ):
            yield Group(
                int(gid), _f64(total), int(size), int(story), str(polarity),
                Counter(json.loads(words)),
            )  # fmt: skip

    def vocabulary(self) -> tuple[dict[str, int], int]:
        """The document frequency of each word, and the documents counted."""
        df = {str(t): int(n) for t, n in self.sql.stream("SELECT term, df FROM narrative_terms")}
        return df, int(self.sql.one("SELECT COUNT(*) FROM narrative_documents") or 0)

    def document_vectors(self) -> Iterator[tuple[int, NDArray[Any]]]:
        """(story, vector) of every clustered document, in arrival order."""
        for story, vector in self.sql.stream(
            "SELECT story, vector FROM narrative_documents ORDER BY seq"
        ):
            yield int(story), _f32(vector)

    def claim_vectors(self) -> Iterator[tuple[int, NDArray[Any]]]:
        """(narrative, vector) of every clustered claim, in arrival order."""
        for narrative, vector in self.sql.stream(
            "SELECT narrative, vector FROM narrative_claims ORDER BY id"
        ):
            yield int(narrative), _f32(vector)

    def params(self) -> str | None:
        """The parameters (JSON) of the first run: every later run must use the same."""
        value = self.sql.one("SELECT params FROM narrative_runs ORDER BY id LIMIT 1")
        return None if value is None else str(value)

    def last_run(self) -> int:
        return int(self.sql.one("SELECT COALESCE(MAX(id), 0) FROM narrative_runs") or 0)

    # -- documents waiting -------------------------------------------------------------

    def waiting(self) -> int:
        """How many stored documents are not clustered yet."""
        return int(
            self.sql.one(
                "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM "
                "narrative_documents n WHERE n.document_id = d.id)"
            )
            or 0
        )

    def pending(self, limit: int) -> list[PendingDocument]:
        """The next ``limit`` documents not clustered yet, in ingestion order, with their
        sentence vectors and claim findings."""
        heads = self.sql.all(
            "SELECT d.key, d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM "
            "narrative_documents n WHERE n.document_id = d.id) ORDER BY d.key LIMIT ?",
            (limit,),
        )
        if not heads:
            return []
        keys = [int(k) for k, _ in heads]
        sentences: dict[int, dict[int, NDArray[Any]]] = {k: {} for k in keys}
        texts: dict[int, dict[int, tuple[int, int, str]]] = {k: {} for k in keys}
        claims: dict[int, list[tuple[str, str, int, int, str, str, int]]] = {k: [] for k in keys}
        for chunk in chunks(keys):
            for doc, idx, start, end, text, vector in self.sql.all(
                "SELECT doc, idx, start_char, end_char, text, embedding FROM sentences "
                f"WHERE doc IN ({marks(len(chunk))}) ORDER BY doc, idx",
                chunk,
            ):
                texts[int(doc)][int(idx)] = (int(start), int(end), str(text))
                v = self.sql.vector_out(vector)
                if v is not None:
                    sentences[int(doc)][int(idx)] = v
            for row in self.sql.all(
                "SELECT doc, fid, label, start_char, end_char, text, attributes, sent_first "
                f"FROM findings WHERE kind = 'claim' AND doc IN ({marks(len(chunk))}) "
                "ORDER BY doc, start_char, fid",
                chunk,
            ):
                claims[int(row[0])].append(
                    (str(row[1]), str(row[2]), int(row[3]), int(row[4]), str(row[5]),
                     str(row[6]), int(row[7]))
                )  # fmt: skip
        return [
            PendingDocument(k, str(doc_id), sentences[k], texts[k], tuple(claims[k]))
            for k, doc_id in heads
        ]

    # -- writing ---------------------------------------------------------------------

    def write(
        self,
        run: int,
        params: str,
        places: Sequence[DocumentPlace],
        stories: Sequence[Group],
        narratives: Sequence[Group],
        new_stories: set[int],
        new_narratives: set[int],
    ) -> None:
        """One transaction: the placed documents and claims, the stories and narratives
        they changed (inserted or updated), and the run's row."""
        stamp = now()
        with self.sql.transaction():
            self.sql.execute(
                "INSERT INTO narrative_runs (id, params, started_at, documents, stories, "
                "narratives) VALUES (?, ?, ?, 0, 0, 0) ON CONFLICT (id) DO NOTHING",
                (run, params, stamp),
            )
            self.sql.execute(
                "UPDATE narrative_runs SET documents = documents + ?, stories = stories + ?, "
                "narratives = narratives + ? WHERE id = ?",
                (len(places), len(new_stories), len(new_narratives), run),
            )
            self.sql.executemany(
                "INSERT INTO narrative_stories (id, total, size, terms, created_at, run) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                "total = excluded.total, size = excluded.size, terms = excluded.terms",
                [
                    (g.id, _bytes(g.total, np.float64), g.size, _words(g.terms), stamp, run)
                    for g in stories
                ],
            )
            self.sql.executemany(
                "INSERT INTO narrative_groups (id, story, polarity, total, size, terms, "
                "created_at, run) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
                "SET total = excluded.total, size = excluded.size, terms = excluded.terms",
                [
                    (g.id, g.story, g.polarity, _bytes(g.total, np.float64), g.size,
                     _words(g.terms), stamp, run)
                    for g in narratives
                ],
            )  # fmt: skip
            df: Counter[str] = Counter()
            for p in places:
                df.update(set(p.document.terms))
            self.sql.executemany(
                "INSERT INTO narrative_terms (term, df) VALUES (?, ?) ON CONFLICT (term) "
                "DO UPDATE SET df = narrative_terms.df + excluded.df",
                sorted(df.items()),
            )
            self.sql.executemany(
                "INSERT INTO narrative_documents (document_id, seq, story, similarity, vector, "
                "run) VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (p.document.document_id, p.document.seq, p.story, p.similarity,
                     _bytes(p.document.vector, np.float32), run)
                    for p in places
                ],
            )  # fmt: skip
            claims = [(p, c) for p in places for c in p.claims]
            keys = self.sql.new_keys("narrative_claims", "id", len(claims))
            self.sql.executemany(
                "INSERT INTO narrative_claims (id, document_id, finding_id, story, narrative, "
                "sentence, start_char, end_char, text, label, checkworthiness, polarity, "
                "similarity, vector, run) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (key, p.document.document_id, c.claim.finding_id, p.story, c.narrative,
                     c.claim.sentence, c.claim.start, c.claim.end, c.claim.text, c.claim.label,
                     c.claim.checkworthiness, c.claim.polarity, c.similarity,
                     _bytes(c.claim.vector, np.float32), run)
                    for key, (p, c) in zip(keys, claims, strict=True)
                ],
            )  # fmt: skip

    def clear(self) -> None:
        """Forget every story and narrative (the next run clusters the whole store)."""
        with self.sql.transaction():
            for table in (
                "narrative_claims",
                "narrative_documents",
                "narrative_groups",
                "narrative_stories",
                "narrative_terms",
                "narrative_runs",
            ):
                self.sql.execute(f"DELETE FROM {table}")

    # -- reading the result ----------------------------------------------------------

    def documents(self) -> list[DocumentRecord]:
        """Every clustered document, in arrival order, with its metadata."""
        return [
            DocumentRecord(
                str(r[0]), int(r[1]), int(r[2]), float(r[3]), r[4], r[5], r[6], r[7],
                str(r[8]), str(r[9] or ""),
            )
            for r in self.sql.stream(
                "SELECT n.document_id, n.seq, n.story, n.similarity, d.title, d.url, o.name, "
                "d.published, d.ingested_at, (SELECT s.text FROM sentences s WHERE s.doc = "
                "d.key ORDER BY s.idx LIMIT 1) FROM narrative_documents n JOIN documents d "
                "ON d.id = n.document_id LEFT JOIN outlets o ON o.id = d.outlet_id "
                "ORDER BY n.seq"
            )
        ]  # fmt: skip

    def claims(self) -> list[ClaimRecord]:
        """Every clustered claim, in arrival order."""
        return [
            ClaimRecord(
                str(r[0]), str(r[1]), int(r[2]), int(r[3]), int(r[4]), int(r[5]), int(r[6]),
                str(r[7]), str(r[8]), float(r[9]), str(r[10]), float(r[11]), _f32(r[12]),
                int(r[13]),
            )
            for r in self.sql.stream(
                "SELECT document_id, finding_id, story, narrative, sentence, start_char, "
                "end_char, text, label, checkworthiness, polarity, similarity, vector, run "
                "FROM narrative_claims ORDER BY id"
            )
        ]  # fmt: skip

    def narrative_spans(self, narrative: int) -> list[tuple[str, int, int]]:
        """(document, start, end) of each claim of ``narrative``, in arrival order (none:
        the store has no such narrative)."""
        return [
            (str(d), int(s), int(e))
            for d, s, e in self.sql.all(
                "SELECT document_id, start_char, end_char FROM narrative_claims "
                "WHERE narrative = ? ORDER BY id",
                (narrative,),
            )
        ]

    def story_documents(self, story: int) -> list[str]:
        """The documents of ``story``, in arrival order (none: no such story)."""
        return [
            str(d)
            for (d,) in self.sql.all(
                "SELECT document_id FROM narrative_documents WHERE story = ? ORDER BY seq",
                (story,),
            )
        ]

    def added(self, run: int) -> dict[int, int]:
        """Claims each narrative gained in ``run``."""
        return {
            int(n): int(c)
            for n, c in self.sql.all(
                "SELECT narrative, COUNT(*) FROM narrative_claims WHERE run = ? GROUP BY narrative",
                (run,),
            )
        }

    def run_documents(self, run: int) -> list[str]:
        """The documents placed by ``run``, in arrival order."""
        return [
            str(d)
            for (d,) in self.sql.all(
                "SELECT document_id FROM narrative_documents WHERE run = ? ORDER BY seq", (run,)
            )
        ]

    def story_runs(self) -> dict[int, int]:
        return {int(i): int(r) for i, r in self.sql.all("SELECT id, run FROM narrative_stories")}

    def narrative_runs(self) -> dict[int, int]:
        return {int(i): int(r) for i, r in self.sql.all("SELECT id, run FROM narrative_groups")}

    def companions(
        self, document_ids: Sequence[str]
    ) -> list[tuple[str, str, str, int, int, str | None, int, int, str]]:
        """(document, kind, label, first sentence, last sentence, source type, start, end,
        attributes) of the technique, fact-check and sourced findings of the documents."""
        out = []
        for chunk in chunks(list(document_ids)):
            for r in self.sql.all(
                "SELECT d.id, f.kind, f.label, f.sent_first, f.sent_last, f.source_type, "
                "f.start_char, f.end_char, f.attributes FROM findings f JOIN documents d "
                f"ON d.key = f.doc WHERE d.id IN ({marks(len(chunk))}) AND (f.kind IN "
                "('technique', 'factcheck') OR f.source_type IS NOT NULL)",
                chunk,
            ):
                out.append(
                    (str(r[0]), str(r[1]), str(r[2]), int(r[3]), int(r[4]), r[5], int(r[6]),
                     int(r[7]), str(r[8]))
                )  # fmt: skip
        return out
