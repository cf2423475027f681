"""Published fact-checks (ClaimReview): import them into a store, search them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from unspin.app.corpus import opened_store
from unspin.app.pipelines import open_existing_store
from unspin.config import load_config
from unspin.factchecks.model import ClaimReview
from unspin.factchecks.stored import ImportReport, import_factchecks
from unspin.factchecks.tables import FactCheckTable
from unspin.pipeline import backbone_for_encoder, make_backbone

__all__ = ["FactcheckImport", "import_factcheck_files", "search_factchecks"]


@dataclass(frozen=True)
class FactcheckImport:
    """What an import did, how many fact-checks the store now holds, and its URL."""

    report: ImportReport
    total: int
    url: str


def import_factcheck_files(
    db: str | Path | None,
    paths: Sequence[str | Path],
    *,
    backbone: str | None = None,
    config: str | Path | None = None,
) -> FactcheckImport:
    """Import the ClaimReviews of files and directories (JSON-LD pages, Fact Check Tools
    API JSON, CSV); a review already stored is skipped. The claims are encoded by the
    store's encoder; in a store without one, by the backbone of ``config`` (its
    ``[models]`` embeddings), ``backbone`` ("spacy" or "fake") overriding its kind."""
    settings = load_config(config, **({"backbone": backbone} if backbone else {}))
    with opened_store(db, create=True) as store:
        if backbone is None or store.encoder is None:
            encoder = backbone_for_encoder(store.encoder, settings)
        else:
            encoder = make_backbone(settings)
        report = import_factchecks(store, paths, backbone=encoder)
        return FactcheckImport(report, store.repository(FactCheckTable).count(), store.url)


def search_factchecks(
    db: str | Path | None, query: str, *, limit: int = 10
) -> list[tuple[ClaimReview, float]]:
    """Full-text search over the claims and headlines of the imported fact-checks."""
    hint = "import fact-checks into it first: 'unspin factchecks import FILE... --db URL'"
    with open_existing_store(db, hint=hint) as store:
        found: list[tuple[ClaimReview, float]] = store.repository(FactCheckTable).search(
            query, limit
        )
        return found
