"""What only the SQLite backend does: pick a sqlite3 that loads extensions, sketch
vectors for sqlite-vec, and switch between exact and sketched filtered ranking."""

from __future__ import annotations

import importlib
import types
from pathlib import Path

import numpy as np
import pytest

from unspin.errors import MissingExtraError
from unspin.nlp import FakeBackbone
from unspin.pipeline import Pipeline
from unspin.store import Filters, ingest, open_store
from unspin.store import sqlite as backend
from unspin.store.rows import SKETCH_BITS, sketch

from .articles import ARTICLES

FAKE = FakeBackbone()


def test_falls_back_to_pysqlite3_when_sqlite3_cannot_load_extensions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    no_extensions = types.SimpleNamespace(Connection=type("Connection", (), {}))
    monkeypatch.setattr(backend, "sqlite3", no_extensions)
    module = backend.sqlite_module()
    assert module.__name__ == "pysqlite3.dbapi2"
    assert hasattr(module.Connection, "enable_load_extension")

    real_import = importlib.import_module

    def missing(name: str) -> types.ModuleType:
        if name.startswith("pysqlite3"):
            raise ImportError(name)
        return real_import(name)

    monkeypatch.setattr(importlib, "import_module", missing)
    with pytest.raises(MissingExtraError, match=r"unspin\[store\]"):
        backend.sqlite_module()


def test_sketches_keep_near_vectors_near() -> None:
    rng = np.random.default_rng(3)
    base = rng.standard_normal(384).astype(np.float32)
    near = base + 0.1 * rng.standard_normal(384).astype(np.float32)
    far = rng.standard_normal(384).astype(np.float32)
    bits = np.unpackbits(sketch(np.stack([base, near, far])), axis=1)
    assert bits.shape == (3, SKETCH_BITS)
    assert (bits[0] != bits[1]).sum() < (bits[0] != bits[2]).sum() / 3
    assert np.array_equal(sketch(base), sketch(base * 5))  # scale does not matter


@pytest.mark.parametrize(
    "filters",
    [
        Filters(kind="claim", outlet="lindholm-post.example"),
        Filters(outlet="lindholm-post.example"),
        Filters(since="2024-05-01"),
    ],
    ids=["finding", "outlet", "date"],
)
def test_broad_filters_go_through_sqlite_vec_with_the_same_results(
    tmp_path: Path, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch, filters: Filters
) -> None:
    with open_store(tmp_path / "s.db") as store:
        ingest(store, ARTICLES, pipeline=pipeline)
        exact = store.search("euros schools rates bridge", filters, mode="semantic", backbone=FAKE)
        monkeypatch.setattr(backend, "EXACT_MAX", 0)  # as if the filters left many
        sketched = store.search(
            "euros schools rates bridge", filters, mode="semantic", backbone=FAKE
        )
        assert exact and [h.text for h in sketched] == [h.text for h in exact]
