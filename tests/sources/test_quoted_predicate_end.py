"""A quotation inside a reported clause holding its verb (session 27, on invented
fixtures): 'She said the mill "is closed for good" and walked out' reported "and walked
out" too, the sayer's own next act (a past-tense verb with no subject of its own after a
clause in another tense); the content ends at the closing mark. A "that" clause, a second
quotation and a clause in the past like the verb of saying stay said.
"""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, sources


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            'Ann Lund said the mill "is closed for good" and walked out.',
            'the mill "is closed for good"',
        ),
        (
            'Ann Lund said the mill "has shut its gates" and left the room.',
            'the mill "has shut its gates"',
        ),
    ],
)
def test_the_sayers_act_after_a_quoted_predicate_is_not_said(
    run: Run, text: str, content: str
) -> None:
    assert [f.text for f in sources(run, text).by_kind("attribution")] == [content]


@pytest.mark.parametrize(
    "content",
    [
        'the mill "is closed for good" and that nobody would lose a job',
        'the mill "is closed for good" and "will never reopen"',
        'the mill "closed for good" and sold its land',
    ],
)
def test_what_goes_on_being_said_stays_in_the_content(run: Run, content: str) -> None:
    text = f"Ann Lund said {content}."
    assert [f.text for f in sources(run, text).by_kind("attribution")] == [content]
