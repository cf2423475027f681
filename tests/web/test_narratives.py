"""Stories and narratives on the web: /narratives (inline SVG growth, no inline style or
script; a button clusters the new documents) and /api/v1/narratives. The store: the
invented corpus of tests/narratives/corpus.py, ingested through the command line."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from tests.narratives.corpus import FIRE, write_feed
from tests.web.conftest import base_settings, csrf_client

from unspin.cli import main
from unspin.web import create_app


@pytest.fixture(scope="module")
def narratives_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("web-narratives")
    db = base / "corpus.db"
    feed = write_feed(base / "feed.jsonl")
    assert main(["corpus", "ingest", str(feed), "--db", str(db), "--analyzers", "claims"]) == 0
    return db


@pytest.fixture()
def narratives_client(narratives_db: Path) -> Iterator[TestClient]:
    settings = dataclasses.replace(base_settings(), db=str(narratives_db))
    with csrf_client(create_app(settings)) as c:
        yield c


def test_cluster_from_the_page_then_read_stories(narratives_client: TestClient) -> None:
    before = narratives_client.get("/narratives")
    assert before.status_code == 200
    assert "7 stored documents not clustered yet" in before.text
    assert 'href="/narratives" aria-current="page"' in before.text
    done = narratives_client.post("/narratives/cluster", data={"period": "day"})
    assert done.status_code == 200  # followed the 303 to the listing
    html = done.text
    assert "Clustered 7 documents: 2 new stories" in html
    assert "not clustered yet" not in html
    assert "Latest run (run 1): 7 documents" in html and "New narrative" in html
    assert html.count('<li id="story-') == 2  # both stories have two documents or more
    assert html.count("<svg") >= 2 and 'class="bar"' in html
    assert 'class="side negative"' in html  # the denial, a narrative of its own
    assert 'href="/static/narratives.css"' in html
    assert " style=" not in html and "<style" not in html and "<script>" not in html
    assert narratives_client.get("/static/narratives.css").status_code == 200
    week = narratives_client.get("/narratives?period=week&min_documents=1")
    assert re.search(r"2025-W1\d: \d", week.text)

    api = narratives_client.get("/api/v1/narratives", params={"limit": 1})
    assert api.status_code == 200
    body = api.json()
    assert body["total"] == 2 and body["waiting"] == 0 and body["next_offset"] == 1
    (story,) = body["items"]
    assert story["size"] == len(FIRE)
    sides = {n["polarity"] for n in story["narratives"]}
    assert sides == {"positive", "negative"}
    narrative = story["narratives"][0]
    assert narrative["name"] in {c["text"] for c in narrative["claims"]}
    assert sum(g["count"] for g in narrative["growth"]) == len(narrative["claims"])


def test_bad_filters_are_problems(narratives_client: TestClient) -> None:
    r = narratives_client.get("/api/v1/narratives", params={"period": "month"})
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("application/problem+json")
