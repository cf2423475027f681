"""End-to-end tests of ``unspin corpus ...`` (a subprocess each, SQLite store)."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from unspin.model import Analysis
from unspin.store import open_store

FIXTURES = Path(__file__).parents[1] / "fixtures"


def corpus(
    *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "-m", "unspin", "corpus", *map(str, args)]
    if args and args[0] == "ingest":
        argv += ["--backbone", "fake", "--progress", "never"]
    environ = {k: v for k, v in os.environ.items() if k != "UNSPIN_DB"}
    proc = subprocess.run(
        argv,
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        timeout=300,
        env={**environ, **(env or {}), "PYTHONIOENCODING": "utf-8"},
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the fixture articles (8 documents), ingested once."""
    folder = tmp_path_factory.mktemp("corpus")
    path = folder / "corpus.db"
    result = corpus("ingest", FIXTURES / "articles", "--db", path)
    assert result.returncode == 0, result.stderr
    assert "stored 8 new document(s)" in result.stderr
    return path


def test_bad_inputs_are_listed_recorded_and_the_batch_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(FIXTURES / "articles", folder)
    shutil.copy(FIXTURES / "bad" / "image.txt", folder / "image.txt")
    shutil.copy(FIXTURES / "bad" / "empty.txt", folder / "empty.txt")
    db = tmp_path / "c.db"
    first = corpus("ingest", folder, "--db", db)
    assert first.returncode == 1
    assert "stored 8 new document(s)" in first.stderr
    assert "2 input(s) could not be stored" in first.stderr
    assert "image.txt" in first.stderr and "empty.txt" in first.stderr
    listed = corpus("errors", "--db", db)
    assert listed.returncode == 0
    assert len(listed.stdout.splitlines()) == 2 and "BinaryInputError" in listed.stdout
    again = corpus("ingest", folder, "--db", db, "--batch-size", "3")
    assert again.returncode == 1
    assert "stored 0 new document(s)" in again.stderr and "skipped 8" in again.stderr
    assert len(corpus("errors", "--db", db).stdout.splitlines()) == 2
    stats = json.loads(corpus("stats", "--db", db, "--format", "json").stdout)
    assert (stats["documents"], stats["errors"]) == (8, 2)


def test_search_prints_results_with_offsets_and_reasons(db: Path) -> None:
    text = corpus("search", "water rates Lindholm", "--db", db, "-n", "2")
    assert text.returncode == 0, text.stderr
    assert "Water rates in Lindholm" in text.stdout
    assert "keyword #1" in text.stdout and "findings: claim:" in text.stdout
    lines = corpus("search", "arrested protest", "--db", db, "--format", "json").stdout
    hits = [json.loads(line) for line in lines.splitlines()]
    assert hits and hits[0]["keyword"]["rank"] == 1
    with open_store(db) as store:
        for hit in hits:
            doc = store.get_analysis(hit["document_id"]).document
            assert doc.text[hit["start"] : hit["end"]] == hit["text"]


def test_search_filters_from_the_command_line(db: Path) -> None:
    args = ("search", "said", "--db", db, "--format", "json")
    every = [json.loads(x) for x in corpus(*args).stdout.splitlines()]
    outlets = {h["outlet"] for h in every}
    assert len(outlets) > 1
    found = corpus(*args, "--outlet", "news.example.test").stdout
    only = [json.loads(x) for x in found.splitlines()]
    assert only and {h["outlet"] for h in only} == {"news.example.test"}
    dated = corpus(*args, "--since", "2030-01-01")
    assert dated.stdout == "" and "no results" in dated.stderr
    quotes = [json.loads(x) for x in corpus(*args, "--kind", "quote").stdout.splitlines()]
    assert quotes and all(any(f["kind"] == "quote" for f in h["findings"]) for h in quotes)


def test_stats_and_export(db: Path, tmp_path: Path) -> None:
    text = corpus("stats", "--db", db).stdout
    assert "documents   8" in text and "claim" in text and "news.example.test" in text
    out = tmp_path / "docs.jsonl"
    exported = corpus("export", "--db", db, "-o", out)
    assert exported.returncode == 0 and "exported 8 documents" in exported.stderr
    analyses = [Analysis.from_json(line) for line in out.read_text("utf-8").splitlines()]
    assert len(analyses) == 8
    rows = list(
        csv.DictReader(
            corpus(
                "export", "--db", db, "-f", "csv", "--what", "findings", "--kind", "hedge"
            ).stdout.splitlines()
        )
    )
    assert rows and {r["kind"] for r in rows} == {"hedge"}


def test_the_store_comes_from_db_then_unspin_db_then_the_current_folder(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("The ferry to Osterholm was cancelled on Monday, officials said.")
    assert corpus("ingest", one, cwd=tmp_path).returncode == 0
    assert (tmp_path / "unspin.db").is_file()
    env = {"UNSPIN_DB": str(tmp_path / "env.db")}
    assert corpus("ingest", one, cwd=tmp_path, env=env).returncode == 0
    assert (tmp_path / "env.db").is_file()
    found = corpus("search", "ferry", "--format", "json", cwd=tmp_path, env=env)
    assert json.loads(found.stdout.splitlines()[0])["text"].startswith("The ferry")


def test_usage_errors_are_one_line_with_exit_code_2(tmp_path: Path) -> None:
    missing = corpus("search", "x", "--db", tmp_path / "none.db")
    assert missing.returncode == 2 and "no unspin store" in missing.stderr
    assert not (tmp_path / "none.db").exists()
    scheme = corpus("stats", "--db", "mysql://localhost/x")
    assert scheme.returncode == 2 and "unsupported store URL scheme" in scheme.stderr
    date = corpus("search", "x", "--since", "yesterday", "--db", tmp_path / "none.db")
    assert date.returncode == 2 and "YYYY-MM-DD" in date.stderr
    for result in (missing, scheme, date):
        assert len(result.stderr.strip().splitlines()) == 1


def test_a_store_refuses_embeddings_from_another_encoder(db: Path, tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("The tunnel under Velby opened in May.")
    argv = [sys.executable, "-m", "unspin", "corpus", "ingest", str(one), "--db", str(db)]
    result = subprocess.run([*argv, "--backbone", "spacy"], capture_output=True, text=True)
    assert result.returncode == 2
    assert "holds embeddings from 'fake'" in result.stderr
