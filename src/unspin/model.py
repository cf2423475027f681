"""The data model every part of unspin reads: documents, anchored findings, analyses.

All classes are frozen. A :class:`Finding` is created from a document and two offsets
(:meth:`Finding.anchored`), so its ``text`` is always ``document.text[start:end]``;
:class:`Analysis` re-checks that invariant for every finding it holds.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, TypeAlias
from urllib.parse import urlsplit

from unspin.errors import SchemaError

__all__ = [
    "SCHEMA_VERSION",
    "Analysis",
    "AnalyzerFailure",
    "AnalyzerRun",
    "Document",
    "Explanation",
    "Finding",
    "Relation",
    "content_id",
]

#: Version of the JSON shape written by :meth:`Analysis.to_dict` (docs/schema/).
SCHEMA_VERSION = "1.1"

JSON: TypeAlias = Any


def content_id(text: str) -> str:
    """A stable document id: the first 16 hex digits of the SHA-256 of the UTF-8 text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _freeze(value: Any) -> Any:
    """Recursively turn dicts into read-only mappings and lists into tuples."""
    if isinstance(value, Mapping):
        return MappingProxyType({str(k): _freeze(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("non-finite numbers cannot be stored in findings")
    return value


def _thaw(value: Any) -> Any:
    """Inverse of :func:`_freeze`, for JSON output."""
    if isinstance(value, Mapping):
        return {k: _thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


def domain_of(url: str | None) -> str | None:
    """The host of a URL without a leading ``www.``, lower-cased; ``None`` if there is none."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname
    if not host:
        return None
    host = host.lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


@dataclass(frozen=True)
class Document:
    """One article: its text and what is known about it.

    ``id`` is derived from the text (:func:`content_id`), so the same text ingested
    twice has the same id whatever its metadata. ``outlet`` defaults to the URL's domain.
    """

    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    language: str = "en"
    source: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError("Document.text must be a str")
        if not self.id:
            object.__setattr__(self, "id", content_id(self.text))
        if self.outlet is None and self.url:
            object.__setattr__(self, "outlet", domain_of(self.url))

    @property
    def domain(self) -> str | None:
        """The URL's host, without ``www.``."""
        return domain_of(self.url)

    def to_dict(self) -> dict[str, JSON]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "author": self.author,
            "published": self.published,
            "language": self.language,
            "source": self.source,
            "text": self.text,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, JSON]) -> Document:
        try:
            return cls(
                text=data["text"],
                title=data.get("title"),
                url=data.get("url"),
                outlet=data.get("outlet"),
                author=data.get("author"),
                published=data.get("published"),
                language=data.get("language") or "en",
                source=data.get("source"),
                id=data.get("id") or "",
            )
        except (KeyError, TypeError) as exc:
            raise SchemaError(f"invalid document object: {exc}") from exc


@dataclass(frozen=True)
class Explanation:
    """Why a finding fired, in terms a reader can check by eye.

    ``rule`` names the pattern or model path that fired (``"quote.curly-double"``);
    ``cues`` are the words in the text that triggered it; ``model`` and ``confidence``
    are set when a statistical model took part; ``detail`` is one plain sentence.
    """

    rule: str
    cues: tuple[str, ...] = ()
    detail: str = ""
    model: str | None = None
    confidence: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "cues", tuple(self.cues))
        if self.confidence is not None and not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence must be in [0, 1], got {self.confidence}")

    def to_dict(self) -> dict[str, JSON]:
        return {
            "rule": self.rule,
            "cues": list(self.cues),
            "detail": self.detail,
            "model": self.model,
            "confidence": self.confidence,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, JSON]) -> Explanation:
        return cls(
            rule=data["rule"],
            cues=tuple(data.get("cues") or ()),
            detail=data.get("detail") or "",
            model=data.get("model"),
            confidence=data.get("confidence"),
        )


@dataclass(frozen=True)
class Relation:
    """A typed link from one finding to another (``role`` e.g. ``"speaker"``, ``"quoted_by"``)."""

    role: str
    target: str

    def to_dict(self) -> dict[str, JSON]:
        return {"role": self.role, "target": self.target}


@dataclass(frozen=True)
class Finding:
    """One anchored observation about a document.

    Build findings with :meth:`Finding.anchored`, which takes the covered text from the
    document, so ``document.text[start:end] == finding.text`` by construction.
    ``kind`` is the family (``"quote"``, ``"hedge"``, ``"claim"``, ...); ``label`` is the
    value within it (a source type, a claim type, a technique name).
    """

    id: str
    kind: str
    label: str
    start: int
    end: int
    text: str
    score: float
    analyzer: str
    analyzer_version: str
    explanation: Explanation
    attributes: Mapping[str, JSON] = field(default_factory=dict, hash=False)
    relations: tuple[Relation, ...] = ()

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad offsets {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError("finding text does not match its offsets")
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"score must be in [0, 1], got {self.score}")
        object.__setattr__(self, "attributes", _freeze(dict(self.attributes)))
        object.__setattr__(self, "relations", tuple(self.relations))

    @staticmethod
    def make_id(analyzer: str, kind: str, label: str, start: int, end: int) -> str:
        """Deterministic id: the same finding on the same text always gets the same id."""
        digest = hashlib.sha1(f"{analyzer}\x1f{kind}\x1f{label}\x1f{start}\x1f{end}".encode())
        return f"{kind}-{start}-{digest.hexdigest()[:8]}"

    @classmethod
    def anchored(
        cls,
        document: Document,
        start: int,
        end: int,
        *,
        kind: str,
        label: str,
        score: float,
        analyzer: str,
        analyzer_version: str,
        explanation: Explanation,
        attributes: Mapping[str, JSON] | None = None,
        relations: Iterable[Relation] = (),
    ) -> Finding:
        """Create a finding covering ``document.text[start:end]``."""
        if not 0 <= start <= end <= len(document.text):
            raise ValueError(
                f"offsets {start}..{end} fall outside the document (length {len(document.text)})"
            )
        score = min(1.0, max(0.0, float(score)))
        return cls(
            id=cls.make_id(analyzer, kind, label, start, end),
            kind=kind,
            label=label,
            start=start,
            end=end,
            text=document.text[start:end],
            score=round(score, 4),
            analyzer=analyzer,
            analyzer_version=analyzer_version,
            explanation=explanation,
            attributes=attributes or {},
            relations=tuple(relations),
        )

    def related(self, role: str) -> list[str]:
        """Ids of the findings this one links to under ``role``."""
        return [r.target for r in self.relations if r.role == role]

    def to_dict(self) -> dict[str, JSON]:
        return {
            "id": self.id,
            "kind": self.kind,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": self.score,
            "analyzer": self.analyzer,
            "analyzer_version": self.analyzer_version,
            "explanation": self.explanation.to_dict(),
            "attributes": _thaw(self.attributes),
            "relations": [r.to_dict() for r in self.relations],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, JSON]) -> Finding:
        try:
            return cls(
                id=data["id"],
                kind=data["kind"],
                label=data["label"],
                start=data["start"],
                end=data["end"],
                text=data["text"],
                score=data["score"],
                analyzer=data["analyzer"],
                analyzer_version=data["analyzer_version"],
                explanation=Explanation.from_dict(data["explanation"]),
                attributes=data.get("attributes") or {},
                relations=tuple(
                    Relation(r["role"], r["target"]) for r in data.get("relations") or ()
                ),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise SchemaError(f"invalid finding object: {exc}") from exc


@dataclass(frozen=True)
class AnalyzerRun:
    """Which analyzer (and version) took part in an analysis."""

    name: str
    version: str


@dataclass(frozen=True)
class AnalyzerFailure:
    """An analyzer that failed (or was skipped) on this document, and why."""

    analyzer: str
    error: str
    message: str

    def to_dict(self) -> dict[str, JSON]:
        return {"analyzer": self.analyzer, "error": self.error, "message": self.message}


@dataclass(frozen=True)
class Analysis:
    """A document with every finding the pipeline made about it.

    ``summaries`` holds one mapping per analyzer (e.g. the source profile);
    ``failures`` the analyzers that failed on this document, which never stop the rest.
    """

    document: Document
    findings: tuple[Finding, ...] = ()
    summaries: Mapping[str, Mapping[str, JSON]] = field(default_factory=dict, hash=False)
    failures: tuple[AnalyzerFailure, ...] = ()
    analyzers: tuple[AnalyzerRun, ...] = ()
    unspin_version: str = ""
    schema_version: str = SCHEMA_VERSION

    def __post_init__(self) -> None:
        findings = tuple(sorted(self.findings, key=lambda f: (f.start, -f.end, f.kind, f.id)))
        text = self.document.text
        ids = set()
        for f in findings:
            if f.end > len(text) or text[f.start : f.end] != f.text:
                raise SchemaError(
                    f"finding {f.id} is not anchored: text[{f.start}:{f.end}] differs from its text"
                )
            ids.add(f.id)
        for f in findings:
            for r in f.relations:
                if r.target not in ids:
                    raise SchemaError(f"finding {f.id} links to unknown finding {r.target}")
        object.__setattr__(self, "findings", findings)
        object.__setattr__(self, "summaries", _freeze(dict(self.summaries)))
        object.__setattr__(self, "failures", tuple(self.failures))
        object.__setattr__(self, "analyzers", tuple(self.analyzers))
        if not self.unspin_version:
            from unspin import __version__

            object.__setattr__(self, "unspin_version", __version__)

    # -- reading -----------------------------------------------------------------

    def by_kind(self, *kinds: str) -> list[Finding]:
        """The findings of the given kinds, in text order."""
        return [f for f in self.findings if f.kind in kinds]

    def get(self, finding_id: str) -> Finding:
        """The finding with this id (``KeyError`` if absent)."""
        for f in self.findings:
            if f.id == finding_id:
                return f
        raise KeyError(finding_id)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    @property
    def kinds(self) -> dict[str, int]:
        """Finding counts by kind."""
        counts: dict[str, int] = {}
        for f in self.findings:
            counts[f.kind] = counts.get(f.kind, 0) + 1
        return dict(sorted(counts.items()))

    @property
    def ok(self) -> bool:
        """True when no analyzer failed on this document."""
        return not self.failures

    # -- JSON --------------------------------------------------------------------

    def to_dict(self) -> dict[str, JSON]:
        return {
            "schema_version": self.schema_version,
            "unspin_version": self.unspin_version,
            "document": self.document.to_dict(),
            "analyzers": [{"name": a.name, "version": a.version} for a in self.analyzers],
            "findings": [f.to_dict() for f in self.findings],
            "summaries": _thaw(self.summaries),
            "failures": [f.to_dict() for f in self.failures],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, JSON]) -> Analysis:
        if not isinstance(data, Mapping):
            raise SchemaError("an analysis must be a JSON object")
        version = str(data.get("schema_version", ""))
        if version.split(".")[0] != SCHEMA_VERSION.split(".")[0]:
            raise SchemaError(
                f"unsupported schema version {version!r}",
                hint=f"this unspin reads {SCHEMA_VERSION}",
            )
        try:
            return cls(
                document=Document.from_dict(data["document"]),
                findings=tuple(Finding.from_dict(f) for f in data.get("findings") or ()),
                summaries=data.get("summaries") or {},
                failures=tuple(
                    AnalyzerFailure(f["analyzer"], f["error"], f["message"])
                    for f in data.get("failures") or ()
                ),
                analyzers=tuple(
                    AnalyzerRun(a["name"], a["version"]) for a in data.get("analyzers") or ()
                ),
                unspin_version=data.get("unspin_version") or "",
                schema_version=version,
            )
        except (KeyError, TypeError) as exc:
            raise SchemaError(f"invalid analysis object: missing or bad field {exc}") from exc

    @classmethod
    def from_json(cls, text: str) -> Analysis:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SchemaError(f"not valid JSON: {exc}") from exc
        return cls.from_dict(data)
