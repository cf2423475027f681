"""unspin.app.browse: paged listings, link rows with titles, documents from text or bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from unspin import app
from unspin.analyzer import analyzer_class, builtin_analyzers
from unspin.corpus.audited import is_experimental
from unspin.corpus.model import Link, Side
from unspin.corpus.store_adapter import to_store_link
from unspin.errors import InputError, InputTooLargeError, StoreError
from unspin.model import Document, Explanation
from unspin.store import Filters, open_store

HARBOUR = Document(
    "Water rates in Lindholm will rise by 12% next year, the finance director Ana Vik "
    'said on Monday. "We have no choice," Vik told reporters.',
    title="Water rates to rise in Lindholm",
    outlet="lindholm-post.example",
    published="2024-03-04",
)
QUAY = Document(
    "Water rates in Lindholm will rise by 15% next year, council papers show. Ana Vik "
    "declined to comment.",
    title="Lindholm rates: papers show bigger rise",
    outlet="quay-times.example",
    published="2024-03-06",
)


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = str(tmp_path / "corpus.db")
    pipeline = app.load_pipeline(app.pipeline_config(None, backbone="fake"))
    with open_store(url) as store:
        store.add(pipeline.process([HARBOUR, QUAY], embed_sentences=True))
        a = Side(HARBOUR.id, 37, 40, "12%", context_start=0, context_end=97)
        b = Side(QUAY.id, 37, 40, "15%", context_start=0, context_end=70)
        link = Link(
            "contradiction", a, b, 0.8, Explanation("quantity.differs", detail="12% vs 15%")
        )
        store.add_links([to_store_link(link)])
    return url


def test_finding_kinds_are_those_the_built_in_analyzers_produce() -> None:
    # the built-in analyzers only: other tests register plugins ("bang", ...) in this process
    produced = {k for name in builtin_analyzers() for k in analyzer_class(name).produces}
    assert set(app.FINDING_KINDS) >= produced
    assert set(app.FINDING_KINDS) - produced == set()


def test_documents_page_and_one_document(db: str) -> None:
    page = app.list_documents(db, limit=1)
    assert page.total == 2 and [d.id for d in page.items] == [QUAY.id]
    assert page.items[0].findings_by_kind
    assert app.list_documents(db, Filters(outlet=HARBOUR.outlet)).total == 1
    one = app.get_document(db, HARBOUR.id)
    assert one is not None and one.title == HARBOUR.title
    assert sum(one.findings_by_kind.values()) == one.findings
    assert app.get_document(db, "0" * 16) is None
    analysis = app.document_analysis(db, HARBOUR.id)
    assert analysis is not None and analysis.document.id == HARBOUR.id
    assert app.document_analysis(db, "missing") is None


def test_findings_page_carries_the_title(db: str) -> None:
    page = app.list_findings(db, "quote", limit=5)
    assert page.total >= 1
    assert {f.title for f in page.items} <= {HARBOUR.title, QUAY.title}


def test_link_rows_show_both_documents_by_title(db: str) -> None:
    # an experimental link kind (audited on real news under 0.8) is left out unless asked for
    default = 0 if is_experimental("contradiction") else 1
    assert app.list_link_rows(db, "contradictions").total == default
    page = app.list_link_rows(db, "contradictions", experimental=True)
    assert page.total == 1
    assert app.list_link_rows(db, "contradictions", kinds=["contradiction"]).total == 1
    row = page.items[0]
    assert (row.a.title, row.b.title) == (HARBOUR.title, QUAY.title)
    assert (row.a.outlet, row.b.published) == (HARBOUR.outlet, QUAY.published)
    assert row.a.text == "12%" and row.a.context and "12%" in row.a.context
    assert row.explanation == "12% vs 15%"
    assert app.list_link_rows(db, "quotes").total == 0
    assert app.list_link_rows(db, "contradictions", kinds=["update"]).total == 0
    assert app.list_link_rows(db, "contradictions", document=QUAY.id, experimental=True).total == 1


def test_facets(db: str) -> None:
    facets = app.corpus_facets(db)
    assert facets.documents == 2
    assert dict(facets.outlets) == {HARBOUR.outlet: 1, QUAY.outlet: 1}
    assert facets.languages == (("en", 2),)


def test_document_from_text_never_reads_a_path(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("do not read me")
    doc = app.document_from_text(str(secret), title="T", published="2024-01-02T10:00:00Z")
    assert doc.text == str(secret) and doc.title == "T"
    assert doc.published is not None and doc.published.startswith("2024-01-02")
    with pytest.raises(InputTooLargeError):
        app.document_from_text("x" * 101, max_bytes=100)
    with pytest.raises(InputError):
        app.document_from_text("   \n ")
    with pytest.raises(InputError, match="unknown metadata"):
        app.document_from_text("Some text.", colour="red")


def test_document_from_bytes_reads_the_file_as_the_cli_does() -> None:
    html = b"<html><head><title>Page title</title></head><body><p>Body text here.</p></body></html>"
    doc = app.document_from_bytes(html, "../../etc/page.html", outlet="example.org")
    assert doc.text.strip() == "Body text here." and doc.source == "page.html"
    assert doc.title == "Page title" and doc.outlet == "example.org"
    with pytest.raises(InputError):
        app.document_from_bytes(b"\x00\x01\x02binary", "x.txt")
    with pytest.raises(InputError):
        app.document_from_bytes(b"", "empty.txt")


def test_kept_open_readers_see_later_writes(db: str) -> None:
    assert app.list_documents(db).total == 2  # opens and keeps a reader
    third = Document("A third article about the harbour fees, written later.", title="Third")
    pipeline = app.load_pipeline(app.pipeline_config(None, backbone="fake"))
    with open_store(db) as store:
        store.add(pipeline.process([third], embed_sentences=True))
    assert app.list_documents(db).total == 3
    assert app.get_document(db, third.id) is not None


def test_a_reader_of_a_missing_store_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        app.list_documents(str(tmp_path / "missing.db"))
    assert not (tmp_path / "missing.db").exists()


def test_readers_are_bounded_and_closed_with_their_thread(db: str, tmp_path: Path) -> None:
    import threading

    from unspin.app import readers

    readers.close_readers()  # this thread's readers of earlier tests
    before = readers.open_readers()

    def read() -> None:
        assert app.list_documents(db).total == 2

    gate = threading.Barrier(readers.MAX_OPEN + 4)
    kept: list[int] = []

    def together() -> None:
        gate.wait()
        read()
        gate.wait()  # every thread has read and still runs: its stores are kept
        kept.append(readers.open_readers())
        gate.wait()

    threads = [threading.Thread(target=together) for _ in range(readers.MAX_OPEN + 4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    import gc

    gc.collect()
    assert max(kept) == max(before, readers.MAX_OPEN)  # the rest were closed after reading
    assert readers.open_readers() == before  # every thread ended: its stores are closed
    read()
    assert readers.open_readers() == before + 1
    readers.close_readers()
    assert readers.open_readers() == before
