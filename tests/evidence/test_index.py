"""The evidence store: passages with offsets, idempotent adds, errors, hybrid retrieval."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.evidence.conftest import EVIDENCE, FIXTURES
from unspin.errors import StoreMismatchError
from unspin.evidence import EvidenceIndex
from unspin.evidence.index import passage_spans
from unspin.ingest import load_path
from unspin.model import Document
from unspin.nlp import FakeBackbone
from unspin.store import Store, open_store


@pytest.fixture
def index(store: Store) -> EvidenceIndex:
    return EvidenceIndex(store, FakeBackbone())


def test_migration_4_creates_the_evidence_tables(store: Store) -> None:
    assert 4 in [v for v, _ in store.migrations()]  # type: ignore[attr-defined]
    assert EvidenceIndex(store, FakeBackbone()).counts() == (0, 0)


def test_passages_are_sentence_windows_with_offsets() -> None:
    text = "One short sentence. Two short sentences here. Three. Four is the last one."
    spans = passage_spans(FakeBackbone().parse(text), window=2)
    assert [text[s:e] for s, e in spans] == [
        "One short sentence. Two short sentences here.",
        "Two short sentences here. Three.",
        "Three. Four is the last one.",
    ]
    # a window never grows past max_chars unless one sentence is longer
    long = passage_spans(FakeBackbone().parse(text), window=3, max_chars=30)
    assert next(text[s:e] for s, e in long) == "One short sentence."


def test_add_is_idempotent_and_passages_point_into_the_documents(index: EvidenceIndex) -> None:
    report = index.add([EVIDENCE])
    assert (report.added, report.skipped, report.errors) == (3, 0, [])
    docs, passages = index.counts()
    assert docs == 3 and passages == report.passages > 3
    again = index.add([EVIDENCE])
    assert (again.added, again.skipped, again.passages) == (0, 3, 0)
    assert index.counts() == (docs, passages)

    texts = {d.id: d.text for d in load_path(EVIDENCE) if isinstance(d, Document)}
    hits = index.search("nitrate levels in the Harlow River", limit=10)
    assert hits
    for hit in hits:
        p = hit.passage
        assert texts[p.document_id][p.start : p.end] == p.text
        assert hit.embedding is not None and hit.embedding.shape == (384,)
    assert "nitrate" in hits[0].passage.text.lower()
    assert hits[0].keyword_rank is not None and hits[0].semantic_rank is not None
    assert hits[0].passage.source is not None and hits[0].passage.source.endswith(
        "river-report.txt"
    )


def test_a_bad_file_is_one_error_and_the_batch_goes_on(
    index: EvidenceIndex, tmp_path: Path
) -> None:
    report = index.add(
        [FIXTURES / "bad-records.jsonl", tmp_path / "missing.txt", EVIDENCE], batch_size=2
    )
    assert report.added == 3
    assert len(report.errors) == 2
    assert all("\n" not in str(e) for e in report.errors)
    assert {e.source for e in report.errors} == {
        f"{FIXTURES / 'bad-records.jsonl'}:1",
        str(tmp_path / "missing.txt"),
    }


def test_similarity_is_the_exact_cosine(index: EvidenceIndex) -> None:
    index.add([EVIDENCE])
    query = "Tickets for the ferry to Carrow Island cost 6 euros"
    backbone = FakeBackbone()
    hits = index.search(query, limit=3)
    q = backbone.embed([query])[0]
    for hit in hits:
        expected = float(backbone.embed([hit.passage.text])[0] @ q)
        assert hit.similarity == pytest.approx(expected, abs=1e-5)
    assert hits[0].passage.title == "Ferry timetable notice"
    assert hits[0].passage.url == "https://transport.example.org/ferry-2024"
    assert index.search("   ") == [] and index.search(query, limit=0) == []


def test_evidence_refuses_another_encoder(store: Store) -> None:
    EvidenceIndex(store, FakeBackbone()).add([EVIDENCE / "records.jsonl"])

    class Other(FakeBackbone):
        name = "other"

    with pytest.raises(StoreMismatchError):
        EvidenceIndex(store, Other()).add([EVIDENCE / "river-report.txt"])


def test_reopened_store_keeps_the_evidence(store_url: str) -> None:
    with open_store(store_url) as s:
        EvidenceIndex(s, FakeBackbone()).add([EVIDENCE])
    with open_store(store_url, create=False) as s:
        index = EvidenceIndex(s, FakeBackbone())
        assert index.counts()[0] == 3
        v = FakeBackbone().embed(["library budget"])[0]
        best = index.search("library budget", vector=v)[0]
        assert "library" in best.passage.text and best.similarity > 0
