"""A page's publication date comes from what the page says of itself, never from its
copyright footer (found by a new-user trial: a footer "(c) 2025" made 1 January 2025 the
publication date, and every "Tuesday" of the article resolved against it)."""

from __future__ import annotations

import pytest

from unspin.ingest import load_bytes
from unspin.model import Document

_BODY = (
    "<article><h1>Budget vote</h1><p>The council voted on Tuesday to approve a $48 million "
    "budget, officials said.</p><p>Nearly 300 residents attended the meeting.</p></article>"
)


def _page(head: str, footer: str) -> bytes:
    return (
        f"<!doctype html><html><head><title>Budget vote</title>{head}</head>"
        f"<body>{_BODY}<footer>{footer}</footer></body></html>"
    ).encode()


def _published(data: bytes) -> str | None:
    (doc,) = list(load_bytes(data, source="page.html", suffix=".html"))
    assert isinstance(doc, Document), doc
    return doc.published


@pytest.mark.parametrize("footer", ["(c) 2025", "© 2025 Example Media", "Copyright 2024"])
def test_a_copyright_year_is_no_publication_date(footer: str) -> None:
    assert _published(_page("", footer)) is None


def test_a_first_of_january_the_markup_gives_is_kept() -> None:
    head = '<meta property="article:published_time" content="2025-01-01T08:00:00Z">'
    assert _published(_page(head, "(c) 2025")) == "2025-01-01"


def test_a_dated_page_keeps_its_date_beside_the_copyright_footer() -> None:
    head = '<meta property="article:published_time" content="2024-03-05">'
    assert _published(_page(head, "© 2025 Example Media")) == "2024-03-05"


def _dated_in_text(line: str, footer: str = "(c) 2025") -> bytes:
    """A page whose only date is ``line`` of its visible text, under the headline."""
    return _page("", footer).replace(b"</h1>", f"</h1><p>{line}</p>".encode(), 1)


@pytest.mark.parametrize(
    "line",
    [
        "Published January 1, 2026",
        "By Ann Lee, January 1, 2026",
        "Jan. 1, 2026 at 9:30 a.m.",
        "Thursday 1 January 2026 10.02 GMT",
        "Posted 2026-01-01",
    ],
)
def test_a_first_of_january_the_visible_text_writes_out_is_kept(line: str) -> None:
    """A New Year's Day page dated only in its text keeps the day its text gives."""
    assert _published(_dated_in_text(line)) == "2026-01-01"


@pytest.mark.parametrize("line", ["Posted Jan 1", "Updated 1 January", "Budget 2025"])
def test_a_first_of_january_without_its_year_in_the_text_is_still_dropped(line: str) -> None:
    """The year of a day written without one comes from elsewhere on the page (the
    copyright footer): 1 January 2025 is then still a guess."""
    assert _published(_dated_in_text(line)) is None


_COPYRIGHT = "Copyright 2025 Riverside Gazette. All rights reserved."


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("By Ann Lee, Jan. 1, 2026 at 9:30 a.m.", "2026-01-01"),
        ("By Ann Lee, Mar. 5, 2026 at 9:30 a.m.", "2026-03-05"),
        ("Updated: Mar. 5, 2026 9:30 AM", "2026-03-05"),
        ("<span>By Ann Lee</span> <time>Sept. 8, 2026</time>", "2026-09-08"),
        ("Sat. Mar. 7, 2026, 9:30 AM ET", "2026-03-07"),
    ],
)
@pytest.mark.parametrize("footer", [_COPYRIGHT, ""])
def test_the_day_a_byline_writes_out_dates_the_page(line: str, day: str, footer: str) -> None:
    """The day a byline gives beats a copyright year, and dates a page the date finder
    reads nothing from ("Mar. 5, 2026"): it was dropped as a year guess, or missing."""
    assert _published(_dated_in_text(line, footer)) == day


def test_a_byline_gives_the_first_published_day_over_the_updated_one() -> None:
    lines = b"</h1><p>Updated Mar. 9, 2026</p><p>Published Mar. 2, 2026</p>"
    assert _published(_page("", _COPYRIGHT).replace(b"</h1>", lines, 1)) == "2026-03-02"


def test_the_markup_date_wins_over_the_byline_and_the_copyright_year() -> None:
    head = '<meta property="article:published_time" content="2024-03-05">'
    page = _page(head, _COPYRIGHT).replace(b"</h1>", b"</h1><p>By Ann Lee, Mar. 5, 2026</p>", 1)
    assert _published(page) == "2024-03-05"


@pytest.mark.parametrize(
    "line", ["The council first met on Mar. 5, 2019 to discuss it.", "Since Mar. 5, 2019"]
)
def test_a_day_the_article_mentions_does_not_date_the_page(line: str) -> None:
    assert _published(_dated_in_text(line, _COPYRIGHT)) is None


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Ann Lee, Jan. 1, 2026 at 9:30 a.m.", "Ann Lee"),
        ("By Ann Lee and Tom Pell, March 5, 2026", "Ann Lee; Tom Pell"),
        ("By Ann Lee | Updated Mar. 5, 2026", "Ann Lee"),
    ],
)
def test_a_byline_s_date_is_no_author(line: str, author: str) -> None:
    """The extractor splits a byline at its commas and took its day for a second name."""
    page = _dated_in_text(line).replace(b"<p>By", b'<p class="byline">By', 1)
    (doc,) = list(load_bytes(page, source="page.html", suffix=".html"))
    assert isinstance(doc, Document), doc
    assert doc.author == author


def test_the_byline_wins_over_a_day_an_article_sentence_tells() -> None:
    """The date finder's text search took the day the article's first sentence tells."""
    lines = b"</h1><p>By Ann Lee, Mar. 5, 2026</p><p>On February 3, 2026, the council met.</p>"
    assert _published(_page("", "").replace(b"</h1>", lines, 1)) == "2026-03-05"


@pytest.mark.parametrize(
    "line",
    [
        "On February 3, 2026, the council met in the old hall to debate the plan for the harbour.",
        "The ferry owners wrote to the council on 3 February 2026, asking for a new pier.",
    ],
)
def test_a_day_an_article_sentence_tells_is_no_publication_date(line: str) -> None:
    """With no byline and no date in the markup, the date finder's text search took the
    day the article's first sentence tells for the page's (and every relative date of
    the article resolved against it)."""
    assert _published(_dated_in_text(line, "")) is None


def test_a_day_alone_under_the_headline_still_dates_the_page() -> None:
    assert _published(_dated_in_text("March 5, 2019", "")) == "2019-03-05"
