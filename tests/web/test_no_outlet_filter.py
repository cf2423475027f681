"""Documents stored without an outlet are counted as "(none)" (``corpus stats``,
/api/v1/documents/facets, the /corpus page's outlet list), and that name now selects them
as a filter: it matched nothing, so the page offered an outlet that always showed "No
documents match these filters". The seeded store of tests/web plus one invented text
with no outlet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from unspin import app as unspin_app
from unspin.cli import main
from unspin.web import ServeSettings

TEXT = "The Elm Street ferry ran late on Monday because of fog, the harbour office said."


def test_documents_without_an_outlet(
    seeded_settings: ServeSettings,
    seeded_client: TestClient,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    note = tmp_path / "ferry.txt"
    note.write_text(TEXT, encoding="utf-8")
    unspin_app.ingest_paths(seeded_settings.db, [note], unspin_app.pipeline_config(backbone="fake"))
    facets = seeded_client.get("/api/v1/documents/facets").json()
    assert {"name": "(none)", "documents": 1} in facets["outlets"]
    page = seeded_client.get("/corpus?outlet=%28none%29", headers={"accept": "text/html"})
    assert "Documents 1–1 of 1" in page.text and "No documents match" not in page.text
    listed = seeded_client.get("/api/v1/documents?outlet=%28none%29").json()
    assert [d["source"] for d in listed["items"]] == [str(note)]
    capsys.readouterr()
    db = str(seeded_settings.db)
    args = ["corpus", "search", "ferry fog", "--outlet", "(none)", "--db", db]
    assert main([*args, "-f", "json", "--mode", "keyword"]) == 0
    hits = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert hits and {h["outlet"] for h in hits} == {None}
