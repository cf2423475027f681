"""Round 15 and 16 of the precision audit, certainty cues the readers judged wrong: a
proper name written in capitals taken as emphasis (an outlet's name repeated in its own
article, a name in capitals in an embedded post that the text writes in title case
elsewhere), "truly" after an ordinal that picks out the genuine kind ("the first truly
contested race"), a report whose outlet is named where it ran, and "possibly" before a
modal whose verb is left out ("as far as she possibly can"). Fixtures written for this
file; the near misses keep their finding."""

from __future__ import annotations

import pytest

from unspin.certainty.analyzer import CertaintyAnalyzer
from unspin.config import load_config
from unspin.model import Document
from unspin.nlp import Backbone
from unspin.pipeline import Pipeline

pytestmark = pytest.mark.slow

#: The analyzer's default ``min_score``, and the hedges' ``min_hedge_score``.
_SHOWN = {"booster": 0.5, "vague_attribution": 0.5, "hedge": 0.8}


def _found(backbone: Backbone, text: str, kind: str) -> list[tuple[str, str, float]]:
    pipe = Pipeline(
        load_config(analyzers=["certainty"]),
        backbone=backbone,
        analyzers=[CertaintyAnalyzer(all_candidates=True)],
    )
    found = pipe.analyze(Document(text)).by_kind(kind)
    return [(f.text, f.label, f.score) for f in found if f.score >= _SHOWN[kind]]


def _shown(backbone: Backbone, text: str, kind: str) -> list[str]:
    return [t for t, _, _ in _found(backbone, text, kind)]


# -- capitals that write a name -----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # an outlet's name repeated in its own article
        "A shipping cartel may have hidden millions in fees, a KVR TONIGHT investigation "
        "found.\n\nKVR TONIGHT identified dozens of ships. KVR TONIGHT reported last month "
        "that the cartel grew. In response to KVR TONIGHT's queries, the firm paid.",
        "According to KVR TONIGHT contributor Jon Marsh, rates moved seven times.\n\n"
        "Tom Callan is editor in chief of KVR TONIGHT. His opinions are his own.",
        # one mention, the name modifying a noun
        "A shipping cartel may have hidden millions in fees, a KVR TONIGHT investigation found.",
        # a name in capitals in an embedded post, in title case elsewhere
        'A source wrote: "Radio: Olek Sayed was acting nervous." Later another post said: '
        '"radio: OLEK SAYED named #Brookfield"',
    ],
)
def test_name_in_capitals_is_no_emphasis(backbone: Backbone, text: str) -> None:
    assert not _shown(backbone, text, "booster")


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The DNC NEVER listened to the voters, and the party paid.", "NEVER"),
        # the word only sentence-initial in title case elsewhere: no name
        ('Sayed went home. Later a post said: "radio: OLEK SAYED named #Brookfield"', "SAYED"),
        # a common word shouted, though a name uses it too
        (
            "The senator said the plan is WRONG. Critics at the Wrong Turn Institute agreed.",
            "WRONG",
        ),
    ],
)
def test_shouted_word_stays_emphasis(backbone: Backbone, text: str, cue: str) -> None:
    assert cue in _shown(backbone, text, "booster")


# -- "truly" that restricts ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The vote was the first truly contested mayoral race in the county since 1990.",
        "In 2004 the island held the first truly multiparty election in its history.",
    ],
)
def test_first_truly_picks_out_a_kind(backbone: Backbone, text: str) -> None:
    assert "truly" not in _shown(backbone, text, "booster")


def test_truly_without_ordinal_stays_intensifier(backbone: Backbone) -> None:
    text = "It was a truly shameful day, and the only plans truly capable of working were dropped."
    assert _shown(backbone, text, "booster") == ["truly", "truly"]


# -- hedges --------------------------------------------------------------------------------


def test_report_with_its_outlet_named_is_no_hedge(backbone: Backbone) -> None:
    text = (
        "You can see for yourself that it was reported live on May 2nd. 2010 on KVR's "
        "evening show that the raiders were a known gang."
    )
    assert not _shown(backbone, text, "hedge")


@pytest.mark.parametrize(
    "text",
    [
        "It was reported on Monday's broadcast that the raiders were a known gang.",
        "It was reported that the raiders were a known gang.",
    ],
)
def test_report_without_outlet_stays_hedge(backbone: Backbone, text: str) -> None:
    assert _shown(backbone, text, "hedge") == ["It was reported"]


@pytest.mark.parametrize(
    "text",
    [
        "Dana is staying as far away from the campaign of the governor as she possibly can, "
        "despite the race.",
        "They did everything they possibly could.",
    ],
)
def test_possibly_of_the_utmost_extent_is_no_hedge(backbone: Backbone, text: str) -> None:
    assert not _shown(backbone, text, "hedge")


def test_possibly_before_a_modal_stays_hedge(backbone: Backbone) -> None:
    text = "Could he win? He possibly could. Officials said the plan possibly could fail."
    assert _shown(backbone, text, "hedge") == ["possibly", "possibly"]
