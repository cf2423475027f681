"""unspin.app.batching: concurrent callers share embedding passes and get their own vector."""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np
import pytest

from unspin.app.batching import BatchedBackbone, QueryBatcher
from unspin.pipeline import encoder_name


def _fake(calls: list[list[str]]) -> object:
    def embed(texts: Sequence[str]) -> np.ndarray:
        calls.append(list(texts))
        return np.array([[float(len(t)), float(i)] for i, t in enumerate(texts)])

    return embed


def test_concurrent_callers_share_passes_and_get_their_own_vector() -> None:
    calls: list[list[str]] = []
    batcher = QueryBatcher(_fake(calls), window=0.05)  # type: ignore[arg-type]
    texts = [f"query {'x' * i}" for i in range(12)]
    out: dict[str, np.ndarray] = {}
    gate = threading.Barrier(len(texts))

    def ask(text: str) -> None:
        gate.wait()
        out[text] = batcher.embed_one(text)

    threads = [threading.Thread(target=ask, args=(t,)) for t in texts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert {t: v[0] for t, v in out.items()} == {t: float(len(t)) for t in texts}
    assert sorted(t for call in calls for t in call) == sorted(texts)  # each embedded once
    assert len(calls) < len(texts) and batcher.passes == len(calls)


def test_a_lone_caller_and_a_failing_pass() -> None:
    calls: list[list[str]] = []
    batcher = QueryBatcher(_fake(calls), window=0.0)  # type: ignore[arg-type]
    assert batcher.embed_one("abc")[0] == 3.0 and calls == [["abc"]]

    def broken(texts: Sequence[str]) -> np.ndarray:
        raise RuntimeError("encoder down")

    with pytest.raises(RuntimeError, match="encoder down"):
        QueryBatcher(broken, window=0.0).embed_one("abc")


def test_the_batched_backbone_is_the_same_encoder() -> None:
    backbone = BatchedBackbone("en_core_web_sm", None)
    assert encoder_name(backbone) == f"sentence-transformers:default@{backbone.encoder}"
    fp32 = BatchedBackbone("en_core_web_sm", None, "torch-fp32")
    assert encoder_name(fp32) == "sentence-transformers:default@torch-fp32"


@pytest.mark.slow
def test_batched_vectors_equal_the_pipelines() -> None:
    from unspin.nlp import SpacyBackbone

    queries = ["the court ruled against the city", "prices rose", "a short one"]
    reference = SpacyBackbone().embed(queries)
    backbone = BatchedBackbone()
    out: dict[int, np.ndarray] = {}

    def ask(i: int) -> None:
        out[i] = backbone.embed([queries[i]])[0]

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(len(queries))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for i, vector in out.items():
        assert np.allclose(vector, reference[i], atol=1e-5)
