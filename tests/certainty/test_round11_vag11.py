"""Round 11 of the precision audit, vague attributions to a spokesperson of a body the
text names: "a spokeswoman for <Name>", "a spokesman for the ministry", "a <Name>
spokesperson" where the text names that body elsewhere too, and "the spokesperson said"
after such a one. The readers judged these an identified, on-record source. Fixtures
written for this file; the near misses keep their finding."""

from __future__ import annotations

import pytest

from unspin.certainty.analyzer import CertaintyAnalyzer
from unspin.config import load_config
from unspin.model import Document
from unspin.nlp import Backbone
from unspin.pipeline import Pipeline

pytestmark = pytest.mark.slow

#: The analyzer's default ``min_score``: what the report can show at all.
_SHOWN = 0.5


def _shown(backbone: Backbone, text: str) -> list[str]:
    pipe = Pipeline(
        load_config(analyzers=["certainty"]),
        backbone=backbone,
        analyzers=[CertaintyAnalyzer(all_candidates=True)],
    )
    found = pipe.analyze(Document(text)).by_kind("vague_attribution")
    return [f.text for f in found if f.score >= _SHOWN]


@pytest.mark.parametrize(
    "text",
    [
        "Emails to the maker did not yield an answer. A spokeswoman for Orvel Labs said she "
        "could not say whether the company was developing it.",
        "The minister is in touch with local authorities, a spokesman for the foreign "
        "ministry said on Sunday.",
        'A spokesman for Halden Castle confirmed the find. "There are many plants in the '
        'garden," he said.',
        'Kelso makes soap. "We love it when people try new things," a Kelso spokesperson '
        "told the Westby Herald.",
        "Kelso did not make it. A Kelso spokesperson told the Westby Herald that the product "
        'is not real. "We never made it," the spokesperson said.',
        "Norvia is trying to confirm reports, a foreign ministry spokesman said on Sunday. "
        '"We are pursuing all channels," the spokesman said in a statement.',
    ],
)
def test_spokesperson_of_named_body(backbone: Backbone, text: str) -> None:
    assert not _shown(backbone, text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            "Wuerl had to cancel an appearance, as an Archdiocesan spokesman now confirms.",
            "spokesman",
        ),
        ("The deal collapsed on Friday. A spokesman said the talks would not resume.", "spokesman"),
        ("An unnamed spokesman for Orvel Labs said the deal was off.", "spokesman"),
        (
            "The talks failed. A spokesman said they would not resume. "
            '"We are done," the spokesman said.',
            "the spokesman",
        ),
    ],
)
def test_unnamed_spokesperson_kept(backbone: Backbone, text: str, cue: str) -> None:
    assert any(cue.lower() in s.lower() for s in _shown(backbone, text))


@pytest.mark.parametrize(
    "text",
    [
        "The magazine has a rat problem, reports the Westby Post. The offices are infested "
        "with rodents, according to a report.",
        "A recording of the crash is being studied by police, according to a report.\n\n"
        "News that a recording had surfaced was revealed on KVX, although the network said "
        "it had not confirmed it.",
        "Now, a new report suggests that the steel version will start at $500.\n\n"
        "The report comes from sources at Orvel via the Norvian website Kvix.",
    ],
)
def test_one_report_named_beside(backbone: Backbone, text: str) -> None:
    assert not _shown(backbone, text)


@pytest.mark.parametrize(
    "text",
    [
        "The offices are infested with rodents, according to a report. The staff were told "
        "to stay home.",
        "The offices are infested with rodents, according to a report. News of it was "
        "revealed on Tuesday in Westby.",
        "The offices are infested with rodents, according to an unverified report. The "
        "report comes from sources at Orvel.",
        "Reports say the offices are infested. News of it was revealed on KVX.",
    ],
)
def test_unnamed_report_kept(backbone: Backbone, text: str) -> None:
    assert _shown(backbone, text)


def test_officials_of_named_body_on_record(backbone: Backbone) -> None:
    text = (
        "Reports swirled on Wednesday. Norvian Health Organization officials said they have "
        "not confirmed the cases, but the organization has offered help."
    )
    assert not _shown(backbone, text)


@pytest.mark.parametrize(
    "text",
    [
        "ICE officials said the men were arrested again. The agency did not comment.",
        "Yemeni officials said the raid was joint, but the ministry did not comment.",
    ],
)
def test_officials_kept(backbone: Backbone, text: str) -> None:
    assert _shown(backbone, text)


@pytest.mark.parametrize(
    "text",
    [
        "She was taken to hospital, where doctors quickly told her she was pregnant.",
        "Hours later, a friend drove him to the hospital. Doctors told him he had milk in "
        "his lungs.",
        "This is one of many videos out there. Some others show a second car with a camera "
        "on the roof.",
        "Goldfish can live for 20 years, with some reported to thrive into their 30s.",
        "Westby city officials are considering issuing tickets for small amounts of the drug.",
    ],
)
def test_group_carries_no_claim(backbone: Backbone, text: str) -> None:
    assert not _shown(backbone, text)


@pytest.mark.parametrize(
    "text",
    [
        "Doctors told reporters that he had milk in his lungs.",
        "Some have said that the video was fake.",
        "Officials are considering whether the rules were broken.",
        "Some experts consider the risk low.",
    ],
)
def test_group_claim_kept(backbone: Backbone, text: str) -> None:
    assert _shown(backbone, text)


@pytest.mark.parametrize(
    "text",
    [
        "The patient is a man, and hospital officials now say he is not being treated for "
        "the virus.\n\nOrvel Midwest assistant vice president Jane Roe said that the patient "
        "does not have symptoms.",
        "The Westby Health Department is monitoring the patient. At this point, health "
        "officials are saying the virus is unlikely.\n\nSpokesman Jon Roe said it is "
        "extremely unlikely that the patient has it.",
    ],
)
def test_officials_titled_next(backbone: Backbone, text: str) -> None:
    assert not _shown(backbone, text)


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the road is closed. Jane Roe said she was late.",
        "Officials said the road is closed. President Jane Roe said she was late.",
    ],
)
def test_officials_untitled_next_kept(backbone: Backbone, text: str) -> None:
    assert _shown(backbone, text)


def test_sources_before_named_spokesperson_kept(backbone: Backbone) -> None:
    text = (
        "Orvel was mum on the battery, but sources say it lasts about a day.\n\n"
        "Orvel spokeswoman Ann Lund told the Westby Herald it should last the day."
    )
    assert _shown(backbone, text)
