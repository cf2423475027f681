"""The narratives' pair model: its features (a claim against the narratives of its story),
its probability, and the short documents read whole (their main claim with the document's
vector; a lone claim with its words too). No models: hand-made unit vectors."""

from __future__ import annotations

import json

import numpy as np
import pytest

from unspin.errors import ConfigError
from unspin.narratives.build import document_input
from unspin.narratives.cluster import ClaimInput, Params, Space, State
from unspin.narratives.pairs import NARRATIVE_WEIGHTS, PAIR_FEATURES, pair_probability
from unspin.narratives.tables import PendingDocument
from unspin.narratives.terms import terms

DIM = 4


def _unit(*xs: float) -> np.ndarray:
    v = np.asarray(xs, np.float32)
    return (v / np.linalg.norm(v)).astype(np.float32)


def test_features_score_only_the_allowed_groups() -> None:
    space = Space(DIM, link=1.0)
    for words in (("harbour", "crane", "collapse"), ("election", "ballot"), ("weather",)):
        space.vocabulary.add(words)
    a = space.add(None, _unit(1, 0, 0, 0), ("harbour", "crane", "collapse"))
    space.add(a.id, _unit(1, 1, 0, 0), ("harbour", "crane"))
    b = space.add(None, _unit(0, 1, 0, 0), ("election", "ballot"))
    claim = _unit(1, 0.1, 0, 0)
    ids, features = space.features(claim, ("crane", "collapse"), [a.id])
    assert ids == [a.id] and features.shape == (1, len(PAIR_FEATURES))
    centroid, nearest, lexical, overlap, coverage = features[0]
    assert nearest == pytest.approx(float(claim @ _unit(1, 0, 0, 0)))
    assert centroid == pytest.approx(float(claim @ _unit(1 + 2**-0.5, 2**-0.5, 0, 0)))
    assert 0 < lexical < 1 and overlap == pytest.approx(1.0) and 0 < coverage < 1
    ids, features = space.features(claim, ("crane",), [b.id, a.id])
    assert ids == [a.id, b.id] and features[1, 2:].tolist() == [0.0, 0.0, 0.0]
    assert space.features(claim, ("crane",), []) == ([], pytest.approx(np.zeros((0, 5))))


def test_the_pair_model_ranks_the_same_claim_first_and_above_the_threshold() -> None:
    state = State(Params(), DIM)
    claim = ClaimInput("c1", 0, 0, 10, "x", "claim", 0.9, "positive", _unit(1, 0, 0, 0))
    state.vocabulary.add(("crane", "collapse", "harbour"))
    state.vocabulary.add(("election", "ballot", "count"))
    words = ("crane", "collapse", "harbour")
    a = ClaimInput("a", 0, 0, 1, "a", "claim", 0.9, "positive", _unit(1, 0.05, 0, 0), words)
    b = ClaimInput("b", 0, 0, 1, "b", "claim", 0.9, "positive", _unit(0, 0, 1, 0), ("ballot",))
    near, far = state.join(a, 1, None), state.join(b, 1, None)
    ids, features = state.narratives.features(
        claim.vector, ("crane", "collapse", "harbour"), state.narratives_of(1, "positive")
    )
    p = pair_probability(features, NARRATIVE_WEIGHTS)
    assert ids == [near.id, far.id]
    assert p[0] >= Params().narrative_threshold > p[1]


def test_pair_weights_must_match_the_features() -> None:
    with pytest.raises(ConfigError, match="narrative_weights has 2 numbers; the pair model needs"):
        pair_probability(np.zeros((2, len(PAIR_FEATURES))), (0.0, 1.0))


def _pending(texts: list[str], scores: list[float]) -> PendingDocument:
    vectors = [_unit(1, 0, 0, 0), _unit(0, 1, 0, 0), _unit(0, 0, 1, 0)]
    spans, at = {}, 0
    for i, t in enumerate(texts):
        spans[i] = (at, at + len(t), t)
        at += len(t) + 1
    claims = tuple(
        (f"c{i}", "claim", spans[i][0], spans[i][1], t,
         json.dumps({"checkworthiness": s}), i)
        for i, (t, s) in enumerate(zip(texts, scores, strict=True))
    )  # fmt: skip
    return PendingDocument(1, "d1", dict(enumerate(vectors[: len(texts)])), spans, claims)


def test_a_short_document_is_read_whole_by_its_main_claim() -> None:
    texts = ["The crane at the harbour collapsed on Monday.", "— a reader (@reader) May 2"]
    one = document_input(_pending(texts, [0.3, 0.9]), Params())  # one claim takes part
    assert one is not None and len(one.claims) == 1
    assert np.allclose(one.claims[0].vector, one.vector) and one.claims[0].terms == one.terms
    assert "crane" in one.claims[0].terms
    two = document_input(_pending(texts, [0.6, 0.9]), Params())  # two: the main one whole
    assert two is not None
    main = max(two.claims, key=lambda c: c.checkworthiness)
    other = min(two.claims, key=lambda c: c.checkworthiness)
    assert np.allclose(main.vector, two.vector) and main.terms == terms(texts[1])
    assert np.allclose(other.vector, _unit(1, 0, 0, 0)) and other.terms == terms(texts[0])
    long = document_input(_pending(texts, [0.3, 0.9]), Params(post_chars=10))
    assert long is not None
    assert np.allclose(long.claims[0].vector, _unit(0, 1, 0, 0))
    assert long.claims[0].terms == terms(texts[1])
