"""A live blog's "Key points" list under its headline is part of its text (trafilatura left
it out, so the summary's claims were never read); menus, share bars, tag lists and
"related" lists near the headline are still left out."""

from __future__ import annotations

from tests.ingest.pages import live_blog, page_document
from unspin.segment import find_blocks

_KEY_POINTS = (
    '<div class="summary"><h2>Key points</h2><ul>'
    "<li>All ferries between Kell and Marn are halted until Sunday</li>"
    "<li>Gusts of 80mph were recorded on the coast overnight</li></ul></div>"
)


def _text(under_headline: str, *, nav: str = "", aside: str = "") -> str:
    page = live_blog("<h1>Gale live: ferries halted</h1>", under_headline, nav=nav, aside=aside)
    return page_document(page, "gale.html").text


def test_the_key_points_under_the_headline_are_list_items_before_the_posts() -> None:
    text = _text(_KEY_POINTS)
    blocks = [(b.kind, text[b.start : b.end]) for b in find_blocks(text)]
    assert blocks[:4] == [
        ("title", "Gale live: ferries halted"),
        ("heading", "Key points"),
        ("list_item", "All ferries between Kell and Marn are halted until Sunday"),
        ("list_item", "Gusts of 80mph were recorded on the coast overnight"),
    ]
    assert text.count("Gusts of 80mph") == 1
    assert text.index("Gusts of 80mph") < text.index("16:10 GMT")


def test_a_list_already_in_the_text_is_not_doubled() -> None:
    page = (
        "<html><body><article><h1>Budget vote passes</h1><p>The council voted on Tuesday to "
        "approve a budget of 48 million dollars, officials said after the meeting.</p>"
        "<ul><li>Bus fares will rise by ten cents in June</li><li>Two libraries will open "
        "on Sundays again</li></ul><p>Nearly 300 residents attended the meeting, which ran "
        "past midnight.</p></article></body></html>"
    )
    assert page_document(page).text.count("Bus fares will rise") == 1


def test_link_lists_and_short_items_near_the_headline_are_left_out() -> None:
    related = (
        '<ul class="related"><li><a href="/a">Ferry timetable for the whole of next week</a>'
        '</li><li><a href="/b">How the gale warning system works on this coast</a></li></ul>'
    )
    tags = "<ul class='tags'><li>Weather</li><li>Ferries</li><li>Kell</li></ul>"
    menu = (
        "<nav><ul><li>Home and the latest news from Kell</li>"
        "<li>Sport results and fixtures this week</li></ul></nav>"
    )
    most_read = (
        "<aside><ul><li>Five things to do this weekend in Kell</li>"
        "<li>Where to eat by the harbour this winter</li></ul></aside>"
    )
    text = _text(related + tags, nav=menu, aside=most_read)
    for furniture in ("timetable", "warning system", "Ferries\n", "Sport results", "Five things"):
        assert furniture not in text


def test_a_list_far_below_the_headline_is_not_taken_as_its_summary() -> None:
    long_intro = "<p>" + "The gale reached the coast late on Friday night. " * 12 + "</p>"
    text = _text(long_intro + _KEY_POINTS)
    assert not text.startswith("Gale live: ferries halted\n\nKey points")
