"""Round 12 of the precision audit, certainty cues the readers judged wrong: capitals of a
newsletter's section heading and of an outlet's name ("told KTX TONIGHT"), "clearly" in
the condition of an "unless"/"if" clause, "can't seem to" (an idiom of failing), "maybe"
opening an interviewer's question, "than it appears" (a comparison with the look of a
thing), and vague attributions whose source the text identifies: a spokesman for a party
named nearby, a poll named in the next sentence or "by <Name>" right after, "generally
accepted accounting rules" (a standard's name), a quantifier over candidates the text
quotes by name; a bare "few" spans its group and verb. Fixtures written for this file;
the near misses keep their finding."""

from __future__ import annotations

import pytest

from tests.certainty.shown import shown as _shown
from unspin.nlp import Backbone

pytestmark = pytest.mark.slow

_DIGEST = (
    "Here is the Pollwatch digest for Monday.\n\n"
    'OHIO VOTERS NOT SO SURE, JUST TOO SOON - Jane Roe and Jon Doe: "The surveys missed '
    'the result on Monday night, but it is not because they were wrong."\n\n'
    "Roe has a lead over Doe in the north, which could grow. It is important to remember "
    "that voters can shift.\n\n"
    "BLUE TOWNS OUTNUMBER GREEN TOWNS FOR THE FIRST TIME - Ann Lund: \u201cAn analysis of "
    "party ties in 2015 finds that 20 towns lean green.\u201d\n\n"
    "That is all there is to it (and you can unsubscribe anytime).\n\n"
    "THURSDAY\u2019S \u2018ODDITIES\u2019 - Links to the best of news at the crossing of "
    "polls and data:\n\n-Roe won 84 percent of young voters."
)


def test_section_headings_in_capitals(backbone: Backbone) -> None:
    assert not _shown(backbone, _DIGEST, "booster")


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("He said the plan was TOTALLY FAKE - and everyone knew it.", "TOTALLY FAKE"),
        ("Roe won.\n\nThey said the vote was NOT FAIR - Doe disagreed.", "NOT"),
    ],
)
def test_capitals_in_running_text_kept(backbone: Backbone, text: str, cue: str) -> None:
    assert any(cue in s for s in _shown(backbone, text, "booster"))


def test_outlet_name_after_acronym(backbone: Backbone) -> None:
    text = "The Westby senator told KTX TONIGHT that there are many good provisions in the plan."
    assert not _shown(backbone, text, "booster")


@pytest.mark.parametrize(
    "text",
    [
        '"As mayor," she said, "I will oppose efforts to sell the land unless doing so is '
        'necessary and is clearly cheaper."',
        "If the ruling is clearly wrong, the court will step in.",
    ],
)
def test_clearly_in_a_condition(backbone: Backbone, text: str) -> None:
    assert not _shown(backbone, text, "booster")


@pytest.mark.parametrize(
    "text",
    [
        "The new plan is clearly cheaper than the old one.",
        "Even if the ruling is clearly wrong, the court will not step in.",
    ],
)
def test_clearly_asserted_kept(backbone: Backbone, text: str) -> None:
    assert "clearly" in _shown(backbone, text, "booster")


@pytest.mark.parametrize(
    "text",
    [
        "She just can't seem to win over the voters.",
        "They could never seem to agree on a budget.",
        'The host pressed. "Maybe let some of them stay if they sign up in time?"',
        "The climb may be steeper than it appears: the ridge has two false summits.",
    ],
)
def test_no_hedge(backbone: Backbone, text: str) -> None:
    shown = _shown(backbone, text, "hedge")
    assert not [s for s in shown if s.lower() != "may"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("She seems to win over the voters in the north.", "seems to"),
        ("She doesn't seem to care about the voters.", "seem to"),
        ("Maybe he will stay in the race after all.", "Maybe"),
        ("We can only hope. Maybe the outcry will convince the maker to sell it?", "Maybe"),
        ("It appears the ridge is steeper than the maps show.", "It appears"),
    ],
)
def test_hedge_kept(backbone: Backbone, text: str, cue: str) -> None:
    assert cue in _shown(backbone, text, "hedge")


@pytest.mark.parametrize(
    "text",
    [
        "The name is being removed from the signs. Then a buyer bought the hotel for $2 "
        "million. A spokesman for the buyer said there was a plan to reopen it in May.\n\n"
        "But the new owner, Velmora Holdings, a private firm based in Westby, did not take "
        "over the debt.",
        "Roe and Doe are locked in a tight race in Westland, a new statewide poll has "
        "found.\n\nThe poll, released on Monday night by the Westland Policy Institute, "
        "showed Roe ahead by two points.",
        "Despite the call to abandon Roe, he still remains at the top of the pack with 24.6 "
        "percent, according to a recent poll by TrackPollsNow. Only time will tell.",
        "He leads the pack with 24.6 percent, according to a recent poll by\u00a0PollCentral. "
        "Only time will tell.",
        "The firm said it was still losing money under generally accepted accounting rules.",
        "Jane Roe, Jon Doe and Ann Lund are running for the Westland seat. In interviews, the "
        "candidates set out their plans.\n\nThe Republican candidates would also seek to "
        "limit the federal role in school funding.\n\nSeveral said they would rather the "
        "state get the money in block grants.\n\nRoe, a former mayor, said the grants "
        "should be based on population.\n\nDoe said he opposes the new standards. Most of "
        "the candidates said they support the right of parents to skip the exams.",
    ],
)
def test_source_identified(backbone: Backbone, text: str) -> None:
    assert not _shown(backbone, text, "vague_attribution")


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "The name is being removed. A spokesman for the buyer said there was a plan to "
            "reopen it in May. The deal closed on Friday.",
            "spokesman",
        ),
        (
            "He remains at the top of the pack with 24.6 percent, according to a recent poll. "
            "Only time will tell.",
            "poll",
        ),
        ("It is generally accepted that the plan failed.", "generally accepted"),
        ("Economists have argued about the tax for years. Several said it would fail.", "Several"),
        (
            "But few on either side of the debate think the tax will ever go into effect.",
            "few on either side of the debate think",
        ),
        ("Some say the tax will never go into effect.", "Some say"),
    ],
)
def test_vague_kept(backbone: Backbone, text: str, cue: str) -> None:
    assert any(cue in s for s in _shown(backbone, text, "vague_attribution"))
