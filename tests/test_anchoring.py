"""The anchoring invariant over every fixture: each finding's text is text[start:end]."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import assert_anchored
from unspin.config import load_config
from unspin.ingest import load_path
from unspin.model import Analysis, Document
from unspin.nlp import Backbone
from unspin.pipeline import Pipeline

ROOT = Path(__file__).parents[1]
FIXTURE_FILES = [
    *sorted((ROOT / "tests" / "fixtures" / "articles").iterdir()),
    ROOT / "examples" / "article.md",
]


@pytest.fixture(scope="module")
def pipeline(backbone: Backbone) -> Pipeline:
    return Pipeline(load_config(), backbone=backbone)


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
@pytest.mark.slow
def test_every_finding_is_anchored(pipeline: Pipeline, path: Path) -> None:
    docs = [d for d in load_path(path) if isinstance(d, Document)]
    assert docs
    for analysis in pipeline.analyze_many(docs):
        assert analysis.ok, analysis.failures
        assert analysis.findings
        assert_anchored(analysis)
        # relations point inside the same analysis; JSON round-trips to an equal object
        assert Analysis.from_json(analysis.to_json()) == analysis


def test_fake_backbone_pipeline_is_anchored_too() -> None:
    pipeline = Pipeline(load_config(backbone="fake"))
    for path in FIXTURE_FILES:
        for doc in load_path(path):
            if isinstance(doc, Document):
                analysis = pipeline.analyze(doc)
                assert analysis.ok, (path, analysis.failures)
                assert_anchored(analysis)
