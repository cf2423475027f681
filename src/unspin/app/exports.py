"""Standard exports of stored findings (``corpus export --what findings -f FORMAT``):
W3C Web Annotation, brat standoff, Label Studio tasks, Parquet tables
(:mod:`unspin.exports`), and ClaimReview of a reviewer's own claim ratings
(:mod:`unspin.reviews.claimreview`)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from unspin.app.corpus import checked_document, opened_store
from unspin.errors import ConfigError, StoreError
from unspin.exports import DIRECTORY_FORMATS, FINDING_FORMATS, Selection, annotated
from unspin.exports.brat import write_brat
from unspin.exports.labelstudio import config_path, label_config, write_labelstudio
from unspin.exports.parquet import write_parquet
from unspin.exports.webannotation import write_webannotation
from unspin.files import write_atomic
from unspin.model import Document
from unspin.reviews import Rating, ReviewError, ReviewTable, check_reviewer, review_states
from unspin.reviews.claimreview import claim_review, write_claimreviews
from unspin.store import Filters

__all__ = [
    "DIRECTORY_FORMATS",
    "STANDARD_FORMATS",
    "ExportCount",
    "export_claimreviews",
    "export_findings_as",
    "label_config_path",
]

#: Every format of this module: the finding formats and ``claimreview``.
STANDARD_FORMATS: tuple[str, ...] = (*FINDING_FORMATS, "claimreview")


def label_config_path(tasks: Path) -> Path:
    """Where ``-f labelstudio -o tasks`` writes the labeling configuration of its tasks."""
    return config_path(tasks)


@dataclass(frozen=True)
class ExportCount:
    """What an export wrote: documents and findings (claim reviews for ClaimReview; then
    ``raters`` also names everyone who rated a claim in the store)."""

    documents: int
    findings: int
    raters: tuple[str, ...] = ()


@contextlib.contextmanager
def _writing(out: TextIO | Path | None) -> Iterator[None]:
    """OSErrors of writing to the file or folder ``out`` as one-line StoreErrors (a
    stream's, such as a closed pipe, go on to the front end)."""
    try:
        yield
    except OSError as exc:
        if not isinstance(out, Path):
            raise
        raise StoreError(f"cannot write {out}: {exc.strerror or exc}") from None


@contextlib.contextmanager
def _stream(out: TextIO | Path | None) -> Iterator[TextIO]:
    """``out`` (stdout when None), or a file there that appears whole or not at all."""
    if isinstance(out, Path):
        with write_atomic(out, make_parents=False) as fh:
            yield fh
    else:
        yield sys.stdout if out is None else out


def export_findings_as(
    db: str | Path | None,
    out: TextIO | Path | None,
    fmt: str,
    *,
    filters: Filters | None = None,
    label: str | None = None,
    document: str | None = None,
) -> ExportCount:
    """Export the selected stored findings as ``fmt`` (one of
    :data:`unspin.exports.FINDING_FORMATS`): to a stream or a file (``webannotation``,
    ``labelstudio``, with its labeling configuration beside a file), or into the folder
    ``out`` (``brat``, ``parquet``: required)."""
    if fmt not in FINDING_FORMATS:
        raise ConfigError(
            f"unknown findings format {fmt!r}; use one of {', '.join(STANDARD_FORMATS)}"
        )
    if fmt in DIRECTORY_FORMATS and not isinstance(out, Path):
        raise ConfigError(f"-f {fmt} writes a folder of files: give it with -o DIR")
    if isinstance(out, Path) and fmt in DIRECTORY_FORMATS and out.is_file():
        raise ConfigError(f"-f {fmt} writes a folder of files; {out} is a file")
    selection = Selection(filters or Filters(), label, document)
    with (
        opened_store(db) as store,
        contextlib.closing(annotated(store, selection)) as items,
        _writing(out),
    ):
        checked_document(store, document)
        if fmt == "brat":
            assert isinstance(out, Path)
            brat = write_brat(out, items)
            return ExportCount(brat.documents, brat.findings)
        if fmt == "parquet":
            assert isinstance(out, Path)
            rows = write_parquet(out, store, items).rows
            return ExportCount(rows["documents"], rows["findings"])
        if fmt == "webannotation":
            with _stream(out) as fh:
                docs, findings = write_webannotation(fh, items)
            return ExportCount(docs, findings)
        labels: dict[str, set[str]] = {}
        with _stream(out) as fh:
            docs, findings = write_labelstudio(fh, items, labels)
        if isinstance(out, Path):
            with write_atomic(config_path(out), make_parents=False) as fh:
                fh.write(label_config(labels))
        return ExportCount(docs, findings)


def export_claimreviews(
    db: str | Path | None, out: TextIO | Path | None, *, reviewer: str | None
) -> ExportCount:
    """The claims ``reviewer`` rated, as ClaimReview JSON-LD by the organization of that
    name (the newest rating of each claim; no other claim, no invented rating).
    ``reviewer`` is required: a one-line :class:`ConfigError` without it."""
    if not reviewer or not reviewer.strip():
        raise ConfigError(
            "-f claimreview exports one reviewer's own ratings: name them with --reviewer ORG"
        )
    try:
        organization = check_reviewer(reviewer)
    except ReviewError as exc:  # an option's value: a usage error, as a missing one is
        raise ConfigError(f"--reviewer {reviewer!r}: {exc.message}") from None
    reviews = []
    documents: set[str] = set()
    with opened_store(db) as store:
        by_doc: dict[str, list[Rating]] = {}
        raters: set[str] = set()
        for rating in store.repository(ReviewTable).ratings():
            raters.add(rating.reviewer)
            if rating.reviewer.casefold() == organization.casefold():
                by_doc.setdefault(rating.document_id, []).append(rating)
        for doc_id, ratings in by_doc.items():
            try:
                analysis = store.get_analysis(doc_id)
            except KeyError:
                analysis = None
            doc: Document | None = None if analysis is None else analysis.document
            for state in review_states(analysis, ratings):
                if state.counted and isinstance(state.item, Rating):
                    reviews.append(claim_review(state.item, doc, organization))
                    documents.add(doc_id)
    with _writing(out), _stream(out) as fh:
        count = write_claimreviews(fh, reviews)
    return ExportCount(len(documents), count, tuple(sorted(raters, key=str.casefold)))
