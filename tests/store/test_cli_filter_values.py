"""``unspin corpus search`` and ``export`` refuse a finding kind, technique or source type
that no analyzer produces (one line naming the option and the values it takes, exit code
2), as /api/v1 does with a 422; a misspelt filter ('quotes', 'anonymus') silently matched
nothing. Invented text; the fake backbone."""

from __future__ import annotations

from pathlib import Path

import pytest

from unspin.cli import main


@pytest.fixture()
def db(pier_db: Path) -> Path:
    return pier_db


@pytest.mark.parametrize(
    ("command", "option", "value", "listed"),
    [
        (["search", "pier"], "--kind", "quotes", "quote"),
        (["search", "pier"], "--source-type", "anonymus", "anonymous"),
        (["search", "pier"], "--technique", "loaded_language", "Loaded_Language"),
        (["export", "--what", "findings"], "--kind", "quotes", "quote"),
    ],
)
def test_an_unknown_filter_value_is_refused(
    db: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    option: str,
    value: str,
    listed: str,
) -> None:
    capsys.readouterr()
    with pytest.raises(SystemExit) as exited:  # argparse's usage error
        main(["corpus", *command, "--db", str(db), option, value])
    assert exited.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert f"argument {option}: unknown" in err and repr(value) in err and listed in err


def test_a_known_filter_value_still_filters(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["corpus", "search", "pier", "--db", str(db), "--kind", "quote"]) == 0
    assert "Ines Moll" in capsys.readouterr().out
