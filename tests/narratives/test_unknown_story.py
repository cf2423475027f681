"""``unspin corpus narratives --story ID`` and ``GET /api/v1/narratives?story=ID`` with an
id the store has no story of: a one-line error (exit code 1) and a 404, as ``corpus
timeline --story`` and ``/api/v1/timeline?story=`` answer; they listed nothing ("no
stories", exit 0; an empty page). Invented text; the fake backbone."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from unspin.cli import main

TEXT = "The Elm Street bakery reopened on Monday after a fire closed it for two weeks.\n"


@pytest.fixture()
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    store, article = tmp_path / "corpus.db", tmp_path / "bakery.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["corpus", "ingest", str(article), "--db", str(store), "--backbone", "fake"]) == 0
    assert main(["corpus", "narratives", "--db", str(store)]) == 0  # story 1
    capsys.readouterr()
    return store


def test_the_command_line(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for command in ("narratives", "timeline"):
        assert main(["corpus", command, "--db", str(db), "--story", "99"]) == 1
        assert capsys.readouterr().err == f"unspin: error: no story 99 in {db}\n"
    assert main(["corpus", "narratives", "--db", str(db), "--story", "1", "--no-update"]) == 0
    assert "Elm Street bakery" in capsys.readouterr().out


def test_the_api(db: Path) -> None:
    pytest.importorskip("fastapi")
    from tests.web.conftest import base_settings, csrf_client
    from unspin.web import create_app

    with csrf_client(create_app(dataclasses.replace(base_settings(), db=str(db)))) as client:
        missing = client.get("/api/v1/narratives?story=99")
        assert missing.status_code == 404
        assert missing.headers["content-type"].startswith("application/problem+json")
        assert client.get("/api/v1/narratives?story=1").json()["total"] == 1
