"""Round 8 of the precision audit: "of course" that concedes a caveat ("Of course, this
is only speculation", "That presumes, of course, that ...", "Of course, X may well ...")
insists on nothing; "of course" that presents a fact as obvious stays a booster.
Capitals of a press label ("BREAKING:") are no emphasis; "it was said ... by <Name>"
names its speaker, no hedge. Fixtures written for this file."""

from __future__ import annotations

import pytest

from tests.certainty.test_round7_cf7 import _shown
from unspin.nlp import Backbone

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "Of course, this is just speculation at this point, and the firm has said nothing.",
        "Of course, let us be plain: these are leaks from people with partial facts.",
        "That presumes, of course, that the leader has fallen ill.",
        "Of course, in a closed state, powerful men may well work out of sight.",
    ],
)
def test_conceding_course(backbone: Backbone, text: str) -> None:
    assert "Of course" not in _shown(backbone, text, "booster")
    assert "of course" not in _shown(backbone, text, "booster")


@pytest.mark.parametrize(
    "text",
    [
        "That lineup, of course, includes the two hosts of the show.",
        "Of course, given how many clips were fakes, it is no surprise this one might be.",
    ],
)
def test_obvious_course_kept(backbone: Backbone, text: str) -> None:
    shown = [s.lower() for s in _shown(backbone, text, "booster")]
    assert "of course" in shown


@pytest.mark.parametrize(
    "text",
    [
        "Ha, what would we do without them? RT @fan: BREAKING: the band joins a cult",
        "Blog Post EXCLUSIVE MUST CREDIT the blog! So you all saw the clip of the brawl.",
    ],
)
def test_press_label(backbone: Backbone, text: str) -> None:
    shown = _shown(backbone, text, "booster")
    assert not any(s in ("BREAKING", "EXCLUSIVE MUST CREDIT") for s in shown)


def test_caps_emphasis_kept(backbone: Backbone) -> None:
    assert "MUST" in _shown(backbone, "The board said you MUST read the report first.", "booster")


def test_passive_with_named_speaker(backbone: Backbone) -> None:
    text = "Yes, a version of the line was spoken, but it was said decades ago by Ann Lund."
    assert "it was said" not in _shown(backbone, text, "hedge")


@pytest.mark.parametrize(
    "text",
    [
        "It was said that the mayor had left the city in secret.",
        "It is said by some that the mayor had left the city.",
    ],
)
def test_reporting_hedge_kept(backbone: Backbone, text: str) -> None:
    assert [s.lower() for s in _shown(backbone, text, "hedge")][:1] == ["it was said"] or (
        "it is said" in [s.lower() for s in _shown(backbone, text, "hedge")]
    )
