"""Frame checks on claims said in other words (issue #13, point 3: verdicts that refute
and support paraphrases). The sentences are short texts written for these tests."""

from __future__ import annotations

import pytest

from tests.evidence.test_frame_checks import reading, spacy
from unspin.evidence.frame_checks import check_passage
from unspin.nlp import Backbone

__all__ = ["spacy"]  # the module's parser, shared with test_frame_checks

pytestmark = pytest.mark.slow


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
    ],
)
def test_a_support_verb_and_a_noun_made_of_a_verb_say_the_verb(
    spacy: Backbone, claim: str, evidence: str, stance: str
) -> None:
    check = check_passage(reading(spacy, claim), reading(spacy, evidence))
    assert check.stance == stance, (check.reason, check.line, check.facts)
