"""Review marks and claim ratings in a store: the tables of schema migration 6 and their
repository, ``store.repository(ReviewTable)``.

``review_marks`` holds one row per mark (a verdict on a finding), ``claim_ratings`` one
per rating of a claim; both keep the document's id and URL, the finding's kind, label and
id at the time, and its anchor (quote, context before and after, offsets). Rows are only
ever added: a reviewer who changes their mind adds a newer mark, and the newest one
counts (:mod:`unspin.reviews.summary`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from typing import Any

from unspin.reviews.model import Anchor, Mark, Rating, Reviewed, check_verdict
from unspin.store.sql import Migration, SQLAccess, now

__all__ = ["MIGRATIONS", "ReviewTable"]

_ANCHORED = """document_id TEXT NOT NULL, document_url TEXT, kind TEXT NOT NULL,
    label TEXT NOT NULL, finding_id TEXT NOT NULL, quote TEXT NOT NULL,
    before_text TEXT NOT NULL, after_text TEXT NOT NULL, start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL, note TEXT NOT NULL, reviewer TEXT NOT NULL,
    created_at TEXT NOT NULL"""


def _statements(key: str) -> tuple[str, ...]:
    return (
        f"CREATE TABLE review_marks (id {key}, {_ANCHORED}, verdict TEXT NOT NULL)",
        "CREATE INDEX review_marks_document ON review_marks (document_id)",
        "CREATE INDEX review_marks_url ON review_marks (document_url)",
        "CREATE INDEX review_marks_kind ON review_marks (kind, label)",
        f"CREATE TABLE claim_ratings (id {key}, {_ANCHORED}, rating TEXT NOT NULL, "
        "scale INTEGER NOT NULL)",
        "CREATE INDEX claim_ratings_document ON claim_ratings (document_id)",
        "CREATE INDEX claim_ratings_url ON claim_ratings (document_url)",
    )


#: The review tables: migration 6 of every store.
MIGRATIONS = (
    Migration(
        6,
        "review marks on findings and reviewers' claim ratings, anchored by quote and context",
        sqlite=_statements("INTEGER PRIMARY KEY"),
        postgresql=_statements("BIGSERIAL PRIMARY KEY"),
    ),
)

_COMMON = (
    "id, document_id, document_url, kind, label, finding_id, quote, before_text, after_text, "
    "start_char, end_char, note, reviewer, created_at"
)
_MARK_COLUMNS = _COMMON + ", verdict"
_RATING_COLUMNS = _COMMON + ", rating, scale"


def _common(item: Reviewed) -> list[Any]:
    a = item.anchor
    return [
        item.document_id,
        item.document_url,
        item.kind,
        item.label,
        item.finding_id,
        a.quote,
        a.before,
        a.after,
        a.start,
        a.end,
        item.note,
        item.reviewer,
    ]


def _fields(row: Sequence[Any]) -> dict[str, Any]:
    """The shared fields of a row of :data:`_COMMON` columns."""
    return {
        "id": int(row[0]),
        "document_id": str(row[1]),
        "document_url": row[2],
        "kind": str(row[3]),
        "label": str(row[4]),
        "finding_id": str(row[5]),
        "anchor": Anchor(str(row[6]), str(row[7]), str(row[8]), int(row[9]), int(row[10])),
        "note": str(row[11]),
        "reviewer": str(row[12]),
        "created": str(row[13]),
    }


def _mark(row: Sequence[Any]) -> Mark:
    return Mark(verdict=check_verdict(str(row[14])), **_fields(row))


def _rating(row: Sequence[Any]) -> Rating:
    return Rating(rating=str(row[14]), scale=int(row[15]), **_fields(row))


def _where(document_id: str | None, url: str | None) -> tuple[str, list[Any]]:
    """Rows of a document, or of any document with the same URL (earlier versions)."""
    if document_id is None:
        return "", []
    if url:
        return " WHERE document_id = ? OR document_url = ?", [document_id, url]
    return " WHERE document_id = ?", [document_id]


class ReviewTable:
    """The review marks and claim ratings of one store (``store.repository(...)``)."""

    def __init__(self, sql: SQLAccess) -> None:
        self.sql = sql

    def _insert(self, table: str, columns: str, values: list[Any]) -> tuple[int, str]:
        stamp = now()
        with self.sql.transaction():
            (key,) = self.sql.new_keys(table, "id", 1)
            row = [key, *values[:12], stamp, *values[12:]]
            marks = ", ".join("?" * len(row))
            self.sql.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", row)
        return key, stamp

    def add_mark(self, mark: Mark) -> Mark:
        """Store a mark; return it with its id and time."""
        key, stamp = self._insert("review_marks", _MARK_COLUMNS, [*_common(mark), mark.verdict])
        return dataclasses.replace(mark, id=key, created=stamp)

    def add_rating(self, rating: Rating) -> Rating:
        """Store a claim rating; return it with its id and time."""
        key, stamp = self._insert(
            "claim_ratings", _RATING_COLUMNS, [*_common(rating), rating.rating, rating.scale]
        )
        return dataclasses.replace(rating, id=key, created=stamp)

    def marks(self, document_id: str | None = None, *, url: str | None = None) -> Iterator[Mark]:
        """Marks, oldest first: all of them, or those of a document (and, given its
        ``url``, those made on other versions of it stored under the same URL)."""
        where, params = _where(document_id, url)
        for row in self.sql.stream(
            f"SELECT {_MARK_COLUMNS} FROM review_marks{where} ORDER BY id", params
        ):
            yield _mark(row)

    def ratings(
        self, document_id: str | None = None, *, url: str | None = None
    ) -> Iterator[Rating]:
        """Claim ratings, oldest first, like :meth:`marks`."""
        where, params = _where(document_id, url)
        for row in self.sql.stream(
            f"SELECT {_RATING_COLUMNS} FROM claim_ratings{where} ORDER BY id", params
        ):
            yield _rating(row)

    def counts(self) -> tuple[int, int]:
        """How many marks and ratings are stored."""
        return (
            int(self.sql.one("SELECT COUNT(*) FROM review_marks")),
            int(self.sql.one("SELECT COUNT(*) FROM claim_ratings")),
        )
