"""A pull quote, a block quote that repeats the article's own words as page design, is
left out of an HTML page's text: read twice, it was a second quotation with no speaker
near it, or the name of the sentence before it as its speaker. A block quote that says
something the text does not is kept (found by a newsroom-analyst trial)."""

from __future__ import annotations

from tests.ingest.pages import page_document

_PAGE = (
    "<!doctype html><html><head><title>Pier repairs</title></head><body><article>"
    "<h1>Pier repairs</h1>"
    '<p>"We will not reopen the pier until every plank is safe," said Nora Quill, the '
    "harbour master.</p>"
    "<p>Detours will send walkers along the cliff path for the summer.</p>"
    "{quote}"
    "<p>The council has set aside $80,000 for the work, its budget shows.</p>"
    "</article></body></html>"
)


def _text(quote: str) -> str:
    return page_document(_PAGE.format(quote=quote), "pier.html").text


def test_a_block_quote_repeating_the_text_is_left_out() -> None:
    text = _text(
        '<blockquote class="pull">&ldquo;We will NOT reopen the pier until every '
        "plank is safe.&rdquo;</blockquote>"
    )
    assert "> " not in text
    assert text.count("every plank is safe") == 1
    assert "Detours will send walkers" in text and "$80,000" in text


def test_a_block_quote_of_its_own_words_is_kept() -> None:
    text = _text(
        "<blockquote><p>The pier is closed to the public until further notice. "
        "Harbour office</p></blockquote>"
    )
    assert "> The pier is closed to the public until further notice." in text


def test_a_short_block_quote_is_kept_though_the_text_repeats_it() -> None:
    text = _text("<blockquote><p>Plank is safe.</p></blockquote>")
    assert "> Plank is safe." in text
