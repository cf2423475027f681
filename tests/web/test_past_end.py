"""A corpus page opened past the end of its listing (an old link, an offset typed by hand)
says so and links the first page; it said the store held nothing ("No documents", "No
stories yet", "No stored document names its outlet yet"). A filter that matches nothing
says to clear the filters, not to ingest articles; a link listing whose stored links are
all of experimental kinds left out does not say none is stored. The seeded store of
tests/web."""

from __future__ import annotations

import json
from pathlib import Path

from fastapi.testclient import TestClient

from unspin import app as unspin_app
from unspin.corpus.audited import is_experimental
from unspin.web import ServeSettings

PAGE = {"accept": "text/html"}


def test_corpus_past_the_end(seeded_client: TestClient) -> None:
    page = seeded_client.get("/corpus?offset=980", headers=PAGE)
    assert page.status_code == 200
    assert "No documents on this page: it starts after the last one" in page.text
    assert '<a href="/corpus">First page</a>' in page.text
    assert "Ingest articles" not in page.text
    search = seeded_client.get("/corpus?q=bridge&mode=keyword&offset=980", headers=PAGE)
    assert "No sentences on this page" in search.text
    assert "Nothing matches" not in search.text
    assert 'href="/corpus?q=bridge&amp;mode=keyword">First page</a>' in search.text
    first = seeded_client.get("/corpus", headers=PAGE)
    assert "Documents 1–3 of 3" in first.text and "past-end" not in first.text


def test_corpus_filter_that_matches_nothing(seeded_client: TestClient) -> None:
    page = seeded_client.get("/corpus?outlet=Nobody+Times", headers=PAGE)
    assert "No documents match these filters" in page.text
    assert '<a href="/corpus">Clear the filters</a>' in page.text
    assert "Ingest articles" not in page.text


def test_outlets_past_the_end(seeded_client: TestClient) -> None:
    page = seeded_client.get("/outlets?offset=980", headers=PAGE)
    assert "No outlets on this page" in page.text
    assert "No stored document names its outlet yet" not in page.text


def test_narratives_past_the_end_and_too_large(seeded_client: TestClient) -> None:
    assert seeded_client.post("/narratives/cluster", data={"period": "day"}).status_code < 400
    past = seeded_client.get("/narratives?min_documents=1&offset=980", headers=PAGE)
    assert "No stories on this page" in past.text
    assert 'href="/narratives?min_documents=1&amp;period=day">First page</a>' in past.text
    assert "No stories yet" not in past.text
    large = seeded_client.get("/narratives?min_documents=10", headers=PAGE)
    assert "No story of 10 documents or more" in large.text
    assert "No stories yet" not in large.text


def test_links_past_the_end(
    seeded_settings: ServeSettings, seeded_client: TestClient, tmp_path: Path
) -> None:
    passage = (
        "The harbour crane fell into the water on Tuesday night after a cable snapped, and "
        "divers spent the whole of Wednesday bringing its cabin back to the quay."
    )
    feed = tmp_path / "copies.jsonl"
    feed.write_text(
        "".join(
            json.dumps({"text": f"{lead} {passage}", "outlet": outlet, "published": day}) + "\n"
            for lead, outlet, day in [
                ("Port news.", "quay.example", "2026-06-01"),
                ("From the wires.", "wire.example", "2026-06-02"),
            ]
        ),
        encoding="utf-8",
    )
    config = unspin_app.pipeline_config(backbone="fake")
    unspin_app.ingest_paths(seeded_settings.db, [feed], config)
    unspin_app.link_corpus(seeded_settings.db)
    listing = seeded_client.get("/api/v1/links?view=propagation&experimental=true").json()
    assert listing["total"] > 0, "two copies of one passage make a link to page past"
    page = seeded_client.get("/links?view=propagation&experimental=1&offset=980", headers=PAGE)
    assert "No links on this page" in page.text
    assert "No links of this kind stored" not in page.text
    if is_experimental("propagation"):  # stored, but left out by default: not "none stored"
        default = seeded_client.get("/links?view=propagation", headers=PAGE)
        assert "No links of the kinds listed here" in default.text
        assert "No links of this kind stored" not in default.text
