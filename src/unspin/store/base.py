"""The store interface every backend implements, and the logic they all share.

A :class:`Store` holds analysed documents (with their full analysis JSON), their
findings and their sentences (text, offsets, embedding). Backends implement the SQL
(:mod:`unspin.store.sqlite`, :mod:`unspin.store.postgres`, over the portable SQL of
:mod:`unspin.store.sqlstore`); this module holds what is the same for all of them: hybrid
search (reciprocal rank fusion of a keyword ranking and a vector ranking, see
:mod:`unspin.store.ranking`), exports, and the check that one store only ever holds
embeddings from one encoder.

Features add their tables and the repositories that read and write them (see
:mod:`unspin.store.schema`): ``store.repository(FactCheckTable)`` builds one over the
store's public SQL access, :attr:`Store.sql`, on first use (typed, and the store core
never imports the feature).
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, ClassVar, Literal, TextIO, TypeVar

import numpy as np
from numpy.typing import NDArray

from unspin.errors import ConfigError, StoreMismatchError
from unspin.model import Analysis, Document
from unspin.nlp import Backbone
from unspin.pipeline import Processed, canonical_encoder, encoder_hint, encoder_name
from unspin.store.export import (
    ExportFormat,
    ExportWhat,
    export_documents,
    export_findings,
    export_to_file,
)
from unspin.store.links import add_links, iter_links
from unspin.store.ranking import fuse, make_hits, query_terms
from unspin.store.records import ErrorRecord, Filters, Hit, StoredFinding, StoredLink, StoreStats
from unspin.store.rows import SKETCH, DocumentRows, prepare
from unspin.store.sql import SQLAccess

__all__ = ["KEYWORD_CAP", "KEYWORD_CAP_FILTERED", "SearchMode", "Store"]

log = logging.getLogger(__name__)

R = TypeVar("R")

#: A keyword ranking scores at most this many matches (the newest), bounding its cost;
#: with filters, it looks at this many matches before filtering.
KEYWORD_CAP = 2000
KEYWORD_CAP_FILTERED = 5000

SearchMode = Literal["hybrid", "keyword", "semantic"]

_NO_FILTER = Filters()
#: Sentence ids with a score, best first.
_Ranking = list[tuple[int, float]]


class Store(ABC):
    """A corpus of analysed documents. Use as a context manager, or call :meth:`close`.

    Open one with :func:`unspin.store.open_store`. Writes go through :meth:`add`, one
    transaction per call: a document is stored with all its findings and sentences, or
    not at all. Reads stream (cursors, never whole tables in memory).
    """

    #: "sqlite" or "postgresql".
    backend: ClassVar[str]
    #: The store's public SQL access, which the features' repositories are built over.
    sql: SQLAccess

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
    def migrations(self) -> list[tuple[int, str]]:
        """The applied migrations: (version, applied_at)."""

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
        self, vector: NDArray[Any], filters: Filters, depth: int
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

    def repository(self, cls: Callable[[SQLAccess], R]) -> R:
        """A feature's repository over this store's tables (``store.repository(FactCheckTable)``),
        built over :attr:`sql` on first use and kept: typed, and the store core never
        imports the feature."""
        repositories: dict[Any, Any] = self.__dict__.setdefault("_repositories", {})
        if cls not in repositories:
            repositories[cls] = cls(self.sql)
        found: R = repositories[cls]
        return found

    @property
    def encoder(self) -> str | None:
        """The sentence encoder the store's embeddings come from (None before any), as
        :func:`~unspin.pipeline.encoder_name` writes it."""
        return canonical_encoder(self.get_meta("encoder"))

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
                hint=encoder_hint(current),
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

    def add_links(self, links: Iterable[StoredLink]) -> int:
        """Store links (one transaction; a link already stored is kept as it was);
        return how many were new."""
        return add_links(self.sql, links)

    def iter_links(
        self, kind: str | None = None, *, document_id: str | None = None
    ) -> Iterator[StoredLink]:
        """Stored links, of a kind and touching a document (either end), if given."""
        return iter_links(self.sql, kind, document_id=document_id)

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
        embedding, made by ``backbone`` (the caller's, which must embed as the store's
        encoder does; needed unless the mode is ``keyword`` or the store holds no
        embeddings); ``hybrid`` fuses both rankings by reciprocal rank fusion (k = 60).
        Filters narrow both rankings inside the database.
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
            return _keyword_ranking(self, terms, filters, depth)

        def semantic_ranking() -> list[tuple[int, float]]:
            if mode == "keyword" or not query.strip():
                return []
            vector = _embed_query(self, query, backbone)
            return [] if vector is None else self._semantic(vector, filters, depth)

        keyword, semantic = self._rankings(keyword_ranking, semantic_ranking)
        fused = fuse([sid for sid, _ in keyword], [sid for sid, _ in semantic])[:limit]
        if not fused:
            return []
        rows = self._hit_rows([sid for sid, _ in fused])
        spans = sorted({(row[9], row[5]) for row in rows.values()})
        return make_hits(fused, keyword, semantic, terms, rows, self._findings_for(spans))

    def _is_rare(self, term: str, cap: int) -> bool:
        """Whether at most ``cap`` sentences hold the term."""
        return self._keyword_floor([term], False, cap) is None

    def _rankings(
        self, keyword: Callable[[], _Ranking], semantic: Callable[[], _Ranking]
    ) -> tuple[_Ranking, _Ranking]:
        """Run both rankings (a backend may run them side by side)."""
        return keyword(), semantic()

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
        if what == "documents":
            return export_documents(out, fmt, self.iter_analyses(filters))
        if what == "findings":
            return export_findings(out, fmt, self.iter_findings(filters.kind, filters=filters))
        raise ConfigError(f"cannot export {what!r}; use documents or findings")

    def export_file(
        self,
        path: str | Path,
        *,
        fmt: ExportFormat = "jsonl",
        what: ExportWhat = "documents",
        filters: Filters | None = None,
    ) -> int:
        """Like :meth:`export`, into a file that appears whole or not at all."""
        return export_to_file(
            path, lambda out: self.export(out, fmt=fmt, what=what, filters=filters)
        )


def _keyword_ranking(
    store: Store, terms: Sequence[str], filters: Filters, depth: int
) -> list[tuple[int, float]]:
    """The keyword ranking: sentences with every term first, then sentences with any
    of the informative terms (those in at most KEYWORD_CAP sentences of the corpus).
    A ranking scores only the newest KEYWORD_CAP sentences that match (before
    filters; KEYWORD_CAP_FILTERED with filters), so its cost stays bounded however
    large the corpus and however common the words."""
    cap = KEYWORD_CAP_FILTERED if filters != _NO_FILTER else KEYWORD_CAP
    floor = store._keyword_floor(terms, True, cap)
    ranked = store._keyword_ranked(terms, True, filters, depth, floor)
    if len(ranked) >= depth or len(terms) == 1:
        return ranked
    rare = [t for t in terms if store._is_rare(t, KEYWORD_CAP)]
    floor = None if rare else store._keyword_floor(terms, False, cap)
    seen = {sid for sid, _ in ranked}
    for sid, score in store._keyword_ranked(rare or terms, False, filters, depth, floor):
        if sid not in seen and len(ranked) < depth:
            ranked.append((sid, score))
    return ranked


def _embed_query(store: Store, query: str, backbone: Backbone | None) -> NDArray[Any] | None:
    encoder = store.encoder
    if encoder is None:
        log.info("%s holds no embeddings; semantic search skipped", store.url)
        return None
    if backbone is None:
        raise ConfigError(
            f"a semantic search of {store.url} embeds the query: pass the backbone "
            f"of its encoder ({encoder!r})",
            hint="search(..., backbone=...), or mode='keyword'",
        )
    if encoder_name(backbone) != encoder:
        raise StoreMismatchError(
            f"{store.url} holds embeddings from {encoder!r}; the query would be embedded "
            f"by {encoder_name(backbone)!r}",
            hint=encoder_hint(encoder),
        )
    vector: NDArray[Any] = np.asarray(backbone.embed([query]), dtype=np.float32)[0]
    return vector
