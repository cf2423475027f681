"""Corpus links computed over a SQLite store, stored, and read back for a report."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus.articles import COPY_ONE, FLOOD, QUOTES, WIRE
from tests.corpus.conftest import Analyse
from unspin.corpus import document_report, extract_slots, find_contradictions, find_propagation
from unspin.corpus._text import sentence_spans
from unspin.corpus.store_adapter import (
    from_store_link,
    link_store,
    store_report,
    to_store_link,
)
from unspin.pipeline import Processed
from unspin.store import Link as StoreLink
from unspin.store import open_store


def test_links_round_trip_through_the_store(analyse: Analyse, tmp_path: Path) -> None:
    analyses = analyse([*FLOOD, *QUOTES, WIRE, COPY_ONE])
    with open_store(tmp_path / "corpus.db") as store:
        store.add(Processed(a, tuple(sentence_spans(a)), None) for a in analyses.values())
        run = link_store(store)
        counts = run.links
        assert run.documents == run.pending == len(analyses)
        assert counts["contradiction"] == 2
        assert counts["quote_drift"] == 2
        assert counts["propagation"] >= 1
        assert link_store(store).documents == 0  # incremental: nothing left to link
        assert len(list(store.iter_links())) == sum(counts.values())
        assert link_store(store, rebuild=True).links == counts  # recomputed, stored once
        assert len(list(store.iter_links())) == sum(counts.values())
        harbour = analyses["harbour"].document.id
        report = store_report(store, harbour)
    expected = document_report(
        harbour, find_contradictions(s for a in analyses.values() for s in extract_slots(a))
    )
    assert {e.link.id for e in report.entries} == {e.link.id for e in expected.entries}
    assert report.counts()["contradiction"] == 2


def test_store_records_name_spans_without_findings(analyse: Analyse) -> None:
    analyses = analyse([WIRE, COPY_ONE])
    (link,) = find_propagation(analyses.values())
    record = to_store_link(link)
    assert record.source_finding == f"span:{link.a.start}-{link.a.end}"
    assert record.source_document == link.a.doc_id
    assert from_store_link(record) == link
    foreign = StoreLink("contradiction", "d1", "f1", "d2", "f2", 0.5, {"note": "other tool"})
    assert from_store_link(foreign) is None


def test_unknown_comparison_is_refused(tmp_path: Path) -> None:
    with open_store(tmp_path / "corpus.db") as store, pytest.raises(ValueError):
        link_store(store, what=["telepathy"])
