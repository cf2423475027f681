"""Typed request and response bodies of the REST API (pydantic), so that the OpenAPI
description (``/api/v1/openapi.json``) says what every endpoint takes and returns."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "LANGUAGE_CODE",
    "LANGUAGE_HELP",
    "AnalysisOut",
    "AnalyzeRequest",
    "DocumentDetail",
    "DocumentOut",
    "EvidenceAddOut",
    "EvidencePassageOut",
    "FacetsOut",
    "FactCheckImportOut",
    "FactCheckOut",
    "FindingOut",
    "HitOut",
    "LinkEndOut",
    "LinkOut",
    "PageOut",
    "ProblemOut",
    "StoredFindingOut",
]

T = TypeVar("T")


class ProblemOut(BaseModel):
    """An error (RFC 9457 ``application/problem+json``): every error has this shape."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None
    instance: str
    request_id: str
    errors: list[dict[str, Any]] | None = Field(
        None, description="validation errors: loc, msg and, for a fixed set, allowed values"
    )


#: The problems every endpoint may answer, for the OpenAPI description.
PROBLEMS: dict[int | str, dict[str, Any]] = {
    422: {"model": ProblemOut, "description": "invalid parameters or body (problem+json)"},
    503: {"model": ProblemOut, "description": "store or analysis worker unavailable"},
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": ProblemOut, "description": "no such item (problem+json)"},
    **PROBLEMS,
}


class PageOut(BaseModel, Generic[T]):
    """One page of a listing: ``items`` and ``total`` matching in all."""

    items: list[T]
    total: int = Field(description="items matching in all")
    limit: int
    offset: int
    next_offset: int | None = Field(description="the offset of the next page; null on the last")


class DocumentOut(BaseModel):
    """A stored document's metadata and counts."""

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
    findings_by_kind: dict[str, int]


class ExplanationOut(BaseModel):
    rule: str
    cues: list[str] = []
    detail: str = ""
    model: str | None = None
    confidence: float | None = None


class FindingOut(BaseModel):
    """A finding, as in the analysis JSON: offsets into the document's text."""

    model_config = ConfigDict(extra="allow")

    id: str
    kind: str
    label: str
    start: int
    end: int
    text: str
    score: float
    analyzer: str
    analyzer_version: str
    explanation: ExplanationOut
    attributes: dict[str, Any]
    relations: list[dict[str, str]]


class DocumentIn(BaseModel):
    """The analysed document as the analysis JSON holds it."""

    id: str
    title: str | None
    url: str | None
    outlet: str | None
    author: str | None
    published: str | None
    language: str
    source: str | None
    text: str


class AnalyzerRunOut(BaseModel):
    name: str
    version: str


class FailureOut(BaseModel):
    analyzer: str
    error: str = Field(description="the exception type, or 'Skipped'")
    message: str


class AnalysisOut(BaseModel):
    """An analysis, exactly as ``unspin analyze --format json`` writes it; the full JSON
    Schema is ``unspin schema`` (``schema/analysis-1.1.json``)."""

    schema_version: str
    unspin_version: str
    document: DocumentIn
    analyzers: list[AnalyzerRunOut]
    findings: list[FindingOut]
    summaries: dict[str, dict[str, Any]]
    failures: list[FailureOut]


class StoredFindingOut(FindingOut):
    """A finding with its document's id, title, outlet and date."""

    document_id: str
    title: str | None
    outlet: str | None
    published: str | None


class DocumentDetail(BaseModel):
    """A document's metadata, text and findings (its whole analysis: ``/analysis``)."""

    document: DocumentOut
    text: str
    findings: list[FindingOut]


class FacetsOut(BaseModel):
    """What the stored documents can be filtered by, with their counts."""

    documents: int
    outlets: list[dict[str, Any]]
    languages: list[dict[str, Any]]
    findings_by_kind: dict[str, int]


#: The language of a document to analyse: two letters (a three-letter "eng" would read as
#: a language other than English and skip every English-only analyzer).
LANGUAGE_CODE = r"^[A-Za-z]{2}$"
LANGUAGE_HELP = "ISO 639-1 code, two letters (en, de): the text is analysed as this language"


class AnalyzeRequest(BaseModel):
    """A pasted article and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(
        min_length=1,
        description="the article's text (bounded by the request size limit and the "
        "ingestion limit, [ingest] max_bytes: 413 over either)",
    )
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=200)
    author: str | None = Field(None, max_length=500)
    published: str | None = Field(
        None,
        max_length=64,
        description="publication date, ISO 8601 (YYYY-MM-DD); 422 when it cannot be read",
    )
    language: str | None = Field(None, pattern=LANGUAGE_CODE, description=LANGUAGE_HELP)


class HitFindingOut(BaseModel):
    id: str
    kind: str
    label: str
    score: float


class HitOut(BaseModel):
    """A search result: a stored sentence, where it is and why it ranks there."""

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
    keyword: dict[str, Any] | None
    semantic: dict[str, Any] | None
    explanation: str
    findings: list[HitFindingOut]


class SearchOut(BaseModel):
    query: str
    mode: str
    items: list[HitOut]


class LinkEndOut(BaseModel):
    """One side of a link: the span and its document's title, outlet and date."""

    document_id: str
    title: str | None
    outlet: str | None
    published: str | None
    start: int
    end: int
    text: str
    context: str | None
    finding_id: str | None


class LinkOut(BaseModel):
    """A link between two documents (a contradiction, a drifted quote, ...)."""

    id: str
    kind: str
    score: float
    explanation: str
    slot: dict[str, str]
    differs: list[str]
    a: LinkEndOut
    b: LinkEndOut


class FactCheckOut(BaseModel):
    """A published fact-check (ClaimReview) and its search score."""

    id: str
    claim: str
    claimant: str | None
    claim_date: str | None
    publisher: str | None
    publisher_site: str | None
    rating: str | None
    rating_value: float | None
    best_rating: float | None
    worst_rating: float | None
    review_date: str | None
    url: str | None
    title: str | None
    language: str | None
    source: str | None
    score: float


class FactCheckImportOut(BaseModel):
    """What an import did and how many fact-checks the store holds."""

    added: int
    skipped: int
    errors: list[str]
    total: int


class EvidencePassageOut(BaseModel):
    """An evidence passage found for a claim."""

    document_id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None
    index: int
    start: int
    end: int
    text: str
    score: float
    similarity: float
    keyword_rank: int | None
    semantic_rank: int | None


class EvidenceAddOut(BaseModel):
    """What adding evidence documents did and what the store holds."""

    added: int
    skipped: int
    passages_added: int
    errors: list[str]
    documents: int
    passages: int
