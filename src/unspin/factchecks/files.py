"""Published fact-checks read from files and directories: each file's shape told by its
suffix (:data:`SUFFIXES`; HTML, JSON or JSON-LD, JSON Lines, CSV or TSV) and read by
:func:`unspin.factchecks.parse.parse_text`; a directory is walked recursively, hidden files
skipped. An input that cannot be read (missing, empty, too large, undecodable) yields one
:class:`ClaimReviewError` naming the file, and reading goes on with the rest.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

from unspin.errors import InputError
from unspin.factchecks.model import ClaimReview, ClaimReviewError
from unspin.factchecks.parse import Loaded, parse_text

__all__ = ["SUFFIXES", "iter_claimreviews", "load_claimreviews"]

log = logging.getLogger(__name__)

HTML_SUFFIXES = frozenset((".html", ".htm", ".xhtml", ".shtml"))
JSON_SUFFIXES = frozenset((".json", ".jsonld"))
JSONL_SUFFIXES = frozenset((".jsonl", ".ndjson"))
CSV_SUFFIXES = frozenset((".csv", ".tsv"))
#: File suffixes read when a directory is walked.
SUFFIXES = HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES


def _kind_of(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSON_SUFFIXES:
        return "json"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix == ".tsv":
        return "tsv"
    if suffix == ".csv":
        return "csv"
    return None


def _read(path: Path, max_bytes: int) -> str:
    from unspin.ingest.decode import decode_bytes

    source = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ClaimReviewError(
                f"{size:,} bytes is over the {max_bytes:,}-byte limit", source=source
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ClaimReviewError(f"cannot read: {exc.strerror or exc}", source=source) from exc
    if not data.strip():
        raise ClaimReviewError("empty file", source=source)
    try:
        return decode_bytes(data, source=source)
    except InputError as exc:
        raise ClaimReviewError(exc.message.split(": ", 1)[-1], source=source) from exc


def iter_claimreviews(
    paths: Path | str | Iterable[Path | str], *, max_bytes: int = 200_000_000
) -> Iterator[Loaded]:
    """Every ClaimReview in the given files and directories (walked recursively, hidden
    files skipped, suffixes :data:`SUFFIXES`), and one error per unreadable input."""
    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    for item in items:
        path = Path(item)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            for p in files:
                yield from _iter_file(p, max_bytes)
        elif path.is_file():
            yield from _iter_file(path, max_bytes)
        else:
            yield ClaimReviewError("no such file or directory", source=str(path))


def _iter_file(path: Path, max_bytes: int) -> Iterator[Loaded]:
    try:
        text = _read(path, max_bytes)
    except ClaimReviewError as exc:
        yield exc
        return
    yield from parse_text(text, kind=_kind_of(path), source=str(path))


def load_claimreviews(
    paths: Path | str | Iterable[Path | str],
) -> tuple[list[ClaimReview], list[ClaimReviewError]]:
    """All ClaimReviews in ``paths`` (duplicates by :attr:`ClaimReview.id` dropped) and the
    errors met on the way."""
    reviews: dict[str, ClaimReview] = {}
    errors: list[ClaimReviewError] = []
    for item in iter_claimreviews(paths):
        if isinstance(item, ClaimReviewError):
            log.debug("%s", item)
            errors.append(item)
        else:
            reviews.setdefault(item.id, item)
    return list(reviews.values()), errors
