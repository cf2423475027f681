"""Round 13 and 14 of the precision audit, certainty cues the readers judged wrong: "might
have" + participle of a path not taken (a counterfactual option, not doubt of what
happened), "maybe" softening advice, capitals that are part of a name (an outlet's
name, a plural acronym), "everyone knows" as the object of a verb, "truly" under
negation; vague attributions whose source the text identifies (a poll named nearby, a
spokesman of a named officeholder or agency, a pool report, an aide named in the
sentence before), "benchmark sources" of a methods passage, a conditional "if people
think", a criticised group; and "people familiar with ..." (anonymous sources, not an
opinion crowd). Fixtures written for this file; the near misses keep their finding."""

from __future__ import annotations

import pytest

from tests.certainty.shown import found as _found
from tests.certainty.shown import shown as _shown
from unspin.nlp import Backbone

pytestmark = pytest.mark.slow

# -- hedges -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Economists say the trouble came from policy. The country might have pushed back "
        "against the export strategy, they argue, by pressing harder on the "
        "currency. It might have tried to build new industries instead.",
        "The town could have chosen another road, but it built the bridge.",
    ],
)
def test_counterfactual_option_is_no_hedge(backbone: Backbone, text: str) -> None:
    assert not _shown(backbone, text, "hedge")


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Police said the driver might have fallen asleep at the wheel.", "might have"),
        ("The senator may have peaked too soon in the state.", "may have"),
    ],
)
def test_doubt_about_what_happened_stays(backbone: Backbone, text: str, cue: str) -> None:
    assert cue in _shown(backbone, text, "hedge")


def test_maybe_softening_advice(backbone: Backbone) -> None:
    text = (
        "We told her that maybe she should run for a smaller seat because she had no "
        "experience, said Ann Lund."
    )
    assert "maybe" not in _shown(backbone, text, "hedge")


def test_maybe_of_doubt_stays(backbone: Backbone) -> None:
    text = "Maybe the plan failed because nobody funded it, Lund said."
    assert "Maybe" in _shown(backbone, text, "hedge")


# -- boosters -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The group said it would march anyway.\n\nContributing: Jane Roe and Jon Doe, DAILY NEWS.",
        "The attack killed an envoy, an aide and former Army RANGERS Jon Doe and Tim Roe.",
    ],
)
def test_capitals_of_a_name(backbone: Backbone, text: str) -> None:
    assert not _shown(backbone, text, "booster")


def test_everyone_knows_as_object(backbone: Backbone) -> None:
    text = "Now it is up to the party to make sure everyone knows how the mayor caused this."
    assert "everyone knows" not in _shown(backbone, text, "booster")


def test_everyone_knows_stays(backbone: Backbone) -> None:
    text = "Everyone knows the mayor caused this mess."
    assert "Everyone knows" in _shown(backbone, text, "booster")


def test_truly_under_negation(backbone: Backbone) -> None:
    text = "Observers note the city would not truly close the plant, but rather move it."
    assert "truly" not in _shown(backbone, text, "booster")


# -- vague attributions -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "For the first time, a poll shows Jane Roe leading Jon Doe nationally.\n\n"
        "The Daily Ledger poll found Roe ahead by three points.",
        "Polls suggest a deal on the budget.\n\nRoe leads by four points in the Ledger "
        "polling average, and Doe trails in the Courier survey.",
        "Roe has the best chance, poll finds.\n\nA new Ledger/Halden University poll of "
        "800 voters found Roe ahead.",
    ],
)
def test_poll_named_nearby(backbone: Backbone, text: str) -> None:
    assert not _shown(backbone, text, "vague_attribution")


def test_unnamed_poll_stays(backbone: Backbone) -> None:
    text = "A poll shows Roe leading Doe nationally.\n\nThe race has tightened since May."
    assert _shown(backbone, text, "vague_attribution")


@pytest.mark.parametrize(
    "text",
    [
        "Of the 100 people held, 70 have been sent home, according to an FDA spokeswoman.",
        "Doe spoke on Monday. Lund's spokesman said the minister stood by her words.",
    ],
)
def test_spokesperson_of_named_body_or_officeholder(backbone: Backbone, text: str) -> None:
    assert not _shown(backbone, text, "vague_attribution")


def test_pool_report(backbone: Backbone) -> None:
    text = "Roe, a former mayor, attended the meeting alone, according to a pool report."
    assert not _shown(backbone, text, "vague_attribution")


def test_benchmark_sources(backbone: Backbone) -> None:
    text = (
        "All the samples include more engaged people than benchmark sources indicate "
        "should be present."
    )
    assert not _shown(backbone, text, "vague_attribution")


def test_aide_named_before(backbone: Backbone) -> None:
    text = (
        "One of the authors, Jon Doe, said the vote would test the plan. \u201cWe went the "
        "other way,\u201d said the former top aide to Governor Roe."
    )
    assert not _shown(backbone, text, "vague_attribution")


def test_conditional_people_think(backbone: Backbone) -> None:
    text = "He says if people think the issues will be solved by the old ways, they are wrong."
    assert not _shown(backbone, text, "vague_attribution")


def test_people_familiar_are_anonymous_sources(backbone: Backbone) -> None:
    text = (
        "Doe spoke about the plan, people familiar with the meeting said.\n\n"
        "But Doe had little time, the people said."
    )
    found = _found(backbone, text, "vague_attribution")
    assert all(label == "vague_source" for _, label, _ in found)


def test_people_with_knowledge_are_anonymous_sources(backbone: Backbone) -> None:
    text = "People with knowledge of the group's plans said new donors have come aboard."
    found = _found(backbone, text, "vague_attribution")
    assert found and all(label == "vague_source" for _, label, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "A spokesman said the minister stood by her words.",
        "Roe spoke on Monday. \u201cWe went the other way,\u201d said the aide.",
    ],
)
def test_unnamed_spokesman_or_aide_stays(backbone: Backbone, text: str) -> None:
    assert _shown(backbone, text, "vague_attribution")


def test_subtitle_poll_named_in_body(backbone: Backbone) -> None:
    text = (
        "Bleak outlook for the mayor;\nChances of the mayor winning are small, according "
        "to poll.\n\nIt was years ago that the mayor said it was impossible.\n\nVoters have "
        "changed since then.\n\nA Daily Ledger/Halden University poll found Roe ahead."
    )
    assert not _shown(backbone, text, "vague_attribution")


def test_span_leaves_the_aside_before(backbone: Backbone) -> None:
    text = (
        "While some friends say he would look better if he ate the odd pie - an old "
        "treat - others say he has never been healthier."
    )
    assert "others say" in _shown(backbone, text, "vague_attribution")


def test_group_inside_quotation_of_named_teller(backbone: Backbone) -> None:
    text = (
        "She dismissed efforts by some members to stress their differences.\n\n"
        "\"The people who stand up and say, 'She wrote that one line about a mayor I hated, "
        "but I'll still vote for her' -- that's as good as backing everything she backs,\" "
        "Lund said."
    )
    assert not _shown(backbone, text, "vague_attribution")


def test_hyphenated_modifier_stays_in_span(backbone: Backbone) -> None:
    text = "A well-placed source told the Ledger that the envoy was sent home."
    assert "A well-placed source told" in _shown(backbone, text, "vague_attribution")
