"""The timeline page and ``/api/v1/timeline`` over the seeded store."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient


def test_api_timeline_lists_dated_events_in_order(seeded_client: TestClient) -> None:
    response = seeded_client.get("/api/v1/timeline")
    assert response.status_code == 200, response.text
    data = response.json()
    dates = [e["date"] for e in data["events"]]
    assert "2026-03-02" in dates and "2026-09" in dates  # "on Monday", "before September"
    firsts = [d[:7] for d in dates]
    assert firsts == sorted(firsts)
    mention = data["events"][0]["mentions"][0]
    assert {"start", "end", "text"} <= set(mention["anchor"])


def test_api_timeline_of_one_document_and_an_unknown_one(seeded_client: TestClient) -> None:
    every = seeded_client.get("/api/v1/timeline").json()
    doc = every["events"][0]["mentions"][0]["document_id"]
    one = seeded_client.get("/api/v1/timeline", params={"document": doc}).json()
    assert one["events"] and all(
        m["document_id"] == doc for e in one["events"] for m in e["mentions"]
    )
    missing = seeded_client.get("/api/v1/timeline", params={"document": "f" * 40})
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith("application/problem+json")


def test_timeline_page_shows_the_svg_chart(seeded_client: TestClient) -> None:
    page = seeded_client.get("/timeline")
    assert page.status_code == 200
    html = page.text
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="timeline-chart"' in html
    assert 'href="/timeline" aria-current="page"' in html
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert "<script" not in svg and "style=" not in svg
    assert not re.search(r"<script[^>]*src=[\"']?https?:", html)
    assert "2026-03-02" in html


def test_timeline_page_filters_by_document(seeded_client: TestClient) -> None:
    doc = seeded_client.get("/api/v1/timeline").json()["events"][0]["mentions"][0]
    page = seeded_client.get("/timeline", params={"document": doc["document_id"]})
    assert page.status_code == 200
    assert f'value="{doc["document_id"]}" selected' in page.text
    assert "Timeline: " in page.text
    missing = seeded_client.get("/timeline", params={"document": "nope"})
    assert missing.status_code == 404 and "no document" in missing.text


@pytest.mark.browser
def test_timeline_page_in_a_browser_breaks_no_policy(live_server: str) -> None:
    from tests.browser import launch_browser
    from tests.web.test_browser import Page

    with launch_browser() as browser:
        page = Page(browser, live_server)
        try:
            page.goto("/timeline")
            assert page.pg.locator("svg.timeline-chart").count() == 1
            assert page.pg.locator("svg.timeline-chart circle").count() >= 3
            page.pg.select_option("#document", index=1)
            page.pg.click("form.filters button[type=submit]")
            page.pg.wait_for_url("**/timeline?document=*")
            assert page.pg.locator("h1").inner_text() == "Timeline"
            page.assert_inert()
            assert page.console == []
        finally:
            page.close()


def test_a_long_timeline_is_cut_with_a_note(
    seeded_client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    from unspin.web.pages import timelines as page

    monkeypatch.setattr(page, "EVENTS_SHOWN", 2)
    html = seeded_client.get("/timeline").text
    assert "The 2 earliest of" in html
    assert html.count('class="tl-event') == 2
