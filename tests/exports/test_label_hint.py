"""``corpus export -f webannotation|brat|labelstudio|parquet --label X`` that exports no
finding says so, and when X is a finding kind, that --kind takes kinds: ``--label quote``
exported nothing without a word. Invented text; the fake backbone."""

from __future__ import annotations

from pathlib import Path

import pytest

from unspin.cli import main


@pytest.fixture()
def db(pier_db: Path) -> Path:
    return pier_db


def test_a_label_that_exports_nothing(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    base = ["corpus", "export", "--what", "findings", "-f", "webannotation", "--db", str(db)]
    assert main([*base, "--label", "quote"]) == 0
    err = capsys.readouterr().err
    assert "no finding with the label 'quote' was exported" in err
    assert "'quote' is a kind: use --kind" in err
    assert main([*base, "--label", "nmaed_person"]) == 0
    err = capsys.readouterr().err
    assert "no finding with the label 'nmaed_person' was exported" in err and "--kind" not in err
    assert main([*base, "--label", "named_person"]) == 0
    assert "no finding with the label" not in capsys.readouterr().err
