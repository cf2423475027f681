"""The learned attribution extractor behind the ``extractor = "rules+learned"`` option.

A model folder with random weights (the shape ``training/attribution/train.py`` writes)
and thresholds of zero makes the tagger propose contents everywhere, so these tests
check the contract, not the quality: rule findings are never changed, added findings
overlap no rule content, carry the ``attribution.learned`` rule and link to speaker
findings that exist. Invented text; the real backbone (the tagger reads MiniLM states).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import assert_anchored
from unspin.analyzer import analyzer_class
from unspin.config import Config
from unspin.errors import ModelError
from unspin.model import Analysis, Document
from unspin.nlp import Backbone
from unspin.pipeline import Pipeline
from unspin.sources.learned import N_HAND, PROJECTED, build_tagger, windows
from unspin.sources.polnear import Extraction

TEXT = (
    "Mayor Ann Vale said on Monday that the new bridge would open in May.\n\n"
    "Critics of the plan believe the budget is far too small, and a council member "
    "told reporters the vote had been rushed. “We will not wait,” Vale added.\n\n"
    "Officials familiar with the talks expect a deal by Friday, according to two aides."
)


def _model(folder: Path, mode: str = "add") -> Path:
    import torch

    torch.manual_seed(0)
    tagger = build_tagger(PROJECTED + N_HAND, 16, "conv")
    np.savez(folder / "tagger.npz", **{k: v.numpy() for k, v in tagger.state_dict().items()})
    rng = np.random.default_rng(0)
    np.savez(
        folder / "projection.npz",
        mean=np.zeros(768, np.float32),
        std=np.ones(768, np.float32),
        w=rng.normal(size=(768, PROJECTED)).astype(np.float32) * 0.05,
        hand_scale=np.ones(N_HAND, np.float32),
    )
    config = {"mode": mode, "threshold": [0.0, 0.0, 0.0], "hidden": 16, "kind": "conv"}
    (folder / "config.json").write_text(json.dumps(config))
    return folder


def _analyze(backbone: Backbone, **options: object) -> Analysis:
    sources = analyzer_class("sources")(**options)
    pipeline = Pipeline(Config(analyzers=("sources",)), backbone=backbone, analyzers=[sources])
    analysis = pipeline.analyze(Document(TEXT))
    assert not analysis.failures, analysis.failures
    assert_anchored(analysis)
    return analysis


def test_learned_findings_add_to_the_rules_and_never_change_them(
    backbone: Backbone, tmp_path: Path
) -> None:
    rules = _analyze(backbone)
    both = _analyze(backbone, extractor="rules+learned", attribution_model=str(_model(tmp_path)))
    kept = {f.id: f for f in both.findings}
    for f in rules.findings:
        if f.kind in ("quote", "attribution"):
            assert kept.get(f.id) == f  # same span, speaker link, type and explanation
    learned = [f for f in both.findings if f.explanation.rule == "attribution.learned"]
    assert learned, "a tagger with zero thresholds proposes contents"
    rule_contents = [f for f in rules.findings if f.kind in ("quote", "attribution")]
    by_id = {f.id: f for f in both.findings}
    for f in learned:
        assert f.kind == "attribution" and f.attributes["construction"] == "learned"
        assert not any(f.start < r.end and r.start < f.end for r in rule_contents)
        for rel in f.relations:
            assert by_id[rel.target].kind == "speaker"
        assert f.explanation.model == "attribution-tagger"
    assert both.summaries["sources"]["total"] >= rules.summaries["sources"]["total"]


def test_sourced_mode_adds_only_contents_with_a_source(backbone: Backbone, tmp_path: Path) -> None:
    model = str(_model(tmp_path, mode="add-sourced"))
    both = _analyze(backbone, extractor="rules+learned", attribution_model=model)
    for f in both.findings:
        if f.explanation.rule == "attribution.learned":
            assert f.related("speaker"), f


def test_missing_model_is_a_clear_error(backbone: Backbone, tmp_path: Path) -> None:
    sources = analyzer_class("sources")(extractor="rules+learned", attribution_model=str(tmp_path))
    pipeline = Pipeline(Config(analyzers=("sources",)), backbone=backbone, analyzers=[sources])
    analysis = pipeline.analyze(Document(TEXT))
    (failure,) = analysis.failures
    assert failure.error == ModelError.__name__
    assert "training/attribution/train.py" in failure.message or "attribution model" in (
        failure.message
    )


def test_windows_keep_whole_sentences_of_one_paragraph(backbone: Backbone) -> None:
    parsed = backbone.parse(TEXT)
    spans = windows(TEXT, parsed)
    assert spans[0][0] == 0 and spans[-1][1] == len(parsed.tokens)
    firsts = {s.first for s in parsed.sentences}
    assert all(lo in firsts for lo, _ in spans)
    assert all(lo < hi for lo, hi in spans)
    assert len(spans) == 3  # one window per paragraph
    assert Extraction().spans == {"source": set(), "cue": set(), "content": set()}


def test_unknown_extractor_is_rejected() -> None:
    from unspin.errors import ConfigError

    with pytest.raises(ConfigError, match="extractor"):
        analyzer_class("sources")(extractor="neural")


def test_the_shipped_model_loads_with_its_selected_configuration() -> None:
    from unspin.sources.learned import load_extractor

    model = load_extractor()
    assert model.config["mode"] == "add-sourced"  # chosen by publisher CV (MODEL_CARD.md)
    assert len(model.threshold) == 3 and all(0 < t < 1 for t in model.threshold)
