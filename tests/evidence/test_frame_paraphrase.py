"""Frame checks on claims said in other words (issue #13, point 3: verdicts that refute
and support paraphrases). The sentences are short texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.evidence.test_frame_checks import spacy
from unspin.evidence.frame_checks import Reading, check_passage, read_parsed
from unspin.frames import sentence_frames
from unspin.nlp import Backbone

__all__ = ["spacy"]  # the module's parser, shared with test_frame_checks

pytestmark = pytest.mark.slow


def dated(backbone: Backbone, text: str) -> Reading:
    """The reading of ``text`` with its dates resolved as if published on 10 May 2024."""
    parsed = backbone.parse(text)
    frames = sentence_frames(parsed, date(2024, 5, 10))
    return read_parsed(parsed, [f.to_json(text) for f in frames])


@pytest.mark.parametrize(
    ("claim", "evidence", "stance"),
    [
        # a support verb with a noun made of a verb says that verb
        (
            "Harold Fenn won re-election as mayor of Selby.",
            "Harold Fenn was re-elected mayor of Selby.",
            "supports",
        ),
        (
            "The Marton council gave approval to the new stadium.",
            "The Marton council approved the new stadium.",
            "supports",
        ),
        # ... so another name for that event refutes it
        (
            "Harold Fenn won re-election as mayor of Selby.",
            "Ann Lowe was elected mayor of Selby.",
            "refutes",
        ),
        # ... not the noun said with another verb ("sought re-election")
        (
            "Harold Fenn won re-election as mayor of Selby.",
            "Harold Fenn sought re-election as mayor of Selby.",
            "neutral",
        ),
        # a support verb with a noun that is no verb says nothing more ("won a prize")
        (
            "Harold Fenn won a prize in Selby.",
            "Harold Fenn was elected mayor of Selby.",
            "neutral",
        ),
        # the passage's only figure is the comparison's ("from six days"): another time, so
        # a claim with another figure is not refuted by it ...
        (
            "Opening at the Selby library will be cut to five days a week.",
            "Opening at the Selby library will be cut from six days a week to five.",
            "neutral",
        ),
        (
            "The Selby library will open on five days a week.",
            "The Selby library will open on five rather than six days a week.",
            "neutral",
        ),
        # ... while a claim that gives the comparison as its own still is
        (
            "The Ardley plant employs 310 people.",
            "The Ardley plant employs 262 people, down from 310 people in 2020.",
            "refutes",
        ),
        # an adverb right after its verb is its particle ("are going up": "go up", "rise")
        (
            "Fares on Marton buses will rise by 5 per cent.",
            "Bus fares in Marton are going up 5 per cent.",
            "supports",
        ),
        # what one side does to a thing and what the thing does: "cut X" / "X fell"
        (
            "The drug cut deaths by 30 per cent in the Marton study.",
            "In the Marton study, deaths fell by 30 per cent among patients given the drug.",
            "supports",
        ),
        (
            "The Selby council raised parking charges by 10 per cent.",
            "Parking charges in Selby rose by 10 per cent after a council vote.",
            "supports",
        ),
        (
            "The Selby council raised parking charges by 10 per cent.",
            "Parking charges in Selby fell by 10 per cent after a council vote.",
            "refutes",
        ),
        # a relative date that resolves to the passage's day is that date ...
        (
            "The Selby council leader quit on Monday.",
            "The leader of the Selby council resigned on Monday.",
            "supports",
        ),
        (
            "The Selby council leader quit on Monday.",
            "The leader of the Selby council resigned on 6 May 2024.",
            "supports",
        ),
        # ... another day is not said to differ (a weekday may be last week's or next)
        (
            "The Selby council leader quit on Monday.",
            "The leader of the Selby council resigned on Tuesday.",
            "neutral",
        ),
        # a verb that ends what its complement says negates it ...
        ("The Selby mill makes cloth.", "The Selby mill stopped making cloth in 2020.", "refutes"),
        (
            "The Selby plant operates at night.",
            "The Selby plant has ceased to operate at night.",
            "refutes",
        ),
        # ... not a purpose ("stopped to pick up")
        (
            "The Selby bus stopped to pick up children.",
            "The Selby bus picked up children.",
            "neutral",
        ),
    ],
)
def test_one_passage_against_one_claim(
    spacy: Backbone, claim: str, evidence: str, stance: str
) -> None:
    check = check_passage(dated(spacy, claim), dated(spacy, evidence))
    assert check.stance == stance, (check.reason, check.line, check.facts)
