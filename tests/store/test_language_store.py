"""The store keeps each document's language and filters by it (SQLite and PostgreSQL)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from unspin.model import Document
from unspin.nlp import FakeBackbone
from unspin.pipeline import Pipeline
from unspin.store import Filters, Store, ingest

from .test_cli_corpus import corpus

FAKE = FakeBackbone()

# Short texts written for these tests (no article text).
ENGLISH = Document(
    "The harbour board said on Monday that water prices will rise by ten percent next "
    "year. Fishermen say the water prices already hurt their business.",
    title="Harbour",
)
GERMAN = Document(
    "Die Hafenbehörde sagte am Montag, die Wasserpreise würden im nächsten Jahr um zehn "
    "Prozent steigen. Fischer sagen, die Wasserpreise schadeten schon jetzt ihrem Geschäft.",
    title="Hafen",
)
FRENCH = Document(
    "L'autorité portuaire a annoncé lundi que le prix de l'eau augmentera de dix pour cent "
    "l'an prochain. Les pêcheurs disent que le prix de l'eau nuit déjà à leur commerce.",
    title="Port",
)


def _ids(hits: list) -> set[str]:  # type: ignore[type-arg]
    return {h.document_id for h in hits}


def test_ingest_stores_the_language_and_filters_by_it(
    store: Store, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = ingest(store, [ENGLISH, GERMAN, FRENCH], pipeline=pipeline)
    assert report.added == 3 and report.ok
    languages = {d.id: d.language for d in store.iter_documents()}
    assert languages == {ENGLISH.id: "en", GERMAN.id: "de", FRENCH.id: "fr"}
    german = [d.id for d in store.iter_documents(Filters(language="de"))]
    assert german == [GERMAN.id]
    assert store.get_analysis(GERMAN.id).summaries["language"]["code"] == "de"

    query = "Wasserpreise water prices"
    assert _ids(store.search(query, backbone=FAKE)) >= {ENGLISH.id, GERMAN.id}
    for mode in ("hybrid", "keyword", "semantic"):
        hits = store.search(query, Filters(language="DE"), mode=mode, backbone=FAKE)
        assert _ids(hits) == {GERMAN.id}, mode
        hits = store.search(query, Filters(language="en"), mode=mode, backbone=FAKE)
        assert _ids(hits) == {ENGLISH.id}, mode
    assert store.search(query, Filters(language="ja"), backbone=FAKE) == []
    monkeypatch.setattr("unspin.store.sqlite.EXACT_MAX", 0)  # no exact ranking of the few
    for code, doc in (("de", GERMAN), ("en", ENGLISH)):
        hits = store.search(query, Filters(language=code), mode="semantic", backbone=FAKE)
        assert _ids(hits) == {doc.id}
    findings = list(store.iter_findings(filters=Filters(language="de")))
    assert all(f.document_id == GERMAN.id for f in findings)


def test_cli_ingest_and_search_by_language(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "hafen.txt").write_text(GERMAN.text, encoding="utf-8")
    (folder / "harbour.txt").write_text(ENGLISH.text, encoding="utf-8")
    db = tmp_path / "c.db"
    out = corpus("ingest", folder, "--db", db, "-q")
    assert out.returncode == 0, out.stderr
    assert (
        f"unspin: {folder / 'hafen.txt'} is in German (de): skipped sources, certainty, "
        "claims, techniques, factchecks, timelines (--language en to force)"
    ) in out.stderr
    assert "harbour.txt is in" not in out.stderr
    hits = corpus("search", "Wasserpreise", "--db", db, "--language", "de", "-f", "json")
    assert hits.returncode == 0, hits.stderr
    rows = [json.loads(line) for line in hits.stdout.splitlines()]
    assert rows and {r["document_id"] for r in rows} == {GERMAN.id}
    none = corpus("search", "Wasserpreise", "--db", db, "--language", "en", "-f", "json")
    assert none.returncode == 0 and none.stdout.strip() == ""

    forced = tmp_path / "forced.db"
    out = corpus("ingest", folder / "hafen.txt", "--db", forced, "-q", "--language", "en")
    assert out.returncode == 0, out.stderr
    assert "is in German" not in out.stderr
    hits = corpus("search", "Wasserpreise", "--db", forced, "--language", "en", "-f", "json")
    assert [json.loads(line)["document_id"] for line in hits.stdout.splitlines()][:1] == [GERMAN.id]


@pytest.mark.parametrize("code", [" De ", "de"])
def test_filters_normalise_the_code(code: str) -> None:
    assert Filters(language=code).language == "de"
