"""``unspin evidence add`` and ``unspin evidence search``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.evidence.conftest import EVIDENCE, FIXTURES
from unspin.cli import main


def test_add_then_search(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "evidence.db")
    assert main(["evidence", "add", str(EVIDENCE), "--db", db, "--backbone", "fake"]) == 0
    err = capsys.readouterr().err
    assert "3 document(s) added" in err and "0 error(s)" in err

    # idempotent: the same documents again are skipped
    assert main(["evidence", "add", str(EVIDENCE), "--db", db, "--backbone", "fake"]) == 0
    assert "0 document(s) added (0 passages), 3 already stored" in capsys.readouterr().err

    code = main(
        ["evidence", "search", "ferry tickets to Carrow Island", "--db", db, "--backbone", "fake",
         "-n", "2", "-f", "json"]
    )  # fmt: skip
    assert code == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 2
    assert lines[0]["title"] == "Ferry timetable notice"
    assert {"document_id", "start", "end", "text", "similarity", "score"} <= set(lines[0])


def test_bad_files_are_one_line_each_and_the_rest_is_added(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "evidence.db")
    bad = FIXTURES / "bad-records.jsonl"
    missing = tmp_path / "missing.md"
    code = main(
        ["evidence", "add", str(bad), str(missing), str(EVIDENCE), "--db", db,
         "--backbone", "fake", "--batch-size", "1"]
    )  # fmt: skip
    assert code == 1
    err = capsys.readouterr().err.splitlines()
    assert "3 document(s) added" in err[0]
    errors = [line for line in err if line.startswith("unspin: ")]
    assert len(errors) == 2
    assert str(missing) in errors[1] and "Traceback" not in "".join(err)


def test_search_on_a_missing_store_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["evidence", "search", "x", "--db", str(tmp_path / "none.db"), "--backbone", "fake"]
    )
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("unspin: error:") and len(err.strip().splitlines()) == 1


def test_verdicts_over_a_store_without_evidence_say_so_and_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    """A store that holds fact-checks but no evidence passages: every claim is not
    verified because there is nothing to read, not because no passage was similar; the
    log says so once, and each verdict says how to add evidence."""
    db = str(tmp_path / "checks.db")
    checks = tmp_path / "checks.csv"
    checks.write_text("claim,rating\nThe Carrow ferry carries 900 people.,False\n", "utf-8")
    assert main(["factchecks", "import", str(checks), "--db", db, "--backbone", "fake"]) == 0
    capsys.readouterr()
    code = main(
        ["analyze", str(FIXTURES / "article.txt"), "--analyzers", "claims,verdicts",
         "--db", db, "--backbone", "fake", "-f", "json"]
    )  # fmt: skip
    assert code == 0
    out, err = capsys.readouterr()
    verdicts = [f for f in json.loads(out)["findings"] if f["kind"] == "verdict"]
    assert verdicts and all(f["label"] == "not verified" for f in verdicts)
    for f in verdicts:
        detail = f["explanation"]["detail"]
        assert f"the evidence store {db} holds no passages" in detail
        assert f"unspin evidence add PATH... --db {db}" in detail
        assert "similar enough" not in detail
    warnings = [r for r in caplog.records if "holds no passages" in r.getMessage()]
    assert len(warnings) == 1 and "Traceback" not in err


def test_searches_of_a_store_that_holds_none_say_so_and_how_to_add(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'unspin factchecks search' on a store of evidence only (and 'evidence search' on one
    of fact-checks only) says the store holds none and the command that adds them; a
    search that finds nothing among stored ones says how many it searched."""
    db = str(tmp_path / "evidence.db")
    assert main(["evidence", "add", str(EVIDENCE), "--db", db, "--backbone", "fake", "-q"]) == 0
    capsys.readouterr()
    assert main(["factchecks", "search", "ferry tickets", "--db", db]) == 0
    err = capsys.readouterr().err.strip()
    assert err == (
        f"unspin: {db} holds no fact-checks: add some with "
        f"'unspin factchecks import FILE... --db {db}'"
    )
    checks = tmp_path / "checks.csv"
    checks.write_text("claim,rating\nThe Carrow ferry carries 900 people.,False\n", "utf-8")
    other = str(tmp_path / "checks.db")
    assert main(["factchecks", "import", str(checks), "--db", other, "--backbone", "fake"]) == 0
    assert main(["factchecks", "search", "zebra", "--db", other]) == 0
    assert capsys.readouterr().err.strip().endswith("unspin: no results (1 fact-check(s) searched)")
    assert main(["evidence", "search", "ferry", "--db", other, "--backbone", "fake"]) == 0
    err = capsys.readouterr().err.strip()
    assert err == (
        f"unspin: {other} holds no evidence passages: add some with "
        f"'unspin evidence add PATH... --db {other}'"
    )


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_claims_as_json_cite_the_passages_of_a_verdict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    """'unspin claims -f json|jsonl' with the verdicts analyzer writes each cited passage
    with its slot checks (it was a TypeError traceback: the checks were read-only
    mappings that JSON could not write)."""
    db = str(tmp_path / "evidence.db")
    assert main(["evidence", "add", str(EVIDENCE), "--db", db, "--backbone", "fake", "-q"]) == 0
    capsys.readouterr()
    code = main(
        ["claims", str(FIXTURES / "article.txt"), "--analyzers", "claims,verdicts", "--db", db,
         "--backbone", "fake", "-f", fmt]
    )  # fmt: skip
    assert code == 0
    out = capsys.readouterr().out
    lines = [json.loads(x) for x in out.splitlines()] if fmt == "jsonl" else []
    claims = json.loads(out)["claims"] if fmt == "json" else lines
    [cited] = [c for c in claims if c["verdict"] == "supported"]
    [passage] = cited["passages"]
    assert "4 million euros" in passage["text"] and passage["stance"] == "supports"
    assert isinstance(passage["checks"], list) and passage["checks"]


def test_a_claim_the_verdicts_analyzer_skipped_is_not_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A claim under the check-worthiness threshold was never weighed: 'unspin claims'
    says "not checked" and how to weigh it, not "not verified" as if the evidence had
    been read; without the verdicts analyzer every claim stays "not verified"."""
    db = str(tmp_path / "evidence.db")
    assert main(["evidence", "add", str(EVIDENCE), "--db", db, "--backbone", "fake", "-q"]) == 0
    capsys.readouterr()
    article = str(FIXTURES / "article.txt")
    args = ["--db", db, "--backbone", "fake", "-f", "json"]
    assert main(["claims", article, "--analyzers", "claims,verdicts", *args]) == 0
    claims = json.loads(capsys.readouterr().out)["claims"]
    skipped = [c for c in claims if not c["checkworthy"]]
    assert skipped and all(c["verdict"] == "not checked" for c in skipped)
    assert all("checkworthy_only = false" in c["verdict_detail"] for c in skipped)
    weighed = [c for c in claims if c["checkworthy"]]
    assert {c["verdict"] for c in weighed} == {"supported", "not verified"}
    assert main(["claims", article, "--analyzers", "claims,factchecks", *args]) == 0
    claims = json.loads(capsys.readouterr().out)["claims"]
    assert {c["verdict"] for c in claims} == {"not verified"}


def test_the_claims_table_shows_each_cited_passage_and_why_none_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A fact-checker reads in the table which passage a verdict rests on (its document,
    offsets, stance and reason, its words), not a count of them, and why a claim is not
    verified (what was looked at) or not checked."""
    db = str(tmp_path / "evidence.db")
    assert main(["evidence", "add", str(EVIDENCE), "--db", db, "--backbone", "fake", "-q"]) == 0
    capsys.readouterr()
    code = main(
        ["claims", str(FIXTURES / "article.txt"), "--analyzers", "claims,verdicts", "--db", db,
         "--backbone", "fake"]
    )  # fmt: skip
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    supported = next(i for i, line in enumerate(lines) if " supported " in line)
    cited = lines[supported + 1].strip()
    assert cited.startswith("evidence: Millbrook council minutes, March 2023 (chars ")
    assert "supports (covers the claim): The Millbrook town council approved" in cited
    for label in ("not verified", "not checked"):
        row = next(i for i, line in enumerate(lines) if f" {label} " in line)
        assert lines[row + 1].strip().startswith("why: "), lines[row : row + 2]
    assert not any("cited passage(s)" in line for line in lines)
