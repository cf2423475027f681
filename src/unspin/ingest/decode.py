"""Bytes to text: encoding detection and the binary-data check."""

from __future__ import annotations

import codecs
import unicodedata

from unspin.errors import BinaryInputError, DecodingError, EmptyInputError

__all__ = ["decode_bytes", "normalise_text"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: File signatures of common binary formats, for a helpful message.
_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a ZIP archive (or .docx/.xlsx/.epub)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "an executable",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"SQLite format 3": "an SQLite database",
}

_WESTERN = ("cp1252", "latin_1", "iso8859_15")

_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}


def normalise_text(text: str) -> str:
    """Unify line endings, drop a BOM and NUL-free control noise, apply NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return unicodedata.normalize("NFC", text)


def _wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a byte-order mark, told by where the zero bytes fall
    (text that is mostly ASCII or Latin has a zero high byte in every code unit)."""
    sample = data[:8192]
    n = len(sample)
    if n < 8 or b"\x00" not in sample:
        return None

    def zeros(offset: int, step: int) -> float:
        column = sample[offset::step]
        return column.count(0) / max(1, len(column))

    if n % 4 == 0:
        if min(zeros(1, 4), zeros(2, 4), zeros(3, 4)) > 0.95 and zeros(0, 4) < 0.05:
            return "utf-32-le"
        if min(zeros(0, 4), zeros(1, 4), zeros(2, 4)) > 0.95 and zeros(3, 4) < 0.05:
            return "utf-32-be"
    if n % 2 == 0:
        if zeros(1, 2) > 0.6 and zeros(0, 2) < 0.05:
            return "utf-16-le"
        if zeros(0, 2) > 0.6 and zeros(1, 2) < 0.05:
            return "utf-16-be"
    return None


def _looks_binary(data: bytes) -> str | None:
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            return what
    sample = data[:8192]
    if b"\x00" in sample:
        return "binary data (NUL bytes)"
    if sample:
        controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 11, 27))
        if controls / len(sample) > 0.05:
            return "binary data (control characters)"
    return None


def _control_heavy(text: str) -> bool:
    return (
        sum(1 for ch in text[:4096] if unicodedata.category(ch) == "Cc" and ch not in _CONTROL_OK)
        > 8
    )


def decode_bytes(data: bytes, *, source: str | None = None, declared: str | None = None) -> str:
    """Decode ``data`` to text, detecting the encoding; refuse binary data.

    Order: byte-order mark, then UTF-16 / UTF-32 without one (zero-byte pattern), then
    strict UTF-8, then the ``declared`` encoding (an HTML
    meta charset, say), then charset-normalizer's best guess.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return normalise_text(data.decode(encoding))
            except UnicodeDecodeError as exc:
                raise DecodingError(
                    f"invalid {encoding} text: {exc.reason}", source=source
                ) from None
    wide = _wide_encoding(data)
    if wide:
        try:
            text = data.decode(wide)
        except UnicodeDecodeError:
            text = ""
        if text and not _control_heavy(text):
            return normalise_text(text)
    what = _looks_binary(data)
    if what:
        raise BinaryInputError(
            f"looks like {what}, not text",
            source=source,
            hint="give unspin plain text, Markdown, HTML or JSON Lines",
        )
    if not data.strip():
        raise EmptyInputError("empty input", source=source)
    try:
        return normalise_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return normalise_text(data.decode(declared))
        except (UnicodeDecodeError, LookupError):
            pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    best = matches[0] if matches else None
    if best is not None:
        # Ties between single-byte Western encodings are common on short texts:
        # prefer Windows-1252 (a superset of Latin-1) when it reads as cleanly.
        for m in matches:
            if m.encoding in _WESTERN and m.percent_chaos <= best.percent_chaos:
                best = m
                break
    if best is None:
        raise DecodingError(
            "cannot detect the text encoding",
            source=source,
            hint="convert the file to UTF-8 (iconv -f ENCODING -t UTF-8)",
        )
    text = str(best)
    if _control_heavy(text):
        raise BinaryInputError("looks like binary data, not text", source=source)
    return normalise_text(text)
