"""``unspin corpus timeline`` end to end: the real command line over a real SQLite store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.store.test_upgrade import unspin
from tests.timelines.conftest import TEXTS
from unspin.app import timelines

#: A text whose sentence would run as a spreadsheet formula if written as is.
FORMULA = ("2025-06-20", '=HYPERLINK("http://x.example") was posted on June 18, 2025.')


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("timeline")
    lines = []
    for name, (published, text) in {**TEXTS, "formula": FORMULA}.items():
        row = {"text": text, "title": name, "url": f"https://{name}.example/a"}
        if published:
            row["published"] = published
        lines.append(json.dumps(row))
    inputs = folder / "texts.jsonl"
    inputs.write_text("\n".join(lines) + "\n", encoding="utf-8")
    path = folder / "corpus.db"
    result = unspin(
        "corpus",
        "ingest",
        inputs,
        "--db",
        path,
        "--analyzers",
        "sources,claims,timelines",
        "--progress",
        "never",
    )
    assert result.returncode == 0, result.stderr
    return path


def _timeline(db: Path, *more: str) -> dict[str, Any]:
    result = unspin("corpus", "timeline", "--db", db, "-f", "json", *more)
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_json_lists_dated_events_in_order_with_the_conflict(db: Path) -> None:
    data = _timeline(db)
    events = data["events"]
    assert isinstance(events, list)
    dates = [e["date"] for e in events]
    assert "2025-06-04" in dates and "2025-06-18" in dates and "2021-05" in dates
    assert dates == sorted(dates)  # ISO strings of these dates sort as their days do
    assert data["conflicts"] == 1
    (conflict,) = [e for e in events if e["conflict"]]
    assert {d["date"] for d in conflict["dates"]} == {"2025-06-12", "2025-06-13"}
    assert [e["mentions"][0]["anchor"]["text"] for e in data["undated"]] == ["Saturday"]


def test_one_document(db: Path) -> None:
    every = _timeline(db)
    doc = next(
        m["document_id"] for e in every["events"] for m in e["mentions"] if m["title"] == "third"
    )
    data = _timeline(db, "--document", doc)
    titles = {m["title"] for e in data["events"] for m in e["mentions"]}
    assert titles == {"third"}
    missing = unspin("corpus", "timeline", "--db", db, "--document", "nope")
    assert missing.returncode != 0 and "no document 'nope'" in missing.stderr


def test_csv_rows_per_mention_with_formulas_quoted(db: Path) -> None:
    result = unspin("corpus", "timeline", "--db", db, "-f", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {"event", "event_date", "date_text", "start", "end", "sentence"} <= set(rows[0])
    formula = [r for r in rows if r["title"] == "formula"]
    assert formula and all(r["sentence"].startswith("'=HYPERLINK") for r in formula)
    assert not any(v.startswith(("=", "+", "@")) for r in rows for v in r.values() if v)
    assert any(r["conflict"] == "True" for r in rows)


def test_text_output(db: Path) -> None:
    result = unspin("corpus", "timeline", "--db", db)
    assert result.returncode == 0, result.stderr
    assert "conflicting dates: 2025-06-12" in result.stdout
    assert '"Saturday" (unresolved)' in result.stdout


def test_the_timeline_of_a_set_of_sentences(db: Path) -> None:
    """What a narrative calls: the timeline of its claims' sentences only."""
    every = timelines.corpus_timeline(str(db))
    (conflict,) = every.conflicts
    spans = [(m.document_id, m.sentence_start, m.sentence_end) for m in conflict.mentions]
    narrowed = timelines.corpus_timeline(str(db), spans=spans)
    assert len(narrowed.events) == 1 and narrowed.events[0].conflict
    docs = sorted({m.document_id for m in conflict.mentions})
    some = timelines.corpus_timeline(str(db), documents=docs)
    assert {m.document_id for e in some.events for m in e.mentions} == set(docs)
    assert len(some.events) < len(every.events)


def test_filters_narrow_the_documents(db: Path) -> None:
    titles = {
        m["title"]
        for e in _timeline(db, "--outlet", "third.example")["events"]
        for m in e["mentions"]
    }
    assert titles == {"third"}
    later = _timeline(db, "--since", "2025-06-10")
    assert {m["title"] for e in later["events"] for m in e["mentions"]} == {"third", "formula"}
