"""Content that opens a quotation (session 26, on invented fixtures): when the quotation
holds the content's clause and the sentence goes on with another clause joined by "and"
or "but" ('said "we are closed" and left, but "..." was written on the door'), the
content ends at the closing mark; such a quotation, however short, is shown as one. A
clause that opens with its own "that" is said too, and a quoted subject keeps its
predicate.
"""

from __future__ import annotations

from tests.sources.test_sources import Run, sources


def test_content_of_a_quoted_clause_ends_at_its_closing_mark(run: Run) -> None:
    text = (
        'Ann Lund said "the mill is closed for good" and walked out, but "the fight goes '
        'on" was painted on the wall.'
    )
    analysis = sources(run, text)
    # the quotation carries what she said; no content runs on over the writer's clauses
    assert [f.text for f in analysis.by_kind("attribution")] == []
    assert '"the mill is closed for good"' in [f.text for f in analysis.by_kind("quote")]


def test_a_short_quoted_clause_cut_from_the_writers_stays_shown(run: Run) -> None:
    text = 'Ann Lund ran the mill. She said "we are closed" and left for the night.'
    analysis = sources(run, text)
    assert [f.text for f in analysis.by_kind("quote")] == ['"we are closed"']
    assert [f.text for f in analysis.by_kind("attribution")] == []


def test_a_that_clause_after_the_quotation_is_said_too(run: Run) -> None:
    text = 'Ann Lund said "the mill is closed for good" and that nobody would lose a job.'
    assert [f.text for f in sources(run, text).by_kind("attribution")] == [
        '"the mill is closed for good" and that nobody would lose a job'
    ]


def test_a_quoted_subject_keeps_its_predicate(run: Run) -> None:
    text = 'The Post reports that "the local union" has written to the mayor.'
    assert [f.text for f in sources(run, text).by_kind("attribution")] == [
        '"the local union" has written to the mayor'
    ]
