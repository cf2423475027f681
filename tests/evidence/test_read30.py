"""Frame checks of session 30 (issue #13, point 3): a passage that says the opposite of a
claim by judgement ("praised X" / "X was poor"), by likeness ("more common in A than in B"
/ "similar rates in both") or by payment ("paid a fee" / "a free transfer"), and "kept
going" said as "ran". The sentences are short texts written for these tests."""

from __future__ import annotations

import pytest

from tests.evidence.test_frame_checks import spacy
from tests.evidence.test_frame_paraphrase import dated
from unspin.evidence.contrasts import Contrasts, read_contrasts
from unspin.evidence.frame_checks import check_passage
from unspin.nlp import Backbone

__all__ = ["spacy"]  # the module's parser, shared with test_frame_checks

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("claim", "evidence", "stance"),
    [
        # praise of a thing the passage judges badly, and blame of one it judges well
        (
            "Reviewers praised the science teaching at Corran Grammar.",
            "Reviewers said science teaching at Corran Grammar was poor.",
            "refutes",
        ),
        (
            "Auditors criticised the Marton payroll system.",
            "Auditors said the Marton payroll system was strong.",
            "refutes",
        ),
        # ... not another thing judged badly, nor the thing judged well, nor by others
        (
            "Reviewers praised the science teaching at Corran Grammar.",
            "Parents said science teaching at Corran Grammar was poor.",
            "neutral",
        ),
        (
            "Reviewers praised the science teaching at Corran Grammar.",
            "Reviewers said the art teaching at Corran Grammar was poor.",
            "neutral",
        ),
        (
            "Reviewers praised the science teaching at Corran Grammar.",
            "Reviewers said science teaching at Corran Grammar was excellent.",
            "neutral",
        ),
        # a difference between two sides against a likeness of both
        (
            "Complaints were more common in Ardley than in Corran.",
            "Complaints in Ardley and Corran came at similar rates in both towns.",
            "refutes",
        ),
        # ... not a bound ("more than 300"), nor a likeness of no measure and no two sides
        (
            "More than 300 complaints were made in Ardley and Corran.",
            "Complaints in Ardley and Corran came at similar rates in both towns.",
            "neutral",
        ),
        (
            "Complaints were more common in Ardley than in Corran.",
            "Ardley and Corran have a similar history of complaints.",
            "neutral",
        ),
        # a fee paid or charged for a thing the passage gives free
        (
            "The Marton museum charged visitors an entry fee.",
            "The Marton museum offers visitors free entry.",
            "refutes",
        ),
        (
            "Halvik Rovers paid Selby Town a transfer fee for Ona Brisk.",
            "Halvik Rovers signed Ona Brisk from Selby Town on a free transfer.",
            "refutes",
        ),
        # ... not a fee the claim denies, nor one for another thing
        (
            "The Marton museum did not charge visitors an entry fee.",
            "The Marton museum offers visitors free entry.",
            "neutral",
        ),
        (
            "The Marton museum charged visitors a parking fee.",
            "The Marton museum offers visitors free entry.",
            "neutral",
        ),
        # "kept going" says only that they went on: "ran" restates it
        (
            "The two ferries Halvik Lines kept going during the storm carried freight.",
            "Halvik Lines ran two ferries during the storm, which carried freight.",
            "supports",
        ),
    ],
)
def test_one_passage_against_one_claim(
    spacy: Backbone, claim: str, evidence: str, stance: str
) -> None:
    check = check_passage(dated(spacy, claim), dated(spacy, evidence))
    assert check.stance == stance, (check.reason, check.line, check.facts)


@pytest.mark.parametrize(
    ("text", "compares"),
    [
        ("Complaints were more common in Ardley than in Corran.", "common"),
        ("Fewer homes were flooded in Selby than in Marton.", "few"),
        # bounds and idioms compare no two sides
        ("Repairs to the Selby pier took more than a year.", ""),
        ("More than 300 complaints were made in Ardley.", ""),
        ("It is more likely than not that the Selby pier will close.", ""),
        ("The mayor of Selby did little more than wave.", ""),
        ("A Selby courier was tipped more than $2,000 for one delivery.", ""),
    ],
)
def test_what_a_comparison_compares(spacy: Backbone, text: str, compares: str) -> None:
    parsed = spacy.parse(text)
    assert read_contrasts(parsed.tokens).compares == compares


def test_a_passage_compares_with_any_than_and_a_charge_is_a_payment_with_a_fee(
    spacy: Backbone,
) -> None:
    def read(text: str) -> Contrasts:
        return read_contrasts(spacy.parse(text).tokens)

    assert read("The intruder got further into the hall than was reported.").than
    assert not read("Lorries go through Ardley rather than Selby.").than
    assert read("The Selby museum charged visitors an entry fee.").paid == {"charge", "fee"}
    assert read("Police charged the Selby man with theft.").paid == frozenset()
    assert read("The Selby museum did not charge visitors a fee.").paid == frozenset()
