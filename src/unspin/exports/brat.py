"""Stored findings in brat's standoff format: a folder with ``<id>.txt`` (the document's
text, exactly as stored) and ``<id>.ann`` (its annotations) per document, and an
``annotation.conf`` declaring the entity types and attributes used.

Each finding is a text-bound annotation (``T``): its type is the finding's kind, its
offsets are character offsets into the ``.txt`` (Unicode code points, newlines
included: ``text[start:end]``); a span that crosses a line break is written as brat
writes one, as fragments split at the breaks (``0 5;6 12``), its text the fragments
joined by spaces. The label is an attribute (``A``, ``Label``), the score and why an
``AnnotatorNotes`` comment (``#``). Types and attribute values keep letters, digits,
``_`` (and ``-`` ``/`` for types) only, as brat requires; the original label is in the
note.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from unspin.exports.select import Annotated, why
from unspin.files import write_atomic
from unspin.model import Finding

__all__ = [
    "ANNOTATION_CONF",
    "BratResult",
    "ann_lines",
    "attribute_value",
    "brat_type",
    "fragments",
    "write_brat",
]

#: The configuration file brat reads beside the documents.
ANNOTATION_CONF = "annotation.conf"

_TYPE_UNSAFE = re.compile(r"[^\w/-]+")
_VALUE_UNSAFE = re.compile(r"\W+")
#: What a fragment holds: anything but line breaks (as str.splitlines knows them) and tabs.
_PIECE = re.compile("[^\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")


def brat_type(name: str) -> str:
    """``name`` as a brat type: runs of other characters than letters, digits, ``_``,
    ``-`` and ``/`` become ``_`` (``Loaded Language`` -> ``Loaded_Language``)."""
    return _TYPE_UNSAFE.sub("_", name.strip()).strip("_") or "finding"


def attribute_value(name: str) -> str:
    """``name`` as a brat attribute value: letters, digits and ``_`` only."""
    return _VALUE_UNSAFE.sub("_", name.strip()).strip("_") or "none"


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span ``start:end`` of ``text`` split at line breaks and tabs, which a line of
    an ``.ann`` file cannot hold (empty pieces dropped; the whole span when nothing
    else is left)."""
    pieces = [(m.start(), m.end()) for m in _PIECE.finditer(text, start, end)]
    return pieces or [(start, end)]


@dataclass
class BratResult:
    """What was written: documents, annotations, and the types and labels used."""

    documents: int = 0
    findings: int = 0
    types: dict[str, set[str]] = field(default_factory=dict)


def _note(finding: Finding) -> str:
    line = f"{finding.kind}:{finding.label} score {finding.score:.3f}: {why(finding)}"
    return " ".join(line.split())


def ann_lines(text: str, findings: Iterable[Finding], result: BratResult) -> list[str]:
    """The ``.ann`` lines of one document's findings."""
    lines: list[str] = []
    for n, finding in enumerate(findings, start=1):
        kind, label = brat_type(finding.kind), attribute_value(finding.label)
        pieces = fragments(text, finding.start, finding.end)
        spans = ";".join(f"{a} {b}" for a, b in pieces)
        covered = " ".join(text[a:b] for a, b in pieces)
        lines.append(f"T{n}\t{kind} {spans}\t{covered}")
        lines.append(f"A{n}\tLabel T{n} {label}")
        lines.append(f"#{n}\tAnnotatorNotes T{n}\t{_note(finding)}")
        result.types.setdefault(kind, set()).add(label)
        result.findings += 1
    return lines


def _conf(types: dict[str, set[str]]) -> str:
    kinds = sorted(types)
    labels = sorted({label for values in types.values() for label in values})
    lines = ["[entities]", *kinds, "", "[relations]", "", "[events]", "", "[attributes]"]
    if kinds:
        lines.append(f"Label\tArg:<ENTITY>, Value:{'|'.join(labels)}")
    return "\n".join(lines) + "\n"


def write_brat(folder: Path, documents: Iterable[Annotated]) -> BratResult:
    """Write ``<id>.txt`` and ``<id>.ann`` per document and ``annotation.conf`` into
    ``folder`` (made if missing; files of the same names are replaced, each whole)."""
    folder.mkdir(parents=True, exist_ok=True)
    result = BratResult()
    for item in documents:
        doc = item.document
        with write_atomic(folder / f"{doc.id}.txt", newline="") as out:
            out.write(doc.text)
        lines = ann_lines(doc.text, item.findings, result)
        with write_atomic(folder / f"{doc.id}.ann") as out:
            out.write("".join(f"{line}\n" for line in lines))
        result.documents += 1
    with write_atomic(folder / ANNOTATION_CONF) as out:
        out.write(_conf(result.types))
    return result
