"""Corpus links computed over a SQLite store, stored, and read back for a report."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest

from tests.corpus.articles import (
    COPY_ONE,
    FLOOD,
    PROPAGATION,
    QUOTES,
    SELF_CONTRADICTING,
    WIRE,
)
from tests.corpus.conftest import Analyse
from tests.store.conftest import pg_server, pg_url  # noqa: F401 (PostgreSQL fixtures)
from unspin.corpus import (
    document_report,
    extract_slots,
    find_contradictions,
    find_propagation,
    find_quote_drift,
)
from unspin.corpus.model import SLOT_FORMAT
from unspin.corpus.store_adapter import (
    from_store_link,
    iter_corpus_links,
    link_store,
    store_report,
    to_store_link,
)
from unspin.corpus.words import sentence_spans
from unspin.model import Analysis
from unspin.pipeline import Processed
from unspin.store import StoredLink as StoreLink
from unspin.store import open_store


@pytest.mark.slow
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


@pytest.mark.slow
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


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    url: str = request.getfixturevalue("pg_url")
    return url


def _expected(analyses: Iterable[Analysis]) -> set[str]:
    every = list(analyses)
    links = find_contradictions(s for a in every for s in extract_slots(a))
    links += find_quote_drift(every) + find_propagation(every)
    return {lk.id for lk in links}


@pytest.mark.slow
def test_linking_one_document_at_a_time_equals_linking_all_at_once(
    analyse: Analyse, store_url: str
) -> None:
    analyses = analyse([*FLOOD, *QUOTES, *PROPAGATION, SELF_CONTRADICTING])
    in_date_order = sorted(analyses.values(), key=lambda a: str(a.document.published))
    with open_store(store_url) as store:
        for a in in_date_order:  # as news arrives: each run compares only the new document
            store.add([Processed(a, tuple(sentence_spans(a)), None)])
            assert link_store(store, batch_size=1).documents == 1
        got = {lk.id for lk in iter_corpus_links(store)}
        assert got == _expected(analyses.values())
        assert store.schema_version >= 5


@pytest.mark.slow
def test_documents_arriving_out_of_order(analyse: Analyse, tmp_path: Path) -> None:
    analyses = analyse([*FLOOD, *QUOTES, *PROPAGATION, SELF_CONTRADICTING])
    newest_first = sorted(analyses.values(), key=lambda a: str(a.document.published))[::-1]
    with open_store(tmp_path / "c.db") as store:
        for a in newest_first:
            store.add([Processed(a, tuple(sentence_spans(a)), None)])
            link_store(store)
        got = {lk.id: lk for lk in iter_corpus_links(store)}
        expected = _expected(analyses.values())
        # contradictions and propagation do not depend on the order; a quotation first
        # seen later than its copies is linked to each of them as well
        assert {i for i, lk in got.items() if lk.kind != "quote_drift"} == {
            i for i in expected if not i.startswith("quote_drift")
        }
        assert {i for i in expected if i.startswith("quote_drift")} <= set(got)
        rebuilt = link_store(store, rebuild=True)  # in publication order: as all at once
        assert rebuilt.documents == len(analyses)
        assert {lk.id for lk in iter_corpus_links(store)} == expected


@pytest.mark.slow
def test_candidates_per_key_are_bounded(analyse: Analyse, tmp_path: Path) -> None:
    analyses = analyse(FLOOD)
    with open_store(tmp_path / "c.db") as store:
        store.add(Processed(a, tuple(sentence_spans(a)), None) for a in analyses.values())
        link_store(store, what=["contradictions"], max_group=1)
        few = len(list(iter_corpus_links(store)))
        link_store(store, what=["contradictions"], rebuild=True)
        assert 0 < few < len(list(iter_corpus_links(store)))


@pytest.mark.slow
def test_an_interrupted_run_keeps_whole_batches_and_a_rerun_finishes(
    analyse: Analyse, tmp_path: Path
) -> None:
    analyses = analyse([*FLOOD, *QUOTES, *PROPAGATION, SELF_CONTRADICTING])
    with open_store(tmp_path / "c.db") as store:
        store.add(Processed(a, tuple(sentence_spans(a)), None) for a in analyses.values())

        def stop(done: int, total: int) -> None:
            raise KeyboardInterrupt  # killed right after the first batch was written

        with pytest.raises(KeyboardInterrupt):
            link_store(store, batch_size=3, on_progress=stop)
        rest = link_store(store)
        assert rest.pending == rest.documents == len(analyses) - 3
        assert {lk.id for lk in iter_corpus_links(store)} == _expected(analyses.values())


@pytest.mark.slow
def test_an_index_written_by_an_older_extractor_is_re_extracted(
    analyse: Analyse, tmp_path: Path
) -> None:
    analyses = analyse([*FLOOD, *QUOTES])
    with open_store(tmp_path / "corpus.db") as store:
        store.add(Processed(a, tuple(sentence_spans(a)), None) for a in analyses.values())
        first = link_store(store).links
        before = {lk.id for lk in iter_corpus_links(store)}
        # what an older unspin wrote: slots of an older format, other keys
        store.sql.execute(
            "UPDATE corpus_items SET payload = REPLACE(payload, "
            f"'\"format\": {SLOT_FORMAT}', '\"format\": 1') WHERE space = 'slot'"
        )
        store.sql.execute("UPDATE corpus_keys SET key = 'old|' || key WHERE space = 'slot'")
        again = link_store(store)
        assert again.documents == len(analyses)  # every document, contradictions only
        assert again.links == {k: n for k, n in first.items() if k != "quote_drift"}
        assert {lk.id for lk in iter_corpus_links(store)} == before
        assert link_store(store).documents == 0  # and then up to date
