"""A store given with ``--db`` that holds evidence passages, while the verdicts analyzer
does not run, is said in the log: else every claim reads "not verified" beside evidence
that settles it, and a new user takes that for the verdict (found by a new-user trial of
``unspin claims --db``)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from unspin.app import add_evidence, pipeline_config

_PASSAGE = "The Harbourton council closed nine schools in 2023 and opened two new ones.\n"


def _store(tmp_path: Path) -> str:
    source = tmp_path / "council-report.txt"
    source.write_text(_PASSAGE, encoding="utf-8")
    db = str(tmp_path / "evidence.db")
    add_evidence(db, [source], backbone="fake")
    return db


def test_evidence_without_the_verdicts_analyzer_is_said(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = _store(tmp_path)
    with caplog.at_level(logging.WARNING, logger="unspin"):
        pipeline_config(analyzers="claims,factchecks", backbone="fake", db=db)
    said = [r.getMessage() for r in caplog.records if "holds evidence passages" in r.message]
    assert len(said) == 1
    assert "--analyzers claims,factchecks,verdicts" in said[0]


def test_nothing_is_said_when_the_verdicts_analyzer_runs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    db = _store(tmp_path)
    with caplog.at_level(logging.WARNING, logger="unspin"):
        pipeline_config(analyzers="claims,verdicts", backbone="fake", db=db)
    assert not [r for r in caplog.records if "holds evidence passages" in r.message]
