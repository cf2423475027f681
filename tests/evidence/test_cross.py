"""The cross-encoder stance model: loading, output shape, and a negation that flips it."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from unspin.errors import ModelError
from unspin.evidence.cross import (
    DEFAULT_CROSS_MODEL,
    CrossStance,
    pair_batches,
    pair_tokenizer,
)
from unspin.evidence.stance import STANCES

SUPPORTS, REFUTES = STANCES.index("supports"), STANCES.index("refutes")

# (claim, its negation, a passage that supports the claim); written for this test.
PAIRS = [
    (
        "The city council approved the new budget in March.",
        "The city council did not approve the new budget in March.",
        "In March the city council voted to approve the new budget after a long debate.",
    ),
    (
        "Arctic sea ice has declined over the past four decades.",
        "Arctic sea ice has not declined over the past four decades.",
        "Satellite records show that the extent of Arctic sea ice has declined steadily "
        "since the late 1970s.",
    ),
    (
        "The factory closed in 2015.",
        "The factory did not close in 2015.",
        "Workers lost their jobs when the factory closed in 2015.",
    ),
]


@pytest.fixture(scope="module")
def model() -> CrossStance:
    return CrossStance.load()


def test_loads_once_with_a_name(model: CrossStance) -> None:
    assert CrossStance.load() is model
    assert CrossStance.load(DEFAULT_CROSS_MODEL) is model
    assert model.name == "cross-minilm-l6-top6"
    assert model.adapter.config["first"] == 1


@pytest.mark.parametrize("first", [1, 3, 5])
def test_the_adapter_says_where_it_starts(tmp_path: Path, first: int) -> None:
    """An untuned copy of layers ``first..6`` after the lower layers the runtime runs for
    it must give the whole encoder's top states: the runtime runs exactly ``first - 1``
    lower layers, whatever the shipped model's count."""
    import shutil

    import torch

    from unspin.adapters import TopLayersModule
    from unspin.evidence.cross import pool
    from unspin.nlp import default_embedding_path, load_encoder

    encoder = load_encoder(default_embedding_path())
    TopLayersModule.from_encoder(encoder, first=first).save(tmp_path / "adapter.npz")
    for name in ("config.json", "heads.npz"):
        shutil.copy(DEFAULT_CROSS_MODEL / name, tmp_path / name)
    claim, _, passage = PAIRS[0]
    got = CrossStance.load(tmp_path).pooled([(claim, passage)])
    enc = encoder.tokenizer(claim, passage, return_tensors="pt")
    with torch.inference_mode():
        top = encoder[0].auto_model(**enc).last_hidden_state
    want = pool(top, enc["attention_mask"], enc["token_type_ids"]).numpy()
    assert np.allclose(got, want, atol=2e-2), float(np.abs(got - want).max())


def test_probabilities_per_pair(model: CrossStance) -> None:
    pairs = [(c, p) for c, _, p in PAIRS] + [("Cats sleep a lot.", "The bridge opened in 1932.")]
    proba = model.predict(pairs)
    assert proba.shape == (len(pairs), 3)
    assert np.allclose(proba.sum(axis=1), 1.0, atol=1e-5)
    assert (proba >= 0).all()
    assert model.predict([]).shape == (0, 3)


def test_order_and_batching_do_not_change_a_pair(model: CrossStance) -> None:
    pairs = [(c, p) for c, _, p in PAIRS]
    alone = model.predict(pairs[1:2])
    together = model.predict(pairs[::-1])  # pairs[1] sits at len - 2, padded with longer ones
    assert np.allclose(alone[0], together[len(pairs) - 2], atol=1e-4)


def test_a_negated_claim_flips_supports_to_refutes(model: CrossStance) -> None:
    proba = model.predict([(c, p) for c, _, p in PAIRS] + [(n, p) for _, n, p in PAIRS])
    k = len(PAIRS)
    for i in range(k):
        assert proba[i].argmax() == SUPPORTS, (PAIRS[i][0], proba[i])
        assert proba[k + i].argmax() == REFUTES, (PAIRS[i][1], proba[k + i])


def test_pairs_are_two_segments_within_the_piece_limit(model: CrossStance) -> None:
    tokenizer = pair_tokenizer(model.encoder_path)
    batches = pair_batches(tokenizer, ["short claim"], ["word " * 400], max_pieces=64)
    (rows, t), *_ = batches
    assert rows == [0]
    assert t["input_ids"].shape == (1, 64)
    types = t["token_type_ids"][0].tolist()
    assert types[0] == 0 and types[-1] == 1 and sorted(types) == types


def test_a_missing_model_says_how_to_get_it(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match=r"missing config\.json"):
        CrossStance.load(tmp_path)
