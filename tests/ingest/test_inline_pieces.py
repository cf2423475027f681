"""Words in bold, italics or a link inside a paragraph stay in its sentence when
trafilatura's baseline extractor (which it uses on a short or odd page, a forum post or a
pasted comment) puts every inline piece on a line of its own; they became paragraphs of
their own, so 'The mayor said' was one sentence and 'the bridge' another (found by a
trust-and-safety batch trial). A line break the page writes (``<br>``) stays one."""

from __future__ import annotations

from tests.ingest.pages import page_document


def test_inline_pieces_of_a_short_page_stay_in_their_sentence() -> None:
    page = (
        "<html><body><p>The mayor said <b>the bridge</b> will open in May.</p>"
        "<div>Officials <em>said</em> 3 people were <a href='/x'>hurt</a>.</div></body></html>"
    )
    assert page_document(page).text == (
        "The mayor said the bridge will open in May.\n\nOfficials said 3 people were hurt."
    )


def test_badly_nested_inline_tags_stay_in_their_sentence() -> None:
    page = (
        "<html><body><p>The mayor said <b>the bridge <i>will open</b> in May.</i>"
        "<p>Critics claimed <a href='x'>costs rose<p>40%</div></span></table>"
        "<td>Officials said 3 people were hurt.<!-- unclosed"
    )
    assert page_document(page).text.split("\n\n") == [
        "The mayor said the bridge will open in May.",
        "Critics claimed costs rose",  # a paragraph opens inside the link: a browser's too
        "40%",
        "Officials said 3 people were hurt.",
    ]


def test_a_line_break_in_a_paragraph_stays_a_break() -> None:
    page = (
        "<html><body><p>Posted by the harbour office<br>\nThe ferry <b>will</b> sail at noon.</p>"
        "<div>Officials said the quay is closed.</div></body></html>"
    )
    paragraphs = page_document(page).text.split("\n\n")
    assert paragraphs[0] == "Posted by the harbour office"
    assert paragraphs[1] == "The ferry will sail at noon."


def test_the_lines_of_a_preformatted_block_stay_lines() -> None:
    page = (
        "<html><body><p>The harbour office posted the <code>tide</code> table.</p>"
        "<pre>high 06:10\nlow 12:25\nhigh 18:40</pre></body></html>"
    )
    paragraphs = page_document(page).text.split("\n\n")
    assert paragraphs[0] == "The harbour office posted the tide table."
    assert paragraphs[-3:] == ["high 06:10", "low 12:25", "high 18:40"]
