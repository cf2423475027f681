"""The workbench in headless Chromium against a live server on a free loopback port:
paste and analyse, search, filters, an ingest job followed to the end (server-sent
events, then polling), the token wall, and hostile article text that must execute
nothing. Every request to a host other than the server is aborted and recorded; each
test fails if one was attempted.

Uses Debian's Chromium through tests/browser.py (skips without it, fails under CI) and
the seeded store of tests/web/conftest.py.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from tests.browser import launch_browser
from tests.web.conftest import free_port, serve_live

from unspin import app as unspin_app
from unspin.corpus.audited import is_experimental
from unspin.web import ServeSettings, create_app

pytestmark = pytest.mark.browser

LOOPBACK = {"127.0.0.1", "localhost"}
#: Collects Content-Security-Policy violations in every document (runs before the page's
#: scripts; an escaped payload needs no CSP to be blocked, so there must be none).
WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + e.blockedURI);
});
"""

#: Payloads that set window.__pwned (or load an outside image) if they ever run.
HOSTILE_TEXT = (
    "Hostile sample\n\n"
    "The mayor said the plan is <script>window.__pwned = 1</script> very good. "
    'Critics claimed <img src="http://evil.example/p.png" onerror="window.__pwned = 2"> '
    "that it clearly failed. "
    '"It was <a href="javascript:window.__pwned = 3">click me</a>," the spokesperson said. '
    "Officials reportedly wrote javascript:window.__pwned=4 in [a link](javascript:alert(4)). "
    '<svg onload="window.__pwned = 5"></svg> <iframe src="javascript:window.__pwned=6"></iframe>'
)
HOSTILE_TITLE = '<script>window.__pwned = 7</script><img src=x onerror="window.__pwned = 8">'
HOSTILE_URL = "javascript:window.__pwned = 9"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch_browser() as b:
        yield b


class Page:
    """A browser page bound to a live server, recording console errors and the requests
    that tried to leave loopback."""

    def __init__(self, chromium: Any, base: str, width: int = 1280) -> None:
        self.base = base
        self.outside: list[str] = []
        self.console: list[str] = []
        self.context = chromium.new_context(viewport={"width": width, "height": 900})
        self.context.route("**/*", self._route)
        self.context.add_init_script(WATCH)
        self.pg = self.context.new_page()
        self.pg.set_default_timeout(30_000)
        self.pg.on("console", lambda m: self.console.append(m.text) if m.type == "error" else None)
        self.pg.on("pageerror", lambda e: self.console.append(str(e)))

    def _route(self, route: Any) -> None:
        if urlsplit(route.request.url).hostname in LOOPBACK:
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def goto(self, path: str) -> Any:
        return self.pg.goto(self.base + path)

    def assert_inert(self) -> None:
        """Nothing ran, nothing needed the CSP, nothing left loopback."""
        assert self.pg.evaluate("window.__pwned") is None
        assert self.pg.evaluate("window.__csp") == []
        assert self.pg.locator('[href^="javascript:" i], [src^="javascript:" i]').count() == 0
        assert not [m for m in self.console if "Content Security Policy" in m]
        assert self.outside == []

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def page(browser: Any, live_server: str) -> Iterator[Page]:
    p = Page(browser, live_server)
    yield p
    p.close()
    assert p.outside == [], f"requests left loopback: {p.outside}"


def test_paste_and_analyse_shows_highlights(page: Page) -> None:
    page.goto("/")
    page.pg.fill(
        "#text", 'The council said the bridge "may reopen soon," Mayor Ana Ruiz told reporters.'
    )
    page.pg.fill("#title", "Bridge note")
    page.pg.click("#paste-form button[type=submit]")
    page.pg.wait_for_url("**/analyses/**")
    assert "Bridge note" in page.pg.locator("h1").first.inner_text()
    marks = page.pg.locator("main mark")
    assert marks.count() > 0
    assert page.console == []
    page.assert_inert()


def test_search_returns_a_hit(page: Page) -> None:
    page.goto("/corpus")
    page.pg.fill("#q", "rust")
    page.pg.select_option("#mode", "keyword")
    page.pg.press("#q", "Enter")
    page.pg.wait_for_url("**/corpus?**")
    results = page.pg.locator("#results li")
    assert results.count() >= 1
    assert "Bridge repairs delayed" in results.first.inner_text()
    results.first.locator("a.title").click()
    page.pg.wait_for_url("**/documents/**")
    assert "Bridge repairs delayed" in page.pg.locator("h1").first.inner_text()


def test_a_filter_narrows_the_list(page: Page) -> None:
    page.goto("/corpus")
    rows = page.pg.locator("#documents tbody tr")
    assert rows.count() == 3
    page.pg.select_option("#outlet", "Valley Courier")
    page.pg.click("form[role=search] button[type=submit]")
    page.pg.wait_for_url("**outlet=Valley+Courier**")
    assert rows.count() == 1
    assert "Bridge repairs delayed" in rows.first.inner_text()
    page.goto("/corpus?since=2026-04-01")
    assert rows.count() == 2


def _ingest(page: Page, files: list[dict[str, Any]]) -> Any:
    page.goto("/jobs")
    page.pg.set_input_files("#job-files", files=files)
    page.pg.click("#job-form button[type=submit]")
    job = page.pg.locator("#jobs .job").first
    job.locator(".status").wait_for()
    page.pg.wait_for_selector('#jobs .job[data-status="done"]', timeout=60_000)
    return job


def _md(name: str, title: str, body: str) -> dict[str, Any]:
    text = f"---\ntitle: {title}\noutlet: Test Wire\n---\n\n{body}\n"
    return {"name": name, "mimeType": "text/markdown", "buffer": text.encode()}


def test_an_ingest_job_shows_progress_to_done(page: Page) -> None:
    files = [
        _md("a.md", "Harbour ferry returns", "The harbour ferry returned to service on Tuesday."),
        _md("b.md", "Ferry fares rise", "Ferry fares will rise by 10 percent, officials said."),
    ]
    job = _ingest(page, files)
    assert "2 of 2" in job.inner_text()
    bar = job.locator("progress")
    assert bar.get_attribute("value") == bar.get_attribute("max") or bar.evaluate(
        "b => b.value === b.max"
    )
    page.goto("/corpus?q=ferry&mode=keyword")
    assert "Harbour ferry returns" in page.pg.locator("#results").inner_text()


def test_job_progress_falls_back_to_polling(page: Page) -> None:
    page.context.route("**/events", lambda route: route.abort())
    job = _ingest(page, [_md("c.md", "Tram line opens", "The new tram line opened today.")])
    assert "1 of 1" in job.inner_text()


def test_token_wall_redirects_to_login(browser: Any, seeded_settings: ServeSettings) -> None:
    token = "a-long-test-token-0123456789"
    port = free_port()
    settings = ServeSettings(
        db=seeded_settings.db, backbone="fake", host="127.0.0.1", port=port, token=token
    )
    with serve_live(create_app(settings), port) as base:
        page = Page(browser, base)
        try:
            page.goto("/corpus")
            page.pg.wait_for_url("**/login**")
            page.pg.fill("#token", "wrong-token-wrong-token")
            page.pg.click("form[action='/login'] button[type=submit]")
            assert "/login" in page.pg.url
            page.pg.fill("#token", token)
            page.pg.click("form[action='/login'] button[type=submit]")
            page.pg.wait_for_url("**/corpus")
            assert page.pg.locator("#documents tbody tr").count() == 3
            assert page.outside == []
        finally:
            page.close()


def test_hostile_article_text_executes_nothing(page: Page, tmp_path: Path) -> None:
    page.goto("/")
    page.pg.fill("#text", HOSTILE_TEXT)
    page.pg.fill("#title", HOSTILE_TITLE)
    page.pg.fill("#url", HOSTILE_URL)
    page.pg.click("#paste-form button[type=submit]")
    page.pg.wait_for_url("**/analyses/**")
    assert "<script>window.__pwned = 7</script>" in page.pg.locator("h1").first.inner_text()
    assert "window.__pwned = 1" in page.pg.locator("main").inner_text()
    for mark in page.pg.locator("main mark").all()[:10]:
        mark.click()
    page.assert_inert()

    record = {
        "title": HOSTILE_TITLE,
        "url": HOSTILE_URL,
        "outlet": "<b>Evil</b>",
        "text": HOSTILE_TEXT,
    }
    line = json.dumps(record).encode()
    _ingest(page, [{"name": "evil.jsonl", "mimeType": "application/json", "buffer": line}])
    page.assert_inert()
    page.goto("/corpus")
    link = page.pg.locator("#documents a", has_text="window.__pwned = 7")
    assert link.count() == 1
    page.assert_inert()
    link.click()
    page.pg.wait_for_url("**/documents/**")
    page.assert_inert()
    page.goto("/corpus?q=spokesperson&mode=keyword")
    assert page.pg.locator("#results li").count() >= 1
    page.assert_inert()


#: A fourth document that restates the first one's quote with other wording.
DRIFTED = {
    "title": "Bridge repairs to cost 9 million, city says",
    "outlet": "Metro Daily",
    "published": "2026-04-12",
    "text": "Bridge repairs to cost 9 million, city says\n\n"
    "The city council voted 5 to 4 on Monday to repair the old river bridge. "
    '"The bridge will reopen in June," said Mayor Ana Ruiz. '
    "Repairs will cost 9 million dollars, according to the city budget office.",
}


@pytest.fixture()
def linked_server(seeded_settings: ServeSettings, tmp_path: Path) -> Iterator[str]:
    """The seeded store plus :data:`DRIFTED` (not compared yet), served live."""
    source = tmp_path / "drifted.jsonl"
    source.write_text(json.dumps(DRIFTED) + "\n", encoding="utf-8")
    config = unspin_app.pipeline_config(backbone="fake")
    unspin_app.ingest_paths(seeded_settings.db, [source], config)
    port = free_port()
    settings = ServeSettings(db=seeded_settings.db, backbone="fake", port=port)
    with serve_live(create_app(settings), port) as url:
        yield url


def test_links_show_titles_dates_and_outlets(browser: Any, linked_server: str) -> None:
    page = Page(browser, linked_server)
    try:
        page.goto("/links?view=quotes&experimental=1")  # quote drift: audited under 0.8
        assert page.pg.locator("article.pair").count() == 0
        page.pg.get_by_role("button", name="Compare new documents").click()
        page.pg.wait_for_url("**compared=4**experimental=1**")
        pair = page.pg.locator("article.pair").first
        text = pair.inner_text()
        for shown in ("Council approves the river bridge repairs", DRIFTED["title"]):
            assert shown in text
        assert "Metro Daily" in text and "2026-04-12" in text
        assert "reopen in June" in pair.locator("mark").last.inner_text()
        pair.get_by_role("link", name=DRIFTED["title"]).click()
        page.pg.wait_for_url("**/documents/**")
        if is_experimental("quote_drift"):  # the document page names it, and lists it on demand
            assert "Not listed: quote_drift" in page.pg.locator(".doc-links").inner_text()
            page.pg.get_by_role("link", name="List them").first.click()
            page.pg.wait_for_url("**experimental=1**")
        links = page.pg.locator(".doc-links")
        assert "Council approves the river bridge repairs" in links.inner_text()
        assert "This document" in links.inner_text()
        page.assert_inert()
        if is_experimental("quote_drift"):  # the default listing names what it leaves out
            page.goto("/links?view=quotes")
            assert page.pg.locator("article.pair").count() == 0
            note = page.pg.get_by_role("note").inner_text()
            assert "Not listed" in note and "quote_drift: audited precision" in note
            page.pg.get_by_role("link", name="List them too").click()
            page.pg.wait_for_url("**experimental=1**")
            assert page.pg.locator("article.pair").count() >= 1
    finally:
        page.close()


def test_pages_fit_a_phone_print_and_work_by_keyboard(browser: Any, live_server: str) -> None:
    page = Page(browser, live_server, width=375)
    try:
        page.goto("/")
        page.pg.keyboard.press("Tab")
        assert page.pg.evaluate("document.activeElement.textContent") == "Skip to content"
        page.pg.keyboard.press("Enter")
        assert page.pg.evaluate("document.activeElement.id") == "main"
        page.pg.fill("#text", "Officials said the bridge may reopen in May.")
        page.pg.focus("#text")
        page.pg.keyboard.press("Tab")
        page.pg.keyboard.press("Tab")
        page.pg.keyboard.press("Tab")
        page.pg.keyboard.press("Enter")
        page.pg.wait_for_url("**/analyses/**")
        paths = ["/corpus", "/corpus?q=bridge&mode=keyword", "/links", "/factchecks?q=bridge"]
        paths += ["/evidence", "/jobs", "/outlets", "/timeline", "/narratives"]
        paths.append(urlsplit(page.pg.url).path)
        page.goto("/corpus")
        paths.append(page.pg.locator("#documents a").first.get_attribute("href"))
        for path in paths:
            page.goto(path)
            width = page.pg.evaluate("document.documentElement.scrollWidth")
            assert width <= 375, f"{path} is {width} px wide at 375"
        page.pg.emulate_media(media="print")
        assert not page.pg.locator("header.site").is_visible()
        assert page.pg.locator("main h1").first.is_visible()
        page.assert_inert()
    finally:
        page.close()


def test_a_file_is_analysed_and_a_bad_one_explained(page: Page) -> None:
    page.goto("/")
    note = _md("note.md", "Ferry note", 'The ferry "will run again in May," officials said.')
    page.pg.set_input_files("#file", files=[note])
    page.pg.click("#file-form button[type=submit]")
    page.pg.wait_for_url("**/analyses/**")
    assert "Ferry note" in page.pg.locator("h1").first.inner_text()
    page.goto("/")
    binary = {"name": "x.txt", "mimeType": "text/plain", "buffer": b"\x00\x01\x02" * 200}
    page.pg.set_input_files("#file", files=[binary])
    page.pg.click("#file-form button[type=submit]")
    alert = page.pg.locator("#file-form [data-result]")
    alert.wait_for(state="visible")
    # the server's alert naming the file and what is wrong, not the page's first paragraph
    assert alert.inner_text().startswith("x.txt: looks like binary data")
    assert page.pg.locator("#file-form button").is_enabled()
    page.assert_inert()


def test_factchecks_are_imported_from_the_page(page: Page) -> None:
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://checkers.example/ferry",
        "claimReviewed": 'The ferry carries <img src=x onerror="window.__pwned = 10"> 900 cars.',
        "headline": "No, the ferry does not carry 900 cars",
        "datePublished": "2026-02-03",
        "author": {"@type": "Organization", "name": "Example Checks"},
        "reviewRating": {"@type": "Rating", "alternateName": "False"},
    }
    page.goto("/factchecks")
    upload = {
        "name": "ferry.json",
        "mimeType": "application/json",
        "buffer": json.dumps(review).encode(),
    }
    page.pg.set_input_files("#fc-files", files=[upload])
    page.pg.click("form[data-api-upload] button[type=submit]")
    page.pg.locator("[data-result]", has_text="Done").wait_for(timeout=60_000)
    assert "added 1" in page.pg.locator("[data-result]").inner_text()
    page.goto("/factchecks?q=ferry+cars")
    result = page.pg.locator("#results li").first
    assert "onerror" in result.inner_text() and "False" in result.inner_text()
    page.assert_inert()


def test_evidence_is_added_from_the_page_and_found(page: Page) -> None:
    page.goto("/evidence")
    doc = _md(
        "audit.md",
        "Ferry audit <script>window.__pwned = 11</script>",
        "The audit found that the harbour ferry carried 640 cars a day in 2025.",
    )
    page.pg.set_input_files("#ev-files", files=[doc])
    page.pg.click("form[data-api-upload] button[type=submit]")
    page.pg.locator("[data-result]", has_text="Done").wait_for(timeout=60_000)
    page.goto("/evidence?q=ferry+cars+a+day")
    result = page.pg.locator("#results li").first
    assert "640 cars a day" in result.inner_text()
    assert "<script>" in result.locator(".title").inner_text()
    page.assert_inert()
