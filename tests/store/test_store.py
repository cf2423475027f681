"""The Store interface, run unchanged against SQLite and PostgreSQL (see conftest)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import numpy as np
import pytest

from unspin.errors import ConfigError, StoreError, StoreMismatchError
from unspin.model import Analysis, Document, Explanation, Finding
from unspin.nlp import FakeBackbone
from unspin.pipeline import Pipeline, Processed
from unspin.store import ErrorRecord, Filters, Store, StoredLink, ingest, open_store
from unspin.store.schema import latest_version, schema_migrations

from .articles import ARTICLES, BRIDGE, FERRY, HARBOUR, SCHOOL

FAKE = FakeBackbone()


def _fill(store: Store, pipeline: Pipeline) -> None:
    report = ingest(store, ARTICLES, pipeline=pipeline, batch_size=3)
    assert report.added == len(ARTICLES) and report.ok


def _hit_ids(hits: list) -> list[str]:  # type: ignore[type-arg]
    return [h.document_id for h in hits]


# -- schema -----------------------------------------------------------------------------


def test_migrations_are_recorded_once(store_url: str) -> None:
    with open_store(store_url) as store:
        first = store.migrations()
        assert [v for v, _ in first] == [m.version for m in schema_migrations()]
        assert store.schema_version == latest_version() >= 5
    with open_store(store_url) as store:
        assert store.migrations() == first


def test_a_store_from_a_newer_unspin_is_refused(store: Store, store_url: str) -> None:
    store.sql.execute("INSERT INTO schema_migrations (version, applied_at) VALUES (99, 'later')")
    store.close()
    with pytest.raises(StoreError, match="schema version 99"):
        open_store(store_url)


def test_opening_for_reading_does_not_create_a_store(store_url: str, tmp_path: Path) -> None:
    if store_url.startswith("postgresql"):
        with pytest.raises(StoreError, match="no unspin store"):
            open_store(store_url, create=False)
    else:
        with pytest.raises(StoreError, match="no unspin store"):
            open_store(tmp_path / "missing.db", create=False)
        assert not (tmp_path / "missing.db").exists()


# -- writing and reading back -------------------------------------------------------------


def test_stored_analyses_load_back_equal(store: Store, pipeline: Pipeline) -> None:
    _fill(store, pipeline)
    for doc in ARTICLES:
        assert store.has_document(doc.id)
        assert store.get_analysis(doc.id) == pipeline.analyze(doc)
    with pytest.raises(KeyError):
        store.get_analysis("0" * 16)
    assert store.existing([HARBOUR.id, "nope"]) == {HARBOUR.id}


def test_adding_the_same_documents_again_adds_nothing(store: Store, pipeline: Pipeline) -> None:
    _fill(store, pipeline)
    before = store.stats()
    processed = list(pipeline.process(ARTICLES, embed_sentences=True))
    assert store.add(processed + processed) == 0
    again = ingest(store, ARTICLES, pipeline=pipeline)
    assert (again.added, again.skipped) == (0, len(ARTICLES))
    assert store.stats() == before


def test_the_same_text_twice_in_one_batch_is_stored_once(store: Store, pipeline: Pipeline) -> None:
    copy = Document(HARBOUR.text, title="Same text, other title", source="copy.txt")
    report = ingest(store, [HARBOUR, copy], pipeline=pipeline)
    assert (report.added, report.skipped) == (1, 1)
    assert store.stats().documents == 1


def test_a_failed_batch_leaves_nothing_behind(
    store: Store, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(rows: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(store, "_insert_sentences", broken)
    with pytest.raises(RuntimeError):
        store.add(pipeline.process([HARBOUR, BRIDGE], embed_sentences=True))
    monkeypatch.undo()
    stats = store.stats()
    assert (stats.documents, stats.sentences, stats.findings) == (0, 0, 0)
    assert not store.has_document(HARBOUR.id)


def test_stats_count_documents_sentences_findings_and_outlets(
    store: Store, pipeline: Pipeline
) -> None:
    _fill(store, pipeline)
    analyses = [pipeline.analyze(d) for d in ARTICLES]
    stats = store.stats()
    assert stats.documents == 4
    assert stats.findings == sum(len(a.findings) for a in analyses)
    kinds: dict[str, int] = {}
    for a in analyses:
        for kind, n in a.kinds.items():
            kinds[kind] = kinds.get(kind, 0) + n
    assert dict(stats.findings_by_kind) == kinds
    assert dict(stats.outlets) == {
        "lindholm-post.example": 2,
        "coast-ledger.example": 1,
        "(none)": 1,
    }
    assert stats.sentences == stats.embedded_sentences > 8
    assert stats.encoder == "fake"
    assert json.loads(json.dumps(stats.to_dict()))["documents"] == 4


def test_iterations_stream_in_ingestion_order_with_filters(
    store: Store, pipeline: Pipeline
) -> None:
    _fill(store, pipeline)
    assert [a.document.id for a in store.iter_analyses()] == [d.id for d in ARTICLES]
    lindholm = Filters(outlet="lindholm-post.example")
    assert [d.id for d in store.iter_documents(lindholm)] == [HARBOUR.id, SCHOOL.id]
    may_june = Filters(since="2024-05-01", until="2024-06-30")
    assert [d.id for d in store.iter_documents(may_june)] == [BRIDGE.id, SCHOOL.id]
    assert [d.id for d in store.iter_documents(Filters(until="2024-04-01"))] == [HARBOUR.id]
    assert list(store.iter_documents(Filters(outlet="unknown.example"))) == []
    quoted = Filters(kind="quote")
    assert {d.id for d in store.iter_documents(quoted)} == {HARBOUR.id, BRIDGE.id}
    first = next(store.iter_analyses())  # a stream left half-read does no harm
    assert first.document.id == HARBOUR.id
    assert store.stats().documents == 4


def test_findings_by_kind_carry_their_document(store: Store, pipeline: Pipeline) -> None:
    _fill(store, pipeline)
    quotes = list(store.iter_findings("quote"))
    expected = [f for d in ARTICLES for f in pipeline.analyze(d).by_kind("quote")]
    assert [q.finding for q in quotes] == expected
    by_doc = {q.document_id: q for q in quotes}
    assert by_doc[BRIDGE.id].outlet == "coast-ledger.example"
    assert by_doc[BRIDGE.id].published == BRIDGE.published
    assert by_doc[HARBOUR.id].title == HARBOUR.title
    only_2024_05 = list(store.iter_findings("quote", filters=Filters(since="2024-05-01")))
    assert {q.document_id for q in only_2024_05} == {BRIDGE.id}
    named = list(store.iter_findings("speaker", label="named_person"))
    assert named and all(q.finding.label == "named_person" for q in named)


# -- errors and links -----------------------------------------------------------------------


def test_errors_are_recorded_once_and_cleared_when_the_input_is_stored(
    store: Store, pipeline: Pipeline
) -> None:
    error = ErrorRecord("harbour.txt", "DecodingError", "no encoding fits")
    store.record_errors([error, error])
    store.record_errors([error])
    assert [(e.source, e.error, e.message) for e in store.iter_errors()] == [
        ("harbour.txt", "DecodingError", "no encoding fits")
    ]
    assert store.stats().errors == 1
    ingest(store, [HARBOUR], pipeline=pipeline)
    assert list(store.iter_errors()) == []


def test_links_are_stored_once(store: Store, pipeline: Pipeline) -> None:
    _fill(store, pipeline)
    link = StoredLink(
        "contradiction", HARBOUR.id, "claim-0-x", SCHOOL.id, "claim-0-y", 0.75, {"a": 1}
    )
    assert store.add_links([link, link]) == 1
    assert store.add_links([link]) == 0
    assert list(store.iter_links("contradiction")) == [link]
    assert list(store.iter_links(document_id=SCHOOL.id)) == [link]
    assert list(store.iter_links("quote_drift")) == []


# -- search -----------------------------------------------------------------------------------


def test_hybrid_search_finds_the_sentence_and_explains_it(store: Store, pipeline: Pipeline) -> None:
    _fill(store, pipeline)
    hits = store.search("water rates rise", limit=5, backbone=FAKE)
    top = hits[0]
    assert top.document_id == HARBOUR.id
    assert HARBOUR.text[top.start : top.end] == top.text
    assert top.text.startswith("Water rates in Lindholm")
    assert top.keyword_rank == 1 and top.semantic_rank == 1
    assert set(top.matched_terms) == {"water", "rates", "rise"}
    assert top.score == pytest.approx(2 / 61)
    assert "keyword #1" in top.explanation and "semantic #1" in top.explanation
    assert {(f.kind, f.label) for f in top.findings} >= {("claim", "numeric")}
    assert top.outlet == "lindholm-post.example" and top.title == HARBOUR.title
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    data = top.to_dict()
    assert data["keyword"]["rank"] == 1 and data["semantic"]["rank"] == 1


def test_search_modes_use_one_ranking_each(store: Store, pipeline: Pipeline) -> None:
    _fill(store, pipeline)
    keyword = store.search("ferry storm", mode="keyword", backbone=FAKE)
    assert keyword[0].document_id == FERRY.id
    assert all(h.semantic_rank is None for h in keyword)
    semantic = store.search("ferry storm", mode="semantic", backbone=FAKE)
    assert semantic[0].document_id == FERRY.id
    assert all(h.keyword_rank is None for h in semantic)
    with pytest.raises(ConfigError):
        store.search("ferry", mode="fuzzy", backbone=FAKE)  # type: ignore[arg-type]
    assert store.search("ferry", limit=0, backbone=FAKE) == []
    assert store.search("zeppelin", mode="keyword", backbone=FAKE) == []


def test_search_filters_narrow_both_rankings(store: Store, pipeline: Pipeline) -> None:
    _fill(store, pipeline)
    query = "euros million costs"
    assert set(_hit_ids(store.search(query, backbone=FAKE))) >= {BRIDGE.id, SCHOOL.id}
    by_outlet = store.search(query, Filters(outlet="lindholm-post.example"), backbone=FAKE)
    assert by_outlet and set(_hit_ids(by_outlet)) <= {HARBOUR.id, SCHOOL.id}
    by_date = store.search(query, Filters(since="2024-05-01", until="2024-05-31"), backbone=FAKE)
    assert by_date and set(_hit_ids(by_date)) == {BRIDGE.id}
    assert store.search(query, Filters(outlet="nobody.example"), backbone=FAKE) == []


def test_search_filters_on_findings(store: Store, pipeline: Pipeline) -> None:
    _fill(store, pipeline)
    quoted = store.search("said", Filters(kind="quote"), backbone=FAKE)
    assert quoted and all(any(f.kind == "quote" for f in h.findings) for h in quoted)
    by_speaker = store.search("traffic reporters", Filters(speaker="tomas BERG"), backbone=FAKE)
    assert by_speaker and _hit_ids(by_speaker) == [BRIDGE.id] * len(by_speaker)
    anonymous = store.search("council increase", Filters(source_type="anonymous"), backbone=FAKE)
    assert anonymous and anonymous[0].text.startswith("Critics say")
    checkworthy = store.search("rates euros", Filters(checkworthy=True), backbone=FAKE)
    assert checkworthy
    assert all(any(f.kind == "claim" for f in h.findings) for h in checkworthy)
    both = store.search("no choice", Filters(kind="quote", speaker="Ana Vik"), backbone=FAKE)
    assert both and {h.document_id for h in both} == {HARBOUR.id}


def test_technique_filter(store: Store, pipeline: Pipeline) -> None:
    doc = Document("Their reckless scheme will ruin us. The vote is on Friday.", outlet="x.example")
    [processed] = pipeline.process([doc], embed_sentences=True)
    technique = Finding.anchored(
        doc,
        6,
        20,
        kind="technique",
        label="loaded_language",
        score=0.9,
        analyzer="test",
        analyzer_version="0",
        explanation=Explanation("test.rule"),
    )
    analysis = Analysis(doc, (*processed.analysis.findings, technique))
    store.bind_encoder("fake")
    store.add([Processed(analysis, processed.sentences, processed.embeddings)])
    hits = store.search("scheme vote", Filters(technique="loaded_language"), backbone=FAKE)
    assert [h.text for h in hits] == ["Their reckless scheme will ruin us."]
    assert store.search("scheme vote", Filters(technique="flag_waving"), backbone=FAKE) == []


def test_sentences_without_embeddings_are_still_found_by_keyword(
    store: Store, pipeline: Pipeline
) -> None:
    [processed] = pipeline.process([FERRY], embed_sentences=True)
    store.bind_encoder("fake")
    store.add([Processed(processed.analysis, processed.sentences, None)])
    assert store.stats().embedded_sentences == 0
    hits = store.search("ferry", backbone=FAKE)
    assert [h.document_id for h in hits] == [FERRY.id]
    assert hits[0].semantic_rank is None


def test_one_store_one_encoder(store: Store, pipeline: Pipeline) -> None:
    _fill(store, pipeline)
    with pytest.raises(StoreMismatchError, match="'fake'"):
        store.bind_encoder("sentence-transformers:default")

    class OtherBackbone(FakeBackbone):
        name = "other"

        def embed(self, texts: object) -> np.ndarray:
            return np.ones((1, 384), dtype=np.float32)

    with pytest.raises(StoreMismatchError):
        store.search("water", backbone=OtherBackbone())
    assert store.search("water", backbone=FakeBackbone())


def test_embeddings_of_another_size_are_refused(store: Store, pipeline: Pipeline) -> None:
    [processed] = pipeline.process([FERRY], embed_sentences=True)
    wrong = np.zeros((len(processed.sentences), 12), dtype=np.float32)
    with pytest.raises(StoreError, match="384"):
        store.add([Processed(processed.analysis, processed.sentences, wrong)])


# -- export -------------------------------------------------------------------------------------


def test_export_documents_as_json_lines_loads_back(store: Store, pipeline: Pipeline) -> None:
    _fill(store, pipeline)
    out = io.StringIO()
    assert store.export(out) == 4
    lines = out.getvalue().splitlines()
    assert [Analysis.from_dict(json.loads(line)) for line in lines] == [
        store.get_analysis(d.id) for d in ARTICLES
    ]


def test_export_findings_as_csv(store: Store, pipeline: Pipeline, tmp_path: Path) -> None:
    _fill(store, pipeline)
    path = tmp_path / "findings.csv"
    count = store.export_file(path, fmt="csv", what="findings", filters=Filters(kind="quote"))
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    assert len(rows) == count == 2
    assert {r["speaker"] for r in rows} == {"Ana Vik", "Tomas Berg"}
    bridge = next(r for r in rows if r["document_id"] == BRIDGE.id)
    assert BRIDGE.text[int(bridge["start"]) : int(bridge["end"])] == bridge["text"]
    assert bridge["outlet"] == "coast-ledger.example"
    docs = io.StringIO()
    store.export(docs, fmt="csv", filters=Filters(outlet="lindholm-post.example"))
    assert [r["id"] for r in csv.DictReader(io.StringIO(docs.getvalue()))] == [
        HARBOUR.id,
        SCHOOL.id,
    ]


def test_bad_urls_and_dates_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unsupported store URL scheme 'mysql'"):
        open_store("mysql://localhost/db")
    with pytest.raises(ConfigError, match="sqlite:///"):
        open_store("sqlite://relative.db")
    with pytest.raises(ConfigError, match="YYYY-MM-DD"):
        Filters(since="last week")
    with open_store(f"sqlite:///{tmp_path / 'u.db'}") as store:
        assert store.backend == "sqlite"
    assert (tmp_path / "u.db").is_file()


def test_links_can_be_written_while_analyses_stream(store: Store, pipeline: Pipeline) -> None:
    docs = [
        Document(f"Report {i} from Velby. Officials said the ferry was late.") for i in range(300)
    ]
    assert ingest(store, docs, pipeline=pipeline, batch_size=100).added == 300
    added = 0
    for analysis in store.iter_analyses():  # more rows than one fetch of the cursor
        link = StoredLink("drift", analysis.document.id, "a", docs[0].id, "b", 0.5)
        added += store.add_links([link])
    assert added == 300
    assert sum(1 for _ in store.iter_links("drift")) == 300
