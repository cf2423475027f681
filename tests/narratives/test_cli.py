"""``unspin corpus narratives`` on the invented corpus, ingested through the real command
line (spaCy + MiniLM, the claims analyzer) into a real SQLite store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.narratives.corpus import ARTICLES, FIRE, RACE, url, write_feed
from unspin.cli import main

NAMES = tuple(a[0] for a in ARTICLES)


def _ingest(db: Path, feed: Path) -> None:
    assert main(["corpus", "ingest", str(feed), "--db", str(db), "--analyzers", "claims"]) == 0


def _narratives(db: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> list[Any]:
    capsys.readouterr()
    assert main(["corpus", "narratives", "--db", str(db), "-f", "json", *extra]) == 0
    out: list[Any] = json.loads(capsys.readouterr().out)
    return out


@pytest.fixture(scope="module")
def stores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The corpus in one batch (``one``) and in three batches clustered after each
    (``three``: the clusters are read after each batch)."""
    base = tmp_path_factory.mktemp("narratives")
    one = base / "one.db"
    _ingest(one, write_feed(base / "all.jsonl"))
    three = base / "three.db"
    for i, names in enumerate((NAMES[:2], NAMES[2:5], NAMES[5:])):
        _ingest(three, write_feed(base / f"part{i}.jsonl", names))
        assert main(["corpus", "narratives", "--db", str(three), "-f", "json"]) == 0
    return {"one": one, "three": three}


def _by_url(stories: list[Any]) -> dict[str, Any]:
    """name -> (story id, {claim text: narrative id})."""
    out = {}
    for s in stories:
        for d in s["documents"]:
            name = d["url"].split("//")[1].split(".")[0]
            claims = {
                c["text"]: n["id"]
                for n in s["narratives"]
                for c in n["claims"]
                if c["document_id"] == d["id"]
            }
            out[name] = (s["id"], claims)
    return out


def test_stories_separate_the_two_events(
    stores: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    placed = _by_url(_narratives(stores["one"], capsys))
    assert set(placed) == set(NAMES)
    fire = {placed[n][0] for n in FIRE}
    race = {placed[n][0] for n in RACE}
    assert len(fire) == 1 and len(race) == 1 and fire != race


def test_headline_only_documents_take_part(
    stores: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    placed = _by_url(_narratives(stores["one"], capsys))
    for name in ("fire-headline", "race-headline"):
        assert len(placed[name][1]) == 1, placed[name]
    # the headline's claim shares its narrative with a full article's claim
    headline = next(iter(placed["fire-headline"][1].values()))
    assert headline in placed["fire-2"][1].values()


def test_the_denial_is_another_narrative_of_the_same_story(
    stores: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    stories = _narratives(stores["one"], capsys)
    placed = _by_url(stories)
    story, denial = placed["fire-denial"]
    assert story == placed["fire-2"][0]
    (denied,) = denial.values()
    claimed = next(n for t, n in placed["fire-2"][1].items() if "caused the fire" in t)
    assert denied != claimed
    polarity = {n["id"]: n["polarity"] for s in stories for n in s["narratives"]}
    assert polarity[denied] == "negative" and polarity[claimed] == "positive"


def _partition(stories: list[Any]) -> tuple[set[frozenset[str]], set[frozenset[str]]]:
    docs = {frozenset(d["url"] for d in s["documents"]) for s in stories}
    claims = {
        frozenset(f"{c['document_id']}:{c['finding_id']}" for c in n["claims"])
        for s in stories
        for n in s["narratives"]
    }
    return docs, claims


def test_three_batches_give_the_clusters_of_one(
    stores: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    one = _narratives(stores["one"], capsys, "--no-update")
    three = _narratives(stores["three"], capsys, "--no-update")
    assert _partition(one) == _partition(three)
    assert [n["name"] for s in one for n in s["narratives"]] == [
        n["name"] for s in three for n in s["narratives"]
    ]


def test_json_shape(stores: dict[str, Path], capsys: pytest.CaptureFixture[str]) -> None:
    stories = _narratives(stores["one"], capsys)
    assert {s["size"] for s in stories} == {4, 3}  # largest first
    assert [s["size"] for s in stories] == [4, 3]
    story = stories[0]
    assert set(story) >= {"id", "title", "size", "outlets", "first_seen", "last_seen",
                          "documents", "narratives"}  # fmt: skip
    assert story["first_seen"] == "2025-03-04" and story["last_seen"] == "2025-03-12"
    doc = story["documents"][0]
    assert set(doc) >= {"id", "url", "outlet", "published", "title", "first_sentence"}
    assert doc["url"] == url("fire-1") and doc["outlet"] == "north-gazette.example"
    narrative = story["narratives"][0]
    assert set(narrative) >= {
        "id", "name", "polarity", "claims", "documents", "outlets", "first_seen",
        "last_seen", "growth", "techniques", "source_types", "factchecks",
    }  # fmt: skip
    assert narrative["name"] in {c["text"] for c in narrative["claims"]}
    assert sum(g["count"] for g in narrative["growth"]) == len(narrative["claims"])
    claim = narrative["claims"][0]
    assert set(claim) >= {"document_id", "finding_id", "text", "start", "end", "outlet", "date"}


def test_text_output_and_a_rerun_adds_nothing(
    stores: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert main(["corpus", "narratives", "--db", str(stores["one"])]) == 0
    out = capsys.readouterr()
    assert "Story " in out.out and "narrative" in out.out
    assert "clustered" not in out.err  # nothing new since the last run


def test_other_thresholds_need_a_rebuild(
    stores: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    db = stores["one"]
    assert main(["corpus", "narratives", "--db", str(db), "--story-threshold", "0.9"]) == 2
    assert "--rebuild" in capsys.readouterr().err
