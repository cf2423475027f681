"""A long live blog read in windows dates a window's first post by its timestamp in the
window before: a window that started inside a post resolved that post's "yesterday"
against the publication date (found by an ingest trial of long live blogs)."""

from __future__ import annotations

from unspin.config import load_config
from unspin.model import Document
from unspin.pipeline import Pipeline

_FILLER = "Harbour crews checked the moorings on the east quay and logged the readings. "
_STORM = "The coastguard said the storm hit the pier yesterday."
_POSTS = [
    ("12 November 2026 09:00 GMT", "The ferry company said sailings would resume. " + _FILLER),
    ("10 November 2026 16:40 GMT", _FILLER * 9 + _STORM),
    ("10 November 2026 08:15 GMT", "Gusts reached 80mph overnight, forecasters said. " + _FILLER),
]
_BLOG = "Gale live: ferries halted\n\n" + "\n\n".join(f"{t}\n\n{p}" for t, p in _POSTS)


def _yesterday(window_chars: int) -> str:
    config = load_config(
        backbone="fake", analyzers="sources,claims", window_chars=window_chars, window_overlap=100
    )
    analysis = Pipeline(config).analyze(Document(_BLOG, published="2026-11-12"))
    (found,) = [f for f in analysis.by_kind("date") if f.text == "yesterday"]
    return str(found.attributes["iso"])


def test_a_window_starting_inside_a_post_dates_it_by_the_post_s_timestamp() -> None:
    assert _yesterday(0) == "2026-11-09"  # the whole text: the day before its post's
    assert _yesterday(700) == "2026-11-09"  # it was 2026-11-11, the publication's
