"""Frame checks: how one passage bears on a claim, slot by slot, and how passages combine.

The sentences are short texts written for these tests.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import pytest

from unspin.evidence.frame_checks import (
    Facts,
    Reading,
    check_passage,
    decide,
    read_parsed,
    title_words,
)
from unspin.evidence.passages import PassageReader
from unspin.evidence.synonyms import WordMatcher, bases, same_sense
from unspin.evidence.tables import EvidencePassage
from unspin.evidence.verdict import combine
from unspin.frames import compare_frames, sentence_frames
from unspin.frames.compare import within_bound
from unspin.nlp import Backbone, FakeBackbone, Parsed, SpacyBackbone


def q(value: float, text: str, counts: str = "other", unit: str | None = "home") -> dict[str, Any]:
    return {"value": value, "text": text, "counts": counts, "unit": unit}


def test_a_qualified_figure_is_a_bound_only_when_asked() -> None:
    claim = {"quantities": [q(200, "More than 200 homes")]}
    passage = {"quantities": [q(214, "214 homes")]}
    [plain] = compare_frames(claim, passage)
    [bounded] = compare_frames(claim, passage, bounds=True)
    assert not plain.agrees and bounded.agrees
    assert within_bound(q(50, "nearly 50 homes"), 48) and not within_bound(q(50, "nearly 50"), 51)
    assert within_bound(q(200, "about 200"), 210) and not within_bound(q(200, "about 200"), 260)
    assert within_bound(q(12, "12 homes"), 12) and not within_bound(q(12, "12 homes"), 21)


@pytest.mark.parametrize(
    ("sides", "verdict"),
    [
        ([("supports", 1.0), ("refutes", 0.6)], "supported"),  # the distractor is less about it
        ([("refutes", 0.9), ("supports", 0.5), ("neutral", 1.0)], "refuted"),
        ([("supports", 0.8), ("refutes", 0.85)], "mixed"),  # both as much about the claim
        ([("neutral", 1.0), ("neutral", 0.9)], "not verified"),
        ([], "not verified"),
    ],
)
def test_the_passages_most_about_the_claim_decide(
    sides: list[tuple[str, float]], verdict: str
) -> None:
    agg = combine(sides)
    assert agg.verdict == verdict
    assert ("not verified" in agg.frame_rule()) == (verdict == "not verified")


def test_title_words_are_compared_like_content_words() -> None:
    assert title_words("Brightwell Foods to close Halvering plant") >= {"brigh", "clos", "halve"}
    assert title_words(None) == frozenset()


class CountingBackbone(FakeBackbone):
    def __init__(self) -> None:
        super().__init__()
        self.parsed: list[str] = []
        self.embedded: list[str] = []

    def parse_many(self, texts: Sequence[str]) -> list[Parsed]:
        self.parsed.extend(texts)
        return super().parse_many(texts)

    def embed(self, texts: Sequence[str]) -> Any:
        self.embedded.extend(texts)
        return super().embed(texts)


def passage(text: str, doc: str = "d1", published: str | None = "2024-05-02") -> EvidencePassage:
    return EvidencePassage(doc, "A title", None, None, 0, 0, len(text), text, published)


def test_passages_are_parsed_once_and_read_with_their_date() -> None:
    backbone = CountingBackbone()
    reader = PassageReader(backbone)
    a, b = passage("The plant closed on Friday."), passage("It reopened.", doc="d2")
    first = reader.read([a, b])
    again = reader.read([b, a])
    assert backbone.parsed == ["The plant closed on Friday.", "It reopened."]
    assert again == first[::-1] and all(isinstance(r, Reading) for r in first)
    reader.clear()
    reader.read([a])
    assert len(backbone.parsed) == 3


def test_near_words_are_found_and_vectors_cached() -> None:
    backbone = CountingBackbone()
    matcher = WordMatcher(backbone)
    matcher.prepare(["worker", "bus", "staff"])
    # the fake encoder gives the same word the same vector and other words unrelated ones
    assert matcher.matches({"worke": "worker"}, ["bus", "worker"]) == {"worke": "worker"}
    assert matcher.matches({"staff": "staff"}, ["bus"]) == {}
    assert sorted(backbone.embedded) == ["bus", "staff", "worker"]


# -- real parses ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spacy() -> Backbone:
    return SpacyBackbone()


def reading(backbone: Backbone, text: str) -> Reading:
    parsed = backbone.parse(text)
    return read_parsed(parsed, [f.to_json(text) for f in sentence_frames(parsed)])


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "evidence", "stance", "reason", "line"),
    [
        (
            "The storm killed 12 people in Harlow.",
            "The storm killed 21 people in Harlow.",
            "refutes",
            "number differs",
            "differ: number (claim: 12 people (killed); passage: 21 people (killed))",
        ),
        (
            "Someone was injured in the Harlow fire.",
            "No one was injured in the Harlow fire.",
            "refutes",
            "polarity differs",
            "differ: polarity",
        ),
        (
            "The Harlow bridge reopened on 29 April 2024.",
            "The Harlow bridge reopened on 6 May 2024.",
            "refutes",
            "date differs",
            "differ: date (claim: 29 April 2024; passage: 6 May 2024)",
        ),
        (
            "The Millbrook council approved the library budget.",
            "The Millbrook council rejected the library budget.",
            "refutes",
            "antonym differs",
            "differ: antonym (claim: approve; passage: reject)",
        ),
        (
            "The budget was approved by Kestrel District Council.",
            "The budget was approved by Dunmore City Council.",
            "refutes",
            "differs",
            "differ:",
        ),
        (
            "More than 200 homes in Tessby were flooded.",
            "In Tessby, 214 homes were flooded.",
            "supports",
            "covers the claim",
            "agree: polarity, number",
        ),
        (
            # half the claim is stated, the other half nowhere: it does not settle it
            "Crews made 19 rescues by boat in Tessby, and soldiers were called in to help.",
            "Crews made 19 rescues by boat in Tessby.",
            "neutral",
            "",
            "",
        ),
        (
            "The Tessby mayor opened a new public library.",
            "The Tessby mayor opened a swimming pool in 2021.",
            "neutral",
            "",
            "",
        ),
        (
            # a building is not its town: "Selby Town Hall" is not named by "Selby"
            "The Selby mayoral votes were counted at Selby Town Hall.",
            "Ann Lowe was elected mayor of Selby after a count at the Marton Leisure Centre.",
            "refutes",
            "place differs",
            "differ: place (claim: selby town hall; passage: marto leisu centr)",
        ),
        (
            # a place ("in Marton") is swapped only for another place, not for a river
            "Fewer homes were flooded in Marton than in Selby.",
            "The River Wend flooded homes in Selby.",
            "neutral",
            "",
            "",
        ),
        (
            # the claim's verb by a verb of its sense, with its preposition
            "The chief executive pointed to rising energy costs.",
            "The chief executive blamed rising energy costs.",
            "supports",
            "covers the claim",
            "agree: polarity",
        ),
        (
            # a noun made of the claim's verb states it
            "The closure of the pool was confirmed.",
            "The council confirmed that the pool will close.",
            "supports",
            "covers the claim",
            "agree: polarity",
        ),
        (
            # a mark a figure fell short of is denied
            "The River Wend set a new record level at Marton in 2023.",
            "The river peaked at 2.1 metres at Marton in 2023, below the 2001 record of 2.4 m.",
            "refutes",
            "polarity differs",
            "differ: polarity (claim: recor; passage: not recor)",
        ),
        (
            # ... not a thing a place is below (no figure in its phrase)
            "The footpath at Marton flooded in 2023.",
            "The footpath below the bridge at Marton flooded in 2023.",
            "supports",
            "covers the claim",
            "agree: polarity",
        ),
        (
            # "took place" says only that it happened
            "The Selby meeting took place in the town hall.",
            "The Selby meeting was held in the town hall.",
            "supports",
            "covers the claim",
            "agree: polarity",
        ),
    ],
)
def test_one_passage_against_one_claim(
    spacy: Backbone, claim: str, evidence: str, stance: str, reason: str, line: str
) -> None:
    check = check_passage(reading(spacy, claim), reading(spacy, evidence))
    assert check.stance == stance, check
    assert reason in check.reason and line in check.line
    assert 0 <= check.coverage <= check.about <= 1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("claim", "evidence", "stance", "line"),
    [
        (
            # the claim gives the comparison figure as the figure
            "The Ardley plant employs 310 people.",
            "The Ardley plant employs 262 people, down from 310 people in 2020.",
            "refutes",
            "differ: number (claim: 310 people (people); passage: 262 people (people))",
        ),
        (
            # the date of the other clause's event is not the claim's
            "Homes in Selby Marsh were evacuated on 9 June 2024.",
            "Homes in Selby Marsh were evacuated on 7 June 2024; people returned on 9 June 2024.",
            "refutes",
            "differ: date",
        ),
        (
            # the comparison figure hangs from "compared", not from the claim's verb
            "In the Selby trial, 90 patients were admitted to hospital.",
            "In the Selby trial, 25 patients were admitted to hospital, compared with 90 in "
            "the placebo group.",
            "refutes",
            "differ: number (claim: 90 patients (people); passage: 25 patients (people))",
        ),
        (
            # "up from X" says it rose from X
            "Marton Primary rose from 'good' to 'outstanding'.",
            "Marton Primary has been judged 'outstanding', up from 'good' in 2021.",
            "supports",
            "agree: polarity",
        ),
        (
            # a later figure that is not a comparison states the figure too
            "The fee could rise to £9 million.",
            "The club paid a fee of £7 million, rising to £9 million with bonuses.",
            "supports",
            "agree: polarity, number",
        ),
        (
            # April dates the rise, which the claim leaves undated; March is the closure's
            "The council closed the pool in March and raised parking fees by 5 per cent.",
            "The council raised parking fees by 5 per cent in April.",
            "neutral",
            "agree: number",
        ),
        (
            "The pool shut in 2019 and the council raised parking fees by 5 per cent.",
            "The council raised parking fees by 5 per cent in 2021.",
            "neutral",
            "agree: number",
        ),
    ],
)
def test_figures_and_dates_are_matched_to_their_own_event(
    spacy: Backbone, claim: str, evidence: str, stance: str, line: str
) -> None:
    check = check_passage(reading(spacy, claim), reading(spacy, evidence))
    assert check.stance == stance, check
    assert line in check.line, check.line


@pytest.mark.slow
def test_a_restatement_in_other_words_supports_only_with_a_close_embedding(
    spacy: Backbone,
) -> None:
    claim = reading(
        spacy, "Appeal judges in Selby turned down Orwell Mining's legal challenge to its fine."
    )
    evidence = reading(
        spacy, "The Court of Appeal in Selby rejected an appeal by Orwell Mining against its fine."
    )
    far = check_passage(claim, evidence, similarity=0.5)
    close = check_passage(claim, evidence, similarity=0.8)
    assert far.stance == "neutral" and far.facts is not None and far.facts.stated
    assert (close.stance, close.reason) == ("supports", "restates the claim (cosine 0.80)")


@pytest.mark.slow
def test_a_stopped_proposal_negates_what_it_proposed(spacy: Backbone) -> None:
    claim = reading(spacy, "The Selby council reopened the two libraries in Marton.")
    evidence = reading(
        spacy, "An amendment to reopen two libraries in Marton was defeated by the Selby council."
    )
    check = check_passage(claim, evidence)
    assert (check.stance, check.reason) == ("refutes", "polarity differs"), check
    assert "negative (reopen: negated)" in check.line


def test_the_rule_reads_the_facts() -> None:
    agreed = Facts((), 0.6, 0.6, 0.6, True, True, True, True, similarity=0.8)
    assert decide(agreed)[0] == "supports"
    assert decide(replace(agreed, similarity=0.6))[0] == "neutral"
    assert decide(replace(agreed, stated=False))[0] == "neutral"  # no verb of its sense
    swapped = Facts(("name",), 0.6, 0.8, 0.8, True, False, True, True, light=True)
    assert decide(swapped)[0] == "neutral"  # "X is the highest" is not about Y
    assert decide(replace(swapped, light=False)) == ("refutes", "name differs")
    # the opposite verb and its figure differ together: one telling of the same measure
    opposite = Facts(("antonym", "number"), 0.5, 0.8, 0.6, True, True, True, True)
    assert decide(opposite) == ("refutes", "antonym and number differ")
    assert decide(replace(opposite, rest=0.4))[0] == "neutral"  # not about the claim
    assert decide(Facts(("date", "number"), 0.5, 0.8, 0.6, True, True, True, True))[0] == (
        "neutral"
    )  # another time, another figure: maybe another measurement


@pytest.mark.slow
def test_the_opposite_verb_with_another_figure_refutes(spacy: Backbone) -> None:
    claim = reading(spacy, "Unemployment in Westby rose to 6 percent in March 2024.")
    evidence = reading(spacy, "Unemployment in Westby fell to 4.1 percent in March 2024.")
    check = check_passage(claim, evidence)
    assert (check.stance, check.reason) == ("refutes", "antonym and number differ"), check


def test_verbs_of_one_sense() -> None:
    assert same_sense("turn down", "reject") and same_sense("commend", "praise")
    assert not same_sense("rise", "fall") and not same_sense("praise", "criticise")
    assert same_sense("point to", "blame")


def test_a_noun_made_of_a_verb_reads_as_the_verb() -> None:
    assert "close" in bases("closure") and "reduce" in bases("reduction")
    assert "recruit" in bases("recruitment") and "approve" in bases("approval")
    assert bases("station") == {"station"} and bases("million") == {"million"}


def test_more_of_the_claim_stated_asks_less_of_the_wording() -> None:
    close = Facts((), 0.7, 0.7, 0.7, True, True, True, True, similarity=0.6)
    assert decide(close)[0] == "supports"
    assert decide(replace(close, similarity=0.55))[0] == "neutral"
    assert decide(replace(close, coverage=0.65))[0] == "neutral"
    assert decide(replace(close, named=False))[0] == "neutral"


@pytest.mark.slow
def test_a_passage_calling_the_claim_false_refutes_it(spacy: Backbone) -> None:
    claim = reading(spacy, "Nitrate levels in the Harlow River rose between 2019 and 2023.")
    evidence = reading(
        spacy,
        "Reports that nitrate levels in the Harlow River rose between 2019 and 2023 are false.",
    )
    check = check_passage(claim, evidence)
    assert (check.stance, check.reason) == ("refutes", "polarity differs")


class FakeCross:
    name = "fake-cross"

    def __init__(self) -> None:
        self.pairs: list[tuple[str, str]] = []

    def predict(self, pairs: Sequence[tuple[str, str]]) -> Any:
        import numpy as np

        self.pairs.extend(pairs)
        return np.tile(np.array([0.7, 0.2, 0.1]), (len(pairs), 1))


def test_the_cross_encoder_is_one_option_of_the_stance_signal(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from unspin.evidence.analyzer import VerdictsAnalyzer
    from unspin.evidence.index import RetrievedPassage
    from unspin.model import Document, Explanation, Finding

    cross = FakeCross()
    analyzer = VerdictsAnalyzer(stance_model="cross")
    monkeypatch.setattr(analyzer, "_cross_for", lambda: cross)
    claim = Finding.anchored(
        Document("The claim."),
        0,
        9,
        kind="claim",
        label="numeric",
        score=0.9,
        analyzer="claims",
        analyzer_version="1",
        explanation=Explanation("test"),
    )
    found = [RetrievedPassage(passage("A passage."), 0.1, 0.5)]
    [stance] = analyzer._stances(claim, None, 0, found)
    assert cross.pairs == [("The claim", "A passage.")]
    assert stance.stance == "supports" and stance.probabilities["refutes"] == 0.2
    # the default reads no stance model at all
    assert VerdictsAnalyzer()._stances(claim, None, 0, found) == []


@pytest.mark.slow
def test_a_predicate_said_with_another_verb_needs_everything_else_and_a_close_cosine(
    spacy: Backbone,
) -> None:
    claim = reading(spacy, "A 40-year-old man from Selby was treated in hospital for burns.")
    other = reading(spacy, "A 40-year-old man from Selby was taken to hospital with burns.")
    close = check_passage(claim, other, similarity=0.85)
    assert close.stance == "supports" and "another verb" in close.reason, close
    assert check_passage(claim, other, similarity=0.65).stance == "neutral"
    # a verb whose senses or opposites are known, or two verbs of specific sense, said one
    # for the other, are another event
    for said, passage_text in (
        (
            "The Selby council extended the bus contract with Marton Coaches.",
            "The Selby council ended the bus contract with Marton Coaches.",
        ),
        (
            "The Selby minister attended the climate summit in Marton.",
            "The Selby minister missed the climate summit in Marton.",
        ),
        (
            "The Marton plant will hire 300 workers in 2025.",
            "The Marton plant will lay off 300 workers in 2025.",
        ),
        (
            "Selby United signed Tom Hale from Marton Rovers.",
            "Selby United sold Tom Hale to Marton Rovers.",
        ),
    ):
        check = check_passage(reading(spacy, said), reading(spacy, passage_text), similarity=0.9)
        assert check.stance != "supports", check


def test_another_verb_is_read_only_for_a_free_predicate() -> None:
    facts = Facts((), 0.8, 0.8, 0.8, False, True, True, True, similarity=0.85, free_verb=True)
    assert decide(facts)[0] == "supports"
    assert decide(replace(facts, free_verb=False))[0] == "neutral"
    assert decide(replace(facts, similarity=0.69))[0] == "neutral"
    assert decide(replace(facts, coverage=0.7))[0] == "neutral"


@pytest.mark.slow
def test_a_name_said_by_a_definite_description_of_its_kind(spacy: Backbone) -> None:
    claim = reading(spacy, "The KX-12 results have not yet appeared in a medical journal.")
    the = check_passage(
        claim, reading(spacy, "The results have not yet been published in a medical journal.")
    )
    assert the.stance == "supports" and the.facts is not None and the.facts.named, the
    # ... not where the passage names another of its kind
    other = check_passage(
        claim, reading(spacy, "The KX-40 results have not yet been published in a medical journal.")
    )
    assert (other.stance, other.reason) == ("refutes", "name differs"), other


@pytest.mark.slow
def test_a_capitalised_plural_opening_the_sentence_is_no_name(spacy: Backbone) -> None:
    claim = reading(spacy, "Inspectors praised the music teaching at Marton Academy.")
    assert ("inspe",) not in claim.sentences[0].names
    check = check_passage(
        claim, reading(spacy, "They praised the music teaching at Marton Academy.")
    )
    assert check.stance == "supports", check
    assert ("lindq",) in reading(spacy, "Lindqvist conceded on Friday.").sentences[0].names


@pytest.mark.slow
def test_a_verb_of_the_claim_said_by_a_noun_made_of_a_verb_of_its_sense(spacy: Backbone) -> None:
    claim = reading(spacy, "About 900 cars a day used the Selby bridge before it was shut.")
    evidence = reading(
        spacy, "Before the closure, about 900 cars crossed the Selby bridge each day."
    )
    check = check_passage(claim, evidence, similarity=0.75)
    assert check.facts is not None and check.facts.each_clause, check  # shut: the closure
    assert check.stance == "supports" and "another verb" in check.reason, check
