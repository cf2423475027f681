"""Paged listings of documents, findings and links (SQLite and PostgreSQL, see conftest)."""

from __future__ import annotations

import pytest

from unspin.errors import ConfigError
from unspin.pipeline import Pipeline
from unspin.store import (
    Filters,
    Store,
    StoredLink,
    document_languages,
    document_texts,
    documents_by_id,
    ingest,
    page_documents,
    page_findings,
    page_links,
)

from .articles import ARTICLES, BRIDGE, FERRY, HARBOUR, SCHOOL


@pytest.fixture
def filled(store: Store, pipeline: Pipeline) -> Store:
    assert ingest(store, ARTICLES, pipeline=pipeline, batch_size=2).ok
    return store


def test_documents_page_newest_first_with_counts_per_kind(filled: Store) -> None:
    page = page_documents(filled, limit=2)
    assert page.total == 4 and page.limit == 2 and page.offset == 0
    assert [d.id for d in page.items] == [SCHOOL.id, BRIDGE.id]
    assert page.next_offset == 2
    school = page.items[0]
    assert school.title == SCHOOL.title and school.outlet == SCHOOL.outlet
    assert school.published == SCHOOL.published
    assert school.findings == sum(school.findings_by_kind.values()) > 0
    rest = page_documents(filled, limit=2, offset=2)
    assert [d.id for d in rest.items] == [HARBOUR.id, FERRY.id]  # undated last
    assert rest.next_offset is None
    assert page_documents(filled, offset=10).items == []


def test_documents_page_filters_and_orders(filled: Store) -> None:
    by_outlet = page_documents(filled, Filters(outlet="lindholm-post.example"))
    assert {d.id for d in by_outlet.items} == {HARBOUR.id, SCHOOL.id} and by_outlet.total == 2
    dated = page_documents(filled, Filters(since="2024-05-01", until="2024-05-31"))
    assert [d.id for d in dated.items] == [BRIDGE.id]
    assert page_documents(filled, Filters(outlet="nowhere.example")).total == 0
    quotes = page_documents(filled, Filters(kind="quote"))
    assert HARBOUR.id in {d.id for d in quotes.items}
    by_title = page_documents(filled, order="title")
    assert [d.id for d in by_title.items] == [SCHOOL.id, BRIDGE.id, HARBOUR.id, FERRY.id]
    ingested = page_documents(filled, order="ingested")
    assert [d.id for d in ingested.items] == [a.id for a in reversed(ARTICLES)]
    assert [d.id for d in page_documents(filled, title="BRIDGE").items] == [BRIDGE.id]
    # LIKE wildcards in the title are literal
    assert page_documents(filled, title="%").total == 0
    with pytest.raises(ConfigError, match="unknown order"):
        page_documents(filled, order="random")  # type: ignore[arg-type]


def test_documents_by_id(filled: Store) -> None:
    found = documents_by_id(filled, [HARBOUR.id, "missing", HARBOUR.id])
    assert list(found) == [HARBOUR.id]
    assert found[HARBOUR.id].title == HARBOUR.title


def test_findings_page_by_kind_and_label(filled: Store) -> None:
    every = list(filled.iter_findings("quote"))
    page = page_findings(filled, "quote", limit=1)
    assert page.total == len(every) > 0 and len(page.items) == 1
    first = page.items[0]
    assert first.finding.kind == "quote" and first.title is not None
    labelled = page_findings(filled, "quote", label=first.finding.label, limit=200)
    assert {f.finding.label for f in labelled.items} == {first.finding.label}
    scoped = page_findings(filled, filters=Filters(outlet="coast-ledger.example"), limit=200)
    assert {f.document_id for f in scoped.items} == {BRIDGE.id}
    assert scoped.total == len(list(filled.iter_findings(filters=Filters(outlet=BRIDGE.outlet))))
    assert page_findings(filled, "no-such-kind").total == 0


def test_links_page_by_kinds_document_and_score(filled: Store) -> None:
    links = [
        StoredLink("contradiction", HARBOUR.id, "f1", SCHOOL.id, "f2", 0.9),
        StoredLink("quote_drift", HARBOUR.id, "f3", BRIDGE.id, "f4", 0.4),
        StoredLink("update", BRIDGE.id, "f5", SCHOOL.id, "f6", 0.7),
    ]
    filled.add_links(links)
    assert page_links(filled).total == 3
    assert page_links(filled, ["contradiction", "update"]).items == [links[0], links[2]]
    assert page_links(filled, document_id=BRIDGE.id, limit=1).items == [links[1]]
    assert page_links(filled, document_id=BRIDGE.id, limit=1).total == 2
    assert page_links(filled, min_score=0.8).items == [links[0]]
    assert page_links(filled, []).total == 0
    assert page_links(filled, offset=2).items == [links[2]]


def test_texts_and_languages(filled: Store) -> None:
    assert document_texts(filled, [FERRY.id, "missing"]) == {FERRY.id: FERRY.text}
    assert document_languages(filled) == [("en", 4)]
