"""Rounds 4 and 5 of the precision audit (fresh PTC articles): capitals that are page
furniture or a name's initials, "clearly" telling how clear a thing is, a conceding
"Certainly, ... But", a hedge in a wh-question or telling how something was said, and
groups that only receive a message, are named next, or were named before. Fixtures
written for this file; each scores under the default ``min_score`` (0.5) or is not
found, and the near misses keep their finding."""

from __future__ import annotations

import pytest

from unspin.certainty.analyzer import CertaintyAnalyzer
from unspin.config import load_config
from unspin.model import Document
from unspin.nlp import Backbone
from unspin.pipeline import Pipeline

pytestmark = pytest.mark.slow


def _shown(backbone: Backbone, text: str, kind: str) -> list[str]:
    pipe = Pipeline(
        load_config(analyzers=["certainty"]),
        backbone=backbone,
        analyzers=[CertaintyAnalyzer(all_candidates=True)],
    )
    floor = 0.8 if kind == "hedge" else 0.5
    return [f.text for f in pipe.analyze(Document(text)).by_kind(kind) if f.score >= floor]


@pytest.mark.parametrize(
    "text",
    [
        # a link's words in capitals
        "To learn more about the garden, order the new guide by the author: HERE.\n"
        "The guide explains how to plant roses in the spring.",
        "The book shows how seasons turn. (See the full interview with the author HERE). "
        "The town grows.",
        # an acronym that is also an English word, its name spelt out before it
        "The World Health Organization has warned of a spread. The WHO, however, stopped "
        "short of declaring an emergency. It met on Friday.",
        # a resolution's keyword
        'The council writes in its resolution, "WHEREAS, the city has a long history of '
        'adopting strong policies." The mayor agreed.',
    ],
)
def test_capitals_that_are_no_emphasis(backbone: Backbone, text: str) -> None:
    assert _shown(backbone, text, "booster") == []


def test_capitals_for_emphasis_stay(backbone: Backbone) -> None:
    text = (
        "The mayor said the plan was NOT a tax. You should be OUTRAGED at the council. "
        "Please make sure to FOLLOW the author on the site. The Diocese of New York "
        "accepts penitents of ANY kind."
    )
    assert _shown(backbone, text, "booster") == ["NOT", "OUTRAGED", "FOLLOW", "ANY"]


@pytest.mark.parametrize(
    "text",
    [
        "That walk was the most clearly identifiable moment of calm in my early life.",
        "The road was clearly visible from the hill.",
        "The charge against him has not even been clearly outlined by the accuser.",
        "Certainly, some of the details I was to reveal were covered by a promise of "
        "secrecy. But the purpose of any secret is to protect the weak.",
    ],
)
def test_clearly_as_manner_and_conceding_certainly(backbone: Backbone, text: str) -> None:
    assert _shown(backbone, text, "booster") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The claim was clearly false.", "clearly"),
        ("The note was clearly not a letter.", "clearly"),
        ("Certainly the council knew about the leak. It did nothing.", "Certainly"),
    ],
)
def test_boosters_that_stay(backbone: Backbone, text: str, word: str) -> None:
    assert _shown(backbone, text, "booster") == [word]


def test_hedge_in_a_wh_question_or_of_manner(backbone: Backbone) -> None:
    text = (
        "What could conceivably be the reason to say anything as odd as this if it were "
        "not true? It was as though someone had plausibly told me there were dragons."
    )
    assert _shown(backbone, text, "hedge") == []
    assert _shown(backbone, "The plan will plausibly cut costs by a third.", "hedge") == [
        "plausibly"
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the group receives an instruction
        "Local people have also been told not to hold their harvest festival this year.",
        # the team the text has named already
        "This shift could happen again, though the researchers say it will have little "
        "effect on the overall trend.",
        # research the next sentence names
        "The cycles repeat every decade, but new research suggests a colder phase is on "
        "the way. The study, which was published in the Journal of Solar Physics, was led "
        "by the physicist Jane Roe.",
        # a quantifier over a group, no claim
        "One can imagine that the gunmen were actually some of the many other shooters "
        "reported that night.",
        # experts named in the next sentence
        "Experts warn that it is too soon to relax. The bacteria are now widespread, said "
        "Dr. Jane Roe, a biologist at the state university.",
    ],
)
def test_groups_that_carry_no_unnamed_claim(backbone: Backbone, text: str) -> None:
    assert _shown(backbone, text, "vague_attribution") == []


@pytest.mark.parametrize(
    "text",
    [
        "A new warming cycle is on its way, scientists say.",
        "And, according to the latest reports, the police are still looking for a motive.",
        "The agent was suspended for a week, the source said.",
        "Experts warn that it is too soon to relax.",
        "Then the reports suggested there were several gunmen in the hotel.",
        "New research suggests a colder phase is on the way. The winters will be long.",
        "A May 3 report said the tenant left early. The report said Jane Roe had a key.",
    ],
)
def test_vague_groups_that_stay(backbone: Backbone, text: str) -> None:
    assert len(_shown(backbone, text, "vague_attribution")) == 1
