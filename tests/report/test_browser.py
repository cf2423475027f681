"""The HTML report in headless Chromium: highlights, toggles, details, and no injected script.

Needs a system Chromium (``apt-get install chromium``) and the playwright package; the
browser bundled by ``playwright install`` is never used. Without Chromium the tests
skip, except under CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from tests.browser import chromium_path, launch_browser
from unspin.model import Analysis, Document, Explanation, Finding
from unspin.report import render_html, write_report


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launch_browser() as b:
        yield b


@pytest.fixture()
def page(browser: Any, analysis: Analysis, tmp_path: Path) -> Iterator[Any]:
    """The hostile fixture's report, opened from disk; console errors are collected."""
    report = write_report(analysis, tmp_path, "html")
    context = browser.new_context(viewport={"width": 1366, "height": 800}, java_script_enabled=True)
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    requests: list[str] = []
    pg.on("request", lambda r: requests.append(r.url))
    pg.goto(report.as_uri())
    # Experimental layers (audited precision under 0.8) start switched off; these tests
    # exercise every layer, so they switch them on as a reader would.
    for box in pg.locator("nav.legend label").all():
        if "(experimental)" in box.inner_text() and "other claim" not in box.inner_text():
            box.locator("input").check()
    pg.errors = errors
    pg.requests = requests
    yield pg
    context.close()


def _shown(pg: Any, selector: str) -> bool:
    """Whether the first element matching ``selector`` is visibly highlighted."""
    return bool(
        pg.eval_on_selector(
            selector,
            """el => {
        const s = getComputedStyle(el);
        const bg = s.backgroundColor;
        return (bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent')
            || s.textDecorationLine !== 'none';
    }""",
        )
    )


@pytest.mark.browser
def test_no_article_script_ran_and_text_is_literal(page: Any, fx: SimpleNamespace) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined"
    text = page.inner_text("#text")
    assert fx.HOSTILE_SCRIPT in text and fx.HOSTILE_IMG in text
    assert page.locator("#text img, #text script, header img, header script").count() == 0
    assert page.title() == f"{fx.HOSTILE_META['title']} · unspin report"
    assert fx.HOSTILE_META["author"] in page.inner_text("header")
    assert page.errors == []  # our script passed the CSP and ran without errors
    assert all(u.startswith("file://") for u in page.requests)  # nothing fetched


@pytest.mark.browser
def test_highlights_exist_for_each_kind(page: Any, analysis: Analysis) -> None:
    for kind in analysis.kinds:
        if kind == "marker":  # zero-length: an anchor, nothing to colour
            assert page.locator('#text .anchor[data-kind="marker"]').count() == 1
            continue
        marks = page.locator(f'#text mark[data-kind="{kind}"]')
        assert marks.count() > 0, kind
        if kind == "claim":
            continue
        assert _shown(page, f'#text mark[data-kind="{kind}"]'), kind


@pytest.mark.browser
def test_experimental_layers_start_switched_off(
    browser: Any, analysis: Analysis, tmp_path: Path
) -> None:
    report = write_report(analysis, tmp_path, "html")
    pg = browser.new_page()
    try:
        pg.goto(report.as_uri())
        quote = pg.locator("nav.legend label", has_text="quote")
        assert "(experimental)" in quote.inner_text()
        assert "audited precision" in (quote.get_attribute("title") or "")
        assert not quote.locator("input").is_checked()
        assert not _shown(pg, '#text mark[data-kind="quote"]')
        date = pg.locator("nav.legend label", has_text="date")
        assert "(experimental)" not in date.inner_text()
        assert _shown(pg, '#text mark[data-kind="date"]')
    finally:
        pg.close()


@pytest.mark.browser
def test_other_claims_hidden_by_default(page: Any, analysis: Analysis) -> None:
    worthy = [
        i
        for i, f in enumerate(analysis.findings)
        if f.kind == "claim" and f.attributes["checkworthy"]
    ]
    other = [
        i
        for i, f in enumerate(analysis.findings)
        if f.kind == "claim" and not f.attributes["checkworthy"]
    ]
    assert _shown(page, f'#text mark[data-f~="{worthy[0]}"]')
    selector = f'#text mark[data-f~="{other[0]}"]'
    assert not _shown(page, selector)
    layer = page.get_attribute(selector, "data-layer")
    page.check(f'input[data-layer="{layer}"]')
    assert _shown(page, selector)


@pytest.mark.browser
def test_legend_toggle_hides_and_shows_a_kind(page: Any) -> None:
    selector = '#text mark[data-kind="hedge"]'
    layer = page.get_attribute(selector, "data-layer")
    assert _shown(page, selector)
    page.uncheck(f'input[data-layer="{layer}"]')
    assert not _shown(page, selector)
    assert _shown(page, '#text mark[data-kind="quote"]')  # other kinds stay
    page.check(f'input[data-layer="{layer}"]')
    assert _shown(page, selector)


@pytest.mark.browser
def test_clicking_a_mark_shows_its_explanation(page: Any, analysis: Analysis) -> None:
    hedge = analysis.by_kind("hedge")[0]
    page.click('#text mark[data-kind="hedge"]')
    details = page.locator("#details-body .card")
    assert details.count() >= 3  # the hedge, the quote and the claim around it
    first = details.nth(0).inner_text()
    assert "hedge" in first and hedge.label in first and "hedge.lexicon" in first
    assert "score 0.80" in first and "probably" in first
    assert "quote" in details.nth(1).inner_text()
    index = analysis.findings.index(hedge)
    assert "sel" in (page.get_attribute(f'#text mark[data-f~="{index}"]', "class") or "")
    assert page.locator(f'#findings .fi.active[data-fi="{index}"]').count() == 1


@pytest.mark.browser
def test_hidden_layers_are_not_explained(page: Any) -> None:
    layer = page.get_attribute('#text mark[data-kind="hedge"]', "data-layer")
    page.uncheck(f'input[data-layer="{layer}"]')
    page.click('#text mark[data-kind="hedge"]')
    kinds = page.locator("#details-body .card h3 mark").all_inner_texts()
    assert "hedge" not in kinds and "quote" in kinds


@pytest.mark.browser
def test_hostile_attributes_shown_as_text(page: Any) -> None:
    page.click('#text mark[data-kind="mystery_kind"]')
    card = page.locator("#details-body .card").nth(0).inner_text()
    assert "<img src=x onerror=alert(1)>" in card
    assert "</script><script>alert(3)</script>" in card
    assert page.locator("#details-body img, #details-body script").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"


@pytest.mark.browser
def test_panel_entry_scrolls_to_and_flashes_its_span(page: Any, analysis: Analysis) -> None:
    # a layer shown by default (its panel group is open): dates are audited over 0.8
    booster = (analysis.by_kind("date") or analysis.by_kind("quantity"))[0]
    index = analysis.findings.index(booster)
    page.click(f'#findings .fi[data-fi="{index}"]')
    mark = f'#text mark[data-f~="{index}"]'
    cls = page.get_attribute(mark, "class") or ""
    assert "flash" in cls and "sel" in cls
    assert booster.explanation.rule in page.inner_text("#details-body")


@pytest.mark.browser
def test_relation_link_selects_the_speaker(page: Any, analysis: Analysis) -> None:
    page.click('#text mark[data-kind="quote"]')
    page.locator("#details-body .card").nth(0).locator("button.rel").click()
    first = page.locator("#details-body .card").nth(0).inner_text()
    assert "speaker" in first and "Edda Pilkvist" in first


@pytest.mark.browser
def test_attribute_naming_another_report_becomes_a_link(browser: Any, tmp_path: Path) -> None:
    doc = Document("Alpha Ltd says the figure is wrong.")
    f = Finding.anchored(
        doc,
        0,
        9,
        kind="contradiction",
        label="numeric",
        score=0.7,
        analyzer="hand",
        analyzer_version="1",
        explanation=Explanation("x"),
        attributes={"other_document": "beta0001", "evil": "gamma0002"},
    )
    html = render_html(
        Analysis(doc, (f,)),
        links={"beta0001": "beta-beta0001.html", "gamma0002": "javascript:alert(1)"},
    )
    path = tmp_path / "alpha.html"
    path.write_text(html, encoding="utf-8")
    context = browser.new_context()
    try:
        pg = context.new_page()
        pg.goto(path.as_uri())
        pg.click('#text mark[data-kind="contradiction"]')
        link = pg.locator("#details-body a")
        assert link.count() == 1
        assert link.inner_text() == "beta0001"
        assert link.get_attribute("href") == "beta-beta0001.html"
        assert "gamma0002" in pg.inner_text("#details-body")  # shown, not linked
    finally:
        context.close()


def test_missing_chromium_skips_locally_and_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setattr(os.path, "exists", lambda path: False)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium is not installed"):
        chromium_path()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI is set"):
        chromium_path()
