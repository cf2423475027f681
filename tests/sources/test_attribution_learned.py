"""The learned attribution extractor (``[analyzers.sources] extractor = "learned"``).

:func:`plan` (how the tagger's contents and the rules' combine) and :func:`decode` are
checked on invented spans and tag probabilities. A model folder with random head weights
tilted towards content tags makes the tagger propose contents everywhere, so the analyzer
tests check the contract, not the quality: findings are anchored, every learned finding
links to a speaker finding that is reported, quotations inside a learned content are
``part_of`` it, and a missing model is a clear error. Invented text; the real backbone.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import assert_anchored
from unspin.analyzer import analyzer_class
from unspin.config import Config
from unspin.errors import ModelError
from unspin.model import Analysis, Document, Explanation, Finding, Relation
from unspin.nlp import Backbone
from unspin.pipeline import Pipeline
from unspin.sources.learned import (
    N_HAND,
    N_TAGS,
    Tagged,
    build_head,
    combine,
    decode,
    plan,
    windows,
)
from unspin.sources.polnear import Extraction, Span, findings_extraction

TEXT = (
    "Mayor Ann Vale said on Monday that the new bridge would open in May.\n\n"
    "Critics of the plan believe the budget is far too small, and a council member "
    "told reporters the vote had been rushed. “We will not wait,” Vale added.\n\n"
    "Officials familiar with the talks expect a deal by Friday, according to two aides."
)


def span(phrase: str, text: str = TEXT) -> Span:
    start = text.index(phrase)
    return Span.of(start, start + len(phrase))


def test_plan_keeps_what_the_tagger_confirms_adds_what_it_finds_and_drops_the_rest() -> None:
    rules = Extraction()
    rules.add(span("the new bridge would open in May"), span("Mayor Ann Vale"))
    rules.add(span("“We will not wait,”"), span("Vale"))
    rules.add(span("a deal by Friday"), None)  # the tagger does not confirm it
    tagged = [
        # confirms the rules' content (Jaccard >= 0.5) and has its own, wider source
        Tagged(span("that the new bridge would open in May"), None, span("said"), 0.9),
        # a content the rules missed
        Tagged(
            span("the budget is far too small"), span("Critics of the plan"), span("believe"), 0.8
        ),
    ]
    decisions, parts = plan(TEXT, rules, tagged)
    by_content = {d.content: d for d in decisions}
    kept = by_content[span("the new bridge would open in May")]
    assert kept.rule == kept.content and kept.source == span("Mayor Ann Vale")
    added = by_content[span("the budget is far too small")]
    assert added.rule is None and added.source == span("Critics of the plan")
    assert span("a deal by Friday") not in by_content and not parts
    assert span("“We will not wait,”") not in by_content
    kept_too = combine(TEXT, rules, tagged, keep_rules=True)
    assert span("a deal by Friday") in kept_too.spans["content"]
    assert span("“We will not wait,”") in kept_too.spans["content"]


def test_plan_prefers_the_taggers_source_when_asked_and_nests_quotes_in_added_content() -> None:
    text = 'Lund said the plan was "a disaster" and would fail, his aide Per Moe told us.'
    rules = Extraction()
    rules.add(span('"a disaster"', text), span("Lund", text))
    rules.add(span("the plan", text), span("Lund", text))
    whole = span('the plan was "a disaster" and would fail', text)
    tagged = [Tagged(whole, span("Lund", text), span("said", text), 0.7)]
    decisions, parts = plan(text, rules, tagged)
    assert [d.content for d in decisions] == [whole]
    assert parts == {span('"a disaster"', text): whole, span("the plan", text): whole}
    confirmed = Tagged(span("the plan", text), span("his aide Per Moe", text), None, 0.6)
    (d,) = plan(text, rules, [confirmed], prefer="tagger")[0]
    assert d.rule == span("the plan", text) and d.source == span("his aide Per Moe", text)
    (d,) = plan(text, rules, [confirmed], prefer="rules")[0]
    assert d.source == span("Lund", text)


def _probs(n: int, tags: dict[int, int]) -> np.ndarray:
    p = np.full((n, N_TAGS), 0.01, np.float32)
    p[:, 0] = 0.94
    for k, tag in tags.items():
        p[k] = 0.01
        p[k, tag] = 0.94
    return p


def test_decode_joins_a_content_the_cue_interrupts_and_ties_source_and_cue(
    fake_backbone: Backbone,
) -> None:
    text = "“We will not wait,” Vale said. “The money is there.”"
    parsed = fake_backbone.parse(text)
    words = [t.text for t in parsed.tokens]
    n = len(words)
    source, cue, b_content, i_content = 1, 3, 5, 6
    tags = {}
    for k, w in enumerate(words):
        if w in ("We", "The"):
            tags[k] = b_content if w == "We" else i_content
        elif w in ("will", "not", "wait", "money", "is", "there"):
            tags[k] = i_content
    tags[words.index("Vale")] = source
    tags[words.index("said")] = cue
    (t,) = decode(text, parsed, [((0, n), _probs(n, tags))], (0.5, 0.5, 0.5), Extraction(), 8)
    assert len(t.content.pieces) == 2
    assert t.content.text(text) == "We will not wait The money is there"
    assert t.source == span("Vale", text) and t.cue == span("said", text)
    assert 0.9 < t.score < 1.0
    split = decode(text, parsed, [((0, n), _probs(n, tags))], (0.5, 0.5, 0.5), Extraction(), 0)
    assert len(split) == 2  # joining off: two contents


def test_findings_extraction_reads_pieces_and_skips_quotes_part_of_a_content() -> None:
    text = "“We will not wait,” Vale said. “The money is there.”"
    made = []
    for kind, s, attributes in (
        ("attribution", span(text, text), {"pieces": [[1, 17], [32, 50]]}),
        ("quote", span("“The money is there.”", text), {}),
    ):
        made.append(
            Finding.anchored(Document(text), s.start, s.end, kind=kind, label="named_person",
                             score=0.8, analyzer="sources", analyzer_version="1",
                             explanation=Explanation(rule="r"), attributes=attributes)
        )  # fmt: skip
    whole, part = made
    part = replace(part, relations=(Relation("part_of", whole.id),))
    got = findings_extraction(text, [whole, part])
    assert got.spans["content"] == {Span(((1, 17), (32, 50)))}


def _model(folder: Path) -> Path:
    import torch

    from unspin.adapters import TopLayersModule
    from unspin.nlp import default_embedding_path, load_encoder

    TopLayersModule.from_encoder(load_encoder(default_embedding_path())).save(
        folder / "adapter.npz"
    )
    torch.manual_seed(0)
    head = build_head(384 + N_HAND, 16, 8)
    with torch.no_grad():  # random weights, tilted to tag every token inside a content
        head.out.bias[6] += 4.0
    np.savez(folder / "head.npz", **{k: v.numpy() for k, v in head.state_dict().items()})
    config = {
        "input_dim": 384 + N_HAND,
        "hidden": 16,
        "lstm": 8,
        "threshold": [0.0, 0.0, 0.0],
        "join": 8,
        "keep_rules": False,
        "prefer": "tagger",
        "calibration": [1.0, 0.0],
    }
    (folder / "config.json").write_text(json.dumps(config))
    return folder


def _analyze(backbone: Backbone, **options: object) -> Analysis:
    sources = analyzer_class("sources")(**options)
    pipeline = Pipeline(Config(analyzers=("sources",)), backbone=backbone, analyzers=[sources])
    analysis = pipeline.analyze(Document(TEXT))
    assert not analysis.failures, analysis.failures
    assert_anchored(analysis)
    return analysis


def test_learned_findings_keep_their_contract(backbone: Backbone, tmp_path: Path) -> None:
    got = _analyze(backbone, extractor="learned", attribution_model=str(_model(tmp_path)))
    by_id = {f.id: f for f in got.findings}
    learned = [f for f in got.findings if f.explanation.rule == "attribution.learned"]
    assert learned, "a tagger tilted towards content tags proposes contents"
    for f in got.findings:
        for rel in f.relations:
            assert rel.target in by_id, (f.kind, rel)  # every link reaches a reported finding
            if rel.role == "part_of":
                assert by_id[rel.target].explanation.rule == "attribution.learned"
    for f in learned:
        assert f.kind == "attribution" and f.attributes["construction"] == "learned"
        assert f.explanation.model == "attribution-tagger"
        assert 0.0 <= f.score <= 1.0 and f.explanation.confidence == f.score
        assert all(by_id[t].kind == "speaker" for t in f.related("speaker"))
    linked = {rel.target for f in got.findings for rel in f.relations}
    assert all(f.id in linked for f in got.findings if f.kind == "speaker")
    assert got.summaries["sources"]["total"] >= 1


def test_missing_model_is_a_clear_error(backbone: Backbone, tmp_path: Path) -> None:
    sources = analyzer_class("sources")(extractor="learned", attribution_model=str(tmp_path))
    assert "token_states" in sources.requires
    pipeline = Pipeline(Config(analyzers=("sources",)), backbone=backbone, analyzers=[sources])
    analysis = pipeline.analyze(Document(TEXT))
    (failure,) = analysis.failures
    assert failure.error == ModelError.__name__
    assert "attribution model" in failure.message


def test_rules_extractor_needs_no_word_piece_states() -> None:
    assert "token_states" not in analyzer_class("sources")(extractor="rules").requires


def test_windows_keep_whole_sentences_of_one_paragraph(backbone: Backbone) -> None:
    parsed = backbone.parse(TEXT)
    spans = windows(TEXT, parsed)
    assert spans[0][0] == 0 and spans[-1][1] == len(parsed.tokens)
    firsts = {s.first for s in parsed.sentences}
    assert all(lo in firsts for lo, _ in spans)
    assert all(lo < hi for lo, hi in spans)
    assert len(spans) == 3  # one window per paragraph


def test_unknown_extractor_is_rejected() -> None:
    from unspin.errors import ConfigError

    with pytest.raises(ConfigError, match="extractor"):
        analyzer_class("sources")(extractor="neural")


def test_the_shipped_model_loads_with_its_selected_configuration() -> None:
    from unspin.sources.learned import load_extractor

    model = load_extractor()
    assert len(model.threshold) == 3 and all(0 < t < 1 for t in model.threshold)
    assert model.config["prefer"] in ("rules", "tagger")  # chosen by publisher CV
    assert model.adapter.module.config["first"] == 5
