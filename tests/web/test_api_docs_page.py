"""The API reference page in a real browser (Debian's Chromium through tests/browser.py:
skips without it, fails under CI): api-docs.js renders every endpoint and schema of
openapi.json under the strict CSP, with no console error."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from tests.browser import launch_browser

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch_browser() as b:
        yield b


def test_the_reference_renders_endpoints_and_schemas(browser: Any, live_server: str) -> None:
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(f"{live_server}/api/v1/docs")
        page.wait_for_selector("#api-docs[data-rendered='true']", timeout=15000)
        headings = page.locator("#api-docs section.endpoint h3").all_inner_texts()
        text = "\n".join(headings)
        for path in ("/api/v1/analyze", "/api/v1/documents/{document_id}", "/api/v1/search"):
            assert path in text
        assert page.locator("#schema-DocumentOut").count() == 1
        assert page.locator("#api-toc a").count() >= 12
        # the limit parameter of a listing shows its bounds
        listing = page.locator("#op-get--api-v1-documents").inner_text()
        assert "limit" in listing and "≤ 200" in listing
        assert errors == []
    finally:
        page.close()
