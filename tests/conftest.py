"""Shared fixtures: the real backbone (loaded once per session) and the fake one; the
analyzer registry put back after every test."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from unspin.analyzer import analyzer_class, registered, restore_registry
from unspin.config import load_config
from unspin.model import Analysis, Document
from unspin.nlp import Backbone, FakeBackbone, SpacyBackbone
from unspin.pipeline import Pipeline

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _analyzer_registry() -> Iterator[None]:
    """Analyzers a test registers (``@register`` in its body, plugins it loads) do not
    outlive it; those registered when a test module is imported stay."""
    saved = registered()
    yield
    restore_registry(saved)


@pytest.fixture(scope="session")
def backbone() -> Backbone:
    """spaCy en_core_web_sm + MiniLM, loaded once for the whole test session."""
    return SpacyBackbone()


@pytest.fixture(scope="session")
def fake_backbone() -> Backbone:
    return FakeBackbone()


def assert_anchored(analysis: Analysis) -> None:
    """The anchoring invariant: every finding's text is exactly text[start:end]."""
    text = analysis.document.text
    for f in analysis.findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert text[f.start : f.end] == f.text, f
        assert 0.0 <= f.score <= 1.0, f
        assert f.explanation.rule, f


@pytest.fixture(scope="session")
def run(backbone: Backbone) -> Callable[..., Analysis]:
    """``run(text, "sources", "claims", **meta)``: analyse with the real backbone."""
    pipelines: dict[tuple[str, ...], Pipeline] = {}

    def _run(text: str, *analyzers: str, **meta: object) -> Analysis:
        names: Sequence[str] = analyzers or load_config().analyzers
        key = tuple(names)
        if key not in pipelines:
            objs = [analyzer_class(n)(**load_config().options_for(n)) for n in names]
            pipelines[key] = Pipeline(
                load_config(analyzers=list(names)), backbone=backbone, analyzers=objs
            )
        analysis = pipelines[key].analyze(Document(text, **meta))  # type: ignore[arg-type]
        assert_anchored(analysis)
        assert not analysis.failures, analysis.failures
        return analysis

    return _run


#: One invented article for corpus command tests: a quotation, a named speaker, a date.
PIER = '"The pier will reopen in June," said harbour master Ines Moll on Monday.\n'


@pytest.fixture()
def pier_db(tmp_path: Path) -> Path:
    """A SQLite store holding :data:`PIER`, ingested with the fake backbone."""
    from unspin.cli import main

    store, article = tmp_path / "corpus.db", tmp_path / "pier.txt"
    article.write_text(PIER, encoding="utf-8")
    args = ["corpus", "ingest", str(article), "--db", str(store), "--backbone", "fake", "-q"]
    assert main(args) == 0
    return store
