"""Matching claims against known fact-checks (invented ClaimReviews, the real encoder)."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from unspin.claims.analyzer import ClaimsAnalyzer
from unspin.config import load_config
from unspin.errors import ConfigError, ModelError
from unspin.factchecks import (
    Candidate,
    ClaimReview,
    FactCheckIndex,
    FactCheckMatcher,
    MatchModel,
    load_claimreviews,
)
from unspin.factchecks.analyzer import DEFAULT_MIN_SCORE, FactChecksAnalyzer
from unspin.factchecks.match import (
    LateStage,
    LinearScorer,
    PieceEncoder,
    Pieces,
    QueryEncoder,
    late_features,
)
from unspin.model import Document
from unspin.nlp import Backbone
from unspin.pipeline import Pipeline

FIXTURES = Path(__file__).parent / "fixtures"
DAM = "https://checkers.example/velmora-dam"


@pytest.fixture(scope="module")
def index(backbone: Backbone) -> FactCheckIndex:
    reviews, errors = load_claimreviews(FIXTURES)
    assert not errors
    return FactCheckIndex(reviews, embed=backbone.embed)


@pytest.mark.slow
def test_a_paraphrased_claim_finds_its_review(index: FactCheckIndex) -> None:
    matcher = FactCheckMatcher(index)
    (matches,) = matcher.match(
        ["Mayor Ilsa Varn told voters the Velmora dam can hold 3 billion litres of water."]
    )
    best = matches[0]
    assert best.review.url == DAM
    assert best.score >= 0.5
    assert best.review.publisher == "Example Checks"
    assert best.review.rating == "False"
    assert best.review.review_date == "2024-02-03"
    assert best.similarity is not None and best.similarity > 0.6
    assert "velmora" in best.shared_terms
    assert best.explanation.startswith(f"match {best.score:.2f}")
    z = sum(best.contributions.values())
    assert best.score == pytest.approx(1 / (1 + math.exp(-z)))


@pytest.mark.slow
def test_unrelated_sentences_find_nothing(index: FactCheckIndex) -> None:
    matcher = FactCheckMatcher(index)
    results = matcher.match(
        [
            "The school choir sang at the spring festival on Saturday.",
            "Tessel's museum reopened after a long renovation.",
        ],
        min_score=0.5,
    )
    assert results == [[], []]
    # without a threshold the ranking still lists candidates, with low scores
    (ranked,) = matcher.match(["The school choir sang at the spring festival."], top=5)
    assert ranked and all(m.score < 0.5 for m in ranked)


@pytest.mark.slow
def test_number_disagreement_lowers_the_score(index: FactCheckIndex) -> None:
    matcher = FactCheckMatcher(index)
    same, other = matcher.match(
        [
            "The harbour city of Tessel banned bicycles in 2019.",
            "The harbour city of Tessel banned bicycles in 1998.",
        ]
    )
    assert same[0].review.claimant == "Facebook page"
    assert other[0].review.id == same[0].review.id
    assert other[0].contributions["numbers_missing"] < 0
    assert other[0].score < same[0].score


class _StoreLike:
    """Stands in for a store search: candidates with ranks and similarities, no index."""

    def __init__(self, reviews: list[ClaimReview], sims: list[float]) -> None:
        self.reviews, self.sims = reviews, sims

    def candidates(self, text: str, embedding: np.ndarray | None, k: int) -> list[Candidate]:
        order = sorted(range(len(self.reviews)), key=lambda i: -self.sims[i])[:k]
        return [
            Candidate(self.reviews[i], lexical_rank=r + 1, semantic_rank=r + 1,
                      similarity=self.sims[i])
            for r, i in enumerate(order)
        ]  # fmt: skip


def test_candidates_from_another_source_are_reranked() -> None:
    reviews = [
        ClaimReview("Drinking seawater cures the flu.", url="https://a.example/1"),
        ClaimReview("Seawater is salty.", url="https://a.example/2"),
    ]
    matcher = FactCheckMatcher(_StoreLike(reviews, [0.9, 0.5]))
    (matches,) = matcher.match(["Drinking seawater cures the flu, a post claims."], np.ones((1, 3)))
    assert [m.review.url for m in matches] == ["https://a.example/1", "https://a.example/2"]
    assert matches[0].score > matches[1].score
    assert matches[0].lexical_rank == 1


def test_the_shipped_model_loads_and_names_itself() -> None:
    model = MatchModel.load()
    assert model.label.startswith("factcheck-matcher@")
    assert "similarity" in model.verifier.weights
    assert "similarity_gap" not in model.verifier.weights  # the verifier is absolute only
    assert "similarity_gap" in model.ranker.weights


# -- the analyzer ---------------------------------------------------------------------

ARTICLE = (
    "Velmora council met on Tuesday. "
    "Mayor Ilsa Varn said the Velmora dam holds three billion litres of water. "
    "The school choir sang at the spring festival."
)


@pytest.mark.slow
def test_the_factchecks_analyzer_flags_the_reviewed_claim(backbone: Backbone) -> None:
    pipe = Pipeline(
        load_config(analyzers=["claims"]),
        backbone=backbone,
        analyzers=[ClaimsAnalyzer(), FactChecksAnalyzer(path=str(FIXTURES))],
    )
    a = pipe.analyze(Document(ARTICLE))
    assert a.ok, a.failures
    (f,) = a.by_kind("factcheck")
    assert f.text == "Mayor Ilsa Varn said the Velmora dam holds three billion litres of water."
    assert f.label == "match"
    assert f.score >= 0.5
    attrs = f.attributes
    assert attrs["publisher"] == "Example Checks"
    assert attrs["rating"] == "False"
    assert attrs["rating_score"] == 0.0
    assert attrs["review_date"] == "2024-02-03"
    assert attrs["url"] == DAM
    assert attrs["claimant"] == "Ilsa Varn"
    assert 0.6 < attrs["similarity"] <= 1.0
    assert attrs["matches"][0]["url"] == DAM
    claim = next(c for c in a.by_kind("claim") if c.start == f.start)
    assert f.related("claim") == [claim.id]
    assert "Example Checks reviewed" in f.explanation.detail
    assert "rated it “False”" in f.explanation.detail
    assert f.explanation.model is not None
    s = a.summaries["factchecks"]
    assert s == {
        "factchecks_loaded": 5,
        "claims_matched": 1,
        "claims_related_only": 0,
        "claims_checked": 3,
        "min_score": DEFAULT_MIN_SCORE,
    }


@pytest.mark.slow
def test_checkworthy_only_skips_low_claims(backbone: Backbone) -> None:
    analyzer = FactChecksAnalyzer(path=str(FIXTURES), checkworthy_only=True)
    pipe = Pipeline(
        load_config(analyzers=["claims"]), backbone=backbone,
        analyzers=[ClaimsAnalyzer(), analyzer],
    )  # fmt: skip
    a = pipe.analyze(Document(ARTICLE))
    assert a.summaries["factchecks"]["claims_checked"] == sum(
        1 for c in a.by_kind("claim") if c.attributes["checkworthy"]
    )


@pytest.mark.parametrize(
    "options",
    [{"min_score": 1.5}, {"min_score": "high"}, {"top": 0}, {"checkworthy_only": "yes"}, {"x": 1}],
)
def test_bad_options_are_config_errors(options: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        FactChecksAnalyzer(**options)


def test_with_no_factchecks_configured_the_step_is_a_harmless_no_op(
    fake_backbone: Backbone,
) -> None:
    analyzer = FactChecksAnalyzer()
    assert "embeddings" not in analyzer.requires  # costs the pipeline nothing
    pipe = Pipeline(
        load_config(analyzers=["claims"]), backbone=fake_backbone,
        analyzers=[ClaimsAnalyzer(), analyzer],
    )  # fmt: skip
    a = pipe.analyze(Document(ARTICLE))
    assert a.ok, a.failures
    assert not a.by_kind("factcheck")
    summary = a.summaries["factchecks"]
    assert summary["factchecks_loaded"] == 0
    assert "no fact-checks loaded" in str(summary["note"])


def test_runs_on_the_fake_backbone(fake_backbone: Backbone) -> None:
    pipe = Pipeline(
        load_config(analyzers=["claims"]), backbone=fake_backbone,
        analyzers=[ClaimsAnalyzer(), FactChecksAnalyzer(path=str(FIXTURES), min_score=0.0)],
    )  # fmt: skip
    a = pipe.analyze(Document(ARTICLE))
    assert a.ok, a.failures
    assert all(f.attributes["url"] for f in a.by_kind("factcheck"))


# -- the query adapter ----------------------------------------------------------------


def _model_with_adapter(adapter: Path) -> MatchModel:
    shipped = MatchModel.load()
    return MatchModel(shipped.ranker, shipped.verifier, "test", adapter)


def test_a_missing_query_adapter_is_a_model_error_with_a_hint(tmp_path: Path) -> None:
    encoder = QueryEncoder(tmp_path / "gone.npz")
    with pytest.raises(ModelError, match="query adapter") as info:
        encoder(["Drinking seawater cures the flu."])
    assert info.value.hint is not None and "encoder_lora.py" in info.value.hint


def test_the_adapter_is_named_in_the_matcher_json(tmp_path: Path) -> None:
    model = _model_with_adapter(tmp_path / "my_adapter.npz")
    path = tmp_path / "matcher.json"
    path.write_text(json.dumps(model.to_dict()), encoding="utf-8")
    loaded = MatchModel.load(path)
    assert loaded.query_adapter == (tmp_path / "my_adapter.npz").resolve()
    assert MatchModel(model.ranker, model.verifier).to_dict().get("query_encoder") is None


def test_queries_use_the_query_encoder_only_over_minilm_embeddings(
    tmp_path: Path, fake_backbone: Backbone
) -> None:
    model = _model_with_adapter(tmp_path / "gone.npz")
    reviews = [ClaimReview("Drinking seawater cures the flu.", url="https://a.example/1")]
    fake_index = FactCheckIndex(reviews, embed=fake_backbone.embed)
    # fact-checks embedded by another encoder: the adapter does not apply
    assert FactCheckMatcher(fake_index, model=model).query_embed is None
    calls: list[list[str]] = []

    def query_embed(texts: Sequence[str]) -> np.ndarray:
        calls.append(list(texts))
        return np.asarray(fake_backbone.embed(texts))

    matcher = FactCheckMatcher(fake_index, model=model, query_embed=query_embed)
    (matches,) = matcher.match(["Seawater cures flu, a post says."], np.zeros((1, 3)))
    assert calls == [["Seawater cures flu, a post says."]]
    assert matches and matches[0].similarity is not None and matches[0].similarity > 0.0


@pytest.mark.slow
def test_an_adapter_changes_only_the_query_encoders_copy_of_minilm(
    tmp_path: Path, backbone: Backbone
) -> None:
    rng = np.random.default_rng(0)
    path = tmp_path / "adapter.npz"
    meta = {"rank": 2, "alpha": 2.0}
    np.savez(
        path,
        meta=np.array(json.dumps(meta)),
        **{  # type: ignore[arg-type]
            "layer5.attention.self.value.A": (rng.normal(size=(2, 384)) * 0.05).astype("f2"),
            "layer5.attention.self.value.B": (rng.normal(size=(384, 2)) * 0.05).astype("f2"),
        },
    )
    texts = ["The Velmora dam can hold 3 billion litres of water.", "Seawater cures the flu."]
    before = np.asarray(backbone.embed(texts))
    adapted = QueryEncoder(path)(texts)
    cosines = np.sum(adapted * before, axis=1)
    assert np.all(cosines > 0.8) and np.all(cosines < 0.99999)  # moved, not replaced
    assert np.allclose(np.asarray(backbone.embed(texts)), before)  # the shared one is intact
    index = FactCheckIndex(load_claimreviews(FIXTURES)[0], embed=backbone.embed)
    matcher = FactCheckMatcher(index, model=_model_with_adapter(path))
    assert isinstance(matcher.query_embed, QueryEncoder)


# -- late interaction -------------------------------------------------------------------


def _pieces(*rows: Sequence[float], ids: Sequence[int] | None = None) -> Pieces:
    h = np.asarray(rows, dtype=np.float32)
    h /= np.linalg.norm(h, axis=1, keepdims=True)
    return h, np.asarray(ids if ids is not None else range(len(rows)), dtype=np.int64)


def test_late_features_score_the_query_pieces_best_matches() -> None:
    idf = np.ones(10, np.float32)
    query = _pieces([1, 0, 0], [0, 1, 0])
    same = _pieces([0, 1, 0], [1, 0, 0], [0, 0, 1])  # every query piece found
    half = _pieces([1, 0, 0], [0, 0, 1])  # only the first one
    headline = _pieces([0, 1, 0])
    feats = late_features(query, [(same, None), (half, headline)], idf)
    assert feats[0]["late_title"] == pytest.approx(1.0)  # no headline: the claim's
    assert feats[0]["late_claim_gap"] == pytest.approx(0.0)  # the best claim
    assert feats[1]["late_claim_gap"] == pytest.approx(-0.5)
    assert feats[1]["late_title"] == pytest.approx(0.5)
    # a rare query piece weighs more: matching it alone scores higher than the common one
    rare = np.ones(10, np.float32)
    rare[1] = 9.0
    (first,) = late_features(query, [(_pieces([1, 0, 0]), None)], rare)
    (second,) = late_features(query, [(_pieces([0, 1, 0]), None)], rare)
    assert second["late_title"] == pytest.approx(0.9) and first["late_title"] == pytest.approx(0.1)
    (empty,) = late_features(query, [((np.zeros((0, 3)), np.zeros(0, np.int64)), None)], idf)
    assert empty == {"late_title": 0.0, "late_claim_gap": 0.0}


def _late_model(tmp_path: Path, depth: int = 2, weight: float = 50.0) -> MatchModel:
    """The shipped ranker and verifier, and a late stage that only follows late_title."""
    np.savez(tmp_path / "idf.npz", idf=np.ones(16, np.float16))
    shipped = MatchModel.load()
    late = LateStage(
        LinearScorer("late", {"bias": 0.0, "late_title": weight}), depth, tmp_path / "idf.npz"
    )
    return MatchModel(shipped.ranker, shipped.verifier, "test", None, late)


def test_the_late_stage_reorders_only_the_rankers_top(tmp_path: Path) -> None:
    reviews = [
        ClaimReview("Drinking seawater cures the flu.", url="https://a.example/1"),
        ClaimReview("Seawater is salty.", url="https://a.example/2"),
        ClaimReview("Flu season starts early.", url="https://a.example/3"),
    ]
    source = _StoreLike(reviews, [0.9, 0.5, 0.3])
    query = "Drinking seawater cures the flu, a post claims."
    plain = FactCheckMatcher(source, pieces=False)
    assert plain.pieces is None
    (before,) = plain.match([query], np.ones((1, 3)))
    assert [m.review.url for m in before] == [r.url for r in reviews]
    encoded: list[list[str]] = []

    def pieces(texts: Sequence[str]) -> list[Pieces]:
        # the query is one piece; "Seawater is salty." is the only claim sharing it
        encoded.append(list(texts))
        return [_pieces([1, 0, 0] if "salty" in t or "post" in t else [0, 1, 0]) for t in texts]

    matcher = FactCheckMatcher(source, model=_late_model(tmp_path), pieces=pieces)
    (after,) = matcher.match([query], np.ones((1, 3)))
    assert [m.review.url for m in after] == [reviews[1].url, reviews[0].url, reviews[2].url]
    assert encoded == [[query, reviews[0].claim, reviews[1].claim]]  # the top 2 only
    assert after[0].rank_contributions["late_title"] == pytest.approx(50.0)
    assert "late_title" not in after[2].rank_contributions  # not re-ranked
    # the verifier's scores (what is shown) do not depend on the late stage
    assert {m.review.url: m.score for m in after} == {m.review.url: m.score for m in before}
    # with fewer than two of the top candidates shown, the late stage cannot change the
    # result, so it does not run
    encoded.clear()
    best = max(before[0].score, before[1].score)
    assert before[0].score != before[1].score
    (shown,) = matcher.match([query], np.ones((1, 3)), min_score=best)
    assert encoded == []
    assert [m.score for m in shown] == [best]
    (shown,) = matcher.match([query], np.ones((1, 3)), min_score=min(m.score for m in before))
    assert len(encoded) == 1 and shown[0].review.url == reviews[1].url


def test_the_late_stage_round_trips_through_the_matcher_json(tmp_path: Path) -> None:
    model = _late_model(tmp_path, depth=7)
    path = tmp_path / "matcher.json"
    path.write_text(json.dumps(model.to_dict()), encoding="utf-8")
    loaded = MatchModel.load(path)
    assert loaded.late is not None and loaded.late.depth == 7
    assert loaded.late.idf == (tmp_path / "idf.npz").resolve()
    assert loaded.late.weights().shape == (16,)
    data = model.to_dict()
    data["late_interaction"]["weights"]["no_such_feature"] = 1.0
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ModelError, match="no_such_feature"):
        MatchModel._read(path)
    gone = LateStage(LinearScorer("late", {}), 3, tmp_path / "gone.npz")
    with pytest.raises(ModelError, match="piece weights"):
        gone.weights()


def test_the_late_stage_runs_only_over_minilm_embeddings(
    tmp_path: Path, fake_backbone: Backbone
) -> None:
    reviews = [ClaimReview("Drinking seawater cures the flu.", url="https://a.example/1")]
    fake_index = FactCheckIndex(reviews, embed=fake_backbone.embed)
    assert FactCheckMatcher(fake_index, model=_late_model(tmp_path)).pieces is None


@pytest.mark.slow
def test_the_shipped_late_stage_and_its_piece_encoder(index: FactCheckIndex) -> None:
    model = MatchModel.load()
    assert model.late is not None and model.late.depth >= 1
    assert set(model.late.ranker.weights) >= {"late_title", "late_claim_gap", "similarity_gap"}
    assert model.late.weights().ndim == 1 and np.all(model.late.weights() > 0)
    matcher = FactCheckMatcher(index)
    assert isinstance(matcher.pieces, PieceEncoder)
    encoder = PieceEncoder()
    claim = "The Velmora dam can hold 3 billion litres of water."
    states, ids = encoder([claim])[0]
    assert states.shape == (len(ids), 384) and len(ids) > 5
    assert np.allclose(np.linalg.norm(states, axis=1), 1.0, atol=1e-4)
    assert encoder([claim])[0][0] is states  # cached
    small = PieceEncoder(cache_size=1)
    for _ in range(2):  # more texts than the cache holds, repeated
        got = small([claim, "The school choir sang.", claim])
        assert [len(i) for _, i in got] == [len(ids), len(got[1][1]), len(ids)]
    idf = model.late.weights()
    (close, far) = late_features(
        encoder(["Velmora's dam holds three billion litres."])[0],
        [(encoder([claim])[0], None), (encoder(["The school choir sang."])[0], None)],
        idf,
    )
    assert close["late_title"] > far["late_title"] + 0.1
