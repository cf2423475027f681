"""End-to-end tests of ``unspin corpus ...`` (a subprocess each, SQLite store)."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from tests.corpus.articles import FLOOD, PROPAGATION, QUOTES, SELF_CONTRADICTING, Article
from unspin.corpus.audited import LINK_AUDITED, is_experimental
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


def listing(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``unspin corpus <listing or report> ... --experimental``: every link kind, whatever
    its precision audited on real news (these tests check the linker and the listing)."""
    return corpus(*args, "--experimental")


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


# -- corpus links: link, contradictions, quotes, propagation, report --------------------


def _write_articles(path: Path, articles: Iterable[Article]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for a in articles:
            row = {"text": a.text, "published": a.published, "outlet": a.outlet, "title": a.name}
            fh.write(json.dumps(row) + "\n")
    return path


@pytest.fixture(scope="module")
def linked(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """A store of the multi-article fixtures of tests/corpus (fake backbone), linked
    incrementally in two runs; returns the store and the article name -> document id."""
    folder = tmp_path_factory.mktemp("linked")
    db = folder / "corpus.db"
    first = _write_articles(folder / "first.jsonl", [*FLOOD, *QUOTES])
    rest = _write_articles(folder / "rest.jsonl", [*PROPAGATION, SELF_CONTRADICTING])
    assert corpus("ingest", first, "--db", db, "--analyzers", "sources,claims").returncode == 0
    run = corpus("link", "--db", db)
    assert run.returncode == 0, run.stderr
    assert "linked 12 new document(s)" in run.stderr and "contradiction" in run.stderr
    assert corpus("ingest", rest, "--db", db, "--analyzers", "sources,claims").returncode == 0
    again = corpus("link", "--db", db)  # only the 5 new documents are compared
    assert "linked 5 new document(s)" in again.stderr and "propagation" in again.stderr
    with open_store(db) as store:
        ids = {a.document.title or "": a.document.id for a in store.iter_analyses()}
    return db, ids


def _jsonl(result: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_contradictions_list_both_sides_the_slot_and_why(
    linked: tuple[Path, dict[str, str]],
) -> None:
    db, ids = linked
    text = listing("contradictions", "--db", db, "--kind", "contradiction")
    assert text.returncode == 0, text.stderr
    assert "The floods in Marvale killed [65] people" in text.stdout  # the sentence, span marked
    assert "[62] people were killed" in text.stdout
    assert "slot: entity Marvale; event flood; quantity die (killed); unit person" in text.stdout
    assert "why: Same slot in two documents" in text.stdout
    rows = _jsonl(listing("contradictions", "--db", db, "-f", "jsonl"))
    kinds = [r["kind"] for r in rows]
    assert (
        {"contradiction", "compatible", "update"}
        <= set(kinds)
        <= {"contradiction", "compatible", "update", "restatement"}
    )
    assert kinds == sorted(
        kinds, key=["contradiction", "compatible", "update", "restatement"].index
    )
    with open_store(db) as store:
        for r in rows:
            for side in (r["a"], r["b"]):
                doc = store.get_analysis(side["doc_id"]).document
                assert doc.text[side["start"] : side["end"]] == side["text"]
    # near-misses: the same toll for a train crash, the 70 including 12 children, "about 60"
    rail = ids["rail"]
    assert not [
        r
        for r in rows
        if r["kind"] == "contradiction" and rail in (r["a"]["doc_id"], r["b"]["doc_id"])
    ]
    coast = ids["coast"]
    assert {r["kind"] for r in rows if coast in (r["a"]["doc_id"], r["b"]["doc_id"])} == {
        "compatible",  # about 60: 62 and 65 are within reach
        "update",  # 70 and 74, reported later
    }
    ledger = [r for r in rows if ids["ledger"] in (r["a"]["doc_id"], r["b"]["doc_id"])]
    assert ledger and {r["kind"] for r in ledger} <= {"update", "compatible"}


def test_contradiction_filters_and_formats(
    linked: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    db, ids = linked
    updates = _jsonl(listing("contradictions", "--db", db, "--kind", "update", "-f", "jsonl"))
    assert updates and {r["kind"] for r in updates} == {"update"}
    mine = _jsonl(
        listing("contradictions", "--db", db, "--document", ids["selfcheck"], "-f", "jsonl")
    )
    assert mine and all(r["a"]["doc_id"] == r["b"]["doc_id"] == ids["selfcheck"] for r in mine)
    assert {r["kind"] for r in mine} == {"contradiction", "compatible"}
    strong = _jsonl(listing("contradictions", "--db", db, "--min-score", "0.8", "-f", "jsonl"))
    assert strong and all(r["score"] >= 0.8 for r in strong)
    assert len(_jsonl(listing("contradictions", "--db", db, "-n", "2", "-f", "jsonl"))) == 2
    out = tmp_path / "c.csv"
    written = listing("contradictions", "--db", db, "-f", "csv", "-o", out)
    assert written.returncode == 0 and "wrote" in written.stderr and written.stdout == ""
    rows = list(csv.DictReader(out.read_text("utf-8").splitlines()))
    assert len(rows) == len(_jsonl(listing("contradictions", "--db", db, "-f", "jsonl")))
    first = rows[0]
    assert first["kind"] == "contradiction" and first["unit"] == "person"
    assert first["a_text"] and first["b_document"] and first["explanation"] and first["rule"]
    array = json.loads(listing("contradictions", "--db", db, "-f", "json", "-n", "3").stdout)
    assert len(array) == 3 and array[0]["kind"] == "contradiction"


def test_quotes_and_propagation(linked: tuple[Path, dict[str, str]]) -> None:
    db, ids = linked
    drift = _jsonl(listing("quotes", "--db", db, "-f", "jsonl"))
    later = {r["b"]["doc_id"]: r for r in drift}
    assert set(later) == {ids["reworded"], ids["misattributed"]}  # not the faithful copy
    assert all(r["a"]["doc_id"] == ids["first"] for r in drift)  # linked to the first appearance
    assert later[ids["reworded"]]["differs"] == ["wording", "occasion"]
    assert later[ids["misattributed"]]["slot"]["similarity"] == "100"
    speaker = _jsonl(listing("quotes", "--db", db, "--drift", "speaker", "-f", "jsonl"))
    assert [r["b"]["doc_id"] for r in speaker] == [ids["misattributed"]]
    copies = _jsonl(listing("propagation", "--db", db, "-f", "jsonl"))
    assert {r["b"]["doc_id"] for r in copies} == {ids["copyfull"], ids["copyone"]}
    assert all(r["a"]["published"] < r["b"]["published"] for r in copies)  # earlier side first
    from_wire = {r["b"]["doc_id"] for r in copies if r["a"]["doc_id"] == ids["wire"]}
    assert from_wire == {ids["copyfull"], ids["copyone"]}  # the first appearance is visible
    assert ids["ownwords"] not in {r["b"]["doc_id"] for r in copies}
    text = listing("propagation", "--db", db).stdout
    assert "first seen in wireservice.example" in text


def test_link_is_incremental_and_rebuild_recomputes(
    linked: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    db, _ = linked
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    before = len(_jsonl(listing("contradictions", "--db", copy, "-f", "jsonl")))
    nothing = corpus("link", "--db", copy)
    assert nothing.returncode == 0 and "new document" not in nothing.stderr
    assert "every document is linked already" in nothing.stderr
    rebuilt = corpus("link", "--db", copy, "--rebuild", "--what", "contradictions")
    assert "linked 17 new document(s)" in rebuilt.stderr
    assert len(_jsonl(listing("contradictions", "--db", copy, "-f", "jsonl"))) == before


def test_link_commands_fail_in_one_line(
    linked: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    db, _ = linked
    unknown = corpus("contradictions", "--db", db, "--document", "nope")
    assert unknown.returncode == 1, unknown.stderr  # not found: exit 1, as a story or outlet
    assert unknown.stderr.strip() == f"unspin: error: no document 'nope' in {db}"
    for args, message in (
        (("contradictions", "--db", db, "--kind", "bogus"), "unknown kind 'bogus'"),
        (("quotes", "--db", db, "--drift", "tone"), "unknown drift 'tone'"),
        (("contradictions", "--db", db, "--min-score", "2"), "between 0 and 1"),
        (("link", "--db", db, "--what", "telepathy"), "unknown comparison"),
        (("report", "--db", db, "-o", tmp_path), "documents to report on, or --all"),
        (("quotes", "--db", tmp_path / "none.db"), "no unspin store"),
    ):
        result = corpus(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_no_link_reads_only_what_is_stored(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    articles = _write_articles(tmp_path / "a.jsonl", FLOOD[:2])
    assert corpus("ingest", articles, "--db", db, "--analyzers", "sources,claims").returncode == 0
    unread = listing("contradictions", "--db", db, "--no-link")
    assert unread.stdout == "" and "no contradictions links" in unread.stderr
    read = listing("contradictions", "--db", db)  # links the two documents first
    assert "linked 2 new document(s)" in read.stderr and "[65]" in read.stdout


def test_reports_link_to_each_other(linked: tuple[Path, dict[str, str]], tmp_path: Path) -> None:
    db, ids = linked
    out = tmp_path / "reports"
    one = listing("report", ids["harbour"], "--db", db, "-o", out, "-f", "html,md,json")
    assert one.returncode == 0, one.stderr
    (page,) = out.glob("*.html")
    html = page.read_text("utf-8")
    assert '<section id="corpus"' in html and "Contradictions (" in html
    assert "<a href=" not in html.split('<section id="corpus"')[1].split("</section>")[0]
    with_linked = listing("report", ids["harbour"], "--linked", "--db", db, "-o", out)
    assert with_linked.returncode == 0, with_linked.stderr
    html = page.read_text("utf-8")
    section = html.split('<section id="corpus"')[1].split("</section>")[0]
    targets = set(re.findall(r'<a href="([^"]+)"', section))
    assert targets and all((out / t).is_file() for t in targets)  # relative, and there
    valley = next(out.glob(f"*{ids['valley']}.html")).name
    assert valley in targets
    back = (out / valley).read_text("utf-8")
    assert page.name in back  # the other report links back
    md = next(out.glob("*.md")).read_text("utf-8")
    assert "## Across the corpus" in md and "### Contradictions" in md
    side = json.loads(next(out.glob("*.corpus.json")).read_text("utf-8"))
    assert side["doc_id"] == ids["harbour"] and side["counts"]["contradiction"] >= 2
    every = listing("report", "--all", "--db", db, "-o", tmp_path / "all")
    assert "wrote 17 report file(s)" in every.stderr


# -- link kinds audited under 0.8 on real news (unspin.corpus.audited) ---------------------


def _kinds(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert result.returncode == 0, result.stderr
    rows: list[dict[str, Any]] = [json.loads(line) for line in result.stdout.splitlines()]
    return [r["kind"] for r in rows]


@pytest.mark.parametrize("view", ["contradictions", "quotes", "propagation"])
def test_a_listing_leaves_experimental_kinds_out_and_names_them(
    linked: tuple[Path, dict[str, str]], view: str
) -> None:
    db, _ = linked
    every = _kinds(listing(view, "--db", db, "-f", "jsonl"))
    assert every, f"the fixtures make {view} links"
    default = corpus(view, "--db", db, "-f", "jsonl")
    assert _kinds(default) == [k for k in every if not is_experimental(k)]
    hidden = sorted({k for k in every if is_experimental(k)})
    for kind in hidden:
        figure = LINK_AUDITED[kind].figure
        assert f"{kind} ({figure})" in default.stderr
    if hidden:
        assert "--experimental lists them" in default.stderr


def test_a_kind_named_is_listed_whatever_its_audit(linked: tuple[Path, dict[str, str]]) -> None:
    db, _ = linked
    every = _kinds(listing("contradictions", "--db", db, "-f", "jsonl"))
    named = _kinds(corpus("contradictions", "--db", db, "--kind", "update", "-f", "jsonl"))
    assert named == [k for k in every if k == "update"] and named


def test_a_report_counts_what_it_leaves_out(
    linked: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    db, ids = linked
    shown, every = tmp_path / "default", tmp_path / "every"
    assert corpus("report", ids["harbour"], "--db", db, "-o", shown, "-f", "json").returncode == 0
    assert listing("report", ids["harbour"], "--db", db, "-o", every, "-f", "json").returncode == 0
    (default,) = (json.loads(p.read_text("utf-8")) for p in shown.glob("*.corpus.json"))
    (full,) = (json.loads(p.read_text("utf-8")) for p in every.glob("*.corpus.json"))
    kinds = [e["kind"] for e in full["entries"]]
    assert [e["kind"] for e in default["entries"]] == [k for k in kinds if not is_experimental(k)]
    left = {k: kinds.count(k) for k in kinds if is_experimental(k)}
    assert default["left_out"] == left and full["left_out"] == {}
