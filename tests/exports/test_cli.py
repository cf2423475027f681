"""Bad input to the standard formats of ``corpus export``: one-line errors, exit 2."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.exports.conftest import export
from unspin import app
from unspin.cli import main
from unspin.cli.exports import STANDARD_FORMATS


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def test_the_cli_knows_every_format_of_the_application() -> None:
    assert STANDARD_FORMATS == app.STANDARD_FORMATS


@pytest.mark.parametrize("fmt", ["brat", "parquet"])
def test_a_folder_format_needs_an_output_folder(
    db: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(db, fmt) == 2
    assert (
        _error(capsys) == f"unspin: error: -f {fmt} writes a folder of files: give it with -o DIR"
    )


def test_a_folder_format_refuses_a_file(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "x").write_text("")
    assert export(db, "brat", "-o", str(tmp_path / "x")) == 2
    assert "is a file" in _error(capsys)


def test_an_unknown_format_is_a_usage_error(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        export(db, "conll")
    assert exc.value.code == 2
    assert "invalid choice: 'conll'" in capsys.readouterr().err


def test_claimreview_needs_a_reviewer(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert export(db, "claimreview") == 2
    assert "--reviewer ORG" in _error(capsys)
    assert capsys.readouterr().out == ""


def test_options_of_other_formats_are_refused(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(db, "brat", "--reviewer", "ana", "-o", str(tmp_path / "b")) == 2
    assert _error(capsys) == "unspin: error: --reviewer applies to -f claimreview only"
    assert main(["corpus", "export", "--label", "numeric", "--db", str(db)]) == 2
    assert "--label applies to -f webannotation" in _error(capsys)
    assert not (tmp_path / "b").exists()


def test_an_unknown_document(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert export(db, "labelstudio", "--document", "0000") == 1  # not found, as a story
    assert _error(capsys).startswith("unspin: error: no document '0000' in ")


def test_a_missing_parent_folder(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export(db, "webannotation", "-o", str(tmp_path / "nope" / "a.jsonld")) == 2
    assert _error(capsys).startswith("unspin: error: cannot write ")


@pytest.mark.parametrize("fmt", ["webannotation", "brat", "parquet"])
def test_an_output_that_cannot_be_written(
    db: Path, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file over a folder (webannotation), a folder under a file (brat, parquet)."""
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("")
    target = tmp_path / "folder" if fmt == "webannotation" else tmp_path / "file" / "out"
    assert export(db, fmt, "-o", str(target)) == 2
    assert _error(capsys).startswith(f"unspin: error: cannot write {target}: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file", "folder"]
    assert list((tmp_path / "folder").iterdir()) == []
