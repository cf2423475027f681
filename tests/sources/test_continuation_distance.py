"""A quotation with no cue of its own is carried over only from a quotation just before it.

Seen on a held-back PTC article written one sentence per line after a blank line (so the
whole body is one paragraph): a scare quote in narration, a quotation the text ascribes to
"economists" and a book title were all credited to the one person quoted lines before.
Fixtures are invented.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from unspin.model import Analysis

Run = Callable[..., Analysis]

TEXT = (
    "Harbour board in trouble\n\n"
    '"There is no plan," Tove Lind told a gathering of members last week.\n'
    '"The board is taking a long nap."\n'
    "The old board was devoted to low fees.\n"
    "It spent years on the east pier.\n"
    'Its members promised to "protect the harbour at any cost."\n'
    "Fees rose every year after that.\n"
    '"Fees do not matter," the shippers keep hearing.\n'
    'Her new pamphlet is titled "Harbours That Float."\n'
)


@pytest.mark.slow
def test_only_the_next_sentence_continues_a_quotation(run: Run) -> None:
    a = run(TEXT, "sources")
    by_text = {q.text.strip('"'): q for q in a.by_kind("quote")}
    assert by_text["There is no plan,"].attributes["speaker"] == "Tove Lind"
    nap = by_text["The board is taking a long nap."]
    assert nap.attributes["speaker"] == "Tove Lind"
    assert nap.attributes["speaker_link"] == "continuation"
    far = [q for q in a.by_kind("quote") if q.start > TEXT.index("The old board")]
    assert far, "the later quotations are still found"
    for q in far:
        assert q.attributes.get("speaker") != "Tove Lind", q.text
