"""Session 30: a technique span that stops on a word cut from what completes it. A verb
whose object lies just outside takes a short object in ("... and sparks | anger") and
is dropped before a longer one, with the words that lead to it ("aims to dent | the
lead of ..." keeps "aims"); a modifier takes in the head noun it waits for ("the old |
harbour party"). A span of the verb alone (a loaded verb) stays. Parses written for
this file."""

from __future__ import annotations

import pytest

from tests.techniques.test_spans import _parsed, _span, _text
from unspin.techniques.spans import snap

TEXT = (
    "The mayor forgoes a toll and sparks anger. She aims to dent the lead of the old harbour party."
)
PARSED = _parsed(
    TEXT,
    [
        ("The", "DET", "det", 1),
        ("mayor", "NOUN", "nsubj", 2),
        ("forgoes", "VERB", "ROOT", 2),
        ("a", "DET", "det", 4),
        ("toll", "NOUN", "dobj", 2),
        ("and", "CCONJ", "cc", 2),
        ("sparks", "VERB", "conj", 2),
        ("anger", "NOUN", "dobj", 6),
        (".", "PUNCT", "punct", 2),
        ("She", "PRON", "nsubj", 10),
        ("aims", "VERB", "ROOT", 10),
        ("to", "PART", "aux", 12),
        ("dent", "VERB", "xcomp", 10),
        ("the", "DET", "det", 14),
        ("lead", "NOUN", "dobj", 12),
        ("of", "ADP", "prep", 14),
        ("the", "DET", "det", 19),
        ("old", "ADJ", "amod", 19),
        ("harbour", "NOUN", "compound", 19),
        ("party", "NOUN", "pobj", 15),
        (".", "PUNCT", "punct", 10),
    ],
)


@pytest.mark.parametrize(
    ("phrase", "snapped_to"),
    [
        ("forgoes a toll and sparks", "forgoes a toll and sparks anger"),  # a short object
        ("She aims to dent", "She aims"),  # a long object: the verb and its "to" dropped
        ("the lead of the old", "the lead of the old harbour party"),  # the head noun
        ("sparks", "sparks"),  # a verb alone stays
    ],
)
def test_a_span_never_stops_on_a_word_cut_from_what_completes_it(
    phrase: str, snapped_to: str
) -> None:
    got = snap(TEXT, PARSED, *_span(TEXT, phrase))
    assert _text(got, TEXT) == snapped_to
