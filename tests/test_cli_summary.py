"""The end-of-run summary of ``unspin analyze``: a document with no quotation or
attribution has no share of anonymous ones ('-'), not 0% (found by a trust-and-safety
batch trial, where one-word posts read as wholly on the record)."""

from __future__ import annotations

from pathlib import Path

import pytest

from unspin.cli import main


def _row(out: str, name: str) -> list[str]:
    (line,) = [line for line in out.splitlines() if line.startswith(name)]
    return line.split()


def test_a_document_without_statements_has_no_anonymous_share(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "word.txt").write_text("Liar\n")
    (tmp_path / "said.txt").write_text("Officials said the ferry would sail on Friday.\n")
    rc = main(["analyze", str(tmp_path), "-o", str(tmp_path / "out"), "--backbone", "fake"])
    assert rc == 0
    out = capsys.readouterr().out
    assert _row(out, "word.txt")[1:3] == ["0", "-"]
    quotes, anon = _row(out, "said.txt")[1:3]
    assert quotes == "1" and anon == "100%"
