"""Bounded reading of JSON Lines: one line at a time, never more than the limit in memory."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from unspin.errors import InputError, InputTooLargeError, MalformedRecordError

__all__ = ["Line", "bounded_lines", "parse_record", "surrogate_field", "surrogate_in"]

#: The piece read at a time while skipping the rest of an oversized line.
_CHUNK = 1 << 20
#: Deeper JSON is refused before parsing (a record is a flat object: 64 is generous).
MAX_DEPTH = 64

_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Line:
    """Line ``number`` of a stream: its bytes, or ``None`` when it ran over the limit
    (``size`` is then the whole line's length)."""

    number: int
    data: bytes | None
    size: int


def bounded_lines(stream: IO[bytes], max_bytes: int, first: int = 1) -> Iterator[Line]:
    """The lines of ``stream``, numbered from ``first``, each read with at most
    ``max_bytes + 1`` bytes in memory; a longer line is skipped to its end and reported
    with ``data=None``."""
    number = first - 1
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            return
        number += 1
        if len(raw) <= max_bytes or raw.endswith(b"\n"):
            yield Line(number, raw, len(raw))
            continue
        size = len(raw)
        while True:  # skip the rest of the oversized line without keeping it
            more = stream.readline(_CHUNK)
            size += len(more)
            if not more or more.endswith(b"\n"):
                break
        yield Line(number, None, size)


def _depth(raw: bytes) -> int:
    """The deepest nesting of ``[`` / ``{`` outside strings; lines with too few brackets to
    nest that deep (nearly all) are not scanned."""
    if raw.count(b"[") + raw.count(b"{") <= MAX_DEPTH:
        return 0
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_DEPTH:
                    return deepest
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


def surrogate_in(text: str) -> int | None:
    """The offset of the first unpaired surrogate in ``text`` (not encodable), else None."""
    m = _SURROGATE.search(text)
    return m.start() if m else None


def parse_record(line: Line, where: str, max_bytes: int) -> dict[str, Any] | InputError:
    """The JSON object on ``line``, or the error that makes it unusable."""
    if line.data is None:
        return InputTooLargeError(
            f"record is {line.size:,} bytes, over the limit of {max_bytes:,}",
            source=where,
            hint="raise [ingest] max_bytes or --max-bytes",
        )
    if _depth(line.data) > MAX_DEPTH:
        return MalformedRecordError(f"JSON nested deeper than {MAX_DEPTH} levels", source=where)
    try:
        record = json.loads(line.data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return MalformedRecordError("record is not UTF-8", source=where)
    except json.JSONDecodeError as exc:
        column = f"column {exc.pos + 1}" if exc.msg.endswith(" at") else f"at column {exc.pos + 1}"
        return MalformedRecordError(f"malformed JSON line ({exc.msg} {column})", source=where)
    except RecursionError:
        return MalformedRecordError("JSON nested too deeply", source=where)
    if not isinstance(record, dict):
        return MalformedRecordError("record is not a JSON object", source=where)
    return surrogate_field(record, where) or record


def surrogate_field(record: dict[str, Any], where: str | None) -> InputError | None:
    """The error of a field of ``record`` holding an unpaired surrogate escape (``"\\ud800"``,
    valid JSON but no text), else None."""
    for key, value in record.items():
        at = surrogate_in(value) if isinstance(value, str) else None
        if at is not None:
            return MalformedRecordError(
                f"field {key!r} holds an unpaired surrogate escape at character {at} "
                f"(U+{ord(value[at]):04X}), which is not text",
                source=where,
            )
    return None
