"""``unspin corpus export --what reviews`` and ``unspin corpus reviews`` (in process,
SQLite store)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from tests.reviews.conftest import ARTICLE, EDITED, URL
from unspin import app
from unspin.cli import main
from unspin.model import Document
from unspin.pipeline import Pipeline
from unspin.report.audited import AUDITED
from unspin.store import ingest, open_store

CLAIM_PRECISION = round(AUDITED["claim"].precision, 4)


@pytest.fixture
def db(tmp_path: Path, pipeline: Pipeline) -> Path:
    """A store with two versions of an article: a mark on a claim that survives, and one
    on a sentence the edit removed (an orphan in the new version only)."""
    path = tmp_path / "corpus.db"
    old, new = Document(text=ARTICLE, url=URL), Document(text=EDITED, url=URL)
    with open_store(path) as store:
        ingest(store, [old, new], pipeline=pipeline)
        analysis = store.get_analysis(old.id)
    claims = {f.text[:10]: f.id for f in analysis.findings if f.kind == "claim"}
    app.add_review_mark(path, old.id, claims["Mayor Ilsa"], "correct", reviewer="ana")
    app.add_review_mark(path, old.id, claims["The school"], "wrong", reviewer="ana", note="-1")
    app.add_claim_rating(path, old.id, claims["Mayor Ilsa"], 4, reviewer="ana")
    return path


def test_export_reviews_as_csv(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "reviews.csv"
    assert (
        main(
            ["corpus", "export", "--what", "reviews", "-f", "csv", "-o", str(out), "--db", str(db)]
        )
        == 0
    )
    assert "exported 3 review marks and ratings" in capsys.readouterr().err
    rows = list(csv.DictReader(out.open(encoding="utf-8", newline="")))
    assert [r["type"] for r in rows] == ["mark", "mark", "rating"]
    assert rows[1]["note"] == "'-1" and rows[2]["scale"] == "4"


def test_export_reviews_as_json_lines_to_stdout(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["corpus", "export", "--what", "reviews", "--db", str(db)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 3 and all(x["current"]["state"] == "anchored" for x in lines)


def test_reviews_summary_and_orphans(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["corpus", "reviews", "--db", str(db), "-f", "json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["marks"] == 2 and summary["ratings"] == 1 and summary["orphans"] == 0
    total = next(k for k in summary["kinds"] if k["label"] == "*")
    assert total == {
        "kind": "claim",
        "label": "*",
        "marks": 2,
        "correct": 1,
        "wrong": 1,
        "precision": 0.5,
        "orphans": 0,
        "audited_precision": CLAIM_PRECISION,  # unspin's own audit (report.audited)
    }
    assert main(["corpus", "reviews", "--db", str(db)]) == 0
    text = capsys.readouterr().out
    assert "claim" in text and "0.500" in text
    assert main(["corpus", "reviews", "--orphans", "--db", str(db)]) == 0
    assert "no orphaned marks" in capsys.readouterr().err
