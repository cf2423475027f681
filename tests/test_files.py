"""``unspin.files.write_atomic``: a file appears whole or not at all."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from unspin.files import write_atomic


def test_writes_the_whole_text_readable_by_all(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "report.md"
    with write_atomic(path) as fh:
        fh.write("line one\nline two\n")
    assert path.read_text(encoding="utf-8") == "line one\nline two\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert [p.name for p in path.parent.iterdir()] == ["report.md"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    path = tmp_path / "out.csv"
    path.write_text("old\n")
    with pytest.raises(RuntimeError), write_atomic(path, newline="") as fh:
        fh.write("half a file")
        raise RuntimeError("interrupted")
    assert path.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]


def test_without_make_parents_a_missing_folder_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError), write_atomic(tmp_path / "no" / "x.txt", make_parents=False):
        pass
    assert not (tmp_path / "no").exists()
