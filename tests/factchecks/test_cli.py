"""``unspin factchecks import|search``, ``unspin claims`` and ``unspin analyze --db`` end to
end (subprocesses, fake backbone, a SQLite store in a temporary folder)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.test_cli import unspin
from unspin.model import Analysis

FIXTURES = Path(__file__).parent / "fixtures"
DAM = "https://checkers.example/velmora-dam"
ANALYZERS = "sources,claims,factchecks"
PIPE = ("--backbone", "fake", "--analyzers", ANALYZERS)
ARTICLE = (
    "Velmora council met on Tuesday. "
    "Mayor Ilsa Varn said the Velmora dam holds three billion litres of water. "
    "The school choir sang at the spring festival.\n"
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fc")
    bad = folder / "bad"
    bad.mkdir()
    (bad / "broken.json").write_text("{not json", encoding="utf-8")
    (bad / "page.html").write_text("<html><body>No reviews here.</body></html>", "utf-8")
    path = folder / "store.db"
    first = unspin("factchecks", "import", FIXTURES, bad, "--db", path, "--backbone", "fake")
    assert first.returncode == 1  # two bad files, the rest imported
    errors = [line for line in first.stderr.splitlines() if line.startswith("unspin: ")]
    assert len(errors) == 2 and "broken.json" in errors[0] and "page.html" in errors[1]
    assert "imported 5 new fact-check(s)" in first.stderr
    again = unspin("factchecks", "import", FIXTURES, "--db", path)
    assert again.returncode == 0, again.stderr
    assert "imported 0 new fact-check(s)" in again.stderr and "5 already stored" in again.stderr
    return path


@pytest.fixture(scope="module")
def article(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("art") / "velmora.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_search_finds_the_review(db: Path) -> None:
    result = unspin("factchecks", "search", "Velmora dam", "--db", db, "-f", "json")
    assert result.returncode == 0, result.stderr
    first = json.loads(result.stdout.splitlines()[0])
    assert first["url"] == DAM and first["rating"] == "False"


def test_claims_table_shows_the_match_and_not_verified(db: Path, article: Path) -> None:
    result = unspin("claims", article, "--db", db, *PIPE)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "3 claim(s)" in lines[0]
    dam = next(i for i, line in enumerate(lines) if "Velmora dam holds" in line)
    assert "not verified" in lines[dam]
    assert "Example Checks “False” (2024-02-03)" in lines[dam + 1] and DAM in lines[dam + 1]


def test_claims_as_json_jsonl_and_csv(db: Path, article: Path, tmp_path: Path) -> None:
    as_json = unspin("claims", article, "--db", db, *PIPE, "-f", "json")
    record = json.loads(as_json.stdout)
    scores = [c["score"] for c in record["claims"]]
    assert scores == sorted(scores, reverse=True) and len(scores) == 3
    assert all(c["verdict"] == "not verified" for c in record["claims"])
    dam = next(c for c in record["claims"] if c["matches"])
    assert dam["matches"][0]["url"] == DAM and dam["matches"][0]["similarity"] > 0.5

    lines = unspin("claims", article, "--db", db, *PIPE, "-f", "jsonl")
    rows = [json.loads(line) for line in lines.stdout.splitlines()]
    assert [r["rank"] for r in rows] == [1, 2, 3]

    # the fake backbone's hand-set baseline scores the dam claim 0.525, under the default
    # threshold (0.65, the shipped head's); flag at the baseline's 0.5
    config = tmp_path / "claims.toml"
    config.write_text("[analyzers.claims]\nthreshold = 0.5\n", encoding="utf-8")
    table = unspin("claims", article, *PIPE, "-c", config, "-f", "csv", "--checkworthy")
    parsed = list(csv.DictReader(io.StringIO(table.stdout)))
    assert parsed and all(r["checkworthy"] == "True" for r in parsed)
    assert all(r["matches"] == "0" for r in parsed)  # no store: no matches


def test_analyze_with_db_adds_factcheck_findings(db: Path, article: Path) -> None:
    result = unspin("analyze", article, "--db", db, "-f", "json", "--analyzers", ANALYZERS)
    assert result.returncode == 0, result.stderr
    analysis = Analysis.from_json(result.stdout)
    (match,) = analysis.by_kind("factcheck")
    assert match.attributes["url"] == DAM
    assert analysis.summaries["factchecks"]["factchecks_loaded"] == 5


def test_analyze_with_db_but_no_analyzer_reading_it_is_a_usage_error(
    db: Path, article: Path
) -> None:
    result = unspin("analyze", article, "--db", db, "--analyzers", "sources")
    assert result.returncode == 2
    assert "none of the configured analyzers reads a store" in result.stderr


def test_a_missing_store_is_a_one_line_error(tmp_path: Path, article: Path) -> None:
    result = unspin("claims", article, "--db", tmp_path / "none.db", *PIPE)
    assert result.returncode != 0
    assert "no unspin store" in result.stderr


def test_analyze_with_a_store_holding_no_fact_checks_says_so(tmp_path: Path, article: Path) -> None:
    """A store of evidence only, given to the factchecks analyzer: the log and the summary
    say it holds no fact-checks and how to import some, not a silent empty match list."""
    evidence = tmp_path / "notice.txt"
    evidence.write_text("The Velmora dam holds two billion litres of water.\n", "utf-8")
    store = tmp_path / "evidence.db"
    added = unspin("evidence", "add", evidence, "--db", store, "--backbone", "fake", "-q")
    assert added.returncode == 0, added.stderr
    result = unspin("analyze", article, "--db", store, "-f", "json", *PIPE)
    assert result.returncode == 0, result.stderr
    said = f"the store {store} holds no fact-checks, so no claim is matched: import some with "
    said += f"'unspin factchecks import FILE... --db {store}'"
    assert [line for line in result.stderr.splitlines() if "holds no" in line] == [
        f"unspin: WARNING: {said}"
    ]
    analysis = Analysis.from_json(result.stdout)
    assert analysis.summaries["factchecks"]["note"] == said
