"""What a store writes for one processed document, computed once for every backend.

:func:`prepare` turns a :class:`~unspin.pipeline.Processed` into plain rows: the
document with its full analysis JSON, one row per finding (with the sentences it spans
and its speaker and source type pulled out of the attributes, for filtering), and one
row per sentence with its embedding, the binary sketch used for fast vector search and
the filter tags of the findings that overlap it.
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.errors import StoreError
from unspin.model import Document, Finding
from unspin.nlp import EMBEDDING_DIM
from unspin.pipeline import Processed

__all__ = [
    "SKETCH",
    "SKETCH_BITS",
    "DocumentRows",
    "FindingRow",
    "SentenceRow",
    "day_number",
    "finding_tags",
    "prepare",
    "sketch",
]

#: Bits of the binary sketch of each embedding (random hyperplanes; SimHash).
SKETCH_BITS = 768
#: Name of the sketch scheme, recorded in a store so that a store and a query agree.
SKETCH = f"rademacher-{EMBEDDING_DIM}x{SKETCH_BITS}-v1"


@dataclass(frozen=True)
class FindingRow:
    """One finding, flattened for a findings table."""

    finding: Finding
    sent_first: int
    sent_last: int
    speaker: str | None
    source_type: str | None

    @property
    def attributes_json(self) -> str:
        return json.dumps(self.finding.to_dict()["attributes"], ensure_ascii=False)

    @property
    def explanation_json(self) -> str:
        return json.dumps(self.finding.explanation.to_dict(), ensure_ascii=False)

    @property
    def relations_json(self) -> str:
        return json.dumps([r.to_dict() for r in self.finding.relations], ensure_ascii=False)


@dataclass(frozen=True)
class SentenceRow:
    """One sentence: offsets, text, embedding (None when embedding failed), tags."""

    idx: int
    start: int
    end: int
    text: str
    embedding: NDArray[Any] | None
    tags: tuple[str, ...]


@dataclass(frozen=True)
class DocumentRows:
    """Everything a store writes for one document, in one transaction."""

    document: Document
    analysis_json: str
    day: int
    failures: int
    findings: tuple[FindingRow, ...]
    sentences: tuple[SentenceRow, ...]


def day_number(published: str | None) -> int:
    """``YYYYMMDD`` as an integer from an ISO date or date-time; 0 when unknown."""
    if not published or len(published) < 10:
        return 0
    try:
        d = date.fromisoformat(published[:10])
    except ValueError:
        return 0
    return d.year * 10000 + d.month * 100 + d.day


def finding_tags(finding: Finding) -> tuple[str, ...]:
    """The filter tags a finding gives the sentences it overlaps (see ``Filters``)."""
    tags = [f"kind:{finding.kind}"]
    if finding.kind == "technique":
        tags.append(f"technique:{finding.label}")
    source_type = _source_type(finding)
    if source_type:
        tags.append(f"source_type:{source_type}")
    speaker = _speaker(finding)
    if speaker:
        tags.append(f"speaker:{speaker}")
    if finding.kind == "claim" and finding.attributes.get("checkworthy") is True:
        tags.append("checkworthy")
    return tuple(tags)


def _speaker(finding: Finding) -> str | None:
    attrs: Mapping[str, object] = finding.attributes
    name = attrs.get("name") if finding.kind == "speaker" else attrs.get("speaker")
    if isinstance(name, str) and name.strip():
        return " ".join(name.casefold().split())
    return None


def _source_type(finding: Finding) -> str | None:
    value = finding.attributes.get("source_type")
    if isinstance(value, str) and value:
        return value
    if finding.kind == "speaker":
        return finding.label
    return None


def _span(starts: list[int], ends: list[int], start: int, end: int) -> tuple[int, int]:
    """Indices of the first and last sentence that ``[start, end)`` overlaps."""
    if not starts:
        return 0, 0
    first = max(0, bisect_right(starts, start) - 1)
    if first < len(ends) - 1 and ends[first] <= start:
        first += 1  # the finding starts in the gap after sentence ``first``
    last = max(first, bisect_right(starts, max(start, end - 1)) - 1)
    return first, last


def prepare(processed: Processed) -> DocumentRows:
    """The rows a store writes for one processed document."""
    analysis = processed.analysis
    doc = analysis.document
    starts = [s for s, _ in processed.sentences]
    ends = [e for _, e in processed.sentences]
    findings: list[FindingRow] = []
    tags: list[set[str]] = [set() for _ in processed.sentences]
    for f in analysis.findings:
        first, last = _span(starts, ends, f.start, f.end)
        findings.append(FindingRow(f, first, last, _speaker(f), _source_type(f)))
        for i in range(first, min(last, len(tags) - 1) + 1):
            tags[i].update(finding_tags(f))
    vectors = processed.embeddings
    if vectors is not None:
        vectors = np.asarray(vectors, dtype=np.float32)
        if vectors.shape != (len(processed.sentences), EMBEDDING_DIM):
            raise StoreError(
                f"document {doc.id}: got embeddings of shape {vectors.shape}, expected "
                f"{len(processed.sentences)} x {EMBEDDING_DIM}",
                hint=f"stores hold {EMBEDDING_DIM}-dimensional sentence embeddings",
            )
    sentences = tuple(
        SentenceRow(
            i,
            s,
            e,
            doc.text[s:e],
            None if vectors is None else vectors[i],
            tuple(sorted(tags[i])),
        )
        for i, (s, e) in enumerate(processed.sentences)
    )
    return DocumentRows(
        document=doc,
        analysis_json=analysis.to_json(indent=None),
        day=day_number(doc.published),
        failures=len(analysis.failures),
        findings=tuple(findings),
        sentences=sentences,
    )


def _hyperplanes() -> NDArray[Any]:
    """A fixed EMBEDDING_DIM x SKETCH_BITS matrix of +-1, derived from a hash (not an RNG
    whose stream could change between numpy versions)."""
    need = EMBEDDING_DIM * SKETCH_BITS
    stream = bytearray()
    counter = 0
    while len(stream) * 8 < need:
        stream += hashlib.blake2b(f"{SKETCH}:{counter}".encode(), digest_size=64).digest()
        counter += 1
    bits = np.unpackbits(np.frombuffer(bytes(stream), dtype=np.uint8))[:need]
    return (bits.astype(np.float32) * 2.0 - 1.0).reshape(EMBEDDING_DIM, SKETCH_BITS)


_PLANES: NDArray[Any] | None = None


def sketch(vectors: NDArray[Any]) -> NDArray[Any]:
    """Binary sketches (one row of ``SKETCH_BITS / 8`` bytes per vector): the sign of the
    vector against each random hyperplane, so Hamming distance tracks the angle."""
    global _PLANES
    if _PLANES is None:
        _PLANES = _hyperplanes()
    matrix = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
    packed: NDArray[Any] = np.packbits(matrix @ _PLANES > 0, axis=1, bitorder="little")
    return packed
