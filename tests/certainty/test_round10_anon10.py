"""Round 9 of the precision audit, vague attributions whose source the text makes plain:
a report whose outlet is named a sentence or two on or whose document the next sentence
says who obtained; unnamed experts one of whom the next sentence names "from <Body>";
officials of a named body that spoke before; a spokesperson of a body a bare noun makes
plain ("a government spokeswoman") or of the named person the sentence before is about.
Fixtures written for this file; the near misses keep their finding."""

from __future__ import annotations

import pytest

from tests.certainty.test_round7_cf7 import _FLOOR, _shown
from unspin.nlp import Backbone

pytestmark = pytest.mark.slow

_FLOOR.setdefault("vague_attribution", 0.7)


@pytest.mark.parametrize(
    "text",
    [
        "However, a recent report reveals the true owner of the channel. A former teacher "
        "runs it from her home.\n\nThe Daily Courier reports that Ann Lund is the woman "
        "behind the channel.",
        "A year before the new leader came to power, an order was issued for anyone sharing "
        "his name to change it, a report said.\n\nAn internal document obtained by Norvia's "
        "KVX TV station contains the order.",
        "A loud blast near the capital was most likely caused by a meteorite, government "
        "scientists said on Sunday.\n\nThe blast occurred around 11 p.m. near the airport, "
        "said Jens Holm from the Norvian Institute of Earth Studies in an interview.",
        "The Norvian Intelligence Service told lawmakers that the leader had surgery. "
        "Lawmakers were told that he was recovering. Intelligence officials also told "
        "lawmakers that senior officers were demoted.",
        "Many feel the rules did nothing to help. A government spokeswoman said the service "
        '"operated within the law".',
        "A police spokesman said the road would reopen on Monday.",
        'Senator Ann Lund did not back down. "The senator was saying what he was told," a '
        "spokesperson told the Westby Herald.",
    ],
)
def test_source_made_plain(backbone: Backbone, text: str) -> None:
    shown = _shown(backbone, text, "vague_attribution")
    assert not [s for s in shown if s.lower() not in ("many feel",)], shown


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("A recent report reveals the true owner of the channel. She lives in Westby.", "report"),
        (
            "The party executed ten officials. Intelligence officials also told lawmakers "
            "that senior officers were demoted.",
            "officials",
        ),
        ("An unnamed spokesman said the deal was off.", "spokesman"),
        ("The deal collapsed on Friday. A spokesman said the talks would not resume.", "spokesman"),
        ("Scientists said the lake was drying. The rains were late this year.", "Scientists"),
        (
            "The storm matters because it is the first time one has been seen fading.\n\n"
            "It also upsets all that scientists thought they knew about how such storms form "
            'and fade.\n\n"We may be watching the end of this vortex, and it is not what the '
            'models led us to expect," said Jane H. Roe of the University of Westby.',
            "scientists",
        ),
    ],
)
def test_unnamed_source_kept(backbone: Backbone, text: str, cue: str) -> None:
    assert any(cue in s for s in _shown(backbone, text, "vague_attribution"))
