"""The verdicts analyzer end to end: a supported, a refuted and an unverifiable claim.

The evidence and the article are short texts written for these tests
(``fixtures/evidence``, ``fixtures/article.txt``); the real backbone and the shipped
frame rule (the default) decides, on both store backends; the stance rule is still there.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.conftest import assert_anchored
from tests.evidence.conftest import ARTICLE, EVIDENCE
from unspin.analyzer import Context, Services, analyzer_class
from unspin.config import load_config
from unspin.errors import ConfigError, StoreMismatchError
from unspin.evidence import EvidenceIndex
from unspin.evidence.analyzer import VerdictsAnalyzer
from unspin.ingest import load_path
from unspin.model import Analysis, Document, Finding
from unspin.nlp import Backbone, FakeBackbone, SpacyBackbone
from unspin.pipeline import Pipeline
from unspin.store import open_store

SUPPORTED = "The Millbrook town council approved a budget of 4 million euros"
REFUTED = "Nitrate levels in the Harlow River rose sharply"
UNVERIFIABLE = "The mayor will open a second indoor swimming pool"


def analyse(backbone: Backbone, text: str, **options: object) -> Analysis:
    config = load_config(analyzers=["claims", "verdicts"])
    analyzers = [analyzer_class("claims")(), VerdictsAnalyzer(**options)]
    pipeline = Pipeline(config, backbone=backbone, analyzers=analyzers)
    analysis = pipeline.analyze(Document(text))
    assert_anchored(analysis)
    assert not analysis.failures, analysis.failures
    return analysis


def verdict_on(analysis: Analysis, prefix: str) -> Finding:
    [finding] = [f for f in analysis.findings if f.kind == "verdict" and f.text.startswith(prefix)]
    return finding


@pytest.mark.slow
def test_supported_refuted_and_not_verified(store_url: str, backbone: Backbone) -> None:
    with open_store(store_url) as store:
        report = EvidenceIndex(store, backbone).add([EVIDENCE])
        assert report.added == 3 and not report.errors
    analysis = analyse(backbone, ARTICLE.read_text(), db=store_url, checkworthy_only=False)
    # passages point into the documents as read (Markdown markup removed)
    docs = {d.id: d for d in load_path(EVIDENCE) if isinstance(d, Document)}

    supported = verdict_on(analysis, SUPPORTED)
    assert supported.label == supported.attributes["verdict"] == "supported"
    [claim] = [f for f in analysis.findings if f.id == supported.relations[0].target]
    assert claim.kind == "claim" and (claim.start, claim.end) == (supported.start, supported.end)
    passages = supported.attributes["passages"]
    assert passages and all(p["stance"] == "supports" for p in passages)
    best = passages[0]
    assert docs[best["document_id"]].text[best["start"] : best["end"]] == best["text"]
    assert "4 million euros" in best["text"]
    assert best["source"].endswith("library-budget.md")
    assert 0 < best["coverage"] <= 1 and best["retrieval_score"] > 0
    # one line says which slots agreed (the amount) and none differed
    assert "number" in best["agreement"] and "differ" not in best["agreement"]
    assert best["document_id"] in supported.explanation.detail
    assert "outweighs" in supported.explanation.detail
    assert supported.explanation.rule == "verdicts.frame-checks"
    assert supported.score > 0

    refuted = verdict_on(analysis, REFUTED)
    assert refuted.label == "refuted"
    against = [p for p in refuted.attributes["passages"] if p["stance"] == "refutes"]
    # "Reports that nitrate levels ... rose ... are false": about the claim, and it says
    # the opposite (the polarity slot differs; the line shows both sides)
    [false] = [p for p in against if "are false" in p["text"]]
    assert false["reason"] == "polarity differs"
    assert "differ: polarity (claim: positive; passage: negative (false))" in false["agreement"]
    for p in refuted.attributes["passages"]:
        assert docs[p["document_id"]].text[p["start"] : p["end"]] == p["text"]
        assert str(docs[p["document_id"]].source).endswith("river-report.txt")

    unverifiable = verdict_on(analysis, UNVERIFIABLE)
    assert unverifiable.label == "not verified"
    assert unverifiable.attributes["passages"] == ()
    assert unverifiable.score == 0.0
    summary = analysis.summaries["verdicts"]
    assert summary["supported"] >= 1 and summary["refuted"] >= 1
    # every passage looked at names its document as a cited one does (a report shows it
    # by title, never as an untitled document)
    cited = {(p["document_id"], p["start"]): p for f in (supported, refuted) for p in
             f.attributes["passages"]}  # fmt: skip
    looked = [c for f in (supported, refuted, unverifiable) for c in f.attributes["checked"]]
    assert looked and all("title" in c and (c["source"] or c["url"]) for c in looked)
    assert "Millbrook council minutes, March 2023" in {c["title"] for c in looked}
    for c in looked:
        p = cited.get((c["document_id"], c["start"]))
        if p is not None:
            assert (c["title"], c["source"], c["url"]) == (p["title"], p["source"], p["url"])


@pytest.mark.slow
def test_the_stance_rule_is_still_an_option(tmp_path: Path, backbone: Backbone) -> None:
    db = str(tmp_path / "evidence.db")
    with open_store(db) as store:
        EvidenceIndex(store, backbone).add([EVIDENCE])
    analysis = analyse(backbone, ARTICLE.read_text(), db=db, checkworthy_only=False, rule="stance")
    supported = verdict_on(analysis, SUPPORTED)
    assert supported.explanation.rule == "verdicts.stance-aggregation"
    assert supported.attributes["rule"] == "stance"
    for p in supported.attributes["passages"]:
        assert 0 < p["stance_score"] <= 1 and set(p["probabilities"]) == {
            "supports",
            "refutes",
            "not_enough_info",
        }


def test_without_a_store_every_checkworthy_claim_is_not_verified(
    fake_backbone: Backbone,
) -> None:
    analysis = analyse(fake_backbone, ARTICLE.read_text(), checkworthy_only=False)
    verdicts = [f for f in analysis.findings if f.kind == "verdict"]
    claims = [f for f in analysis.findings if f.kind == "claim"]
    assert len(verdicts) == len(claims) > 0
    for v in verdicts:
        assert v.label == "not verified" and v.attributes["passages"] == ()
        assert "no evidence store" in v.explanation.detail
    assert analysis.summaries["verdicts"]["not_verified"] == len(claims)


def test_checkworthy_only_by_default(fake_backbone: Backbone) -> None:
    analysis = analyse(fake_backbone, ARTICLE.read_text())
    checkworthy = {
        f.id for f in analysis.findings if f.kind == "claim" and f.attributes["checkworthy"]
    }
    targets = {f.relations[0].target for f in analysis.findings if f.kind == "verdict"}
    assert targets == checkworthy


def test_a_store_of_another_encoder_is_refused(tmp_path: Path) -> None:
    db = str(tmp_path / "fake.db")
    with open_store(db) as store:
        EvidenceIndex(store, FakeBackbone()).add([EVIDENCE])
    doc = Document("A claim.")
    parsed = replace(FakeBackbone().parse(doc.text), model="spacy:en_core_web_sm")
    services = Services(SpacyBackbone())  # the document's encoder (loaded only if used)
    with pytest.raises(StoreMismatchError):
        VerdictsAnalyzer(db=db)._index_for(Context(doc, parsed, services=services))


@pytest.mark.parametrize(
    "options",
    [
        {"top": 0},
        {"min_similarity": 2},
        {"min_stance": "high"},
        {"ratio": 0.5},
        {"db": 3},
        {"checkworthy_only": "yes"},
        {"rule": "vibes"},
        {"stance_model": "huge"},
        {"colour": "blue"},
    ],
)
def test_bad_options(options: dict[str, object]) -> None:
    with pytest.raises(ConfigError):
        VerdictsAnalyzer(**options)
