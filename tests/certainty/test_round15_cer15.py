"""Round 15 and 16 of the precision audit, certainty cues the readers judged wrong: a
proper name written in capitals taken as emphasis (an outlet's name repeated in its own
article, a name in capitals in an embedded post that the text writes in title case
elsewhere), "truly" after an ordinal that picks out the genuine kind ("the first truly
contested race"), a report whose outlet is named where it ran, and "possibly" before a
modal whose verb is left out ("as far as she possibly can"). Fixtures written for this
file; the near misses keep their finding."""

from __future__ import annotations

import pytest

from tests.certainty.shown import found as _found
from tests.certainty.shown import shown as _shown
from unspin.certainty.nearby import nearby
from unspin.nlp import Backbone, Parsed, Sentence, Token

pytestmark = pytest.mark.slow

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


# -- vague attributions --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # a poll named later in the sentence, or in its own noun phrase
        "In addition to the mayor, two council members have said they will not back the "
        "plan.\n\nEarly polls show voters in the area resoundingly rejecting the plan: A "
        "Harlow College poll this month found the mayor about even statewide, but losing "
        "a band of counties.",
        # members named in the sentence
        "Security officials - including Agency Director Jon Pell and Deputy Director Ann "
        "Vos - have long argued that the network is at risk.",
        # the spokesperson of a principal the text names
        "Senator Dana Voss will skip the summit. Citing other duties, the former "
        "senator's spokeswoman told reporters that Voss plans to stay home.",
        "Former governor Ned Arlo will not attend the gala. Arlo has stayed away all year. "
        '"Governor Arlo has no plans to attend the gala," a spokesman said Thursday.',
        # a group that has not said anything
        "The county has five delegates. Two others have not said who they would vote for.",
        # the one told
        "Mayor Lena Brandt has voiced frustration, recently telling one person close to "
        "her that she is puzzled by the council.",
        # an effect on people, a comparison with what was expected, remembering
        '"I would be firm," Brandt said. "Frankly, that will make people think, because '
        'they may not care much about their lives, but they do care about their families."',
        '"It is going to be a lot closer than people ever believed it could be," he said.',
        "As they weigh the contest, Brandt supporters think warmly back to 2010.",
    ],
)
def test_vague_source_named_or_no_claim(backbone: Backbone, text: str) -> None:
    assert not _shown(backbone, text, "vague_attribution")


def test_these_people_are_the_insiders(backbone: Backbone) -> None:
    text = (
        "People familiar with her thinking say she now doubts the plan. Ms. Brandt, "
        "these people said, would be open to other measures."
    )
    labels = {label for _, label, _ in _found(backbone, text, "vague_attribution")}
    assert labels == {"vague_source"}


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Experts say the bridge is unsafe, and the city has not acted.", "Experts say"),
        ("The photo caused some to speculate that it was a note.", "some to speculate"),
        ("He has gotten less credit than aides say he deserves.", "aides say"),
        ("Polls show voters rejecting the plan, and the mayor is worried.", "Polls show"),
        ("A spokesman said the fire was set on purpose.", "A spokesman said"),
    ],
)
def test_unnamed_source_stays_vague(backbone: Backbone, text: str, cue: str) -> None:
    assert cue in _shown(backbone, text, "vague_attribution")


def _hand_parsed(rows: list[tuple[str, str, str, int, str]]) -> Parsed:
    """A parse written by hand (text, pos, dep, head, entity), words one space apart."""
    tokens, start = [], 0
    for i, (word, pos, dep, head, ent) in enumerate(rows):
        tokens.append(
            Token(i, start, start + len(word), word, word.lower(), pos, pos, dep, head, ent, " ")
        )
        start += len(word) + 1
    text = " ".join(r[0] for r in rows)
    return Parsed(text, tuple(tokens), (Sentence(0, len(text), 0, len(tokens)),), ())


def test_poll_named_in_a_split_noun_phrase() -> None:
    # the parser hangs the pollster's words under another noun ("nmod"), not the poll
    parsed = _hand_parsed(
        [
            ("According", "VERB", "prep", 9, ""),
            ("to", "ADP", "prep", 0, ""),
            ("an", "DET", "det", 7, ""),
            ("online", "ADJ", "amod", 7, ""),
            ("Harlow", "PROPN", "compound", 5, "ORG"),
            ("College/Valley", "PROPN", "nmod", 7, "ORG"),
            ("Courier", "PROPN", "pobj", 5, "ORG"),
            ("poll", "NOUN", "pobj", 1, ""),
            (",", "PUNCT", "punct", 9, ""),
            ("rivals", "NOUN", "ROOT", 9, ""),
        ]
    )
    assert nearby(parsed, parsed.tokens[7], "vague_research", None) is not None
    # a place names no pollster: "an online Norland poll" stays vague
    place = _hand_parsed(
        [
            ("an", "DET", "det", 2, ""),
            ("online", "ADJ", "amod", 2, ""),
            ("Norland", "PROPN", "compound", 3, "GPE"),
            ("poll", "NOUN", "ROOT", 3, ""),
        ]
    )
    assert nearby(place, place.tokens[3], "vague_research", None) is None
