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
