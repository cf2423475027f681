"""A passage's "ones" or "them" read with the noun of the sentence before it (session 30,
a new-user trial: "The council opened two new ones" did not support "The council opened
two new libraries"). The sentences are short texts written for these tests."""

from __future__ import annotations

import pytest

from tests.evidence.test_frame_checks import spacy
from tests.evidence.test_frame_paraphrase import dated
from unspin.evidence import EvidenceIndex
from unspin.evidence.frame_checks import check_passage
from unspin.evidence.passages import PassageReader
from unspin.evidence.tables import EvidencePassage
from unspin.model import Document
from unspin.nlp import Backbone, FakeBackbone
from unspin.store import Store

__all__ = ["spacy"]  # the module's parser, shared with test_frame_checks


def _passage(text: str, before: str = "") -> EvidencePassage:
    return EvidencePassage("d1", None, None, None, 1, 40, 40 + len(text), text, None, before)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "before", "evidence", "stance"),
    [
        # "ones" and "them" take their noun from the sentence before the passage
        (
            "The Wexmoor council opened two new libraries.",
            "Wexmoor's libraries were full every weekend.",
            "The Wexmoor council opened two new ones in the east of the town.",
            "supports",
        ),
        (
            "The Selby council sold its electric buses to Ardley.",
            "Last year the Selby council bought four electric buses.",
            "The Selby council sold them to Ardley.",
            "supports",
        ),
        # ... not past a noun of the passage's own other than the subject, nor without that
        # sentence, nor past a plural noun of the passage's own, nor "them" after "of"
        # (often people: "the two of them")
        (
            "The Selby council sold two electric buses to Ardley.",
            "Last year the Selby council bought four electric buses.",
            "The Selby council sold two of them to Ardley.",
            "neutral",
        ),
        (
            "The Selby council sold its electric buses to Ardley.",
            "Last year the Selby council bought four electric buses.",
            "At a meeting in May, the Selby council sold them to Ardley.",
            "neutral",
        ),
        (
            "The Wexmoor council opened two new libraries.",
            "",
            "The Wexmoor council opened two new ones in the east of the town.",
            "neutral",
        ),
        (
            "The Wexmoor council opened two new libraries.",
            "Wexmoor's libraries were full every weekend.",
            "The Wexmoor council closed two old pools and opened two new ones.",
            "neutral",
        ),
    ],
)
def test_an_anaphor_takes_its_noun_from_the_sentence_before(
    spacy: Backbone, claim: str, before: str, evidence: str, stance: str
) -> None:
    (reading,) = PassageReader(spacy).read([_passage(evidence, before)])
    check = check_passage(dated(spacy, claim), reading)
    assert check.stance == stance, (check.reason, check.line, check.facts)


def test_a_stored_passage_knows_the_sentence_before_it(store: Store) -> None:
    index = EvidenceIndex(store, FakeBackbone())
    text = "Wexmoor's libraries were full. The council opened two new ones. It said so."
    index.add([Document(text, id="wexmoor")])
    found = index.search("Wexmoor libraries were full; the council opened two new ones", limit=9)
    hits = {h.passage.text: h.passage for h in found}
    assert hits["The council opened two new ones."].before.strip() == (
        "Wexmoor's libraries were full."
    )
    assert hits["Wexmoor's libraries were full."].before == ""
