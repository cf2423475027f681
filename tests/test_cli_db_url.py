"""Store URLs for an absolute path: ``sqlite:////ABS`` (four slashes) and the path alone
open the store; ``sqlite:///`` with three slashes is relative to the current folder, and
when that names no store but the absolute path does, the error says how to write it (a new
user wrote ``sqlite:///tmp/c.db`` for /tmp/c.db and read 'no unspin store at tmp/c.db')."""

from __future__ import annotations

from pathlib import Path

from tests.test_cli import unspin


def test_an_absolute_store_path_takes_four_slashes_or_none(pier_db: Path, tmp_path: Path) -> None:
    assert pier_db.is_absolute()
    for url in (f"sqlite:///{pier_db}", str(pier_db)):  # sqlite:/// + /abs: four slashes
        result = unspin("corpus", "stats", "--db", url, "-f", "json", cwd=tmp_path)
        assert result.returncode == 0, (url, result.stderr)
        assert '"documents": 1' in result.stdout


def test_three_slashes_for_an_absolute_path_say_how_to_write_it(
    pier_db: Path, tmp_path: Path
) -> None:
    relative = str(pier_db)[1:]
    result = unspin("corpus", "stats", "--db", f"sqlite:///{relative}", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"unspin: error: no unspin store at {relative} (sqlite:/// takes a path relative to "
        f"the current folder; for {pier_db} write sqlite:///{pier_db} (four slashes) or the "
        "path alone)"
    )
