"""Stories and narratives of a corpus store: cluster the new documents, list the result."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from unspin.app.corpus import opened_store
from unspin.app.timelines import UnknownNarrativeError, compact_timeline, narrative_timelines
from unspin.narratives import (
    ClusterRun,
    NarrativeTable,
    Params,
    Period,
    Story,
    stories,
    update,
)

__all__ = [
    "NarrativeListing",
    "NarrativeParams",
    "cluster_narratives",
    "list_narratives",
    "stories_json",
]

#: The clustering's thresholds (``unspin corpus narratives --story-threshold`` ...).
NarrativeParams = Params


@dataclass(frozen=True)
class NarrativeListing:
    """The stories of a store (largest first), what the run that preceded the listing
    did (None when nothing was clustered), and how many documents still wait."""

    stories: list[Story]
    run: ClusterRun | None
    waiting: int

    def to_list(self) -> list[dict[str, object]]:
        return [s.to_dict() for s in self.stories]


def cluster_narratives(
    db: str | Path | None, params: Params | None = None, *, rebuild: bool = False
) -> ClusterRun:
    """Place the documents of ``db`` not clustered yet into its stories and narratives."""
    with opened_store(db) as store:
        return update(store, params, rebuild=rebuild)


def list_narratives(
    db: str | Path | None,
    params: Params | None = None,
    *,
    cluster: bool = True,
    rebuild: bool = False,
    period: Period = "day",
    min_documents: int = 1,
    story: int | None = None,
) -> NarrativeListing:
    """The stories and narratives of ``db``, after clustering its new documents (unless
    ``cluster`` is false: then only what earlier runs placed). Stories and narratives the
    clustering run made are marked new. Raises :class:`UnknownNarrativeError` for a
    ``story`` the store has no story of (as ``corpus timeline --story`` does)."""
    with opened_store(db) as store:
        run = update(store, params, rebuild=rebuild) if cluster else None
        table = store.repository(NarrativeTable)
        if story is not None and not table.story_documents(story):
            raise UnknownNarrativeError(f"no story {story} in {store.url}")
        since = None if run is None else run.run - 1
        found = stories(
            table, period=period, min_documents=min_documents, story=story, since_run=since
        )
        return NarrativeListing(found, run, table.waiting())


def stories_json(
    db: str | Path | None, found: Sequence[Story], *, timelines: bool = False
) -> list[dict[str, Any]]:
    """``found`` as the JSON of ``unspin corpus narratives -f json``; with ``timelines``,
    each narrative with its ``timeline``: the dated events its claims tell
    (:func:`~unspin.app.timelines.compact_timeline`), each document read once."""
    out = [s.to_dict() for s in found]
    if timelines:
        spans = {
            n.id: [(c.document_id, c.start, c.end) for c in n.claims]
            for s in found
            for n in s.narratives
        }
        built = narrative_timelines(db, spans)
        for story in out:
            for narrative in story["narratives"]:
                narrative["timeline"] = compact_timeline(built[narrative["id"]])
    return out
