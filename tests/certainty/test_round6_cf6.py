"""Round 6 of the precision audit (news bodies): "it appeared" meaning was published, a
modal of what can happen in an example, capitals that label a link or name a programme,
an intensifier grading damage beside another degree, "letting everyone know", and
groups that carry no claim or are named a sentence on. Fixtures written for this file;
each is hidden from the default report, and the near misses keep their finding."""

from __future__ import annotations

import pytest

from unspin.certainty.analyzer import CertaintyAnalyzer
from unspin.config import load_config
from unspin.model import Document
from unspin.nlp import Backbone
from unspin.pipeline import Pipeline

pytestmark = pytest.mark.slow

#: The default report's floors (vague attributions are shown from 0.7).
_FLOOR = {"hedge": 0.8, "booster": 0.5, "vague_attribution": 0.7}


def _shown(backbone: Backbone, text: str, kind: str) -> list[str]:
    pipe = Pipeline(
        load_config(analyzers=["certainty"]),
        backbone=backbone,
        analyzers=[CertaintyAnalyzer(all_candidates=True)],
    )
    floor = _FLOOR[kind]
    return [f.text for f in pipe.analyze(Document(text)).by_kind(kind) if f.score >= floor]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "The group's message could not be checked. It appeared on a forum used by its "
            "members and was shared by others.",
            "hedge",
        ),
        (
            "The tale sounded odd the moment it appeared and a little arithmetic would have "
            "shown the flaw.",
            "hedge",
        ),
        (
            "Such conditions vary. For example, a child might be born with two extra teeth "
            "on the lower jaw.",
            "hedge",
        ),
        (
            "The fleet was grounded for a week.\n\nSEE ALSO: Ferry Operator Cuts Winter "
            "Routes\n\nThe port reopened on Friday.",
            "booster",
        ),
        (
            "The chip is made in two plants.\n\nFROM EARLIER: Chip Maker Plans A New Plant"
            "\n\nDemand grew last year.",
            "booster",
        ),
        ('"My heart sank," the baker told TODAY after the fire.', "booster"),
        (
            "Photographs of the harbour showed severely damaged and totally destroyed boats "
            "along the pier.",
            "booster",
        ),
        ('He wrote: "Just letting everyone know the shop is closed on Monday."', "booster"),
        (
            "The firm wants to cause other people to think about how to help their neighbours.",
            "vague_attribution",
        ),
        (
            "Please respect our privacy, although many may not feel we deserve it.",
            "vague_attribution",
        ),
        (
            "Sales of the new phone will grow slowly at first, one analyst believes. Jane "
            "Roe of Harbor Capital Markets believes the firm will sell nine million units.",
            "vague_attribution",
        ),
    ],
)
def test_hidden(backbone: Backbone, text: str, kind: str) -> None:
    assert _shown(backbone, text, kind) == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("It appeared that the talks had stalled before the vote.", "hedge"),
        ("The new plan might be cheaper than the old one.", "hedge"),
        ("The mayor said the plan is NOT going ahead this year.", "booster"),
        ("The damage was totally unacceptable to the residents.", "booster"),
        ("As everyone knows, the bridge is old.", "booster"),
        ("Some may argue that the tax is unfair.", "vague_attribution"),
        ("Many people will think of this plan as a fantasy.", "vague_attribution"),
        (
            '"Everything depends on the council now," said a local party official. "We '
            'have run out of options," said Jane Roe, a fellow at the Harbor Institute.',
            "vague_attribution",
        ),
        (
            "Sales of the new phone will grow slowly at first, one analyst believes. The "
            "mayor said the road will reopen soon.",
            "vague_attribution",
        ),
    ],
)
def test_kept(backbone: Backbone, text: str, kind: str) -> None:
    assert _shown(backbone, text, kind) != []


@pytest.mark.parametrize(
    "text",
    [
        "No city official has yet confirmed the plan, on or off the record.",
        "Five people are confirmed to have the flu in the county.",
        "The road will reopen next month, according to a local transport official who "
        'spoke to a radio station. "The work is nearly done," said John Doe, who is part '
        "of the Regional Transport Board.",
        "Reports indicate that the bridge was closed last month. The Daily Harbor reported "
        "on May 2 about the closure.",
    ],
)
def test_unclaimed_scored_low(backbone: Backbone, text: str) -> None:
    pipe = Pipeline(
        load_config(analyzers=["certainty"]),
        backbone=backbone,
        analyzers=[CertaintyAnalyzer(all_candidates=True)],
    )
    found = pipe.analyze(Document(text)).by_kind("vague_attribution")
    assert [f.text for f in found if f.score >= 0.5] == []
