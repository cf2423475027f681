"""The corpus section of one document's report: its links, seen from that document."""

from __future__ import annotations

import json

from tests.corpus.articles import FLOOD, QUOTES, SELF_CONTRADICTING
from tests.corpus.conftest import Analyse
from unspin.corpus import (
    LINK_KINDS,
    document_report,
    extract_slots,
    find_contradictions,
    find_quote_drift,
)


def test_links_seen_from_one_document(analyse: Analyse) -> None:
    flood = analyse(FLOOD)
    links = find_contradictions(s for a in flood.values() for s in extract_slots(a))
    courier = flood["courier"].document.id
    report = document_report(courier, links)
    assert report.entries
    assert all(e.this.doc_id == courier for e in report.entries)
    assert all(e.other.doc_id != courier for e in report.entries)
    counts = report.counts()
    assert counts["update"] >= 3 and counts["compatible"] >= 3
    assert "contradiction" not in counts
    # kinds in the documented order
    kinds = [e.link.kind for e in report.entries]
    assert kinds == sorted(kinds, key=LINK_KINDS.index)
    positions = {e.other.outlet: e.position for e in report.entries}
    assert positions["harbourpost.example"] == "earlier"  # published two days before
    assert positions["ledger.example"] == "later"
    assert flood["harbour"].document.id in report.other_documents
    assert flood["rail"].document.id not in report.other_documents
    data = json.loads(json.dumps(report.to_dict()))
    assert data["doc_id"] == courier
    assert data["entries"][0]["this"]["doc_id"] == courier


def test_a_link_within_one_document_appears_once(analyse: Analyse) -> None:
    a = analyse([SELF_CONTRADICTING])["selfcheck"]
    links = find_contradictions(extract_slots(a))
    report = document_report(a.document.id, links)
    assert len(report.entries) == len(links)
    assert {e.position for e in report.entries} == {"same-document"}
    assert report.other_documents == ()


def test_quote_drift_in_the_report(analyse: Analyse) -> None:
    quoted = analyse(QUOTES)
    links = find_quote_drift(quoted.values())
    first = document_report(quoted["first"].document.id, links)
    assert [e.position for e in first.entries] == ["later", "later"]
    later = document_report(quoted["reworded"].document.id, links)
    (entry,) = later.entries
    assert entry.position == "earlier"  # the first appearance is the other side
    assert entry.other.doc_id == quoted["first"].document.id
    assert document_report("no-such-document", links).entries == ()
