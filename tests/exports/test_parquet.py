"""``corpus export -f parquet -o DIR``: the documents, sentences, findings and links
tables read back with pyarrow; finding and sentence offsets slice the document text to
their text; counts equal the store's."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.exports.conftest import FINDINGS, export, stored
from unspin.exports.parquet import COLUMNS
from unspin.store import open_store


def _rows(folder: Path, name: str) -> list[dict[str, object]]:
    table = pq.read_table(folder / f"{name}.parquet")
    assert table.column_names == [c for c, _ in COLUMNS[name]]
    rows: list[dict[str, object]] = table.to_pylist()
    return rows


def test_four_tables_round_trip(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "tables"
    assert export(db, "parquet", "-o", str(folder)) == 0
    assert f"exported {FINDINGS} findings of 4 documents (parquet)" in capsys.readouterr().err
    assert sorted(p.name for p in folder.iterdir()) == [
        "documents.parquet",
        "findings.parquet",
        "links.parquet",
        "sentences.parquet",
    ]
    expected = stored(db)
    documents = {r["id"]: r for r in _rows(folder, "documents")}
    assert set(documents) == set(expected)
    texts = {doc_id: str(r["text"]) for doc_id, r in documents.items()}
    assert texts == {doc_id: text for doc_id, (text, _) in expected.items()}

    findings = _rows(folder, "findings")
    assert len(findings) == FINDINGS
    for row in findings:
        text = texts[str(row["document_id"])]
        assert text[int(row["start"]) : int(row["end"])] == row["text"]  # type: ignore[call-overload]
        (stored_finding,) = [f for f in expected[str(row["document_id"])][1] if f.id == row["id"]]
        assert (row["kind"], row["label"], row["score"]) == (
            stored_finding.kind,
            stored_finding.label,
            stored_finding.score,
        )
        assert json.loads(str(row["attributes"])) == stored_finding.to_dict()["attributes"]
        assert row["why"]

    sentences = _rows(folder, "sentences")
    with open_store(db) as store:
        assert len(sentences) == store.stats().sentences
        links = list(store.iter_links())
    for row in sentences:
        text = texts[str(row["document_id"])]
        assert text[int(row["start"]) : int(row["end"])] == row["text"]  # type: ignore[call-overload]
    assert [
        (r["kind"], r["source_finding"], r["target_finding"]) for r in _rows(folder, "links")
    ] == [(link.kind, link.source_finding, link.target_finding) for link in links]


def test_filters_narrow_every_table(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "harbor"
    assert (
        export(db, "parquet", "--outlet", "Harbor Ledger", "--kind", "date", "-o", str(folder)) == 0
    )
    documents = _rows(folder, "documents")
    assert {r["outlet"] for r in documents} == {"Harbor Ledger"} and len(documents) == 2
    findings = _rows(folder, "findings")
    assert {r["kind"] for r in findings} == {"date"} and len(findings) == 3
    assert {r["document_id"] for r in _rows(folder, "sentences")} == {r["id"] for r in documents}
    assert len(_rows(folder, "links")) == 1  # the link from the first article


def test_without_pyarrow_the_extra_is_named(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow raises ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    assert export(db, "parquet", "-o", str(tmp_path / "t")) == 3
    err = capsys.readouterr().err.strip()
    assert err == (
        "unspin: error: this feature needs the optional package 'pyarrow' "
        "(pip install 'unspin[exports]')"
    )
    assert not (tmp_path / "t").exists()
