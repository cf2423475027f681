"""Round 12 of the precision audit: a note on how a poll was taken read as a claim to
check (claim/03, /04); "responsible for" naming a charge, not a deed (responsibility/18,
/39); a deed the sentence says there is no evidence of (responsibility/10, /11); the
payer's own spending or the funding of no deed read as a deed (responsibility/14, /21);
an accusation about what a group is made of (responsibility/07); an event cut to a
possessor (responsibility/23, in a body sentence); an event that swallowed a
comparison (responsibility/09). Deeds and poll findings keep their reading. Fixtures
written for this file."""

from __future__ import annotations

import pytest

from tests.claims.test_round7_cf7 import Run, _claim

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "The survey was conducted for the paper by Lund Research with voters leaving 30 "
        "randomly selected precincts throughout the state.",
        "The poll of 1,012 adults has a margin of error of plus or minus 3 percentage points.",
        "The poll was conducted Jan. 5-8 and has a margin of error of 4 points.",
    ],
)
def test_poll_method_is_nothing_to_check(run: Run, text: str) -> None:
    c = _claim(run, text)
    assert c.attributes["checkworthy"] is False
    assert c.attributes["nothing_to_check"] == "how a poll was taken"


@pytest.mark.parametrize(
    "text",
    [
        "The survey, conducted by Lund Research, found that 45 percent back the plan.",
        "The poll was conducted by Lund, and 45 percent backed the plan.",
    ],
)
def test_poll_findings_keep_their_score(run: Run, text: str) -> None:
    c = _claim(run, text)
    assert "nothing_to_check" not in c.attributes


@pytest.mark.parametrize(
    "text",
    [
        # a charge, not a deed
        "According to one source, Acme is responsible for the security of 90 percent of the "
        "nation's dams.",
        "Towns and counties would be responsible for improving clinics with long waits.",
        "Under the plan, the agency will be responsible for the cleanup.",
        # no evidence of the deed
        "The report did not provide specific evidence that Freedonia was behind the hack.",
        "Ann Lee, an expert, said he did not see convincing evidence in the report that the "
        "Freedonian government was behind the bank hack.",
        "There is little evidence that the rebels were behind the raid on the depot.",
        # the payer's own spending
        "Lee nearly doubled the rent his campaign pays in July, when he was self-funding his "
        "campaign.",
        '"Because we fund schools in this country mostly through local taxes, we start with '
        'large gaps," Lee said.',
        "The senator sponsored the legislation in 2014.",
        # an event cut to a possessor (responsibility/23)
        "The governor blamed the media for Lee's 'Vik founded the gang' flap on Tuesday.",
        # what a group is made of (responsibility/07)
        'Lee then accused the crowd, which is chosen by the party, of consisting of "donors '
        'and special interests".',
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
            "Police said the rebels may be responsible for the deaths of two guards.",
            "the rebels",
            "the deaths of two guards",
        ),
        (
            "The guards were responsible for the killing of two inmates.",
            "The guards",
            "the killing of two inmates",
        ),
        (
            "Officials found evidence in the files that the rebels were behind the raid.",
            "the rebels",
            "the raid",
        ),
        (
            "In a response, Lee seemed to blame the network for its reporting more than his "
            "own campaign for spreading false information.",
            "the network",
            "its reporting",
        ),
        (
            "The governor blamed the media for the leak of Lee's letter.",
            "the media",
            "the leak of Lee's letter",
        ),
        (
            "The emirate funded the attacks on the embassy, officials said.",
            "The emirate",
            "the attacks on the embassy",
        ),
        (
            "The minister was accused of funding the riots in the capital.",
            "The minister",
            "funding the riots in the capital",
        ),
    ],
)
def test_responsibility_kept(run: Run, text: str, actor: str, event: str) -> None:
    c = _claim(run, text)
    assert "responsibility" in c.attributes["types"]
    assert c.attributes["actor"]["text"] == actor
    assert c.attributes["event"]["text"] == event
