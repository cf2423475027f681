"""Round 9 of the precision audit: a responsibility reading whose actor is a part of the
body ("his small nose was to blame for ...") or a stretch of time ("the historic moment
could be behind the move"), and one whose event is a clause cut at a preposition the
parse left without its object ("accused of sleeping with"). Deeds keep their reading.
Fixtures written for this file."""

from __future__ import annotations

import pytest

from tests.claims.test_round7_cf7 import Run, _claim

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "A tearful Ivo Petrov reportedly told officers that his small nose was to blame for "
        "his failed marriage.",
        "The young man, who blamed his big ears for being dumped, was taken to hospital.",
        "The man told nurses he felt his short legs were to blame for the fact he had been "
        "dumped by his wife.",
        "The country backed the calls for reform, and the historic moment could be behind "
        "the leader's potential move to open his next restaurant in Spain.",
        "The brutal attack they said was carried out by the angry wife of the man Mia is "
        "accused of sleeping with, and her two friends, was watched by passers-by.",
    ],
)
def test_no_responsibility(run: Run, text: str) -> None:
    c = _claim(run, text)
    assert "responsibility" not in c.attributes["types"]
    assert "actor" not in c.attributes


@pytest.mark.parametrize(
    ("text", "actor", "event"),
    [
        (
            "Officials blamed the head of the agency for the leak of the files.",
            "the head of the agency",
            "the leak of the files",
        ),
        (
            "The rebels' armed wing was behind the attack on the depot, police said.",
            "The rebels' armed wing",
            "the attack on the depot",
        ),
        (
            "Ann Lund was accused of sleeping with a married colleague.",
            "Ann Lund",
            "sleeping with a married colleague",
        ),
    ],
)
def test_responsibility_kept(run: Run, text: str, actor: str, event: str) -> None:
    c = _claim(run, text)
    assert "responsibility" in c.attributes["types"]
    assert c.attributes["actor"]["text"] == actor
    assert c.attributes["event"]["text"] == event


# -- claims that carry nothing to check (round 9 claim/17 /34, round 8 claim/14, round 7
# claim/10, round 6 claim/30, round 4 claim/17): not check-worthy whatever the score; a
# sentence that also tells something keeps its score.


@pytest.mark.parametrize(
    ("text", "why"),
    [
        (
            "Disclosure: Ann Lund is an investor in this paper through her company Lund Capital.",
            "a note about the article itself",
        ),
        (
            "Correction: An earlier version of this story said the first post came from a "
            "state broadcaster.",
            "a note about the article itself",
        ),
        (
            "One of them, Ann Lund, said it was not yet clear if the rock burned up completely "
            "or if it had been blasted into the soil.",
            "only that something is not known",
        ),
        ("It did not say where the raids occurred.", "only that something is not known"),
        (
            "It is unclear whether the men were armed when police shot them in the market.",
            "only that something is not known",
        ),
        (
            "A spokesman for the college didn't immediately respond to our request for comment "
            "on the lawsuit.",
            "a request for comment not answered",
        ),
        (
            "The agency did not immediately return a request for comment on Friday.",
            "a request for comment not answered",
        ),
        ("The lawyer did not return calls.", "a request for comment not answered"),
        (
            "Although he is still in a foreign embassy, his right of passage out of it should "
            "be guaranteed by the government.",
            "what should be, not what is",
        ),
    ],
)
def test_nothing_to_check(run: Run, text: str, why: str) -> None:
    c = _claim(run, text)
    assert c.attributes["checkworthy"] is False
    assert c.attributes["nothing_to_check"] == why


@pytest.mark.parametrize(
    "text",
    [
        "The firm declined to comment on the report that it paid $2 million to the senator.",
        "The firm declined to comment on the report, but said it paid $2 million to the "
        "senator in 2014.",
        "It is clear that the men were armed when police shot them in the market on Friday.",
        "Police said the soldiers did not return fire during the attack on the base.",
        "It should be noted that the letter was signed by the cardinal, not by the pope.",
        "The council should have approved the plan in 2012, but it voted it down.",
        "The ministry did not say where the $5 million in aid had gone, but the audit found "
        "that $2 million was spent on cars.",
    ],
)
def test_something_to_check(run: Run, text: str) -> None:
    c = _claim(run, text)
    assert "nothing_to_check" not in c.attributes
    assert c.attributes["checkworthy"] is (c.score >= 0.65)
