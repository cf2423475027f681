"""A quotation that is the subject of a verb after it (session 26, on invented fixtures):
'... but "we will be back" was written on the door' names words as a thing written, so
it does not carry on the speaker of the quotation before it (it was credited to her); a
quotation that opens a sentence of its own still does.
"""

from __future__ import annotations

from tests.sources.test_sources import Run, sources


def _speakers(run: Run, text: str) -> list[tuple[str, object]]:
    return [(f.text, f.attributes.get("speaker")) for f in sources(run, text).by_kind("quote")]


def test_a_quoted_subject_does_not_carry_on_the_last_speaker(run: Run) -> None:
    text = (
        'Ann Lund ran the mill. She said "we are closed" and left, but "we will be back" '
        "was written on the door."
    )
    assert _speakers(run, text) == [('"we are closed"', "Ann Lund"), ('"we will be back"', None)]


def test_a_quotation_opening_its_sentence_still_carries_on(run: Run) -> None:
    text = 'Ann Lund ran the mill. "We are closed," she said. "We will be back in May."'
    assert _speakers(run, text) == [
        ('"We are closed,"', "Ann Lund"),
        ('"We will be back in May."', "Ann Lund"),
    ]
