"""What a store returns and is given: filters, search hits, stored findings and links,
recorded errors, statistics. Plain frozen dataclasses, the same for every backend."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, Generic, TypeVar

from unspin.errors import ConfigError, StoreError
from unspin.model import Explanation, Finding, Relation
from unspin.store.rows import day_number

__all__ = [
    "DocumentSummary",
    "ErrorRecord",
    "Filters",
    "Hit",
    "HitFinding",
    "Page",
    "StoreStats",
    "StoredFinding",
    "StoredLink",
    "finding_from_row",
    "not_found",
]


def _check_date(value: str | None, name: str) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise ConfigError(f"{name} {value!r} is not a date; use YYYY-MM-DD") from None


@dataclass(frozen=True)
class Filters:
    """Restrictions on what a search, an iteration or an export returns.

    ``outlet``, ``since`` and ``until`` (inclusive ``YYYY-MM-DD`` dates of publication;
    documents without a date never match a date filter) and ``language`` (an ISO 639-1
    code, as the pipeline recorded it) apply to documents. The rest
    apply to sentences: a sentence matches when findings overlapping it have the kind,
    the technique (a ``technique`` finding's label), the source type, the speaker (the
    name the sources analyzer resolved, case-insensitive) and, with ``checkworthy``, a
    check-worthy claim. For documents they mean "has such a sentence".
    """

    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    kind: str | None = None
    technique: str | None = None
    source_type: str | None = None
    speaker: str | None = None
    checkworthy: bool = False
    language: str | None = None

    def __post_init__(self) -> None:
        if self.language is not None:
            object.__setattr__(self, "language", self.language.strip().lower())
        object.__setattr__(self, "since", _check_date(self.since, "since"))
        object.__setattr__(self, "until", _check_date(self.until, "until"))

    @property
    def days(self) -> tuple[int | None, int | None]:
        """The date range as ``YYYYMMDD`` integers (None: open)."""
        lo = day_number(self.since) if self.since else None
        hi = day_number(self.until) if self.until else None
        return lo, hi

    @property
    def tags(self) -> tuple[str, ...]:
        """The sentence tags this filter requires (see :func:`unspin.store.rows.finding_tags`)."""
        out = []
        if self.kind:
            out.append(f"kind:{self.kind}")
        if self.technique:
            out.append(f"technique:{self.technique}")
        if self.source_type:
            out.append(f"source_type:{self.source_type}")
        if self.speaker:
            out.append(f"speaker:{' '.join(self.speaker.casefold().split())}")
        if self.checkworthy:
            out.append("checkworthy")
        return tuple(out)


@dataclass(frozen=True)
class ErrorRecord:
    """An input that could not be stored, or a stored document an analyzer failed on."""

    source: str
    error: str
    message: str
    document_id: str | None = None
    recorded_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def __str__(self) -> str:
        return f"{self.source}: {self.error}: {self.message}"


@dataclass(frozen=True)
class StoredFinding:
    """A finding with the metadata of the document it belongs to."""

    document_id: str
    title: str | None
    outlet: str | None
    published: str | None
    finding: Finding

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            **self.finding.to_dict(),
        }


@dataclass(frozen=True)
class DocumentSummary:
    """A stored document's metadata and counts (no text): a row of a listing."""

    id: str
    title: str | None
    outlet: str | None
    published: str | None
    language: str | None
    url: str | None
    source: str | None
    sentences: int
    findings: int
    ingested_at: str
    #: Findings per kind (empty when the listing did not ask for them).
    findings_by_kind: Mapping[str, int] = field(default_factory=dict, hash=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            **{f.name: getattr(self, f.name) for f in fields(self)},
            "findings_by_kind": dict(self.findings_by_kind),
        }


T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a listing: ``items``, and ``total`` matching items in all."""

    items: list[T]
    total: int
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        """The offset of the next page (None on the last one)."""
        following = self.offset + len(self.items)
        return following if following < self.total and self.items else None


@dataclass(frozen=True)
class StoredLink:
    """A typed link between findings of two stored documents (a contradiction, a drifted
    quote, ...), with a score in [0, 1] and free-form attributes: a row of ``links``."""

    kind: str
    source_document: str
    source_finding: str
    target_document: str
    target_finding: str
    score: float
    attributes: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            **{f.name: getattr(self, f.name) for f in fields(self)},
            "attributes": dict(self.attributes),
        }


@dataclass(frozen=True)
class HitFinding:
    """A finding that overlaps a search result's sentence."""

    id: str
    kind: str
    label: str
    score: float


@dataclass(frozen=True)
class Hit:
    """One search result: a sentence, where it is, and why it ranks where it does.

    ``score`` is the reciprocal-rank-fusion score ``sum(1 / (60 + rank))`` over the
    rankings the sentence appears in (keyword: BM25 in SQLite, ``ts_rank`` in
    PostgreSQL; semantic: cosine similarity of the sentence embeddings).
    """

    document_id: str
    title: str | None
    outlet: str | None
    published: str | None
    source: str | None
    sentence: int
    start: int
    end: int
    text: str
    snippet: str
    score: float
    keyword_rank: int | None = None
    keyword_score: float | None = None
    semantic_rank: int | None = None
    similarity: float | None = None
    matched_terms: tuple[str, ...] = ()
    findings: tuple[HitFinding, ...] = ()

    @property
    def explanation(self) -> str:
        """Which parts matched, in one line."""
        parts = []
        if self.keyword_rank is not None:
            terms = ", ".join(self.matched_terms) or "stemmed terms"
            parts.append(
                f"keyword #{self.keyword_rank} ({terms}; relevance {self.keyword_score:.3g})"
            )
        if self.semantic_rank is not None:
            parts.append(f"semantic #{self.semantic_rank} (cosine {self.similarity:.3f})")
        return f"{' + '.join(parts) or 'no match'}; fused score {self.score:.4f}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "title": self.title,
            "outlet": self.outlet,
            "published": self.published,
            "source": self.source,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "snippet": self.snippet,
            "score": round(self.score, 6),
            "keyword": None
            if self.keyword_rank is None
            else {
                "rank": self.keyword_rank,
                "score": self.keyword_score,
                "terms": list(self.matched_terms),
            },
            "semantic": None
            if self.semantic_rank is None
            else {"rank": self.semantic_rank, "similarity": self.similarity},
            "explanation": self.explanation,
            "findings": [
                {"id": f.id, "kind": f.kind, "label": f.label, "score": f.score}
                for f in self.findings
            ],
        }


@dataclass(frozen=True)
class StoreStats:
    """What a store holds."""

    backend: str
    url: str
    schema_version: int
    encoder: str | None
    documents: int
    sentences: int
    embedded_sentences: int
    findings: int
    findings_by_kind: Mapping[str, int] = field(default_factory=dict)
    outlets: tuple[tuple[str, int], ...] = ()
    errors: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "backend": self.backend,
            "url": self.url,
            "schema_version": self.schema_version,
            "encoder": self.encoder,
            "documents": self.documents,
            "sentences": self.sentences,
            "embedded_sentences": self.embedded_sentences,
            "findings": self.findings,
            "findings_by_kind": dict(self.findings_by_kind),
            "outlets": dict(self.outlets),
            "errors": self.errors,
        }


def finding_from_row(
    fid: str,
    kind: str,
    label: str,
    start: int,
    end: int,
    text: str,
    score: float,
    analyzer: str,
    version: str,
    attributes: str | Mapping[str, Any],
    explanation: str | Mapping[str, Any],
    relations: str | Sequence[Mapping[str, str]],
) -> Finding:
    """Rebuild a :class:`Finding` from the columns of a findings row."""

    def load(value: Any) -> Any:
        return json.loads(value) if isinstance(value, str) else value

    return Finding(
        id=fid,
        kind=kind,
        label=label,
        start=start,
        end=end,
        text=text,
        score=score,
        analyzer=analyzer,
        analyzer_version=version,
        explanation=Explanation.from_dict(load(explanation)),
        attributes=load(attributes) or {},
        relations=tuple(Relation(r["role"], r["target"]) for r in load(relations) or ()),
    )


def not_found(url: str) -> StoreError:
    return StoreError(
        f"no unspin store at {url}", hint="run 'unspin corpus ingest PATH... --db URL' first"
    )
