"""Fixtures shared by the sources tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import assert_anchored
from unspin.analyzer import analyzer_class
from unspin.config import load_config
from unspin.model import Analysis, Document
from unspin.nlp import Backbone
from unspin.pipeline import Pipeline


@pytest.fixture(scope="module")
def run_fake(fake_backbone: Backbone) -> Callable[[str], Analysis]:
    """``run_fake(text)``: the sources analyzer alone over the rule-based FakeBackbone (no
    dependency parse), every finding checked for its anchor."""
    pipeline = Pipeline(
        load_config(analyzers=["sources"], backbone="fake"),
        backbone=fake_backbone,
        analyzers=[analyzer_class("sources")()],
    )

    def _run(text: str) -> Analysis:
        a = pipeline.analyze(Document(text))
        assert not a.failures, a.failures
        assert_anchored(a)
        return a

    return _run
