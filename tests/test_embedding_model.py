"""A configured sentence encoder (``[models] embeddings``) is the one used everywhere: by the
analyzers, by the fact-check index built from a store and by the store itself.

The spaCy backbone's methods are replaced by the fake backbone's, recording which encoder
path each ``embed`` call came from, so no model is loaded and a path that does not exist
can stand for "a larger model somewhere on disk".
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from unspin import app
from unspin.config import load_config
from unspin.model import Document
from unspin.nlp import FakeBackbone, SpacyBackbone, TokenStates
from unspin.pipeline import Pipeline
from unspin.store import open_store

CUSTOM = "/models/custom-encoder"
REVIEWS = Path(__file__).parent / "factchecks" / "fixtures" / "reviews.csv"
REVIEWED = "Wind turbines in Brakka kill ten thousand eagles every year."
TEXT = "Wind turbines in Brakka kill ten thousand eagles every year, the blog said on Monday.\n"


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str | None, list[str]]]:
    """(encoder path, texts) of every embedding the spaCy backbone is asked for."""
    fake = FakeBackbone()
    seen: list[tuple[str | None, list[str]]] = []

    def embed(self: SpacyBackbone, texts: list[str]) -> np.ndarray:
        seen.append((self.embeddings, list(texts)))
        return fake.embed(texts)

    def token_states(self: SpacyBackbone, texts: list[str], starts: list[int]) -> TokenStates:
        seen.append((self.embeddings, list(texts)))  # the sentence pass embeds too
        return fake.token_states(texts, starts)

    monkeypatch.setattr(SpacyBackbone, "embed", embed)
    monkeypatch.setattr(SpacyBackbone, "token_states", token_states)
    monkeypatch.setattr(SpacyBackbone, "parse", lambda self, text: fake.parse(text))
    monkeypatch.setattr(SpacyBackbone, "parse_many", lambda self, texts: fake.parse_many(texts))
    return seen


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    path = tmp_path / "custom.toml"
    path.write_text(
        f'[pipeline]\nanalyzers = ["claims", "factchecks"]\n[models]\nembeddings = "{CUSTOM}"\n',
        encoding="utf-8",
    )
    return path


def _embedded(calls: list[tuple[str | None, list[str]]]) -> set[str]:
    return {text for _, texts in calls for text in texts}


def test_the_analyzers_embed_with_the_configured_encoder(
    calls: list[tuple[str | None, list[str]]],
) -> None:
    config = load_config(
        {"analyzers": {"factchecks": {"path": str(REVIEWS), "min_score": 0.0}}},
        analyzers=["claims", "factchecks"],
        embeddings=CUSTOM,
    )
    with Pipeline(config) as pipeline:
        analysis = pipeline.analyze(Document(TEXT))
    assert not analysis.failures
    assert calls, "nothing was embedded"
    assert {path for path, _ in calls} == {CUSTOM}
    assert REVIEWED in _embedded(calls)  # the fact-checks, not only the article's sentences
    assert any(f.kind == "factcheck" for f in analysis.findings)


def test_the_store_and_its_fact_check_index_use_the_configured_encoder(
    calls: list[tuple[str | None, list[str]]], config_file: Path, tmp_path: Path
) -> None:
    db = tmp_path / "custom.db"
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")

    app.ingest_paths(db, [article], config_file)
    imported = app.import_factcheck_files(db, [REVIEWS], config=config_file)
    assert imported.report.added == 2
    with open_store(db) as store:
        assert store.encoder == f"sentence-transformers:{CUSTOM}@{SpacyBackbone().encoder}"
    assert REVIEWED in _embedded(calls)
    assert {path for path, _ in calls} == {CUSTOM}

    # the analyzer reading the store's fact-checks embeds its claims the same way
    calls.clear()
    config = load_config(config_file, analyzers=["claims", "factchecks"]).replace(
        analyzer_options={"factchecks": {"db": str(db), "min_score": 0.0}}
    )
    with Pipeline(config) as pipeline:
        analysis = pipeline.analyze(Document(TEXT))
    assert not analysis.failures
    assert calls and {path for path, _ in calls} == {CUSTOM}
    assert any(f.kind == "factcheck" for f in analysis.findings)
