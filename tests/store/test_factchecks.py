"""Known fact-checks in a store (migration 3), on SQLite and PostgreSQL (see conftest)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from unspin.config import load_config
from unspin.errors import ClaimReviewError, StoreMismatchError
from unspin.factchecks import FactCheckMatcher
from unspin.factchecks.analyzer import FactChecksAnalyzer
from unspin.factchecks.stored import import_factchecks, index_from_store
from unspin.factchecks.tables import FactCheckTable
from unspin.model import Document
from unspin.nlp import FakeBackbone
from unspin.pipeline import Pipeline
from unspin.store import Store, open_store

FIXTURES = Path(__file__).parents[1] / "factchecks" / "fixtures"
DAM = "https://checkers.example/velmora-dam"
ARTICLE = (
    "Velmora council met on Tuesday. "
    "Mayor Ilsa Varn said the Velmora dam holds three billion litres of water. "
    "The school choir sang at the spring festival."
)


def test_migration_3_creates_the_factcheck_tables(store: Store) -> None:
    versions = [v for v, _ in store.migrations()]
    assert 3 in versions
    assert store.repository(FactCheckTable).count() == 0


def test_import_is_idempotent_and_keeps_every_field(store: Store) -> None:
    fake = FakeBackbone()
    first = import_factchecks(store, FIXTURES, backbone=fake)
    assert first.ok and first.read == first.added == 5
    again = import_factchecks(store, FIXTURES, backbone=fake)
    assert again.added == 0 and again.already == 5
    assert store.repository(FactCheckTable).count() == 5
    rows = {r.review.url: r for r in store.repository(FactCheckTable).iter()}
    dam = rows[DAM]
    assert dam.review.publisher == "Example Checks"
    assert dam.review.rating == "False"
    assert dam.review.review_date == "2024-02-03"
    assert dam.embedding is not None and dam.embedding.shape == (384,)
    expected = fake.embed([dam.review.claim])[0]
    assert np.allclose(dam.embedding, expected, atol=1e-5)
    # a review without a headline has no headline embedding
    untitled = [r for r in rows.values() if not r.review.title]
    assert untitled and all(r.title_embedding is None for r in untitled)
    assert store.encoder == "fake"


def test_bad_files_are_one_line_errors_and_the_rest_is_imported(
    store: Store, tmp_path: Path
) -> None:
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "article.json").write_text(json.dumps({"@type": "NewsArticle"}), "utf-8")
    (tmp_path / "good.csv").write_text(
        "claim,publisher,rating,url\n"
        "The Orvik bridge was built in six days.,Bridge Desk,False,https://b.example/orvik\n",
        encoding="utf-8",
    )
    report = import_factchecks(store, [tmp_path, tmp_path / "missing.csv"], backbone=FakeBackbone())
    assert report.added == 1
    assert len(report.errors) == 3
    assert all(isinstance(e, ClaimReviewError) for e in report.errors)
    assert all("\n" not in str(e) for e in report.errors)
    messages = " | ".join(str(e) for e in report.errors)
    assert "broken.json" in messages and "article.json" in messages and "missing.csv" in messages


def test_full_text_search_over_claims_and_headlines(store: Store) -> None:
    import_factchecks(store, FIXTURES, backbone=FakeBackbone())
    found = store.repository(FactCheckTable).search("dams holding water")  # stemmed by the backend
    assert found and found[0][0].url == DAM
    assert found[0][1] > 0
    assert store.repository(FactCheckTable).search("zzyzx") == []
    assert store.repository(FactCheckTable).search("") == []


def test_another_encoder_is_refused(store: Store, tmp_path: Path) -> None:
    import_factchecks(store, FIXTURES, backbone=FakeBackbone())

    class Other(FakeBackbone):
        name = "other"

    # the same reviews again need no embedding: nothing to refuse
    assert import_factchecks(store, FIXTURES, backbone=Other()).added == 0
    new = tmp_path / "new.csv"
    new.write_text("claim,url\nThe Orvik bridge was built in six days.,https://b.example/o\n")
    with pytest.raises(StoreMismatchError):
        import_factchecks(store, new, backbone=Other())
    assert store.repository(FactCheckTable).count() == 5


def test_the_stored_index_matches_like_the_files(store: Store) -> None:
    fake = FakeBackbone()
    import_factchecks(store, FIXTURES, backbone=fake)
    index, embed = index_from_store(store, backbone=fake)
    assert len(index) == 5 and embed is not None
    matcher = FactCheckMatcher(index, embed=embed)
    (matches,) = matcher.match(
        ["Mayor Ilsa Varn said the Velmora dam holds three billion litres of water."]
    )
    assert matches[0].review.url == DAM


def test_the_analyzer_matches_against_the_store(store: Store, store_url: str) -> None:
    import_factchecks(store, FIXTURES, backbone=FakeBackbone())
    pipe = Pipeline(
        load_config({"pipeline": {"analyzers": ["claims", "factchecks"], "backbone": "fake"},
                     "analyzers": {"factchecks": {"db": store_url, "min_score": 0.5}}})
    )  # fmt: skip
    a = pipe.analyze(Document(ARTICLE))
    assert a.ok, a.failures
    (f,) = a.by_kind("factcheck")
    assert f.text.startswith("Mayor Ilsa Varn")
    assert f.attributes["url"] == DAM and f.attributes["rating"] == "False"
    assert a.summaries["factchecks"]["factchecks_loaded"] == 5
    # the store's encoder embeds the claims: the pipeline need not
    assert "embeddings" not in FactChecksAnalyzer(db=store_url).requires


def test_the_analyzer_on_a_store_without_factchecks_finds_nothing(store_url: str) -> None:
    with open_store(store_url):
        pass
    pipe = Pipeline(
        load_config({"pipeline": {"analyzers": ["claims", "factchecks"], "backbone": "fake"},
                     "analyzers": {"factchecks": {"db": store_url}}})
    )  # fmt: skip
    a = pipe.analyze(Document(ARTICLE))
    assert a.ok, a.failures
    assert not a.by_kind("factcheck")
    assert a.summaries["factchecks"]["factchecks_loaded"] == 0
