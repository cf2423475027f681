"""Ingestion: files, directories, JSON Lines corpora and stdin become :class:`Document` s.

Loaders yield either a :class:`~unspin.model.Document` or the
:class:`~unspin.errors.InputError` that stopped one input, so a batch goes on past a bad
file or line and the caller decides how to report it.
"""

from __future__ import annotations

import io
import json
import logging
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from unspin.errors import (
    DecodingError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    MalformedRecordError,
    UnsupportedInputError,
)
from unspin.ingest.dates import read_date
from unspin.ingest.decode import decode_bytes, normalise_text
from unspin.ingest.html import declared_charset, html_to_text, looks_like_html
from unspin.ingest.lines import bounded_lines, parse_record, surrogate_field, surrogate_in
from unspin.ingest.markdown import markdown_to_text
from unspin.ingest.plain import plain_meta
from unspin.model import Document

__all__ = [
    "DEFAULT_MAX_BYTES",
    "JSONL_SUFFIXES",
    "TEXT_SUFFIXES",
    "iter_documents",
    "load_bytes",
    "load_feed_lines",
    "load_path",
    "load_paths",
    "load_stream",
    "load_text",
]

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 5_000_000

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".jsonlines"}
#: One JSON object, the fields of one JSON Lines record (read when named, not walked).
JSON_SUFFIXES = {".json"}
PLAIN_SUFFIXES = {".txt", ".text", ""}
#: Suffixes picked up when walking a directory.
TEXT_SUFFIXES = HTML_SUFFIXES | MARKDOWN_SUFFIXES | JSONL_SUFFIXES | PLAIN_SUFFIXES

_META_FIELDS = ("title", "url", "outlet", "author", "published", "language")
_TEXT_FIELDS = ("text", "body", "content")
_DATE_FIELDS = ("published", "date", "publication_date", "published_at")


Loaded = Document | InputError


def _normalise_date(value: Any, field: str, source: str | None) -> str | None:
    """An ISO 8601 date (or date-time) string, or None (with a warning naming ``source``
    and ``field``) when it cannot be read as a whole calendar day."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    parsed = read_date(text)
    if parsed is None:
        log.warning(
            "%s: ignoring the unreadable publication date %r in field %r (not a whole "
            "calendar day; write it as 2024-03-05)",
            source or "input",
            text,
            field,
        )
        return None
    if parsed.hour == parsed.minute == parsed.second == 0 and ":" not in text:
        return parsed.date().isoformat()
    return parsed.isoformat()


def _document(text: str, meta: Mapping[str, Any], source: str | None) -> Document:
    if not text.strip():
        raise EmptyInputError("no text", source=source)
    at = surrogate_in(text)
    if at is not None:
        raise DecodingError(
            f"the text holds an unpaired surrogate at character {at} (U+{ord(text[at]):04X})",
            source=source,
        )
    field = next((k for k in _DATE_FIELDS if meta.get(k)), None)
    return Document(
        text=text,
        title=_str_or_none(meta.get("title")),
        url=_str_or_none(meta.get("url")),
        outlet=_str_or_none(meta.get("outlet")),
        author=_author(meta.get("author")),
        published=_normalise_date(meta[field], field, source) if field else None,
        language=_str_or_none(meta.get("language") or meta.get("lang")) or "en",
        source=source,
    )


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text or None


def _author(value: Any) -> str | None:
    if isinstance(value, (list, tuple)):
        return _str_or_none(", ".join(str(v) for v in value))
    return _str_or_none(value)


def load_text(
    text: str, *, max_bytes: int = DEFAULT_MAX_BYTES, source: str | None = None, **meta: Any
) -> Document:
    """A document from a text given directly (raises :class:`InputError` if unusable)."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise InputTooLargeError(
            f"input is {size:,} bytes, over the limit of {max_bytes:,}",
            source=source,
            hint="raise [ingest] max_bytes or --max-bytes",
        )
    unknown = set(meta) - set(_META_FIELDS) - {"date"}
    if unknown:
        raise TypeError(f"unknown metadata field(s): {', '.join(sorted(unknown))}")
    return _document(normalise_text(text), meta, source)


def _sniff_kind(text: str, suffix: str) -> str:
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if looks_like_html(text):
        return "html"
    return "text"


def load_bytes(
    data: bytes, *, source: str | None, suffix: str = "", max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Loaded]:
    """Documents from the bytes of one file (several for JSON Lines)."""
    kind = "jsonl" if suffix in JSONL_SUFFIXES else None
    if kind == "jsonl":
        yield from _load_jsonl(io.BytesIO(data), source=source, max_bytes=max_bytes)
        return
    if len(data) > max_bytes:
        yield InputTooLargeError(
            f"{len(data):,} bytes, over the limit of {max_bytes:,}",
            source=source,
            hint="raise [ingest] max_bytes or --max-bytes",
        )
        return
    try:
        declared = declared_charset(data) if suffix in HTML_SUFFIXES else None
        text = decode_bytes(data, source=source, declared=declared)
        kind = _sniff_kind(text, suffix)
        if kind == "jsonl":
            yield from _load_jsonl(io.BytesIO(data), source=source, max_bytes=max_bytes)
            return
        if suffix in JSON_SUFFIXES:
            yield _load_json(text, source)
            return
        if kind == "html":
            body, meta = html_to_text(text, source=source)
        elif kind == "markdown":
            body, meta = markdown_to_text(text)
        else:
            body = text.strip("\n")
            meta = plain_meta(body)
        yield _document(body, meta, source)
    except InputError as exc:
        yield exc


def _record_document(record: Mapping[str, Any], where: str | None, holder: str) -> Loaded:
    """The document of one JSON record (a JSON Lines line, a ``.json`` file's object)."""
    field = next((f for f in _TEXT_FIELDS if f in record), None)
    text = record.get(field) if field else None
    if not isinstance(text, str):
        return MalformedRecordError(
            "record has no string field 'text'",
            source=where,
            hint=f'{holder} needs {{"text": "..."}} plus optional title, url, outlet, author, '
            "published",
        )
    try:
        return _document(normalise_text(text).strip("\n"), record, where)
    except InputError as exc:
        return exc


_JSON_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number"}


def _load_json(text: str, source: str | None) -> Loaded:
    """The one document of a ``.json`` file: an object with the fields of a JSON line."""
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return MalformedRecordError(
            f"not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})", source=source
        )
    except RecursionError:
        return MalformedRecordError("JSON nested too deeply", source=source)
    return _json_document(record, source, "a .json input")


def _json_document(record: Any, source: str | None, holder: str) -> Loaded:
    """The document of a parsed ``.json`` input (a file, or stdin holding one object over
    several lines): an object with the fields of a JSON line."""
    if not isinstance(record, dict):
        return MalformedRecordError(
            f"a .json input is one JSON object, not {_JSON_KINDS.get(type(record), 'a value')}",
            source=source,
            hint='{"text": "..."} plus optional title, url, outlet, author, published; '
            "several documents go in a .jsonl file, one per line",
        )
    return surrogate_field(record, source) or _record_document(record, source, holder)


def _load_jsonl(
    stream: IO[bytes], *, source: str | None, max_bytes: int, first: int = 1
) -> Iterator[Loaded]:
    seen_any = False
    for line in bounded_lines(stream, max_bytes, first):
        where = f"{source}:{line.number}" if source else f"line {line.number}"
        if line.data is not None and not line.data.strip():
            continue
        seen_any = True
        record = parse_record(line, where, max_bytes)
        if isinstance(record, InputError):
            yield record
            continue
        yield _record_document(record, where, "each line")
    if not seen_any:
        yield EmptyInputError("no records", source=source)


def load_feed_lines(
    data: bytes, *, source: str, first: int, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Loaded]:
    """The documents of ``data``, complete JSON Lines appended to the feed ``source``,
    each named as the feed's line (``feed.jsonl:7``, counting from ``first``); blank lines
    alone give nothing."""
    loaded = _load_jsonl(io.BytesIO(data), source=source, max_bytes=max_bytes, first=first)
    yield from (x for x in loaded if not isinstance(x, EmptyInputError) or x.source != source)


#: Piped input that opens as Markdown: front matter, or a "# " heading ("#BREAKING", a
#: hashtag, is no heading).
_MARKDOWN_OPENING = re.compile(rb"(?:\xef\xbb\xbf)?\s*(?:---[ \t]*\r?\n|#{1,6}[ \t]+\S)")


def load_stream(
    stream: IO[bytes], *, source: str = "<stdin>", max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Loaded]:
    """Documents from a byte stream (stdin): plain text, Markdown (when it opens with front
    matter or a "# " heading), HTML or JSON Lines."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes and not data.lstrip().startswith(b"{"):
        yield InputTooLargeError(
            f"more than {max_bytes:,} bytes", source=source, hint="raise --max-bytes"
        )
        return
    if data.lstrip().startswith(b"{"):
        whole = _one_object(data) if len(data) <= max_bytes else None
        if whole is not None:  # one object over several lines, as a .json file holds
            yield _json_document(whole, source, "a JSON object on stdin")
            return
        # JSON Lines: what was read, then the rest of the stream line by line (bounded).
        head = io.BufferedReader(_Chained(data, stream))
        yield from _load_jsonl(head, source=source, max_bytes=max_bytes)
        return
    suffix = ".md" if _MARKDOWN_OPENING.match(data) else ""
    yield from load_bytes(data, source=source, suffix=suffix, max_bytes=max_bytes)


def _one_object(data: bytes) -> dict[str, Any] | None:
    """The whole input, parsed, when it is one JSON object over several lines (a single
    line is read as JSON Lines, as before); else ``None``."""
    try:
        text = data.decode("utf-8-sig").strip()
        record = json.loads(text) if "\n" in text else None
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return record if isinstance(record, dict) else None


class _Chained(io.RawIOBase):
    """A raw stream that gives ``head`` first, then the rest of ``tail``."""

    def __init__(self, head: bytes, tail: IO[bytes]) -> None:
        self._head, self._tail = memoryview(head), tail

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if len(self._head):
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._tail.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def load_path(path: Path | str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Loaded]:
    """Documents from one path: a file, a directory (recursively) or ``-`` for stdin."""
    if str(path) == "-":
        yield from load_stream(sys.stdin.buffer, max_bytes=max_bytes)
        return
    path = Path(path)
    if path.is_dir():
        yield from _walk(path, max_bytes=max_bytes)
        return
    source = str(path)
    if not path.exists():
        yield UnsupportedInputError("no such file or directory", source=source)
        return
    if not path.is_file():
        yield UnsupportedInputError("not a regular file", source=source)
        return
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as fh:
                yield from _load_jsonl(fh, source=source, max_bytes=max_bytes)
            return
        size = path.stat().st_size
        if size > max_bytes:
            yield InputTooLargeError(
                f"{size:,} bytes, over the limit of {max_bytes:,}",
                source=source,
                hint="raise [ingest] max_bytes or --max-bytes",
            )
            return
        data = path.read_bytes()
    except OSError as exc:
        yield UnsupportedInputError(f"cannot read: {exc.strerror or exc}", source=source)
        return
    yield from load_bytes(data, source=source, suffix=suffix, max_bytes=max_bytes)


def _walk(root: Path, *, max_bytes: int) -> Iterator[Loaded]:
    found = False
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            p = Path(dirpath) / name
            if p.suffix.lower() not in TEXT_SUFFIXES:
                log.debug("skipping %s: not a text, Markdown, HTML or JSON Lines file", p)
                continue
            found = True
            yield from load_path(p, max_bytes=max_bytes)
    if not found:
        yield EmptyInputError(
            "directory holds no .txt, .md, .html or .jsonl files", source=str(root)
        )


def load_paths(
    paths: Iterable[Path | str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Loaded]:
    """Documents from several paths, in order."""
    for p in paths:
        yield from load_path(p, max_bytes=max_bytes)


def iter_documents(
    items: Iterable[Path | str | Document | InputError],
    *,
    on_error: Callable[[InputError], None],
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[Document]:
    """The documents of ``items``, in order: paths (``"-"``: stdin) are loaded, documents
    pass through, and every :class:`~unspin.errors.InputError` (given or met while
    loading) goes to ``on_error`` while the batch goes on.

    ``on_error`` may raise to stop at the first error instead.
    """
    for item in items:
        loaded = (
            (item,)
            if isinstance(item, (Document, InputError))
            else load_path(item, max_bytes=max_bytes)
        )
        for found in loaded:
            if isinstance(found, InputError):
                on_error(found)
            else:
                yield found
