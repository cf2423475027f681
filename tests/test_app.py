"""``unspin.app``: the application layer every front end calls (no printing; errors and
progress as data; one pipeline per configuration and process)."""

from __future__ import annotations

from pathlib import Path

import pytest

import unspin
from unspin import app
from unspin.errors import ConfigError, EmptyInputError, InputError

FIXTURES = Path(__file__).parent / "fixtures"
FAKE = app.pipeline_config(analyzers="sources,certainty", backbone="fake")


def test_every_public_name_resolves() -> None:
    for name in app.__all__:
        assert getattr(app, name) is not None, name
    with pytest.raises(AttributeError):
        _ = app.no_such_name


def test_one_pipeline_per_configuration_shared_with_the_library_api() -> None:
    pipeline = app.load_pipeline(FAKE)
    assert app.load_pipeline(FAKE.replace()) is pipeline
    assert unspin.analyze("The mayor said yes.", FAKE).document.text == "The mayor said yes."
    assert app.load_pipeline(FAKE) is pipeline


def test_analyze_paths_collects_errors_and_reports_progress() -> None:
    events: list[app.ProgressEvent] = []
    inputs = [FIXTURES / "bad" / "empty.txt", FIXTURES / "articles" / "corpus.jsonl"]
    run = app.analyze_paths(inputs, FAKE, on_progress=events.append)
    assert run.count == 0 and not events  # lazy: nothing read yet
    analyses = list(run.analyses)
    assert len(analyses) == run.count == 3
    assert [e.done for e in events] == [1, 2, 3]
    assert {e.stage for e in events} == {"analysing"}
    assert events[-1].counts == {"errors": 1}
    assert len(run.errors) == 1 and isinstance(run.errors[0], EmptyInputError)
    assert run.failures == [] and run.failed_documents == 0


def test_analyze_input_raises_the_first_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="empty"):
        app.analyze_input(FIXTURES / "bad" / "empty.txt", FAKE)
    analysis = app.analyze_input(FIXTURES / "articles" / "plain.txt", FAKE)
    assert analysis.document.text.startswith("Water rates")


def test_db_is_refused_when_no_analyzer_reads_a_store() -> None:
    with pytest.raises(ConfigError, match="none of the configured analyzers reads a store"):
        app.pipeline_config(analyzers="sources", backbone="fake", db="x.db")


def test_meta() -> None:
    assert app.version() == unspin.__version__
    assert "[pipeline]" in app.default_config_text()
    assert app.analysis_schema()["type"] == "object"
    names = [a.name for a in app.list_analyzers()]
    assert "sources" in names and names == sorted(names)


def test_store_functions_open_and_close_the_store(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    events: list[app.ProgressEvent] = []
    result = app.ingest_paths(
        db, [str(FIXTURES / "articles" / "plain.txt")], FAKE, on_progress=events.append
    )
    assert result.report.added == 1 and result.url.endswith("c.db")
    assert events[0].done == 0 and events[0].total == 1 and events[-1].done == 1
    assert app.corpus_stats(db).documents == 1
    assert app.search_corpus(db, "water rates", limit=3)
    assert app.corpus_errors(db) == []
    out = tmp_path / "docs.jsonl"
    assert app.export_corpus(db, out) == 1 and out.read_text().count("\n") == 1
