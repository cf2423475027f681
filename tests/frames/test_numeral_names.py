"""A numeral word that continues a capitalised name counts nothing ("the Cobalt One deal",
"the Big Three carmakers"); a sentence's first word, a lowercase numeral and a title-case
headline keep their count (precision audit, round 3: a company named "<Word> One" gave
"1 deal", "1 case", "1 shareholder"). Fixtures written for this file."""

from __future__ import annotations

import pytest

from unspin.frames import find_quantities
from unspin.nlp import Backbone


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The fee rose after the Cobalt One deal, and Cobalt One shareholders gave millions.", []),
        ("He filed suit over the Astra One purchase.", []),
        ("The Harbor Two project was approved.", []),
        ("The Big Three carmakers asked for loans.", []),
        # counts stay counts
        ("The city signed one deal with the firm.", [("one deal", 1.0, "deal")]),
        ("Three carmakers asked for loans.", [("Three carmakers", 3.0, "carmaker")]),
        ("Rangers saw twenty wolves near the lake.", [("twenty wolves", 20.0, "wolf")]),
    ],
)
def test_numeral_in_a_name(
    backbone: Backbone, text: str, want: list[tuple[str, float, str]]
) -> None:
    got = find_quantities(text, backbone.parse(text))
    assert [(text[q.start : q.end], q.value, q.unit) for q in got] == want
