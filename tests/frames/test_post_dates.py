"""A live blog's posts, each under a timestamp that gives its day, tell their relative dates
from that day: "yesterday" in a post of 10 November is 9 November, though the blog was
published on the 9th (it was read as the 8th). A single date line, a "Published"/"Updated"
pair over one article, and clock times alone date nothing."""

from __future__ import annotations

from datetime import date

from tests.ingest.pages import page_document
from unspin.frames import find_dates
from unspin.nlp import Backbone

PUBLISHED = date(2026, 11, 9)  # a Monday


def _relative(backbone: Backbone, text: str) -> dict[str, tuple[str | None, str | None]]:
    """Each relative date's words -> (its day, the day it was told from)."""
    found = find_dates(text, backbone.parse(text), PUBLISHED)
    return {text[d.start : d.end]: (d.iso, d.relative_to) for d in found if d.relative}


def test_a_post_tells_its_relative_dates_from_its_own_timestamp(
    fake_backbone: Backbone,
) -> None:
    text = (
        "Gale live: ferries halted\n\n"
        "Tue 10 Nov 2026 08:15 GMT\n\n"
        "The ferry company said yesterday that the harbour wall had cracked.\n\n"
        "9 November 2026, 21:40\n\n"
        "The coastguard said today that no vessel had reported trouble.\n\n"
        "Sunday 8 November 2026 at 18:05 GMT\n\n"
        "Forecasters said on Friday that the gale would reach the coast."
    )
    assert _relative(fake_backbone, text) == {
        "yesterday": ("2026-11-09", "2026-11-10"),
        "today": ("2026-11-09", "2026-11-09"),
        "Friday": ("2026-11-06", "2026-11-08"),
    }


def test_text_above_the_first_post_keeps_the_publication_date(fake_backbone: Backbone) -> None:
    text = (
        "Gale live: ferries halted\n\n"
        "Ferries were halted yesterday as the gale arrived.\n\n"
        "10 Nov 2026 08:15 GMT\n\n"
        "The ferry company said the harbour wall had cracked.\n\n"
        "10 Nov 2026 07:50 GMT\n\n"
        "Harbour staff moved three small boats to the inner basin."
    )
    assert _relative(fake_backbone, text) == {"yesterday": ("2026-11-08", "2026-11-09")}


def test_one_date_line_or_a_published_updated_pair_dates_no_posts(
    fake_backbone: Backbone,
) -> None:
    body = (
        "The council said yesterday that it would vote on the budget.\n\n"
        "Nearly 300 residents came to the meeting. Most stayed until midnight."
    )
    for head in (
        "10 November 2026\n\n",
        "Published 10 November 2026\n\nUpdated 11 November 2026\n\n",
        "14:20 GMT\n\nThe wall held.\n\n12:05 GMT\n\n",
    ):
        relative = _relative(fake_backbone, f"Budget vote\n\n{head}{body}")
        assert relative == {"yesterday": ("2026-11-08", "2026-11-09")}, head


def test_a_saved_live_blog_page_dates_each_post(fake_backbone: Backbone) -> None:
    posts = "".join(
        f'<div class="post"><p class="time">{stamp}</p><p>{words}</p></div>'
        for stamp, words in [
            (
                "10 Nov 2026 08:15 GMT",
                "Road crews said they had cleared the coastal road between Kell and Marn "
                "yesterday, and that the ferry slipway would be inspected before noon.",
            ),
            (
                "9 Nov 2026 21:40 GMT",
                "The coastguard said no vessel had reported any trouble in the strait, and "
                "that its lifeboat crews would stay on call through the night.",
            ),
        ]
    )
    page = (
        "<!doctype html><html><head><title>Gale live</title>"
        '<meta property="article:published_time" content="2026-11-09T07:05:00Z"></head>'
        f"<body><article><h1>Gale live</h1>{posts}</article></body></html>"
    )
    doc = page_document(page)
    assert doc.published == "2026-11-09"
    assert _relative(fake_backbone, doc.text) == {"yesterday": ("2026-11-09", "2026-11-10")}


def test_a_day_heading_over_clock_times_dates_the_posts_under_it(
    fake_backbone: Backbone,
) -> None:
    """A blog that gives the day once, over its posts' clock times: the day line and the
    time line under it are two blocks, not one datetime across the blank line."""
    text = (
        "Gale live: ferries halted\n\n"
        "Tuesday 10 November 2026\n\n"
        "08:15 GMT\n\n"
        "The ferry company said yesterday that the harbour wall had cracked.\n\n"
        "Monday 9 November 2026\n\n"
        "21:40 GMT\n\n"
        "The coastguard said no vessel had reported trouble in the strait."
    )
    found = find_dates(text, fake_backbone.parse(text), PUBLISHED)
    spans = {text[d.start : d.end]: d.label for d in found}
    assert spans["Tuesday 10 November 2026"] == "date"
    assert spans["08:15 GMT"] == "time"
    assert _relative(fake_backbone, text) == {"yesterday": ("2026-11-09", "2026-11-10")}
