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
