"""The exports read the store through its public SQL (sentences, links) and its
analyses: the same round trip from SQLite and PostgreSQL (PostgreSQL runs under CI)."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq

from tests.exports.conftest import FINDINGS, export, fill, stored
from unspin.pipeline import Pipeline
from unspin.store import open_store


def test_parquet_and_web_annotation_on_each_backend(
    store_url: str, export_pipeline: Pipeline, tmp_path: Path
) -> None:
    fill(store_url, export_pipeline)
    assert export(store_url, "parquet", "-o", str(tmp_path / "t")) == 0
    texts = {doc_id: text for doc_id, (text, _) in stored(store_url).items()}
    findings = pq.read_table(tmp_path / "t" / "findings.parquet").to_pylist()
    sentences = pq.read_table(tmp_path / "t" / "sentences.parquet").to_pylist()
    assert len(findings) == FINDINGS
    for row in [*findings, *sentences]:
        assert texts[row["document_id"]][row["start"] : row["end"]] == row["text"]
    with open_store(store_url) as store:
        assert len(sentences) == store.stats().sentences
    assert pq.read_table(tmp_path / "t" / "links.parquet").num_rows == 1
    out = tmp_path / "a.jsonld"
    assert export(store_url, "webannotation", "-o", str(out)) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["total"] == FINDINGS
