"""The adapter part of the check-worthiness head: pooled adapted states, the stacked logit,
and the fallback to the logistic part when the token states lack the adapter's layer
(a small random adapter and a stand-in backbone; no trained model is loaded)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from unspin.adapters import INPUT_LAYER, TopLayers, TopLayersModule
from unspin.claims.analyzer import ClaimsAnalyzer
from unspin.claims.head import CheckworthinessHead
from unspin.config import load_config
from unspin.model import Analysis, Document
from unspin.nlp import EMBEDDING_DIM, FakeBackbone, TokenStates
from unspin.pipeline import Pipeline

TEXT = "The council spent 4 million dollars on roads. What a day."


class TrainedFake(FakeBackbone):
    """The fake backbone marked as trained (so the trained head reads its vectors),
    optionally without the layer the adapter reads."""

    trained = True

    def __init__(self, with_layer: bool = True) -> None:
        self.with_layer = with_layer

    def token_states(self, texts: Sequence[str], starts: Sequence[int]) -> TokenStates:
        states = super().token_states(texts, starts)
        if self.with_layer:
            return states
        layers = {k: v for k, v in states.layers.items() if k != INPUT_LAYER}
        return TokenStates(states.starts, states.ends, states.segments,
                           states.segment_sentence, layers, states.embeddings)  # fmt: skip


@pytest.fixture(scope="module")
def head_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import torch

    torch.manual_seed(0)
    folder = tmp_path_factory.mktemp("head")
    config = {"first": 6, "count": 1, "width": EMBEDDING_DIM, "heads": 12, "inner": 64,
              "eps": 1e-12}  # fmt: skip
    TopLayersModule(config).save(folder / "adapter.npz")
    rng = np.random.default_rng(0)
    data = {
        "name": "test-stack",
        "version": "0.0.1",
        "features": ["quantity"],
        "bias": -1.0,
        "w_features": [1.0],
        "w_embedding": [0.0] * EMBEDDING_DIM,
        "threshold": 0.5,
        "adapter": {
            "weights": "adapter.npz",
            "w_pool": [round(float(x), 4) for x in rng.normal(0, 0.1, EMBEDDING_DIM)],
            "lr_scale": 0.5,
            "bias": 0.25,
        },
    }
    path = folder / "head.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def analyse(head_path: Path, backbone: FakeBackbone) -> Analysis:
    pipe = Pipeline(
        load_config(analyzers=["claims"], language="en"),
        backbone=backbone,
        analyzers=[ClaimsAnalyzer(model=str(head_path))],
    )
    analysis = pipe.analyze(Document(TEXT))
    assert not analysis.failures, analysis.failures
    return analysis


def test_a_head_with_an_adapter_requires_the_token_states(head_path: Path) -> None:
    assert ClaimsAnalyzer(model=str(head_path)).requires == ("parse", "embeddings", "token_states")
    head = CheckworthinessHead.load(head_path)
    assert head.adapter is not None and head.adapter.path == head_path.parent / "adapter.npz"


def test_pooled_is_the_mean_adapted_state_of_each_sentences_pieces(head_path: Path) -> None:
    head = CheckworthinessHead.load(head_path)
    assert head.adapter is not None
    texts = ["Prices rose.", "They fell again today."]
    states = FakeBackbone().token_states(texts, [0, 13])
    pooled = head.adapter.pooled(states, 2)
    assert pooled is not None and pooled.shape == (2, EMBEDDING_DIM)
    run = TopLayers.load(head.adapter.path).run(states)
    for k in range(2):
        np.testing.assert_allclose(pooled[k], run[states.sentence == k].mean(0), rtol=1e-5)
    assert not np.allclose(pooled[0], pooled[1])


def test_the_stacked_logit_scales_the_logistic_part_and_adds_the_adapter(head_path: Path) -> None:
    head = CheckworthinessHead.load(head_path)
    assert head.adapter is not None
    emb = np.zeros(EMBEDDING_DIM)
    alone, _ = head.logit_parts("x", emb, {"quantity": 1})
    assert alone == {"bias": -1.0, "sentence_embedding": 0.0, "quantity": 1.0}
    pooled = np.ones(EMBEDDING_DIM)
    parts, _ = head.logit_parts("x", emb, {"quantity": 1}, pooled)
    assert parts["bias"] == 0.25 and parts["quantity"] == 0.5
    assert parts["adapter"] == pytest.approx(float(head.adapter.w_pool.sum()))


def test_the_analyzer_adds_the_adapter_contribution(head_path: Path) -> None:
    analysis = analyse(head_path, TrainedFake())
    claims = analysis.by_kind("claim")
    assert len(claims) == 2
    for c in claims:
        assert "adapter" in c.attributes["features"]
        assert c.attributes["features"]["bias"] == 0.25
        assert "could not run" not in c.explanation.detail


def test_without_the_adapters_layer_the_logistic_part_scores_and_says_so(
    head_path: Path,
) -> None:
    analysis = analyse(head_path, TrainedFake(with_layer=False))
    for c in analysis.by_kind("claim"):
        assert "adapter" not in c.attributes["features"]
        assert c.attributes["features"]["bias"] == -1.0
        assert "adapter could not run" in c.explanation.detail
        assert c.explanation.rule == "claims.checkworthiness-model"
