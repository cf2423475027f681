"""The narrative tables (schema migration 7) on SQLite and PostgreSQL: documents clustered
as they arrive in three batches give the clusters of one run over all of them; the
parameters of a store's first run are kept; documents without sentences take part."""

from __future__ import annotations

import pytest

from tests.narratives.corpus import ARTICLES
from unspin.errors import StoreError
from unspin.model import Document
from unspin.narratives import NarrativeTable, Params, stories, update
from unspin.pipeline import Pipeline
from unspin.store import Store, ingest


def _documents(names: tuple[str, ...]) -> list[Document]:
    return [
        Document(text=text, url=f"https://{name}.example/", outlet=outlet, published=day)
        for name, outlet, day, text in ARTICLES
        if name in names
    ]


def _clusters(store: Store) -> tuple[set[frozenset[str]], set[frozenset[str]], list[str]]:
    found = stories(store.repository(NarrativeTable))
    docs = {frozenset(d.id for d in s.documents) for s in found}
    claims = {
        frozenset(f"{c.document_id}:{c.finding_id}" for c in n.claims)
        for s in found
        for n in s.narratives
    }
    return docs, claims, [n.name for s in found for n in s.narratives]


def test_batches_give_the_clusters_of_one_run(store: Store, pipeline: Pipeline) -> None:
    names = tuple(a[0] for a in ARTICLES)
    runs = []
    for part in (names[:2], names[2:5], names[5:]):
        ingest(store, _documents(part), pipeline=pipeline)
        runs.append(update(store))
    assert [r.documents for r in runs] == [2, 3, 2]
    assert [r.run for r in runs] == [1, 2, 3]
    assert store.repository(NarrativeTable).waiting() == 0
    assert update(store).documents == 0  # nothing new
    batched = _clusters(store)
    assert sum(len(d) for d in batched[0]) == len(ARTICLES)
    again = update(store, rebuild=True)
    assert again.documents == len(ARTICLES) and again.run == 1
    assert _clusters(store) == batched


def test_other_parameters_need_a_rebuild(store: Store, pipeline: Pipeline) -> None:
    ingest(store, _documents(("fire-1", "race-1")), pipeline=pipeline)
    update(store)
    other = Params(story_threshold=0.9)
    with pytest.raises(StoreError, match="other parameters") as refused:
        update(store, other)
    # the message names what differs, not the whole parameter set
    assert "story_threshold: 0.3 -> 0.9" in str(refused.value)
    assert "narrative_weights" not in str(refused.value)
    assert update(store, other, rebuild=True).documents == 2


def test_a_document_without_sentences_is_a_story_of_its_own(
    store: Store, pipeline: Pipeline
) -> None:
    ingest(store, [*_documents(("fire-1",)), Document(text="   ")], pipeline=pipeline)
    run = update(store)
    assert run.documents == 2
    found = stories(store.repository(NarrativeTable))
    assert sorted(len(s.documents) for s in found) == [1, 1]
