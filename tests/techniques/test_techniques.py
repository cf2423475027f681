from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import assert_anchored
from unspin.analyzer import Context, analyzer_class
from unspin.config import load_config
from unspin.errors import DependencyError, ModelError
from unspin.model import Analysis, Document
from unspin.nlp import Backbone, FakeBackbone
from unspin.pipeline import Pipeline
from unspin.techniques import features as feats
from unspin.techniques.analyzer import (
    DEFINITIONS,
    TECHNIQUES,
    TechniquesAnalyzer,
    classify_spans,
    cues,
    detect,
    repeat,
)
from unspin.techniques.evaluate import classify_techniques
from unspin.techniques.tagger import DEFAULT_DIR

TEXT = (
    "Corrupt elites want to destroy our great nation!\n\n"
    "The mayor said the budget was approved on Monday. Critics asked why the vote was so "
    "rushed. Corrupt elites, they said, always win. Make the city great again!"
)


needs_model = pytest.mark.skipif(
    not (DEFAULT_DIR / "si_tagger.npz").exists(),
    reason="the techniques model is not trained yet: run training/techniques/train.py",
)


def _ctx(backbone: Backbone, text: str) -> Context:
    parsed = backbone.parse(text)
    states = backbone.token_states(
        [text[s.start : s.end] for s in parsed.sentences], [s.start for s in parsed.sentences]
    )
    return Context(Document(text), parsed, (), states.embeddings, states)


def test_registered_and_requires_token_states() -> None:
    assert analyzer_class("techniques") is TechniquesAnalyzer
    assert "token_states" in TechniquesAnalyzer.requires
    assert len(TECHNIQUES) == 14 and set(DEFINITIONS) == set(TECHNIQUES)


@needs_model
def test_runs_on_the_fake_backbone(fake_backbone: Backbone) -> None:
    pipeline = Pipeline(load_config(analyzers=["techniques"]), backbone=fake_backbone)
    analysis = pipeline.analyze(Document(TEXT))
    assert not analysis.failures, analysis.failures
    assert_anchored(analysis)
    summary = analysis.summaries["techniques"]
    findings = analysis.by_kind("technique")
    assert summary["total"] == len(findings)
    assert sum(summary["counts"].values()) == len(findings)
    words = len(TEXT.split())
    assert summary["words"] == words
    assert summary["per_1000_words"] == round(len(findings) * 1000 / words, 2)
    for f in findings:
        assert f.label in TECHNIQUES
        assert f.explanation.model and f.explanation.confidence == f.score
        assert DEFINITIONS[f.label] in f.explanation.detail
        ranked = f.attributes["ranked"]
        assert ranked[0][1] >= ranked[1][1] >= ranked[2][1]


@needs_model
def test_thresholds_are_options(fake_backbone: Backbone) -> None:
    ctx = _ctx(fake_backbone, TEXT)
    every = detect(ctx.text, ctx.token_states, parsed=ctx.parsed, span_low=0.0, span_high=0.0)  # type: ignore[arg-type]
    assert every  # every run of pieces becomes a span
    assert not detect(ctx.text, ctx.token_states, parsed=ctx.parsed, span_high=1.01)  # type: ignore[arg-type]
    assert not TechniquesAnalyzer(threshold=1.0).run(ctx).findings
    # all_candidates shows what any threshold would hide
    assert (
        TechniquesAnalyzer(threshold=1.0, all_candidates=True, span_low=0.0, span_high=0.0)
        .run(ctx)
        .findings
    )
    # a second technique only when its probability reaches second_label_min
    kw = {"parsed": ctx.parsed, "span_low": 0.0, "span_high": 0.0}
    once = detect(ctx.text, ctx.token_states, second_label_min=1.1, **kw)  # type: ignore[arg-type]
    twice = detect(ctx.text, ctx.token_states, second_label_min=0.0, **kw)  # type: ignore[arg-type]
    assert len(twice) == 2 * len(once) == 2 * len({(t.start, t.end) for t in once})


@needs_model
def test_classify_spans_gives_a_distribution_per_span(fake_backbone: Backbone) -> None:
    ctx = _ctx(fake_backbone, TEXT)
    spans = [(0, 13), (TEXT.index("great"), TEXT.index("great") + 12)]
    proba = classify_spans(ctx.text, ctx.token_states, spans, parsed=ctx.parsed)  # type: ignore[arg-type]
    assert proba.shape == (2, 14)
    assert np.allclose(proba.sum(1), 1.0, atol=1e-5)
    assert np.array_equal(TechniquesAnalyzer().classify_spans(ctx, spans), proba)
    with pytest.raises(DependencyError, match="parse"):  # the technique head reads the parse
        classify_spans(ctx.text, ctx.token_states, spans)  # type: ignore[arg-type]


def test_the_heads_text_view_is_scikit_learns_tfidf() -> None:
    from unspin.techniques.head import TechniqueHead, char_ngrams, hash64, word_ngrams

    assert word_ngrams("The so-called  experts' plan") == [
        "the", "so", "called", "experts", "plan", "the so", "so called", "called experts",
        "experts plan",
    ]  # fmt: skip
    assert char_ngrams("No  way") == [" n", "no", "o ", " no", "no ", " no ", " w", "wa", "ay",
        "y ", " wa", "way", "ay ", " way", "way ", " way "]  # fmt: skip
    grams = ["no", "way", " w", "wa"]  # two word n-grams (columns 0, 1), two char n-grams
    head = TechniqueHead(
        {
            "classes": np.array(TECHNIQUES[:2]),
            "text_hashes": np.array([hash64(g) for g in grams], np.uint64),
            "text_split": np.array(2),
            "text_idf": np.array([1.0, 2.0, 1.0, 3.0]),
        }
    )
    row = head.tfidf(["No way, no"])[0]
    word = np.array([1 + np.log(2), 2.0])  # "no" twice (sublinear tf), "way" once
    char = np.array([1.0, 3.0])
    assert np.allclose(
        row, np.concatenate([word / np.linalg.norm(word), char / np.linalg.norm(char)])
    )


@needs_model
def test_pipeline_ranks_techniques_for_given_spans(fake_backbone: Backbone) -> None:
    config = load_config(analyzers=["techniques"])
    ranked = classify_techniques(
        Pipeline(config, backbone=fake_backbone), Document(TEXT), [(0, 13), (14, 18)]
    )
    assert len(ranked) == 2 and all(sorted(r) == sorted(TECHNIQUES) for r in ranked)
    with pytest.raises(DependencyError, match="no techniques analyzer"):
        classify_techniques(
            Pipeline(load_config(analyzers=["claims"]), backbone=fake_backbone),
            Document(TEXT),
            [(0, 13)],
        )


@needs_model
def test_needs_token_states_and_a_model(fake_backbone: Backbone) -> None:
    parsed = fake_backbone.parse(TEXT)
    with pytest.raises(DependencyError, match="token states"):
        TechniquesAnalyzer().run(Context(Document(TEXT), parsed))
    with pytest.raises(ModelError, match="cannot load the techniques model") as info:
        TechniquesAnalyzer(model="/nonexistent/techniques").run(_ctx(fake_backbone, TEXT))
    assert "train.py" in str(info.value.hint)


def test_cues_name_the_patterns_in_a_span() -> None:
    first = TEXT.index("Corrupt elites")
    second = TEXT.index("Corrupt elites", first + 1)
    found = cues(TEXT, second, second + len("Corrupt elites"))
    assert "also occurs earlier in the text" in found
    assert "also occurs later in the text" in cues(TEXT, first, first + len("Corrupt elites"))
    assert "loaded: corrupt" in found and "loaded: elites" in found
    slogan = TEXT.index("Make the city")
    found = cues(TEXT, slogan, len(TEXT))
    assert "exclamation" in found and "slogan pattern (short, stands alone)" in found
    assert "flag: great again" in found
    assert cues(TEXT, TEXT.index("budget"), TEXT.index("budget") + 6) == []


def test_lexicon_cues_are_named_only_for_their_own_techniques() -> None:
    """A lexicon's words explain only the techniques it holds cues of: "but" and "all"
    are no reasons for loaded language, "disaster" is one for any emotive technique."""
    text = "The council's reckless plan is a disaster, but all of us will pay for it."
    start, end = 0, len(text) - 1
    every = cues(text, start, end)
    assert {"whatabout: but", "bandwagon: all", "loaded: disaster"} <= set(every)
    loaded = cues(text, start, end, "Loaded_Language")
    assert [c for c in loaded if ":" in c] == ["fear: disaster", "loaded: disaster"]
    assert "whatabout: but" in cues(text, start, end, "Whataboutism,Straw_Men,Red_Herring")
    assert [c for c in cues(text, start, end, "Repetition") if ":" in c] == []
    assert set(feats.LEXICON_TECHNIQUES) == set(feats.LEXICONS)
    assert all(t in TECHNIQUES for v in feats.LEXICON_TECHNIQUES.values() for t in v)


def test_decode_uses_hysteresis_and_whole_words() -> None:
    text = "Alpha beta gamma, delta. Epsilon zeta."
    states = FakeBackbone().token_states(["Alpha beta gamma, delta.", "Epsilon zeta."], [0, 25])
    # pieces: [CLS] Alpha beta gamma , delta . [SEP] [CLS] Epsilon zeta . [SEP]
    p = np.array([0, 0.2, 0.5, 0.2, 0.3, 0, 0, 0, 0, 0.2, 0.2, 0.2, 0], np.float32)
    spans = feats.decode(text, states, p, low=0.1, high=0.3)
    # the first run reaches 0.3 (kept, trailing comma trimmed); the second never does
    assert [(text[s:e], round(c, 2)) for s, e, c in spans] == [("Alpha beta gamma", 0.3)]


def test_decode_trims_weak_edges_of_a_run() -> None:
    text = "Alpha beta gamma, delta. Epsilon zeta."
    states = FakeBackbone().token_states(["Alpha beta gamma, delta.", "Epsilon zeta."], [0, 25])
    p = np.array([0, 0.15, 0.8, 0.5, 0.15, 0.15, 0, 0, 0, 0, 0, 0, 0], np.float32)
    untrimmed = feats.decode(text, states, p, low=0.1, high=0.3)
    assert [text[s:e] for s, e, _ in untrimmed] == ["Alpha beta gamma, delta"]
    # edge pieces under half the run's best (0.8) go; the inner ones stay
    trimmed = feats.decode(text, states, p, low=0.1, high=0.3, trim=0.5)
    assert [(text[s:e], round(c, 2)) for s, e, c in trimmed] == [("beta gamma", 0.65)]


@needs_model
@pytest.mark.slow
def test_flags_loaded_language_with_the_real_backbone(run: Callable[..., Analysis]) -> None:
    text = (
        "Radical thugs and their corrupt allies are destroying this country!\n\n"
        "These vicious liars will stop at nothing. Wake up, patriots, before it is too late!"
    )
    analysis = run(text, "techniques")
    labels = {f.label for f in analysis.by_kind("technique")}
    assert labels & {"Loaded_Language", "Name_Calling,Labeling", "Appeal_to_fear-prejudice"}
    plain = run("The council met on Tuesday and approved the budget for the library.", "techniques")
    assert len(plain.by_kind("technique")) < len(analysis.by_kind("technique"))


def test_an_ensemble_averages_its_taggers_and_projects_their_inputs(tmp_path: Path) -> None:
    import json

    import torch

    from unspin.techniques.tagger import TechniquesModel, build_tagger, tag_pieces

    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    raw, small = build_tagger(3 * 384), build_tagger(8)
    for name, net in (("a.npz", raw), ("b.npz", small)):
        np.savez(tmp_path / name, **{k: v.numpy() for k, v in net.state_dict().items()})
    mean, std = rng.normal(size=3 * 384), rng.uniform(0.5, 2, 3 * 384)
    w = rng.normal(size=(3 * 384, 8)) / 30
    np.savez(tmp_path / "p.npz", mean=mean, std=std, w=w)
    np.savez(
        tmp_path / "tc_head.npz",
        coef=np.zeros((2, 3)),
        intercept=np.zeros(2),
        mean=np.zeros(3),
        scale=np.ones(3),
        classes=np.array(TECHNIQUES[:2]),
    )
    members = [
        {"weights": "a.npz", "projection": None},
        {"weights": "b.npz", "projection": "p.npz"},
    ]
    config = {"si": {"input_dim": 3 * 384, "members": members}, "tc": {}}
    (tmp_path / "config.json").write_text(json.dumps(config))
    model = TechniquesModel.load(tmp_path)
    states = FakeBackbone().token_states(["Alpha beta gamma, delta.", "Epsilon zeta."], [0, 25])
    x = feats.si_inputs(states)
    raw.eval()
    small.eval()
    projected = (((x - mean) / std) @ w).astype(np.float32)
    expected = (tag_pieces(raw, states, x) + tag_pieces(small, states, projected)) / 2
    got = model.inside_probability(states, x)
    assert np.allclose(got, expected, atol=1e-3)
    assert not np.allclose(got, tag_pieces(raw, states, x), atol=1e-3)


def test_a_repeat_is_found_case_aside_on_the_text_itself() -> None:
    # a dotted capital I lower-cases to two characters: offsets of a lower-cased copy
    # would point one character off
    text = "\u0130stanbul Weekly: Harbour fees rise. Then harbour fees rise again."
    first = text.index("Harbour fees")
    second = text.index("harbour fees")
    assert repeat(text, first, first + len("Harbour fees rise")) == (second, second + 17)
    assert text[second : second + 17].lower() == "harbour fees rise"
    assert repeat(text, first, first + len("Harbour")) is None  # one word is no repeat


@needs_model
def test_a_repeat_is_shown_at_document_offsets(fake_backbone: Backbone) -> None:
    # a zero-width space before the text: the pipeline analyses the text without it, so an
    # offset computed there would be one short of the document's
    text = (
        "\u200bThe toll bridge is a disgrace. Councillor Edda Pilkvist spoke at noon. "
        "The toll bridge is a disgrace."
    )
    config = load_config(
        {"analyzers": {"techniques": {"all_candidates": True, "span_low": 0.0, "span_high": 0.0}}},
        analyzers=["techniques"],
    )
    analysis = Pipeline(config, backbone=fake_backbone).analyze(Document(text))
    assert not analysis.failures, analysis.failures
    repeats = [f for f in analysis.by_kind("technique") if "repeat" in f.attributes]
    assert repeats
    for f in repeats:
        where = f.attributes["repeat"]
        assert text[where["start"] : where["end"]] == where["text"]
        assert where["text"].lower() == f.text.strip().lower()
        assert "offset" not in f.explanation.detail
