"""Known fact-checks in a corpus store: import ClaimReview files, match against them.

::

    from unspin.pipeline import backbone_for_encoder
    from unspin.store import open_store
    from unspin.factchecks.stored import import_factchecks, index_from_store

    with open_store("corpus.db") as store:
        backbone = backbone_for_encoder(store.encoder)    # the store's encoder, or the default
        report = import_factchecks(store, ["reviews/"], backbone=backbone)   # idempotent
        index, embed = index_from_store(store, backbone=backbone)  # for FactCheckMatcher

:func:`import_factchecks` reads every file with :func:`unspin.factchecks.iter_claimreviews`
(one :class:`~unspin.errors.ClaimReviewError` per unreadable file or record, the rest goes
on), embeds the claims and headlines that are not stored yet with the caller's backbone
(which must be the store's encoder) and writes them in batches
(``store.repository(FactCheckTable)``). A review already
stored (same URL and claim) is skipped before it is embedded.

:func:`index_from_store` loads the stored reviews and their embeddings into a
:class:`~unspin.factchecks.match.FactCheckIndex`, so that the store is matched with the
same BM25 + MiniLM retrieval and the same re-ranker as files are (nothing is embedded
again; queries must be embedded by the returned encoder, the caller's backbone, which
must be the store's).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from unspin.errors import ClaimReviewError, StoreMismatchError
from unspin.factchecks.files import iter_claimreviews
from unspin.factchecks.match import Embedder, FactCheckIndex
from unspin.factchecks.model import ClaimReview
from unspin.factchecks.tables import FactCheckTable
from unspin.pipeline import encoder_name

if TYPE_CHECKING:
    from unspin.nlp import Backbone
    from unspin.store import Store

__all__ = ["ImportReport", "import_factchecks", "index_from_store"]

log = logging.getLogger(__name__)


@dataclass
class ImportReport:
    """What an import did: records read, added, already stored (or repeated in the
    input), and the inputs that could not be read."""

    read: int = 0
    added: int = 0
    already: int = 0
    errors: list[ClaimReviewError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def to_dict(self) -> dict[str, object]:
        return {
            "read": self.read,
            "added": self.added,
            "already_stored": self.already,
            "errors": [str(e) for e in self.errors],
        }


def _embed_reviews(
    embed: Embedder, reviews: Sequence[ClaimReview]
) -> tuple[NDArray[Any], NDArray[Any]]:
    """Embeddings of the claims and of the headlines (zero rows: no headline)."""
    claims = np.asarray(embed([r.claim for r in reviews]), dtype=np.float32)
    titles = np.zeros_like(claims)
    titled = [i for i, r in enumerate(reviews) if r.title]
    if titled:
        titles[titled] = embed([str(reviews[i].title) for i in titled])
    return claims, titles


def import_factchecks(
    store: Store,
    paths: Path | str | Iterable[Path | str],
    *,
    backbone: Backbone,
    batch_size: int = 256,
    on_progress: Callable[[ImportReport], None] | None = None,
) -> ImportReport:
    """Import the ClaimReviews of files and directories into ``store``.

    ``backbone`` embeds claims and headlines; a store holding embeddings from another
    encoder refuses it (:class:`~unspin.errors.StoreMismatchError`). Bad files and records
    are reported in :attr:`ImportReport.errors`; everything else is imported.
    """
    report = ImportReport()
    table = store.repository(FactCheckTable)
    bound = False
    batch: dict[str, ClaimReview] = {}

    def flush() -> None:
        nonlocal bound
        if not batch:
            return
        reviews = list(batch.values())
        batch.clear()
        present = table.present(r.id for r in reviews)
        new = [r for r in reviews if r.id not in present]
        report.already += len(reviews) - len(new)
        if new:
            if not bound:
                store.bind_encoder(encoder_name(backbone))
                bound = True
            claims, titles = _embed_reviews(backbone.embed, new)
            added = table.add(new, claims, titles)
            report.added += added
            report.already += len(new) - added
        if on_progress is not None:
            on_progress(report)

    for item in iter_claimreviews(paths):
        if isinstance(item, ClaimReviewError):
            log.debug("%s", item)
            report.errors.append(item)
            continue
        report.read += 1
        if item.id in batch:
            report.already += 1
            continue
        batch[item.id] = item
        if len(batch) >= batch_size:
            flush()
    flush()
    return report


def index_from_store(
    store: Store, extra: Sequence[ClaimReview] = (), *, backbone: Backbone
) -> tuple[FactCheckIndex, Embedder | None]:
    """An in-memory index of the store's reviews (with their stored embeddings) and
    ``extra`` reviews (embedded now), and the embedder queries must use: ``backbone``'s,
    which must be the store's encoder (:class:`~unspin.errors.StoreMismatchError`
    otherwise); None when nothing is embedded."""
    if store.encoder is not None and encoder_name(backbone) != store.encoder:
        raise StoreMismatchError(
            f"the fact-checks in {store.url} were embedded by {store.encoder!r}, "
            f"not {encoder_name(backbone)!r}",
            hint="match with the backbone the fact-checks were imported with",
        )
    table = store.repository(FactCheckTable)
    reviews: list[ClaimReview] = []
    claims: list[NDArray[Any] | None] = []
    titles: list[NDArray[Any] | None] = []
    seen: set[str] = set()
    for row in table.iter():
        seen.add(row.review.id)
        reviews.append(row.review)
        claims.append(row.embedding)
        titles.append(row.title_embedding)
    extra = [r for r in dict((r.id, r) for r in extra).values() if r.id not in seen]
    embed: Embedder | None = None
    if store.encoder is not None or extra:
        embed = backbone.embed
    if not reviews and not extra:
        return FactCheckIndex([]), embed
    dim = next((len(v) for v in claims if v is not None), None)
    if extra and embed is not None:
        e_claims, e_titles = _embed_reviews(embed, extra)
        reviews.extend(extra)
        claims.extend(e_claims)
        titles.extend(e_titles)
        dim = e_claims.shape[1]
    if dim is None or embed is None:
        return FactCheckIndex(reviews), None
    zero = np.zeros(dim, dtype=np.float32)
    matrix = np.stack([zero if v is None else v for v in claims]).astype(np.float32)
    title_matrix = np.stack([zero if v is None else v for v in titles]).astype(np.float32)
    index = FactCheckIndex(reviews, embeddings=matrix, title_embeddings=title_matrix)
    index.embed = embed
    return index, embed
