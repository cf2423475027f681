"""Evidence passages: index trusted documents, find the passages a claim is checked against."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from unspin.app.corpus import opened_store
from unspin.config import load_config
from unspin.evidence import AddReport, EvidenceIndex, RetrievedPassage
from unspin.pipeline import make_backbone
from unspin.store import Store

__all__ = ["EvidenceAdd", "add_evidence", "search_evidence"]


def _index(store: Store, config: str | Path | None, backbone: str | None) -> EvidenceIndex:
    overrides = {"backbone": backbone} if backbone else {}
    return EvidenceIndex(store, make_backbone(load_config(config, **overrides)))


@dataclass(frozen=True)
class EvidenceAdd:
    """What an add did, what the store now holds, and its URL."""

    report: AddReport
    documents: int
    passages: int
    url: str


def add_evidence(
    db: str | Path | None,
    paths: Sequence[str | Path],
    *,
    config: str | Path | None = None,
    backbone: str | None = None,
    batch_size: int = 32,
    max_bytes: int | None = None,
) -> EvidenceAdd:
    """Split documents into passages and store them with offsets, a full-text index and
    embeddings; a document already stored is skipped, an unreadable one reported."""
    with opened_store(db, create=True) as store:
        index = _index(store, config, backbone)
        report = index.add(
            paths, batch_size=batch_size, max_bytes=max_bytes or load_config(config).max_bytes
        )
        documents, passages = index.counts()
        return EvidenceAdd(report, documents, passages, store.url)


def search_evidence(
    db: str | Path | None,
    claim: str,
    *,
    config: str | Path | None = None,
    backbone: str | None = None,
    limit: int = 5,
) -> list[RetrievedPassage]:
    """The stored passages ranked for ``claim`` (keyword and embedding rankings fused)."""
    with opened_store(db) as store:
        return _index(store, config, backbone).search(claim, limit=limit)
