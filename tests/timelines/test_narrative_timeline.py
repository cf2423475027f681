"""Timelines per narrative and per story: ``unspin corpus timeline --narrative/--story``,
each narrative's ``timeline`` in ``unspin corpus narratives -f json``, and ``narrative=`` /
``story=`` on ``/timeline`` and ``/api/v1/timeline``. The store: the invented corpus of
tests/narratives/corpus.py (two events), ingested and clustered through the command line."""

from __future__ import annotations

import contextlib
import dataclasses
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.narratives.corpus import ARTICLES, url, write_feed
from tests.web.conftest import base_settings, csrf_client
from unspin.cli import main
from unspin.web import create_app

TEXTS = {url(name): text for name, _, _, text in ARTICLES}


@pytest.fixture(scope="module")
def clustered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Any]]:
    """The store, and its stories as ``corpus narratives -f json`` lists them."""
    base = tmp_path_factory.mktemp("narrative-timeline")
    db = base / "corpus.db"
    feed = write_feed(base / "feed.jsonl")
    assert main(["corpus", "ingest", str(feed), "--db", str(db), "--analyzers", "claims"]) == 0
    stories = _json(db, "narratives")  # clusters, then lists
    return db, stories


def _json(db: Path, command: str, *more: str) -> Any:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["corpus", command, "--db", str(db), "-f", "json", *more]) == 0
    return json.loads(out.getvalue())


def _texts(stories: list[Any]) -> dict[str, str]:
    """document id -> its text."""
    return {d["id"]: TEXTS[d["url"]] for s in stories for d in s["documents"]}


def _narratives(stories: list[Any]) -> list[Any]:
    return [n for s in stories for n in s["narratives"]]


def _inside(document_id: str, start: int, end: int, claims: list[Any]) -> bool:
    """Whether the date written at ``start:end`` lies in one of the narrative's claims."""
    return any(
        c["document_id"] == document_id and c["start"] <= start < end <= c["end"] for c in claims
    )


def test_a_narratives_timeline_holds_only_its_claims_events(
    clustered: tuple[Path, list[Any]],
) -> None:
    db, stories = clustered
    texts = _texts(stories)
    every = _json(db, "timeline")
    seen = 0
    for narrative in _narratives(stories):
        data = _json(db, "timeline", "--narrative", str(narrative["id"]))
        mentions = [m for e in data["events"] + data["undated"] for m in e["mentions"]]
        for m in mentions:
            anchor = m["anchor"]
            inside = _inside(m["document_id"], anchor["start"], anchor["end"], narrative["claims"])
            assert inside, (narrative["name"], m)
            assert texts[m["document_id"]][anchor["start"] : anchor["end"]] == anchor["text"]
        seen += len(mentions)
        # the same events as in the narratives listing's own compact timeline
        compact = [(e["date"], e["what"]) for e in narrative["timeline"]]
        assert compact == [(e["date"], e["what"]) for e in data["events"]]
    every_mentions = [m for e in every["events"] for m in e["mentions"]]
    assert 0 < seen <= len(every_mentions)
    # one document's claims are split between narratives: each keeps only its own dates
    fire = next(n for n in _narratives(stories) if n["name"].startswith("A fire broke out"))
    assert [e["date"] for e in fire["timeline"]] == ["2025-03-04"]
    assert [m["text"] for m in fire["timeline"][0]["mentions"]] == ["Tuesday night"]
    # found by its claim, not its name: which of its claims names it depends on the
    # sentence vectors ("The blaze injured three workers on Tuesday." may be the more central)
    hurt = next(
        n
        for n in _narratives(stories)
        if any(c["text"] == "Three workers were hurt." for c in n["claims"])
    )
    assert all(m["text"] != "Tuesday night" for e in hurt["timeline"] for m in e["mentions"])


def test_the_race_narrative_merges_its_two_reports(clustered: tuple[Path, list[Any]]) -> None:
    _, stories = clustered
    race = next(n for n in _narratives(stories) if "Lindqvist" in n["name"])
    (event,) = race["timeline"]
    assert event["date"] == "2025-03-02" and event["precision"] == "day"
    assert event["conflict"] is False and event["conflict_note"] is None
    texts = _texts(stories)
    assert len({m["document_id"] for m in event["mentions"]}) == 2
    for m in event["mentions"]:
        assert texts[m["document_id"]][m["start"] : m["end"]] == m["text"] == "Sunday"


def test_a_storys_timeline_holds_its_documents_events(clustered: tuple[Path, list[Any]]) -> None:
    db, stories = clustered
    for story in stories:
        data = _json(db, "timeline", "--story", str(story["id"]))
        ids = {d["id"] for d in story["documents"]}
        docs = {m["document_id"] for e in data["events"] for m in e["mentions"]}
        assert docs and docs <= ids


def test_unknown_ids_are_one_line_errors(
    clustered: tuple[Path, list[Any]], capsys: pytest.CaptureFixture[str]
) -> None:
    db, _ = clustered
    for option, name in (("--narrative", "narrative"), ("--story", "story")):
        capsys.readouterr()
        assert main(["corpus", "timeline", "--db", str(db), option, "999"]) == 1
        err = capsys.readouterr().err.strip()
        assert err.startswith(f"unspin: error: no {name} 999 in ") and "\n" not in err


def test_no_timelines_leaves_them_out(clustered: tuple[Path, list[Any]]) -> None:
    db, _ = clustered
    stories = _json(db, "narratives", "--no-update", "--no-timelines")
    assert all("timeline" not in n for n in _narratives(stories))


@pytest.fixture()
def client(clustered: tuple[Path, list[Any]]) -> Iterator[TestClient]:
    settings = dataclasses.replace(base_settings(), db=str(clustered[0]))
    with csrf_client(create_app(settings)) as c:
        yield c


def test_web_links_each_narrative_to_its_timeline(
    clustered: tuple[Path, list[Any]], client: TestClient
) -> None:
    _, stories = clustered
    race = next(n for n in _narratives(stories) if "Lindqvist" in n["name"])
    listing = client.get("/narratives", params={"min_documents": 1}).text
    for n in _narratives(stories):
        assert f'href="/timeline?narrative={n["id"]}"' in listing
    for s in stories:
        assert f'href="/timeline?story={s["id"]}"' in listing
    page = client.get("/timeline", params={"narrative": race["id"]})
    assert page.status_code == 200
    assert f"Timeline: narrative {race['id']}" in page.text and "2025-03-02" in page.text
    events = page.text[page.text.index('id="timeline-events"') :]
    assert "2025-03-02" in events and "2025-03-04" not in events  # the fire's: not its own
    assert f'href="/api/v1/timeline?narrative={race["id"]}"' in page.text
    api = client.get("/api/v1/timeline", params={"narrative": race["id"]}).json()
    assert [e["date"] for e in api["events"]] == ["2025-03-02"]
    story = client.get("/api/v1/timeline", params={"story": race["story"]}).json()
    assert [e["date"] for e in story["events"]] == ["2025-03-02"]
    for param in ("narrative", "story"):
        missing = client.get("/api/v1/timeline", params={param: 999})
        assert missing.status_code == 404
        assert missing.headers["content-type"].startswith("application/problem+json")
        assert f"no {param} '999'" in missing.json()["detail"]
        page = client.get("/timeline", params={param: 999})
        assert page.status_code == 404 and f"no {param} 999" in page.text
