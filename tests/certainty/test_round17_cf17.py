"""Round 17 and 18 of the precision audit, certainty cues the readers judged wrong: a
modal in an appeal's relative clause that describes who might have seen something
("anyone who may have seen ..."), "perhaps"/"maybe" offering options in a rhetorical
question to readers, a plain noun marked in a headline-style phrase in capitals, a
patient's own doctors inside his first-person account, and a spokesperson of a named
force called by its short name. Fixtures written for this file; the near misses keep
their finding."""

from __future__ import annotations

import pytest

from tests.certainty.shown import shown as _shown
from unspin.nlp import Backbone

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "A van was stolen from a farm near Elmford on Sunday.\n\nAnyone that may have seen "
        "the van or has any other details is asked to call PC Rhys Dunn.",
        "Anybody who might have been near the depot that night should contact the force.",
        "Who should play the coach in the film? Rob Tanner perhaps? Or maybe even Ida "
        "Vance, because why not! Anyone is better than the last one.",
    ],
)
def test_no_claim_is_hedged(backbone: Backbone, text: str) -> None:
    assert not _shown(backbone, text, "hedge")


@pytest.mark.parametrize(
    "text",
    [
        "The driver may have fallen asleep at the wheel, police said.",
        "Officials said the leak was perhaps caused by a faulty valve.",
        "Is the plan dead? Maybe, but the minister may have a new one by June.",
        "Anyone who lives nearby may have heard the blast, the mayor said.",
    ],
)
def test_a_real_hedge_stays(backbone: Backbone, text: str) -> None:
    assert _shown(backbone, text, "hedge")


def test_a_patients_own_doctors_are_no_vague_source(backbone: Backbone) -> None:
    text = (
        "A Welsh woman says a snake bit her on a trip to Goa. Twenty-year-old Nia Roberts "
        "says she woke with a red mark on her arm. She says doctors first thought it was a "
        "rash but later found two fang marks."
    )
    assert not _shown(backbone, text, "vague_attribution")


def test_a_spokesperson_of_a_named_force_by_its_short_name(backbone: Backbone) -> None:
    text = (
        "The Greater Halden Constabulary has denied reports that a singer was arrested.\n"
        "A Halden spokesperson said the force had no record of such an arrest."
    )
    assert not _shown(backbone, text, "vague_attribution")


@pytest.mark.parametrize(
    "text",
    [
        "Experts believe the bridge could fail within a decade.",
        "Doctors warn that the new strain spreads faster than the old one.",
        "A spokesperson said the company would not comment.",
    ],
)
def test_a_vague_source_stays(backbone: Backbone, text: str) -> None:
    assert _shown(backbone, text, "vague_attribution")


def test_a_plain_noun_in_a_caps_headline_phrase_is_no_emphasis(backbone: Backbone) -> None:
    text = (
        "SHOCK!\n\nGASP!\n\nHere\u2019s the VITAL CITY REPORT\u2026\n\n\u2026which bears a "
        "close likeness to a joke that went around last spring."
    )
    assert "REPORT" not in _shown(backbone, text, "booster")
