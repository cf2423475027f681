"""A quotation broken over a line (session 27, on invented fixtures): in a text of one
paragraph a line, a quotation opened on a line that stops mid-sentence and closed on the
next was cut at the line break (an unclosed quotation of its first line, with no
speaker). It runs on to its closing mark; a quotation of several paragraphs, each opened
again by a mark, and one whose line ends a sentence, are read as before.
"""

from __future__ import annotations

from tests.sources.test_sources import Run, sources
from unspin.sources.quotes import find_quotes


def test_a_quotation_runs_over_a_line_break_to_its_closing_mark(run: Run) -> None:
    text = '"The plan is a waste of money and\ntime we do not have," Ann Lund said.'
    quotes = sources(run, text).by_kind("quote")
    assert [(f.text, f.attributes.get("speaker")) for f in quotes] == [
        ('"The plan is a waste of money and\ntime we do not have,"', "Ann Lund")
    ]


def test_each_paragraph_of_a_long_quotation_still_opens_with_a_mark() -> None:
    text = 'Ann Lund said:\n"We will fight on and\n"we will never give up," she said.'
    assert [(q.start, q.paragraphs) for q in find_quotes(text)] == [(15, 2)]


def test_a_line_that_ends_a_sentence_ends_an_unclosed_quotation() -> None:
    text = '"We will fight on to the end.\nThe mayor did not reply." she said.'
    assert [text[q.start : q.end] for q in find_quotes(text)] == ['"We will fight on to the end.']
