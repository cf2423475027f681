"""The store interface every backend implements, and the logic they all share.

A :class:`Store` holds analysed documents (with their full analysis JSON), their
findings and their sentences (text, offsets, embedding). Backends implement the SQL
(:mod:`unspin.store.sqlite`, :mod:`unspin.store.postgres`); this module holds what is
the same for all of them: hybrid search (reciprocal rank fusion of a keyword ranking
and a vector ranking), result explanations, snippets, filters, exports and the check
that one store only ever holds embeddings from one encoder.
"""

from __future__ import annotations

import contextlib
import csv
import json
import logging
import os
import re
import tempfile
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar, Literal, TextIO

import numpy as np

from unspin.errors import ConfigError, StoreError, StoreMismatchError
from unspin.model import Analysis, Document, Explanation, Finding, Relation
from unspin.nlp import Backbone, FakeBackbone, SpacyBackbone
from unspin.pipeline import Processed
from unspin.store.factchecks import FactCheckStore
from unspin.store.rows import SKETCH, DocumentRows, day_number, prepare

__all__ = [
    "RRF_K",
    "ErrorRecord",
    "Filters",
    "Hit",
    "HitFinding",
    "Link",
    "SearchMode",
    "Store",
    "StoreStats",
    "StoredFinding",
    "backbone_for_encoder",
    "encoder_name",
    "query_terms",
]

log = logging.getLogger(__name__)

#: The constant of reciprocal rank fusion: a result at rank r gets 1 / (RRF_K + r).
RRF_K = 60
#: A keyword ranking scores at most this many matches (the newest), bounding its cost;
#: with filters, it looks at this many matches before filtering.
KEYWORD_CAP = 2000
KEYWORD_CAP_FILTERED = 5000

SearchMode = Literal["hybrid", "keyword", "semantic"]
ExportFormat = Literal["jsonl", "csv"]
ExportWhat = Literal["documents", "findings"]


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
    documents without a date never match a date filter) apply to documents. The rest
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

    def __post_init__(self) -> None:
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
class Link:
    """A typed link between findings of two stored documents (a contradiction, a drifted
    quote, ...), with a score in [0, 1] and free-form attributes."""

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
class CorpusItem:
    """One record of the corpus comparison index (see :mod:`unspin.corpus.store_adapter`):
    a slot, a quotation or a passage of one document (``space``), the blocking keys it is
    found by, and its JSON ``payload``."""

    space: str
    document_id: str
    keys: tuple[str, ...]
    payload: str


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


_NO_FILTER = Filters()
#: Sentence ids with a score, best first.
_Ranking = list[tuple[int, float]]

# ----------------------------------------------------------------------------------------
# Encoders


def encoder_name(backbone: Backbone) -> str:
    """A name for the sentence encoder of a backbone, recorded in the store."""
    if isinstance(backbone, SpacyBackbone):
        return f"sentence-transformers:{backbone.embeddings or 'default'}"
    return str(backbone.name)


def backbone_for_encoder(name: str) -> Backbone:
    """A backbone that embeds queries as the store's documents were embedded."""
    if name == "fake":
        return FakeBackbone()
    prefix = "sentence-transformers:"
    if name.startswith(prefix):
        path = name[len(prefix) :]
        return SpacyBackbone(embeddings=None if path == "default" else path)
    raise StoreMismatchError(
        f"this store's embeddings come from {name!r}, which unspin cannot rebuild",
        hint="pass the backbone that made them to search(backbone=...)",
    )


# ----------------------------------------------------------------------------------------
# Query text


_WORD = re.compile(r"\w+", re.UNICODE)


def query_terms(query: str) -> tuple[str, ...]:
    """The words of a keyword query, lower-cased, in order, without repeats."""
    return tuple(dict.fromkeys(w.casefold() for w in _WORD.findall(query)))


def _word_matches(word: str, term: str) -> bool:
    """A rough stand-in for the stemmers of the backends, for explanations only."""
    if word == term:
        return True
    stem = min(len(word), len(term))
    return stem >= 4 and word[: max(4, stem - 2)] == term[: max(4, stem - 2)]


def _matched(text: str, terms: Sequence[str]) -> tuple[tuple[str, ...], int | None]:
    """The query terms found in ``text`` and where the first match starts."""
    found: list[str] = []
    first: int | None = None
    for m in _WORD.finditer(text):
        word = m.group().casefold()
        for term in terms:
            if _word_matches(word, term):
                if term not in found:
                    found.append(term)
                if first is None:
                    first = m.start()
    return tuple(t for t in terms if t in found), first


def snippet(text: str, first_match: int | None, width: int = 240) -> str:
    """The sentence on one line, cut to ``width`` characters around the first match."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    if first_match is None:
        return flat[: width - 1].rstrip() + "…"
    # map the offset in ``text`` to the flattened text, roughly
    at = len(" ".join(text[:first_match].split()))
    lo = max(0, min(at - width // 3, len(flat) - width))
    cut = flat[lo : lo + width].strip()
    return ("…" if lo > 0 else "") + cut + ("…" if lo + width < len(flat) else "")


def _fuse(*rankings: Sequence[int]) -> list[tuple[int, float]]:
    """Reciprocal rank fusion of rankings of sentence ids (best first)."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, sid in enumerate(ranking, start=1):
            scores[sid] = scores.get(sid, 0.0) + 1.0 / (RRF_K + rank)
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))


# ----------------------------------------------------------------------------------------


class Store(FactCheckStore, ABC):
    """A corpus of analysed documents. Use as a context manager, or call :meth:`close`.

    Open one with :func:`unspin.store.open_store`. Writes go through :meth:`add`, one
    transaction per call: a document is stored with all its findings and sentences, or
    not at all. Reads stream (cursors, never whole tables in memory).
    """

    #: "sqlite" or "postgresql".
    backend: ClassVar[str]
    #: The newest schema version this code writes (see ``schema_migrations``).
    SCHEMA_VERSION: ClassVar[int]

    def __init__(self, url: str) -> None:
        self.url = url

    # -- the backend's part --------------------------------------------------------

    @abstractmethod
    def close(self) -> None:
        """Close the connection."""

    @property
    @abstractmethod
    def schema_version(self) -> int:
        """The schema version the store is at (the highest row of ``schema_migrations``)."""

    @abstractmethod
    def get_meta(self, key: str) -> str | None:
        """A value from the store's ``meta`` table."""

    @abstractmethod
    def set_meta(self, key: str, value: str) -> None:
        """Set a value in the ``meta`` table (its own transaction)."""

    @abstractmethod
    def existing(self, ids: Iterable[str]) -> set[str]:
        """Which of these document ids the store already holds."""

    @abstractmethod
    def write(self, docs: Sequence[DocumentRows], errors: Sequence[ErrorRecord] = ()) -> int:
        """Write documents (skipping ids already present) and errors in one transaction;
        return how many documents were added."""

    @abstractmethod
    def _analysis_json(self, document_id: str) -> str | None: ...

    @abstractmethod
    def _stream_analysis_json(self, filters: Filters) -> Iterator[str]: ...

    @abstractmethod
    def _stream_findings(
        self, kind: str | None, label: str | None, filters: Filters
    ) -> Iterator[StoredFinding]: ...

    @abstractmethod
    def add_links(self, links: Iterable[Link]) -> int:
        """Store links (one transaction; a link already stored is kept as it was);
        return how many were new."""

    @abstractmethod
    def iter_links(
        self, kind: str | None = None, *, document_id: str | None = None
    ) -> Iterator[Link]:
        """Stored links, of a kind and touching a document (either end), if given."""

    @abstractmethod
    def corpus_pending(self, space: str) -> list[str]:
        """Ids of the documents not yet in the corpus index ``space``: earliest
        publication first (undated last), then in ingestion order."""

    @abstractmethod
    def corpus_candidates(
        self, space: str, key: str, limit: int, *, newest: bool = True
    ) -> list[tuple[int, str, str]]:
        """(item id, document id, payload) of the ``limit`` newest (or oldest) items
        indexed under ``key`` in ``space``."""

    @abstractmethod
    def write_corpus(
        self,
        items: Sequence[CorpusItem],
        indexed: Sequence[tuple[str, str]],
        links: Iterable[Link] = (),
    ) -> int:
        """One transaction: index ``items``, mark the (document id, space) pairs of
        ``indexed`` as done, store ``links``; return how many links were new."""

    @abstractmethod
    def clear_corpus(self, spaces: Sequence[str], link_kinds: Sequence[str]) -> None:
        """Empty the corpus index of ``spaces`` and delete the links of ``link_kinds``
        (one transaction)."""

    @abstractmethod
    def iter_errors(self) -> Iterator[ErrorRecord]:
        """The recorded per-input errors, oldest first."""

    @abstractmethod
    def stats(self, *, top_outlets: int | None = None) -> StoreStats:
        """Counts of documents, sentences and findings (by kind), and per outlet."""

    @abstractmethod
    def _keyword_floor(self, terms: Sequence[str], every: bool, cap: int) -> int | None:
        """The id of the ``cap``-th newest sentence matching the terms (all of them if
        ``every``, else any), filters aside; None when fewer match."""

    @abstractmethod
    def _keyword_ranked(
        self, terms: Sequence[str], every: bool, filters: Filters, depth: int, floor: int | None
    ) -> list[tuple[int, float]]:
        """The ``depth`` best matching sentences with id >= ``floor``, with the backend's
        relevance (higher is better), best first."""

    @abstractmethod
    def _semantic(
        self, vector: np.ndarray, filters: Filters, depth: int
    ) -> list[tuple[int, float]]:
        """The ``depth`` sentence ids nearest the vector, with cosine similarity."""

    @abstractmethod
    def _hit_rows(self, ids: Sequence[int]) -> dict[int, tuple[Any, ...]]:
        """Per sentence id: (document id, title, outlet, published, source, index, start,
        end, text, document key)."""

    @abstractmethod
    def _findings_for(
        self, sentences: Sequence[tuple[int, int]]
    ) -> list[tuple[int, str, str, str, float, int, int]]:
        """Findings overlapping these sentences (document key, sentence index): (document
        key, id, kind, label, score, first sentence, last sentence)."""

    # -- shared ----------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.url}>"

    @property
    def encoder(self) -> str | None:
        """The sentence encoder the store's embeddings come from (None before any)."""
        return self.get_meta("encoder")

    def bind_encoder(self, name: str) -> None:
        """Record the encoder on first use; refuse another one afterwards."""
        current = self.encoder
        if current is None:
            self.set_meta("encoder", name)
            self.set_meta("sketch", SKETCH)
            return
        if current != name:
            raise StoreMismatchError(
                f"{self.url} holds embeddings from {current!r}, not {name!r}; "
                "embeddings of two encoders cannot be mixed or compared",
                hint="use the backbone and [models] embeddings the store was built with, "
                "or another --db",
            )
        sketch = self.get_meta("sketch")
        if sketch not in (None, SKETCH):
            raise StoreMismatchError(
                f"{self.url} uses the vector sketch {sketch!r}; this unspin uses {SKETCH!r}",
                hint="re-ingest into a new store",
            )

    def add(self, processed: Iterable[Processed], errors: Iterable[ErrorRecord] = ()) -> int:
        """Store processed documents and errors in one transaction; documents whose id is
        already stored are skipped. Returns how many documents were added."""
        rows = [prepare(p) for p in processed]
        return self.write(rows, list(errors))

    def record_errors(self, errors: Iterable[ErrorRecord]) -> None:
        """Record per-input errors (their own transaction)."""
        self.write([], list(errors))

    def has_document(self, document_id: str) -> bool:
        return bool(self.existing([document_id]))

    def get_analysis(self, document_id: str) -> Analysis:
        """The analysis stored for a document (``KeyError`` if there is none)."""
        text = self._analysis_json(document_id)
        if text is None:
            raise KeyError(document_id)
        return Analysis.from_json(text)

    def iter_analyses(self, filters: Filters | None = None) -> Iterator[Analysis]:
        """Every stored analysis matching the filters, in ingestion order, streamed."""
        for text in self._stream_analysis_json(filters or Filters()):
            yield Analysis.from_json(text)

    def iter_documents(self, filters: Filters | None = None) -> Iterator[Document]:
        """Every stored document matching the filters, in ingestion order, streamed."""
        for analysis in self.iter_analyses(filters):
            yield analysis.document

    def iter_findings(
        self,
        kind: str | None = None,
        *,
        label: str | None = None,
        filters: Filters | None = None,
    ) -> Iterator[StoredFinding]:
        """Findings (of a kind and label, if given) with their document's metadata,
        in ingestion and then text order, streamed."""
        return self._stream_findings(kind, label, filters or Filters())

    # -- search ----------------------------------------------------------------------

    def search(
        self,
        query: str,
        filters: Filters | None = None,
        *,
        limit: int = 10,
        mode: SearchMode = "hybrid",
        backbone: Backbone | None = None,
    ) -> list[Hit]:
        """Hybrid search over the stored sentences (claims are sentences too).

        ``keyword`` ranks sentences holding any query word (stemmed) by BM25 or
        ``ts_rank``; ``semantic`` ranks them by cosine similarity of the query's
        embedding (made by the encoder the store was built with; ``backbone`` may be
        given to reuse a loaded one); ``hybrid`` fuses both rankings by reciprocal rank
        fusion (k = 60). Filters narrow both rankings inside the database.
        """
        if limit <= 0:
            return []
        if mode not in ("hybrid", "keyword", "semantic"):
            raise ConfigError(f"unknown search mode {mode!r}; use hybrid, keyword or semantic")
        filters = filters or Filters()
        terms = query_terms(query)
        depth = max(3 * limit, 30)

        def keyword_ranking() -> list[tuple[int, float]]:
            if mode == "semantic" or not terms:
                return []
            return self._keyword(terms, filters, depth)

        def semantic_ranking() -> list[tuple[int, float]]:
            if mode == "keyword" or not query.strip():
                return []
            vector = self._embed_query(query, backbone)
            return [] if vector is None else self._semantic(vector, filters, depth)

        keyword, semantic = self._rankings(keyword_ranking, semantic_ranking)
        fused = _fuse([sid for sid, _ in keyword], [sid for sid, _ in semantic])[:limit]
        return self._hits(fused, keyword, semantic, terms)

    def _is_rare(self, term: str, cap: int) -> bool:
        """Whether at most ``cap`` sentences hold the term."""
        return self._keyword_floor([term], False, cap) is None

    def _rankings(
        self, keyword: Callable[[], _Ranking], semantic: Callable[[], _Ranking]
    ) -> tuple[_Ranking, _Ranking]:
        """Run both rankings (a backend may run them side by side)."""
        return keyword(), semantic()

    def _keyword(
        self, terms: Sequence[str], filters: Filters, depth: int
    ) -> list[tuple[int, float]]:
        """The keyword ranking: sentences with every term first, then sentences with any
        of the informative terms (those in at most KEYWORD_CAP sentences of the corpus).
        A ranking scores only the newest KEYWORD_CAP sentences that match (before
        filters; KEYWORD_CAP_FILTERED with filters), so its cost stays bounded however
        large the corpus and however common the words."""
        cap = KEYWORD_CAP_FILTERED if filters != _NO_FILTER else KEYWORD_CAP
        floor = self._keyword_floor(terms, True, cap)
        ranked = self._keyword_ranked(terms, True, filters, depth, floor)
        if len(ranked) >= depth or len(terms) == 1:
            return ranked
        rare = [t for t in terms if self._is_rare(t, KEYWORD_CAP)]
        floor = None if rare else self._keyword_floor(terms, False, cap)
        seen = {sid for sid, _ in ranked}
        for sid, score in self._keyword_ranked(rare or terms, False, filters, depth, floor):
            if sid not in seen and len(ranked) < depth:
                ranked.append((sid, score))
        return ranked

    def _embed_query(self, query: str, backbone: Backbone | None) -> np.ndarray | None:
        encoder = self.encoder
        if encoder is None:
            log.info("%s holds no embeddings; semantic search skipped", self.url)
            return None
        if backbone is None:
            backbone = backbone_for_encoder(encoder)
        elif encoder_name(backbone) != encoder:
            raise StoreMismatchError(
                f"{self.url} holds embeddings from {encoder!r}; the query would be embedded "
                f"by {encoder_name(backbone)!r}",
                hint="search with the backbone the store was built with",
            )
        vector: np.ndarray = np.asarray(backbone.embed([query]), dtype=np.float32)[0]
        return vector

    def _hits(
        self,
        fused: Sequence[tuple[int, float]],
        keyword: Sequence[tuple[int, float]],
        semantic: Sequence[tuple[int, float]],
        terms: Sequence[str],
    ) -> list[Hit]:
        if not fused:
            return []
        k_rank = {sid: (i, s) for i, (sid, s) in enumerate(keyword, start=1)}
        s_rank = {sid: (i, s) for i, (sid, s) in enumerate(semantic, start=1)}
        rows = self._hit_rows([sid for sid, _ in fused])
        spans = sorted({(row[9], row[5]) for row in rows.values()})
        by_doc: dict[int, list[tuple[int, str, str, str, float, int, int]]] = {}
        for f in self._findings_for(spans):
            by_doc.setdefault(f[0], []).append(f)
        hits = []
        for sid, score in fused:
            row = rows.get(sid)
            if row is None:  # pragma: no cover - removed between the two queries
                continue
            doc_id, title, outlet, published, source, idx, start, end, text, key = row
            matched, first = _matched(text, terms) if sid in k_rank else ((), None)
            kr = k_rank.get(sid)
            sr = s_rank.get(sid)
            hits.append(
                Hit(
                    document_id=doc_id,
                    title=title,
                    outlet=outlet,
                    published=published,
                    source=source,
                    sentence=idx,
                    start=start,
                    end=end,
                    text=text,
                    snippet=snippet(text, first),
                    score=score,
                    keyword_rank=kr[0] if kr else None,
                    keyword_score=round(kr[1], 6) if kr else None,
                    semantic_rank=sr[0] if sr else None,
                    similarity=round(sr[1], 6) if sr else None,
                    matched_terms=matched,
                    findings=tuple(
                        HitFinding(f[1], f[2], f[3], f[4])
                        for f in by_doc.get(key, ())
                        if f[5] <= idx <= f[6]
                    ),
                )
            )
        return hits

    # -- export ------------------------------------------------------------------------

    def export(
        self,
        out: TextIO,
        *,
        fmt: ExportFormat = "jsonl",
        what: ExportWhat = "documents",
        filters: Filters | None = None,
    ) -> int:
        """Write documents (JSON Lines: one full analysis per line; CSV: metadata and
        counts) or findings (one per line or row, with document metadata) to ``out``;
        return how many records were written."""
        filters = filters or Filters()
        count = 0
        if what == "documents":
            writer = _Writer(out, fmt, DOCUMENT_COLUMNS)
            for analysis in self.iter_analyses(filters):
                if fmt == "jsonl":
                    writer.line(analysis.to_dict())
                else:
                    writer.row(_document_row(analysis))
                count += 1
        elif what == "findings":
            writer = _Writer(out, fmt, FINDING_COLUMNS)
            for sf in self.iter_findings(filters.kind, filters=filters):
                if fmt == "jsonl":
                    writer.line(sf.to_dict())
                else:
                    writer.row(_finding_row(sf))
                count += 1
        else:
            raise ConfigError(f"cannot export {what!r}; use documents or findings")
        return count

    def export_file(
        self,
        path: str | Path,
        *,
        fmt: ExportFormat = "jsonl",
        what: ExportWhat = "documents",
        filters: Filters | None = None,
    ) -> int:
        """Like :meth:`export`, into a file that appears whole or not at all."""
        path = Path(path)
        try:
            fd, tmp = tempfile.mkstemp(prefix=".unspin-", suffix=".tmp", dir=path.parent or ".")
        except OSError as exc:
            raise StoreError(f"cannot write {path}: {exc.strerror or exc}") from None
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
                count = self.export(out, fmt=fmt, what=what, filters=filters)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return count


DOCUMENT_COLUMNS = (
    "id",
    "title",
    "url",
    "outlet",
    "author",
    "published",
    "language",
    "source",
    "findings",
    "failures",
    "words",
)
FINDING_COLUMNS = (
    "document_id",
    "outlet",
    "published",
    "title",
    "id",
    "kind",
    "label",
    "start",
    "end",
    "score",
    "analyzer",
    "text",
    "rule",
    "speaker",
    "source_type",
)


class _Writer:
    def __init__(self, out: TextIO, fmt: ExportFormat, columns: Sequence[str]) -> None:
        if fmt not in ("jsonl", "csv"):
            raise ConfigError(f"unknown export format {fmt!r}; use jsonl or csv")
        self.out = out
        self.csv = csv.DictWriter(out, fieldnames=list(columns)) if fmt == "csv" else None
        if self.csv is not None:
            self.csv.writeheader()

    def line(self, record: Mapping[str, Any]) -> None:
        self.out.write(json.dumps(record, ensure_ascii=False) + "\n")

    def row(self, record: Mapping[str, Any]) -> None:
        assert self.csv is not None
        self.csv.writerow(record)


def _document_row(analysis: Analysis) -> dict[str, Any]:
    doc = analysis.document
    return {
        "id": doc.id,
        "title": doc.title,
        "url": doc.url,
        "outlet": doc.outlet,
        "author": doc.author,
        "published": doc.published,
        "language": doc.language,
        "source": doc.source,
        "findings": len(analysis.findings),
        "failures": len(analysis.failures),
        "words": len(doc.text.split()),
    }


def _finding_row(sf: StoredFinding) -> dict[str, Any]:
    f = sf.finding
    attrs = f.attributes
    speaker = attrs.get("name") if f.kind == "speaker" else attrs.get("speaker")
    return {
        "document_id": sf.document_id,
        "outlet": sf.outlet,
        "published": sf.published,
        "title": sf.title,
        "id": f.id,
        "kind": f.kind,
        "label": f.label,
        "start": f.start,
        "end": f.end,
        "score": f.score,
        "analyzer": f.analyzer,
        "text": f.text,
        "rule": f.explanation.rule,
        "speaker": speaker if isinstance(speaker, str) else None,
        "source_type": attrs.get("source_type") or (f.label if f.kind == "speaker" else None),
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
