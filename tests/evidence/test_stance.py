"""The stance model's features and head (numpy only), and the shipped artifact."""

from __future__ import annotations

import numpy as np
import pytest

from unspin.errors import ModelError
from unspin.evidence.stance import (
    LEXICAL_FEATURES,
    STANCES,
    Head,
    StanceModel,
    lexical_features,
    pair_features,
)


def feature(claim: str, passage: str, name: str) -> float:
    return lexical_features(claim, passage, 0.5)[LEXICAL_FEATURES.index(name)]


def test_lexical_cues() -> None:
    claim = "Sea ice in the Arctic increased by 10 percent in 2020."
    assert feature(claim, "Arctic sea ice decreased in 2020.", "antonym_pairs") == 1
    assert feature(claim, "Arctic sea ice increased in 2020.", "antonym_pairs") == 0
    assert feature(claim, "It did not increase.", "negation_mismatch") == 1
    assert feature(claim, "It increased.", "negation_mismatch") == 0
    assert feature(claim, "The report of a rise is false.", "refuting_only_passage") == 1
    assert feature(claim, "It rose by 10 percent.", "numbers_shared") == 1
    assert feature(claim, "It rose by 4 percent.", "numbers_disjoint") == 1
    assert feature(claim, claim, "overlap_claim") == 1.0
    assert feature(claim, "Bananas are yellow.", "overlap_claim") == 0.0


def test_pair_features_layout() -> None:
    rng = np.random.default_rng(0)
    u = rng.normal(size=(2, 384)).astype(np.float32)
    v = rng.normal(size=(2, 384)).astype(np.float32)
    X = pair_features(["a b", "c d"], ["a b", "e f"], u, v, ("prod", "absdiff"))
    assert X.shape == (2, 2 * 384 + len(LEXICAL_FEATURES))
    assert np.allclose(X[:, :384], u * v)
    assert np.allclose(X[:, 2 * 384], np.sum(u * v, axis=1))  # cosine comes first
    with pytest.raises(ValueError):
        pair_features(["a"], ["b", "c"], u, v)


def test_head_is_a_standardised_mlp() -> None:
    rng = np.random.default_rng(1)
    head = Head(
        STANCES,
        np.zeros(4),
        np.ones(4),
        (rng.normal(size=(4, 5)), rng.normal(size=(5, 3))),
        (np.zeros(5), np.zeros(3)),
    )
    X = rng.normal(size=(6, 4))
    p = head.proba(X)
    assert p.shape == (6, 3) and np.allclose(p.sum(axis=1), 1.0)
    hidden = np.maximum(X @ head.weights[0], 0) @ head.weights[1]
    assert (p.argmax(axis=1) == hidden.argmax(axis=1)).all()
    again = Head.from_arrays(head.arrays("x"), "x", STANCES)
    assert np.allclose(again.proba(X), p, atol=1e-5)
    with pytest.raises(ValueError):
        Head(STANCES, np.zeros(4), np.ones(4), (np.zeros((4, 2)),), (np.zeros(2),))


def test_the_shipped_model_loads_and_predicts() -> None:
    model = StanceModel.load()
    assert model.head.labels == STANCES
    assert model.fnc_head is not None and model.fnc_head.labels[-1] == "unrelated"
    dim = 384 * len(model.blocks) + len(LEXICAL_FEATURES)
    assert model.head.inputs == dim
    u = np.zeros((1, 384), dtype=np.float32)
    u[0, 0] = 1.0
    [prediction] = model.predict(["a claim"], ["a passage"], u, u)
    assert prediction.stance in STANCES
    assert sum(prediction.probabilities.values()) == pytest.approx(1.0, abs=1e-3)
    assert prediction.score == pytest.approx(max(prediction.probabilities.values()), abs=1e-3)


def test_a_broken_model_folder_is_a_model_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ModelError):
        StanceModel.load(tmp_path)
