"""Browsing a store page by page: documents with their findings per kind, one document's
analysis, findings, and cross-document links with both documents' titles, dates and
outlets; documents from pasted text or uploaded bytes through the hardened ingestion.

Every listing is a :class:`~unspin.store.Page` (``items``, ``total``, ``limit``,
``offset``); filter values with a fixed set of allowed values are listed here
(:data:`FINDING_KINDS`, :data:`SOURCE_TYPES`, :data:`TECHNIQUES`, :data:`LINK_VIEWS`,
:data:`DOCUMENT_ORDERS`) so that a front end can check them and name the allowed ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from unspin.app.batching import BatchedBackbone
from unspin.app.corpus import opened_store
from unspin.app.links import VIEW_KINDS, shown_kinds
from unspin.app.pipelines import ConfigSource, load_pipeline
from unspin.app.readers import reading
from unspin.config import Config
from unspin.corpus.model import Link, Side
from unspin.corpus.store_adapter import current_outlets, from_store_link
from unspin.corpus.views import in_context, readable_slot
from unspin.errors import BinaryInputError, InputError
from unspin.evidence import EvidenceIndex, RetrievedPassage
from unspin.ingest import DEFAULT_MAX_BYTES, load_bytes, load_text
from unspin.model import Analysis, Document
from unspin.nlp import Backbone, SpacyBackbone
from unspin.pipeline import backbone_for_encoder
from unspin.sources.speakers import SOURCE_TYPES
from unspin.store import (
    DOCUMENT_ORDERS,
    DocumentOrder,
    DocumentSummary,
    Filters,
    Hit,
    Page,
    SearchMode,
    StoredFinding,
    document_languages,
    document_texts,
    documents_by_id,
    ingest,
    page_documents,
    page_findings,
    page_links,
)
from unspin.techniques.ptc import TECHNIQUES

__all__ = [
    "DOCUMENT_ORDERS",
    "FINDING_KINDS",
    "LINK_VIEWS",
    "METADATA_FIELDS",
    "SOURCE_TYPES",
    "TECHNIQUES",
    "CorpusFacets",
    "HeldKnowledge",
    "LinkEnd",
    "LinkRow",
    "corpus_facets",
    "document_analysis",
    "document_from_bytes",
    "document_from_text",
    "find_evidence",
    "get_document",
    "held_knowledge",
    "list_documents",
    "list_findings",
    "list_link_rows",
    "search_sentences",
    "store_document",
]

#: The finding kinds the built-in analyzers produce (``tests/app/test_browse.py`` checks
#: this against the registry).
FINDING_KINDS: tuple[str, ...] = (
    "attribution",
    "booster",
    "claim",
    "date",
    "factcheck",
    "hedge",
    "outlet",
    "quantity",
    "quote",
    "speaker",
    "technique",
    "vague_attribution",
    "verdict",
)
#: The link listings: contradictions (and the other slot comparisons), drifted quotes.
LINK_VIEWS: tuple[str, ...] = ("contradictions", "quotes", "propagation")
#: The metadata a pasted or uploaded text may carry.
METADATA_FIELDS: tuple[str, ...] = ("title", "url", "outlet", "author", "published", "language")


def list_documents(
    db: str | Path | None,
    filters: Filters | None = None,
    *,
    limit: int = 20,
    offset: int = 0,
    order: DocumentOrder = "published",
    title: str | None = None,
) -> Page[DocumentSummary]:
    """One page of the stored documents matching ``filters`` (and whose title holds
    ``title``), each with its findings per kind; ``total`` counts every match."""
    with reading(db) as store:
        return page_documents(store, filters, limit=limit, offset=offset, order=order, title=title)


def get_document(db: str | Path | None, document_id: str) -> DocumentSummary | None:
    """A stored document's metadata and findings per kind (None if the store has none)."""
    with reading(db) as store:
        found = documents_by_id(store, [document_id]).get(document_id)
        if found is None:
            return None
        analysis = store.get_analysis(document_id)
        by_kind: dict[str, int] = {}
        for finding in analysis.findings:
            by_kind[finding.kind] = by_kind.get(finding.kind, 0) + 1
        return DocumentSummary(
            **{**found.to_dict(), "findings_by_kind": dict(sorted(by_kind.items()))}
        )


def document_analysis(db: str | Path | None, document_id: str) -> Analysis | None:
    """The analysis stored for a document (None if the store has none)."""
    with reading(db) as store:
        try:
            return store.get_analysis(document_id)
        except KeyError:
            return None


def list_findings(
    db: str | Path | None,
    kind: str | None = None,
    *,
    label: str | None = None,
    filters: Filters | None = None,
    limit: int = 20,
    offset: int = 0,
) -> Page[StoredFinding]:
    """One page of stored findings (of a kind and label, if given) with their document's
    id, title, outlet and date; newest documents first."""
    with reading(db) as store:
        return page_findings(store, kind, label=label, filters=filters, limit=limit, offset=offset)


@lru_cache(maxsize=8)
def _query_backbone(encoder: str | None, config: Config | None) -> Backbone:
    """The backbone that embeds queries as the store's encoder did (built once per
    encoder and configuration; the models themselves are loaded once per process). The
    real encoder embeds the queries of concurrent searches together
    (:mod:`unspin.app.batching`)."""
    backbone = backbone_for_encoder(encoder, config)
    if isinstance(backbone, SpacyBackbone):
        return BatchedBackbone(
            backbone.spacy_model, backbone.embeddings, backbone.encoder, backbone.encoder_cache
        )
    return backbone


def search_sentences(
    db: str | Path | None,
    query: str,
    filters: Filters | None = None,
    *,
    limit: int = 10,
    mode: SearchMode = "hybrid",
    config: Config | None = None,
) -> list[Hit]:
    """Stored sentences ranked for ``query`` (keyword, semantic or both fused), the query
    embedded by the store's encoder set up from ``config`` (a server's configuration,
    read once, instead of the defaults read at every call)."""
    with reading(db) as store:
        encoder = store.encoder
        backbone = (
            None if mode == "keyword" or encoder is None else _query_backbone(encoder, config)
        )
        return store.search(query, filters or Filters(), limit=limit, mode=mode, backbone=backbone)


def find_evidence(
    db: str | Path | None, claim: str, *, limit: int = 5, config: Config | None = None
) -> list[RetrievedPassage]:
    """The stored evidence passages ranked for ``claim`` (keyword and embedding rankings
    fused), the claim embedded as :func:`search_sentences` embeds queries (the store's
    encoder, set up once from ``config``; concurrent claims share passes)."""
    with reading(db) as store:
        backbone = _query_backbone(store.encoder, config)
        return EvidenceIndex(store, backbone).search(claim, limit=limit)


@dataclass(frozen=True)
class HeldKnowledge:
    """What a store holds to check claims against: its URL, its fact-checks and its
    evidence passages (so a search that finds nothing can say whether there was anything
    to search)."""

    url: str
    factchecks: int
    passages: int


def held_knowledge(db: str | Path | None) -> HeldKnowledge:
    """How many fact-checks and evidence passages the store at ``db`` holds."""
    from unspin.evidence.tables import EvidenceTable
    from unspin.factchecks.tables import FactCheckTable

    with reading(db) as store:
        passages = store.repository(EvidenceTable).counts()[1]
        return HeldKnowledge(store.url, store.repository(FactCheckTable).count(), passages)


@dataclass(frozen=True)
class LinkEnd:
    """One side of a link: the span, and its document's title, outlet and date."""

    document_id: str
    title: str | None
    outlet: str | None
    published: str | None
    start: int
    end: int
    text: str
    #: The span in its sentence (None when the document is no longer stored).
    context: str | None
    finding_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class LinkRow:
    """A cross-document link as a front end shows it."""

    id: str
    kind: str
    score: float
    explanation: str
    a: LinkEnd
    b: LinkEnd
    slot: dict[str, str] = field(default_factory=dict)
    differs: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "score": self.score,
            "explanation": self.explanation,
            "slot": dict(self.slot),
            "differs": list(self.differs),
            "a": self.a.to_dict(),
            "b": self.b.to_dict(),
        }


def list_link_rows(
    db: str | Path | None,
    view: str = "contradictions",
    *,
    kinds: list[str] | None = None,
    document: str | None = None,
    min_score: float = 0.0,
    limit: int = 20,
    offset: int = 0,
    experimental: bool = False,
) -> Page[LinkRow]:
    """One page of the stored links of a view (``contradictions``: the slot comparisons,
    or only ``kinds`` of them; ``quotes``: drifted quotes; ``propagation``), touching
    ``document`` if given, with both documents' titles, outlets and dates. Without
    ``kinds``, the experimental kinds (audited on real news under 0.8) are left out unless
    ``experimental`` (:func:`~unspin.app.links.shown_kinds`). Links are read as stored:
    run ``link_corpus`` (``unspin corpus link``) to compare new ones."""
    allowed = VIEW_KINDS[view]
    asked = [k for k in kinds if k in allowed] if kinds else None
    wanted = list(shown_kinds(view, asked, experimental)[0])
    if not wanted:
        return Page([], 0, limit, offset)
    with reading(db) as store:
        page = page_links(
            store, wanted, document_id=document, min_score=min_score, limit=limit, offset=offset
        )
        links = current_outlets(
            store, [link for link in map(from_store_link, page.items) if link is not None]
        )
        ids = {side.doc_id for link in links for side in (link.a, link.b)}
        documents = documents_by_id(store, ids)
        texts = document_texts(store, ids)
    rows = [_row(link, documents, texts) for link in links]
    return Page(rows, page.total, limit, offset)


def _row(link: Link, documents: dict[str, DocumentSummary], texts: dict[str, str]) -> LinkRow:
    def end(side: Side) -> LinkEnd:
        doc = documents.get(side.doc_id)
        text = texts.get(side.doc_id)
        return LinkEnd(
            document_id=side.doc_id,
            title=doc.title if doc else None,
            outlet=(doc.outlet if doc else None) or side.outlet,
            published=(doc.published if doc else None) or side.published,
            start=side.start,
            end=side.end,
            text=side.text,
            context=None if text is None else in_context(side, text),
            finding_id=side.finding_id,
        )

    a, b = end(link.a), end(link.b)
    slot, detail = readable_slot(
        link.slot, link.explanation.detail, [a.context or a.text, b.context or b.text]
    )
    return LinkRow(
        id=link.id,
        kind=link.kind,
        score=link.score,
        explanation=detail or link.explanation.rule,
        a=a,
        b=b,
        slot=slot,
        differs=tuple(link.differs),
    )


@dataclass(frozen=True)
class CorpusFacets:
    """What a store's documents can be filtered by: outlets and languages with their
    document counts (most first), and findings per kind."""

    documents: int
    outlets: tuple[tuple[str, int], ...]
    languages: tuple[tuple[str, int], ...]
    findings_by_kind: dict[str, int]

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "outlets": [{"name": n, "documents": c} for n, c in self.outlets],
            "languages": [{"code": n, "documents": c} for n, c in self.languages],
            "findings_by_kind": dict(self.findings_by_kind),
        }


def corpus_facets(db: str | Path | None, *, top_outlets: int = 200) -> CorpusFacets:
    """The outlets (the ``top_outlets`` largest), languages and finding kinds of a store."""
    with reading(db) as store:
        stats = store.stats(top_outlets=top_outlets)
        languages = document_languages(store)
    return CorpusFacets(
        stats.documents, stats.outlets, tuple(languages), dict(stats.findings_by_kind)
    )


def _metadata(meta: dict[str, Any]) -> dict[str, Any]:
    unknown = set(meta) - set(METADATA_FIELDS)
    if unknown:
        raise InputError(
            f"unknown metadata field(s): {', '.join(sorted(unknown))}",
            hint=f"use {', '.join(METADATA_FIELDS)}",
        )
    return {k: v for k, v in meta.items() if v is not None and v != ""}


def document_from_text(
    text: str, *, max_bytes: int | None = None, source: str | None = None, **meta: Any
) -> Document:
    """A document from a pasted text (never read as a path), through the checks every
    input gets: the size limit, NUL characters and unpaired surrogates refused, line ends
    and Unicode normalised, metadata (:data:`METADATA_FIELDS`) checked, the date read as
    ISO 8601. Raises :class:`~unspin.errors.InputError` for unusable input."""
    if not isinstance(text, str):
        raise InputError("the text must be a string", source=source)
    if "\x00" in text:
        raise BinaryInputError(
            "the text holds NUL characters; it looks like binary data", source=source
        )
    return load_text(
        text, max_bytes=max_bytes or DEFAULT_MAX_BYTES, source=source, **_metadata(meta)
    )


def document_from_bytes(
    data: bytes,
    filename: str,
    *,
    max_bytes: int | None = None,
    only_one: bool = False,
    **meta: Any,
) -> Document:
    """The first document of an uploaded file's bytes (text, Markdown, HTML or JSON
    Lines by the name's suffix and the content), read by the CLI's loaders; ``meta``
    overrides what the file says. With ``only_one``, a file holding more than one
    document (JSON Lines) is refused rather than read for its first: a page that shows
    one report must not drop the rest unsaid. Raises :class:`~unspin.errors.InputError`."""
    limit = max_bytes or DEFAULT_MAX_BYTES
    name = Path(filename).name or "upload"
    given = _metadata(meta)
    first: Document | None = None
    for loaded in load_bytes(data, source=name, suffix=Path(name).suffix.lower(), max_bytes=limit):
        if isinstance(loaded, InputError):
            raise loaded
        if first is not None:
            raise InputError(
                "the file holds more than one document and this analyses one",
                source=name,
                hint="add them all as a job on the Jobs page or with POST /api/v1/jobs, "
                "or upload a file of one record",
            )
        found = {k: getattr(loaded, k) for k in METADATA_FIELDS}
        merged = {k: v for k, v in {**found, **given}.items() if v is not None}
        first = load_text(loaded.text, max_bytes=limit, source=name, **merged)
        if not only_one:
            return first
    if first is None:
        raise InputError("the file holds no document", source=name)
    return first


def store_document(
    db: str | Path | None, document: Document, config: ConfigSource = None
) -> tuple[Analysis, bool]:
    """Analyse a document and store it (with its sentences and their embeddings), as
    ``unspin corpus ingest`` does; a document already stored (same text) is not analysed
    again. Returns the stored analysis and whether it was added now."""
    pipeline = load_pipeline(config)
    with opened_store(db, create=True) as store:
        report = ingest(store, [document], pipeline=pipeline)
        if report.input_errors:
            first = report.input_errors[0]
            raise InputError(first.message, source=first.source)
        return store.get_analysis(document.id), report.added > 0
