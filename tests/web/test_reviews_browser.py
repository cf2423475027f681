"""Marking a finding in headless Chromium against a live server: set a name once, open a
finding, mark it wrong with a note (hostile HTML, shown as text), rate a claim; the marks
are stored, listed, and still there (with the name) after a reload. Uses Debian's Chromium
through tests/browser.py (skips without it, fails under CI) and web-core's seeded
``live_server``."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from tests.browser import launch_browser

from unspin import app as unspin_app
from unspin.web import ServeSettings

pytestmark = pytest.mark.browser

#: A note that would run if it were ever inserted as HTML.
NOTE = '<img src=x onerror="window.__pwned = 1"> the vote was 6 to 3'


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch_browser() as b:
        yield b


def test_mark_a_finding_and_rate_a_claim(
    browser: Any, live_server: str, seeded_settings: ServeSettings
) -> None:
    with unspin_app.opened_store(seeded_settings.db) as store:
        analysis = next(
            a for a in store.iter_analyses() if a.document.url == "https://gazette.example/bridge"
        )
    doc_id = analysis.document.id
    index, claim = next(
        (i, f) for i, f in enumerate(analysis.findings) if f.kind == "claim" and "7 to 2" in f.text
    )
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{live_server}/documents/{doc_id}")

    page.fill("#review [data-review-name] input", "Ana Ruiz")
    page.click("#review [data-review-name] button")
    assert page.text_content("#review [data-review-who] strong") == "Ana Ruiz"

    def open_finding() -> Any:
        layer = page.evaluate(
            f"JSON.parse(document.getElementById('unspin-data').textContent).findings[{index}].layer"
        )
        page.check(f'input[name="unspin-layer"][value="{layer}"]')  # the claims layer
        page.eval_on_selector_all("#findings details", "ds => ds.forEach(d => { d.open = true; })")
        page.click(f'#findings .fi[data-fi="{index}"]')
        tools = page.locator(f'#details-body .review-tools[data-finding="{claim.id}"]')
        tools.wait_for()
        return tools

    tools = open_finding()
    tools.locator("textarea").fill(NOTE)
    tools.locator('button[data-verdict="wrong"]').click()
    page.wait_for_function(
        "() => document.querySelector('[data-review-status]').textContent === 'Marked wrong.'"
    )
    assert "wrong" in page.text_content("#review [data-review-list]")
    tools.locator("select").select_option("2")
    tools.locator('input[name="rating"]').fill("Misleading")
    tools.locator("button[data-rate]").click()
    page.wait_for_function(
        "() => document.querySelector('[data-review-status]').textContent === 'Rated 2/5.'"
    )

    stored = unspin_app.document_reviews(seeded_settings.db, doc_id)
    (mark,) = stored.marks
    assert mark.item.to_dict()["verdict"] == "wrong" and mark.item.reviewer == "Ana Ruiz"
    assert mark.item.note == NOTE and mark.anchoring.finding is not None
    (rating,) = stored.ratings
    assert rating.item.to_dict()["rating"] == "Misleading"

    page.reload()  # the name stays (localStorage); the marks are listed again
    page.wait_for_function(
        "() => document.querySelectorAll('#review [data-review-list] li').length === 2"
    )
    assert page.text_content("#review [data-review-who] strong") == "Ana Ruiz"
    tools = open_finding()
    assert tools.locator("[data-review-marks] li").count() == 2
    assert NOTE in page.text_content("#review [data-review-list]")  # shown as text
    assert page.evaluate("window.__pwned") is None
    assert errors == []
    context.close()


def test_a_name_typed_before_the_reviews_load_is_kept(
    browser: Any, live_server: str, seeded_settings: ServeSettings
) -> None:
    """The stored reviews arrive after the reader began typing a name (a slow server): the
    name box keeps what was typed, and setting it works (it once cleared the box)."""
    with unspin_app.opened_store(seeded_settings.db) as store:
        doc_id = next(iter(store.iter_analyses())).document.id
    context = browser.new_context()
    page = context.new_page()
    held: list[Any] = []

    def hold(route: Any) -> None:  # the GET of the stored reviews waits until a name is typed
        held.append(route)

    page.route("**/api/v1/documents/*/reviews", hold)
    page.goto(f"{live_server}/documents/{doc_id}")
    page.fill("#review [data-review-name] input", "Ana Ruiz")
    while not held:
        page.wait_for_timeout(20)
    held[0].continue_()
    page.wait_for_load_state("networkidle")
    assert page.input_value("#review [data-review-name] input") == "Ana Ruiz"
    page.click("#review [data-review-name] button")
    assert page.text_content("#review [data-review-who] strong") == "Ana Ruiz"
    context.close()
