"""The ", but" half of a content the speaker set up for it (session 27, on invented
fixtures): "said that first the plant would close, but the staff would be paid" stopped
at "but" where the parse hung the second half on the verb of saying; a tail with the
modal of the first half ("would ... would") is the speaker's sequence, and "not just A,
but B" pairs as "not only" does. A tail in the writer's own tense stays out.
"""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, sources


@pytest.mark.parametrize(
    "content",
    [
        "first the plant would close, but the staff would be paid",
        "not just the plant would close, but the port would shut too",
    ],
)
def test_the_second_half_the_speaker_set_up_is_said(run: Run, content: str) -> None:
    text = f"Ann Lund said that {content}."
    assert [f.text for f in sources(run, text).by_kind("attribution")] == [content]


def test_a_tail_in_the_writers_tense_is_not_said(run: Run) -> None:
    text = "Ann Lund said that first the plant would close, but the staff were paid in full."
    assert [f.text for f in sources(run, text).by_kind("attribution")] == [
        "first the plant would close"
    ]
