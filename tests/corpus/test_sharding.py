"""Comparisons sharded by blocking key (``corpus link --engine ray``, #14 point 3) find
the same links and write the same index as the sequential run, whatever the number of
shards, the segment size, the window bound or what the store already held."""

from __future__ import annotations

import json
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest

from tests.corpus.articles import FLOOD, PROPAGATION, QUOTES, SELF_CONTRADICTING
from tests.corpus.conftest import Analyse
from unspin.app.workers import pickled
from unspin.corpus.sharding import Entry, Shard, compare_shard
from unspin.corpus.store_adapter import iter_corpus_links, link_store
from unspin.corpus.words import sentence_spans
from unspin.model import Analysis
from unspin.pipeline import Processed
from unspin.store import Store, open_store

Contents = tuple[set[str], list[tuple[str, str, str, str]]]

calls: list[int] = []


def _counting_map(fn: Callable[[Any], Any], items: Iterable[Any]) -> list[Any]:
    """The builtin map, but every item and result pickled as on a cluster."""
    out = []
    for item in items:
        calls.append(1)
        out.append(pickle.loads(pickled(fn(pickle.loads(pickled(item))))))
    return out


def _contents(store: Store) -> Contents:
    """The links (ids) and the index rows: (space, document, payload, sorted keys)."""
    links = {lk.id for lk in iter_corpus_links(store)}
    rows = store.sql.all(
        "SELECT i.space, i.document_id, i.payload, k.key FROM corpus_items i "
        "JOIN corpus_keys k ON k.item = i.id AND k.space = i.space"
    )
    keys: dict[tuple[str, str, str], list[str]] = {}
    for space, doc, payload, key in rows:
        keys.setdefault((space, doc, payload), []).append(key)
    index = sorted((s, d, p, json.dumps(sorted(k))) for (s, d, p), k in keys.items())
    return links, index


def _stored(path: Path, analyses: Iterable[Analysis]) -> Store:
    store = open_store(path)
    store.add(Processed(a, tuple(sentence_spans(a)), None) for a in analyses)
    return store


@pytest.fixture(scope="module")
def every(analyse: Analyse) -> list[Analysis]:
    analyses = analyse([*FLOOD, *QUOTES, *PROPAGATION, SELF_CONTRADICTING])
    return sorted(analyses.values(), key=lambda a: str(a.document.published))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("shards", "segment", "max_group"), [(1, 2000, 300), (5, 3, 300), (3, 4, 1)]
)
def test_sharded_links_equal_the_sequential_run(
    every: list[Analysis], tmp_path: Path, shards: int, segment: int, max_group: int
) -> None:
    with _stored(tmp_path / "seq.db", every) as store:
        run = link_store(store, max_group=max_group, batch_size=2)
        expected = _contents(store)
    calls.clear()
    with _stored(tmp_path / "sharded.db", every) as store:
        got = link_store(
            store,
            max_group=max_group,
            batch_size=2,
            mapper=_counting_map,
            shards=shards,
            segment=segment,
        )
        assert _contents(store) == expected
        assert got.links == run.links and got.documents == run.documents == len(every)
        assert link_store(store, mapper=_counting_map).documents == 0  # nothing left
    assert run.links["contradiction"] and run.links["quote_drift"] and run.links["propagation"]
    assert len(calls) > len(every)  # the work went through the mapper: documents and shards


@pytest.mark.slow
def test_a_sharded_run_continues_what_a_sequential_run_began(
    every: list[Analysis], tmp_path: Path
) -> None:
    with _stored(tmp_path / "seq.db", every) as store:
        link_store(store)
        expected = _contents(store)
    half = len(every) // 2
    with _stored(tmp_path / "mixed.db", every[:half]) as store:
        link_store(store)  # the store holds half, linked and indexed
        store.add(Processed(a, tuple(sentence_spans(a)), None) for a in every[half:])
        assert link_store(store, mapper=_counting_map, shards=4).documents == len(every) - half
        assert _contents(store) == expected


def test_a_pair_sharing_two_small_keys_is_compared_under_the_first_only() -> None:
    def entry(doc: int, name: str) -> Entry:
        slot = {"format": 99}  # never parsed: the comparer is not reached for skipped pairs
        return Entry(doc, name, frozenset({"a", "b"}), json.dumps(slot))

    shard = Shard(
        "passage",
        ("propagation",),
        300,
        {0: entry(-1, "old"), 1: entry(0, "new")},
        (("b", (0, 1)),),
        frozenset({"a", "b"}),
    )
    assert compare_shard(shard) == []  # "a" < "b" holds both: compared in a's shard
