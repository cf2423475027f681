"""The review loop: mark findings correct or wrong, rate claims, list a document's marks
with their anchoring in the current analysis, precision per finding kind, exports,
orphans (see :mod:`unspin.reviews`)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TextIO

from unspin.app.corpus import opened_store
from unspin.errors import ConfigError
from unspin.files import csv_safe, write_atomic
from unspin.model import JSON, Analysis, Document, Finding
from unspin.reviews import (
    EXPORT_COLUMNS,
    KindSummary,
    Mark,
    Rating,
    ReviewState,
    ReviewTable,
    UnknownTargetError,
    export_row,
    review_states,
    summarise,
)
from unspin.store import Store

__all__ = [
    "DocumentReviews",
    "ReviewSummary",
    "add_claim_rating",
    "add_review_mark",
    "document_reviews",
    "export_reviews",
    "review_orphans",
    "review_summary",
]

ReviewExportFormat = Literal["jsonl", "csv"]


def _analysis(store: Store, document_id: str) -> Analysis:
    try:
        return store.get_analysis(document_id)
    except KeyError:
        raise UnknownTargetError(f"no document {document_id!r} in {store.url}") from None


def _finding(analysis: Analysis, finding_id: str) -> Finding:
    try:
        return analysis.get(finding_id)
    except KeyError:
        raise UnknownTargetError(
            f"no finding {finding_id!r} in document {analysis.document.id!r}"
        ) from None


def _state(store: Store, analysis: Analysis, item: Mark | Rating) -> ReviewState:
    """``item`` among the document's other marks (to tell whether it supersedes one)."""
    table = store.repository(ReviewTable)
    doc = analysis.document
    items: list[Mark | Rating] = [
        *(table.marks(doc.id, url=doc.url) if isinstance(item, Mark) else ()),
        *(table.ratings(doc.id, url=doc.url) if isinstance(item, Rating) else ()),
    ]
    states = review_states(analysis, items)
    return next(s for s in states if s.item.id == item.id)


def _record(
    db: str | Path | None,
    document_id: str,
    finding_id: str,
    make: Callable[[Document, Finding], Mark | Rating],
) -> ReviewState:
    with opened_store(db) as store:
        analysis = _analysis(store, document_id)
        item = make(analysis.document, _finding(analysis, finding_id))
        table = store.repository(ReviewTable)
        stored = table.add_mark(item) if isinstance(item, Mark) else table.add_rating(item)
        return _state(store, analysis, stored)


def add_review_mark(
    db: str | Path | None,
    document_id: str,
    finding_id: str,
    verdict: str,
    *,
    reviewer: str,
    note: str | None = None,
) -> ReviewState:
    """Record ``reviewer``'s verdict (``correct`` or ``wrong``) on a stored finding; return
    the stored mark anchored in the document. Raises :class:`~unspin.reviews.ReviewError`
    (bad values) or :class:`~unspin.reviews.UnknownTargetError` (no such document or
    finding)."""
    return _record(
        db,
        document_id,
        finding_id,
        lambda doc, f: Mark.on(doc, f, verdict=verdict, reviewer=reviewer, note=note),
    )


def add_claim_rating(
    db: str | Path | None,
    document_id: str,
    finding_id: str,
    scale: int,
    *,
    reviewer: str,
    rating: str | None = None,
    note: str | None = None,
) -> ReviewState:
    """Record ``reviewer``'s own rating of a stored claim: a value on
    :data:`~unspin.reviews.RATING_SCALE` (1 false ... 5 true) and free text (the scale's
    label when empty)."""
    return _record(
        db,
        document_id,
        finding_id,
        lambda doc, f: Rating.on(doc, f, scale=scale, rating=rating, reviewer=reviewer, note=note),
    )


@dataclass(frozen=True)
class DocumentReviews:
    """A document's marks and ratings (its own, and those made on earlier versions stored
    under the same URL), anchored in its current analysis, oldest first."""

    document_id: str
    marks: list[ReviewState] = field(default_factory=list)
    ratings: list[ReviewState] = field(default_factory=list)

    @property
    def orphans(self) -> list[ReviewState]:
        return [s for s in [*self.marks, *self.ratings] if s.anchoring.orphan]

    def to_dict(self) -> dict[str, JSON]:
        return {
            "document_id": self.document_id,
            "marks": [s.to_dict() for s in self.marks],
            "ratings": [s.to_dict() for s in self.ratings],
            "orphans": len(self.orphans),
        }


def document_reviews(db: str | Path | None, document_id: str) -> DocumentReviews:
    """The marks and ratings of one stored document, anchored in its current analysis."""
    with opened_store(db) as store:
        analysis = _analysis(store, document_id)
        doc = analysis.document
        table = store.repository(ReviewTable)
        marks = list(table.marks(doc.id, url=doc.url))
        ratings = list(table.ratings(doc.id, url=doc.url))
        return DocumentReviews(
            doc.id, review_states(analysis, marks), review_states(analysis, ratings)
        )


def _all_states(store: Store) -> tuple[list[ReviewState], list[ReviewState]]:
    """Every mark and rating, each anchored in its own document's current analysis."""
    table = store.repository(ReviewTable)
    marks, ratings = list(table.marks()), list(table.ratings())
    by_doc: dict[str, tuple[list[Mark | Rating], list[Mark | Rating]]] = {}
    for m in marks:
        by_doc.setdefault(m.document_id, ([], []))[0].append(m)
    for r in ratings:
        by_doc.setdefault(r.document_id, ([], []))[1].append(r)
    mark_states: list[ReviewState] = []
    rating_states: list[ReviewState] = []
    for doc_id, (doc_marks, doc_ratings) in by_doc.items():
        try:
            analysis: Analysis | None = store.get_analysis(doc_id)
        except KeyError:
            analysis = None
        mark_states.extend(review_states(analysis, doc_marks))
        rating_states.extend(review_states(analysis, doc_ratings))
    mark_states.sort(key=lambda s: s.item.id)
    rating_states.sort(key=lambda s: s.item.id)
    return mark_states, rating_states


@dataclass(frozen=True)
class ReviewSummary:
    """Precision per finding kind and label from the reviewers' marks, and counts."""

    kinds: list[KindSummary]
    marks: int
    counted: int
    ratings: int
    orphans: int
    reviewers: list[str]

    def to_dict(self) -> dict[str, JSON]:
        return {
            "marks": self.marks,
            "counted": self.counted,
            "ratings": self.ratings,
            "orphans": self.orphans,
            "reviewers": list(self.reviewers),
            "kinds": [k.to_dict() for k in self.kinds],
        }


def review_summary(db: str | Path | None) -> ReviewSummary:
    """Marks correct and wrong per finding kind and label -> precision, with counts
    (the newest mark of a reviewer on a finding counts; orphans apart)."""
    with opened_store(db) as store:
        marks, ratings = _all_states(store)
    return ReviewSummary(
        kinds=summarise(marks),
        marks=len(marks),
        counted=sum(s.counted for s in marks),
        ratings=len(ratings),
        orphans=sum(s.anchoring.orphan for s in [*marks, *ratings]),
        reviewers=sorted({s.item.reviewer for s in [*marks, *ratings]}),
    )


def review_orphans(db: str | Path | None, document_id: str | None = None) -> list[ReviewState]:
    """Marks and ratings no current finding holds: of one document (its own and those
    of earlier versions under its URL), or of the whole store (each in its own
    document)."""
    if document_id is not None:
        return document_reviews(db, document_id).orphans
    with opened_store(db) as store:
        marks, ratings = _all_states(store)
    return [s for s in [*marks, *ratings] if s.anchoring.orphan]


def _write(out: TextIO, fmt: ReviewExportFormat, states: Iterable[ReviewState]) -> int:
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(EXPORT_COLUMNS))
        writer.writeheader()
        for s in states:
            writer.writerow(csv_safe(export_row(s)))
            count += 1
    else:
        for s in states:
            out.write(json.dumps(s.to_dict(), ensure_ascii=False) + "\n")
            count += 1
    return count


def export_reviews(
    db: str | Path | None, out: TextIO | Path, *, fmt: ReviewExportFormat = "jsonl"
) -> int:
    """Every mark and rating, with its anchoring in the current analysis and whether it
    counts, as JSON Lines (one object each) or CSV (``unspin.reviews.EXPORT_COLUMNS``,
    cells escaped against formula injection); to a stream, or to a file that appears whole
    or not at all. Returns how many were written."""
    if fmt not in ("jsonl", "csv"):
        raise ConfigError(f"unknown export format {fmt!r}; use jsonl or csv")
    with opened_store(db) as store:
        marks, ratings = _all_states(store)
    states = [*marks, *ratings]
    if isinstance(out, Path):
        with write_atomic(out, newline="" if fmt == "csv" else "\n") as fh:
            return _write(fh, fmt, states)
    return _write(out, fmt, states)
