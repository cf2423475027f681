"""Round 15 of the precision audit: a responsibility actor shown as a bare pronoun ("he",
"him") where the person it stands for is named in the sentence or the one before
(responsibility/04, /05, /09, /11, /16, /20): the actor is now that person, the pronoun
kept as its anchor with how it was resolved, or left unresolved when it cannot be told
(a reciprocal "each other" becomes the subject of its clause: round 13's /26);
an event that swallowed a "while" clause about the other side (responsibility/03); a
role over a share of policy read as a deed (responsibility/13); the party someone blames
for his own self-inflicted harm shown as the actor (responsibility/15). Fixtures written
for this file."""

from __future__ import annotations

import pytest

from tests.claims.test_round7_cf7 import Run, _claim
from unspin.model import Finding

pytestmark = pytest.mark.slow


def _last_claim(run: Run, text: str) -> Finding:
    found = run(text, "claims").by_kind("claim")
    return found[-1]


@pytest.mark.parametrize(
    ("text", "name", "pronoun"),
    [
        (
            "Speaking on Monday in Ohio, Lund insisted that she has “grown the party,” "
            "claiming that she is responsible for higher turnout in the early states.",
            "Lund",
            "she",
        ),
        (
            "Senate front-runner Maria Lund is insisting that she has grown the party, "
            "claiming that she is responsible for higher turnout in the early states.",
            "Maria Lund",
            "she",
        ),
        (
            "Tom Vance may have thought the worst was over in May, when he won a second "
            "term, after a runoff with Pedro Ortiz, a little-known county official who "
            "accused him of catering to donors.",
            "Tom Vance",
            "him",
        ),
        (
            "As the purge intensified, the party sent Okafor Nwosu north to the province, "
            "the center of a growing revolt; there, he carried out attacks on army posts.",
            "Okafor Nwosu",
            "he",
        ),
        (
            "The Latvian hacker whose break-ins first exposed the private server pleaded "
            "guilty Wednesday to identity theft, admitting that he was responsible for a "
            "series of intrusions.",
            "The Latvian hacker",
            "he",
        ),
        (  # "him" is not the subject the clause shares with "cast"
            "Sen. Anna Lund has cast Pedro Ortiz as unqualified and accused him of making "
            "racist remarks in the 1990s.",
            "Pedro Ortiz",
            "him",
        ),
        (  # a reciprocal: the subject of its clause
            "Talks failed Tuesday, as lawmakers accused each other of playing politics with "
            "the flood relief.",
            "lawmakers",
            "each other",
        ),
    ],
)
def test_a_pronoun_actor_is_resolved_to_the_person_named(
    run: Run, text: str, name: str, pronoun: str
) -> None:
    actor = _claim(run, text).attributes["actor"]
    assert actor["text"] == name
    assert text[actor["start"] : actor["end"]] == name
    assert actor["pronoun"]["text"] == pronoun
    assert text[actor["pronoun"]["start"] : actor["pronoun"]["end"]] == pronoun
    assert actor["resolved"]


@pytest.mark.parametrize(
    "text",
    [
        # the only "he" before it opens its sentence, and the sentence before names no one
        "But they cannot be sure. He attacked Mr. Berg's record after Mrs. Berg accused "
        "him of sexism.",
        # two people named before it: not guessed
        "Lund met Berg and Ortiz in May. He was blamed for the leak.",
        # "him" is not the "He" whose clause it shares, who may be the one named before
        "Lund spoke on Monday. He denied the charges and accused him of lying.",
    ],
)
def test_a_pronoun_that_cannot_be_resolved_is_left_unresolved(run: Run, text: str) -> None:
    actor = _last_claim(run, text).attributes["actor"]
    assert actor["text"] in ("him", "He")  # the pronoun itself, shown as it stands
    assert actor["resolved"] is None
    assert actor["pronoun"]["text"] == actor["text"]


def test_a_courtesy_honorific_tells_the_gender(run: Run) -> None:
    # "Herr" is the kernel's honorific table's: no "she", so not the subject before
    text = "Herr Vogt met Mrs. Ortiz in May. She was blamed for the leak."
    actor = _last_claim(run, text).attributes["actor"]
    assert actor["text"] == "Ortiz"
    assert actor["pronoun"]["text"] == "She"


def test_a_name_in_the_sentence_before(run: Run) -> None:
    text = "Anna Lund spoke in Ohio on Monday. She said she was responsible for the raid."
    actor = _last_claim(run, text).attributes["actor"]
    assert actor["text"] == "Anna Lund"
    assert actor["pronoun"]["text"] == "she"


def test_a_named_actor_has_no_pronoun_anchor(run: Run) -> None:
    actor = _claim(run, "Lund said the rebels were responsible for the raid.").attributes["actor"]
    assert actor["text"] == "the rebels"
    assert "pronoun" not in actor


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Anna Lund accuses Pedro Ortiz of subjecting her to a smear over her bank ties "
            "while Ortiz suggests the former governor is a captive of the party elite.",
            "subjecting her to a smear over her bank ties",
        ),
        (
            "Lund blamed the rebels for the shelling of the town while they held the bridge.",
            "the shelling of the town",
        ),
    ],
)
def test_the_event_stops_before_a_contrasted_clause(run: Run, text: str, event: str) -> None:
    assert _claim(run, text).attributes["event"]["text"] == event


@pytest.mark.parametrize(
    "text",
    [
        'The group ran ads quoting her remark that "I was responsible for quite a bit" of '
        "the governor's foreign policy.",
        "Tom Vance has a long history of blaming others for his mostly self-inflicted wounds.",
    ],
)
def test_no_responsibility(run: Run, text: str) -> None:
    c = _claim(run, text)
    assert "responsibility" not in c.attributes["types"]
    assert "actor" not in c.attributes


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        ("Lund was responsible for much of the violence in the port.", "Lund"),
        ("Lund blamed the rebels for the self-evident failures of the truce.", "the rebels"),
    ],
)
def test_deeds_keep_their_reading(run: Run, text: str, actor: str) -> None:
    assert _claim(run, text).attributes["actor"]["text"] == actor


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (
            "The Lund faction continues to tell itself that staying home does not mean "
            "voting for Berg.",
            "a belief someone tells themselves",
        ),
        (
            "Ortiz's support pushes back on the narrative that Lund has a lock on the top "
            "officials in the state.",
            "a reading of a narrative",
        ),
        (
            "But the letter suggests the Greens have no intention of dropping their fight "
            "over the budget.",
            "an inference about intentions",
        ),
        (
            "Greens, meanwhile, blasted the Reds for being sore losers now that the court has "
            "ruled against them.",
            "criticism of what someone is",
        ),
        (
            "“If the Lund campaign wants to argue that donors giving money to her campaign "
            "won’t affect her votes, that’s fine,” Ortiz campaign manager Ana Diaz said.",
            "an evaluation under a condition",
        ),
    ],
)
def test_a_view_belief_or_intention_is_nothing_to_check(run: Run, text: str, why: str) -> None:
    c = _claim(run, text)
    assert c.attributes["checkworthy"] is False
    assert c.attributes["nothing_to_check"] == why


@pytest.mark.parametrize(
    "text",
    [
        "The Greens blasted the Reds for cutting the school budget by 12 percent.",
        "The letter suggests the Greens will drop their fight over the budget.",
        "Lund told the committee that the plan would cost $4 million.",
        "If the bill passes, the tax will rise to 9 percent, the ministry said.",
    ],
)
def test_deeds_and_facts_keep_their_score(run: Run, text: str) -> None:
    assert "nothing_to_check" not in _claim(run, text).attributes
