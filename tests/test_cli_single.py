"""A new user's single-article commands, run as the README shows them (subprocesses, fake
backbone): what a mistake in an option or a store gets back before any text is read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_cli import unspin

ARTICLE = (
    "The city council voted 7-2 on Tuesday to approve a $48 million budget. "
    '"We cannot afford more cuts," said Councilwoman Dana Ortiz.\n'
)


@pytest.fixture()
def two_articles(tmp_path: Path) -> Path:
    path = tmp_path / "two.jsonl"
    lines = [{"text": ARTICLE, "title": "One"}, {"text": ARTICLE + "More.", "title": "Two"}]
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def test_several_html_reports_on_stdout_print_none(two_articles: Path) -> None:
    # the first page was printed before the usage error: exit 2 with half an answer
    result = unspin("analyze", two_articles, "-f", "html")
    assert result.returncode == 2
    assert "several HTML reports need --output DIR" in result.stderr
    assert result.stdout == ""


def test_one_html_report_on_stdout_is_printed(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = unspin("analyze", path, "-f", "html")
    assert result.returncode == 0, result.stderr
    assert result.stdout.lstrip().lower().startswith("<!doctype html>")


@pytest.mark.parametrize("names", ["", " , "])
def test_analyzers_naming_none_is_a_usage_error(tmp_path: Path, names: str) -> None:
    # it ran no analyzer and answered with an empty report and exit code 0
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = unspin("analyze", path, f"--analyzers={names}", "-f", "json")
    assert result.returncode == 2 and result.stdout == ""
    assert "--analyzers" in result.stderr and "unspin analyzers" in result.stderr


def test_a_three_letter_language_code_is_refused(tmp_path: Path) -> None:
    # 'eng' read as a language other than English: every analyzer skipped, exit code 0
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = unspin("analyze", path, "--language", "eng", "-f", "json")
    assert result.returncode == 2 and result.stdout == ""
    assert "'eng' is not an ISO 639-1 language code" in result.stderr
    config = tmp_path / "eng.toml"
    config.write_text('[pipeline]\nlanguage = "eng"\n', encoding="utf-8")
    configured = unspin("analyze", path, "--config", config, "-f", "json")
    assert configured.returncode == 2 and configured.stdout == ""
    assert (
        f"{config}: [pipeline] language: 'eng' is not an ISO 639-1 language code"
        in configured.stderr
    )
    regional = unspin("analyze", path, "--language", "en-GB", "-f", "json")
    assert regional.returncode == 0, regional.stderr
    assert json.loads(regional.stdout)["findings"]


@pytest.mark.parametrize("command", ["analyze", "claims"])
def test_a_missing_store_fails_once_before_any_text_is_read(tmp_path: Path, command: str) -> None:
    # each document failed on it (a warning and exit 1 per document), and the hint named
    # corpus ingest, not the commands that fill a store with fact-checks or evidence
    paths = []
    for n in range(3):
        paths.append(tmp_path / f"a{n}.txt")
        paths[-1].write_text(ARTICLE, encoding="utf-8")
    missing = tmp_path / "none.db"
    extra = ("--backbone", "fake") if command == "claims" else ()
    result = unspin(command, *paths, "--db", missing, *extra)
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert f"no unspin store at {missing}" in lines[0]
    assert "unspin factchecks import" in lines[0] and "unspin evidence add" in lines[0]
    assert not missing.exists()


@pytest.mark.parametrize(
    ("command", "hint"),
    [
        (("factchecks", "search", "budget"), "unspin factchecks import"),
        (("evidence", "search", "budget", "--backbone", "fake"), "unspin evidence add"),
    ],
)
def test_searching_a_missing_store_says_how_to_fill_it(
    tmp_path: Path, command: tuple[str, ...], hint: str
) -> None:
    missing = tmp_path / "none.db"
    result = unspin(*command, "--db", missing)
    assert result.returncode == 2
    assert f"no unspin store at {missing}" in result.stderr and hint in result.stderr
    assert "corpus ingest" not in result.stderr


def test_evidence_search_embeds_the_claim_as_the_store_does(tmp_path: Path) -> None:
    # without --backbone the claim was embedded by MiniLM and compared with the fake
    # encoder's vectors of the store: similarities that meant nothing, without a word
    trusted = tmp_path / "minutes.txt"
    trusted.write_text(
        "The council approved a budget of $48 million on February 25.\n\n"
        "About 150 residents attended the meeting, the clerk said.\n",
        encoding="utf-8",
    )
    db = tmp_path / "ev.db"
    added = unspin("evidence", "add", trusted, "--db", db, "--backbone", "fake")
    assert added.returncode == 0, added.stderr
    claim = "Nearly 300 residents attended the meeting"
    asked = unspin("evidence", "search", claim, "--db", db, "--backbone", "fake", "-f", "json")
    default = unspin("evidence", "search", claim, "--db", db, "-f", "json")
    assert asked.returncode == default.returncode == 0, default.stderr
    assert asked.stdout and default.stdout == asked.stdout


def test_a_web_address_is_named_whole_and_the_rest_is_analysed(tmp_path: Path) -> None:
    # it said "https:/news.example/budget: no such file or directory" (one slash lost)
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = unspin("analyze", "https://news.example/budget", path, "-f", "json", "-q")
    assert result.returncode == 1
    assert json.loads(result.stdout)["document"]["source"] == str(path)
    line = next(x for x in result.stderr.splitlines() if "news.example" in x)
    assert "https://news.example/budget: a web address" in line and "curl -o" in line


def test_evidence_add_names_a_bad_input_as_analyze_does(tmp_path: Path) -> None:
    # the lines read "unspin: empty.txt: EmptyInputError: empty input"
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    good = tmp_path / "minutes.txt"
    good.write_text("The council approved the budget on February 25.\n", encoding="utf-8")
    db = tmp_path / "ev.db"
    result = unspin("evidence", "add", good, empty, "--db", db, "--backbone", "fake")
    assert result.returncode == 1
    assert f"unspin: {empty}: empty input" in result.stderr.splitlines()
    assert "Error" not in result.stderr
    found = unspin("evidence", "search", "council budget", "--db", db, "--backbone", "fake")
    assert found.returncode == 0, found.stderr
    assert "minutes.txt" in found.stdout and "empty.txt" not in found.stdout


def test_a_config_running_no_analyzer_is_a_usage_error(tmp_path: Path) -> None:
    # [pipeline] analyzers = [] answered every document with an empty report, exit 0
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    config = tmp_path / "none.toml"
    config.write_text("[pipeline]\nanalyzers = []\n", encoding="utf-8")
    result = unspin("analyze", path, "--config", config, "-f", "json")
    assert result.returncode == 2 and result.stdout == ""
    assert f"{config}: [pipeline] analyzers names no analyzer" in result.stderr


def test_claims_says_why_a_german_text_has_none(tmp_path: Path) -> None:
    # "0 claim(s)" and nothing else: analyze said the claims analyzer skipped the language
    path = tmp_path / "de.txt"
    path.write_text(
        "Der Stadtrat hat am Dienstag mit sieben zu zwei Stimmen einen neuen Haushalt "
        "beschlossen. Die Bibliotheken bekommen weniger Geld, sagte die Stadträtin.\n",
        encoding="utf-8",
    )
    result = unspin("claims", path, "--backbone", "fake")
    assert result.returncode == 0, result.stderr
    assert f"unspin: {path} is in German (de): skipped" in result.stderr
    assert "--language en to force" in result.stderr


def test_a_clean_run_leaves_no_earlier_error_log(tmp_path: Path) -> None:
    # errors.jsonl of an earlier run stayed beside the new reports, as if they had failed
    out = tmp_path / "reports"
    empty, good = tmp_path / "empty.txt", tmp_path / "good.txt"
    empty.write_text("", encoding="utf-8")
    good.write_text(ARTICLE, encoding="utf-8")
    failed = unspin("analyze", empty, "-o", out, "-q")
    assert failed.returncode == 1 and (out / "errors.jsonl").is_file()
    clean = unspin("analyze", good, "-o", out, "-q")
    assert clean.returncode == 0, clean.stderr
    assert not (out / "errors.jsonl").exists()
    assert len(list(out.glob("good-*.json"))) == 1


@pytest.mark.parametrize(
    ("options", "said"),
    [
        (("--analyzers", "sources", "--techniques-threshold", "0.3"), "--techniques-threshold"),
        (("--analyzers", "claims", "--all-candidates"), "--all-candidates"),
    ],
)
def test_an_option_for_an_analyzer_that_does_not_run_is_refused(
    tmp_path: Path, options: tuple[str, ...], said: str
) -> None:
    # it was accepted and changed nothing: the user read the default findings as theirs
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    result = unspin("analyze", path, *options, "-f", "json")
    assert result.returncode == 2 and result.stdout == ""
    assert f"unspin: error: {said}:" in result.stderr and "techniques" in result.stderr
