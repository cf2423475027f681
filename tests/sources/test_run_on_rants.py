"""Reported content in a rant typed without punctuation (on invented fixtures): the parse
hangs each new clause on the one before, so "said the election was stolen and everyone
knows it they lied about the count" ran on over "they lied ...". A new subject and its
finite verb after a finished clause, with nothing joining them, end the content; a clause
its verb, adjective or wh-word takes ("told him they lied", "sure it would hold", "know
what the charter says") goes on, and a sentence with punctuation inside is never cut.
"""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, sources


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "they said the election was stolen and everyone knows it they lied about the "
            "count and nobody cares",
            "the election was stolen and everyone knows it",
        ),
        (
            "my uncle says the dam will burst in spring everyone saw the cracks and the "
            "council does nothing about it",
            "the dam will burst in spring",
        ),
    ],
)
def test_a_run_on_clause_ends_the_content(run: Run, text: str, content: str) -> None:
    assert [f.text for f in sources(run, text).by_kind("attribution")] == [content]


@pytest.mark.parametrize(
    "content",
    [
        "the guard told him they lied about the count in the east ward last week",
        "she was sure it would hold through the winter and the repairs could wait",
        "every member should know what the charter says about those in the chair",
    ],
)
def test_a_clause_that_a_word_takes_goes_on(run: Run, content: str) -> None:
    text = f"my neighbour said {content}"
    assert next(f.text for f in sources(run, text).by_kind("attribution")) == content


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "the minister said last week he expected the inquiry to end soon and nothing more",
            "last week he expected the inquiry to end soon and nothing more",
        ),
        (
            "she said the papers prove tonight the harbour board knew about the leak all year",
            "the papers prove tonight the harbour board knew about the leak all year",
        ),
    ],
)
def test_an_adverbial_before_the_clause_does_not_end_it(run: Run, text: str, content: str) -> None:
    assert next(f.text for f in sources(run, text).by_kind("attribution")) == content
