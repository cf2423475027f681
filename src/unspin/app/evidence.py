"""Evidence passages: index trusted documents, find the passages a claim is checked against."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from unspin.app.corpus import opened_store
from unspin.app.pipelines import open_existing_store
from unspin.config import load_config
from unspin.errors import StoreMismatchError
from unspin.evidence import AddReport, EvidenceIndex, RetrievedPassage
from unspin.pipeline import backbone_for_encoder, encoder_hint, encoder_name, make_backbone
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
    """The stored passages ranked for ``claim`` (keyword and embedding rankings fused),
    the claim embedded by the store's encoder (``backbone`` must be the one that made the
    store's embeddings: another one's similarities would mean nothing)."""
    hint = "add evidence to it first: 'unspin evidence add PATH... --db URL'"
    with open_existing_store(db, hint=hint) as store:
        settings = load_config(config, **({"backbone": backbone} if backbone else {}))
        stored = store.encoder
        if backbone is None or stored is None:
            encoder = backbone_for_encoder(stored, settings)
        else:
            encoder = make_backbone(settings)
        if stored is not None and encoder_name(encoder) != stored:
            raise StoreMismatchError(
                f"{store.url} holds embeddings from {stored!r}, not {encoder_name(encoder)!r}; "
                "a claim embedded by another encoder cannot be compared with them",
                hint=encoder_hint(stored),
            )
        return EvidenceIndex(store, encoder).search(claim, limit=limit)
