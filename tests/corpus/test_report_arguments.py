"""``unspin corpus report`` with neither document ids nor ``--all`` says what to give (it
said "give document ids or --all (not both)", as if both had been given)."""

from __future__ import annotations

from pathlib import Path

import pytest

from unspin.cli import main


def test_neither_ids_nor_all(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, out = tmp_path / "corpus.db", tmp_path / "reports"
    assert main(["corpus", "report", "-o", str(out), "--db", str(db), "--no-link"]) == 2
    err = capsys.readouterr().err
    assert "give the ids of the documents to report on, or --all" in err
    assert "not both" not in err and "corpus search" in err


def test_ids_and_all(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, out = tmp_path / "corpus.db", tmp_path / "reports"
    args = ["corpus", "report", "5f0c1d2e3a4b5c6d", "--all", "-o", str(out), "--db", str(db)]
    assert main([*args, "--no-link"]) == 2
    assert "give document ids or --all, not both" in capsys.readouterr().err
