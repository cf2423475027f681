"""Dates, quantities and frames session 30 found wrong on real articles, written again in
invented words: a copyright notice's year read as a date; "around" before a spelled-out
number with a half ("three-and-a-half thousand") lost as its qualifier where the parser
called it a preposition; a state in an office holder's description ("the Kansas
Senator", "a Republican of Illinois") and a disease's name ("an outbreak of Ebola") taken
for the claim's place; the lemma of a verb the lemmatizer does not know ("scapegoated":
"scapegoate"); and a negated verb of saying whose reported clause was read as asserted
("did not say the plant would close")."""

from __future__ import annotations

from datetime import date

import pytest

from unspin.frames import find_dates, find_quantities, sentence_frames
from unspin.nlp import Backbone


def _dates(backbone: Backbone, text: str) -> list[str]:
    return [text[d.start : d.end] for d in find_dates(text, backbone.parse(text), None)]


def _quantities(backbone: Backbone, text: str) -> list[tuple[str, float, bool, str | None]]:
    parsed = backbone.parse(text)
    dates = find_dates(text, parsed, date(2016, 5, 1))
    return [
        (text[q.start : q.end], q.value, q.approximate, q.qualifier)
        for q in find_quantities(text, parsed, [(d.start, d.end) for d in dates])
    ]


def _places(backbone: Backbone, text: str) -> list[str]:
    return [p for f in sentence_frames(backbone.parse(text)) for p in f.places]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Copyright 2015 The Harbour Ledger. All rights reserved.",
        "The ferry sailed.\n\n(c) 2015 Ledger Media",
        "The ferry sailed.\n\n\u00a9 2014-2016 Ledger Media",
        "The ferry sailed.\n\nCopyright \u00a9 2015 Ledger Media Group",
    ],
)
def test_a_copyright_notice_holds_no_date_or_quantity(backbone: Backbone, text: str) -> None:
    assert _dates(backbone, text) == []
    assert _quantities(backbone, text) == []


@pytest.mark.slow
def test_a_year_beside_a_copyright_notice_stays(backbone: Backbone) -> None:
    text = "The pier opened in 2015. Copyright 2016 The Harbour Ledger."
    assert _dates(backbone, text) == ["2015"]
    # a third item of a list, not a copyright sign
    assert _dates(backbone, "Fees: (a) rents; (b) tolls; (c) 2015 levels.") == ["2015"]


@pytest.mark.slow
def test_around_a_spelled_out_half_thousand_is_its_qualifier(backbone: Backbone) -> None:
    text = "The Kansas Senator said around three-and-a-half thousand people came."
    assert _quantities(backbone, text) == [
        ("around three-and-a-half thousand people", 3500.0, True, "about")
    ]
    digits = "The Kansas Senator said around 3,500 people came."
    assert _quantities(backbone, digits) == [("around 3,500 people", 3500.0, True, "about")]
    # a preposition with its object stays one: "curious about two agents"
    assert _quantities(backbone, "Edda Pilkvist was curious about two agents.") == [
        ("two agents", 2.0, False, None)
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("Rep. Edda Pilkvist, a Republican of Illinois, said the plant would close.", []),
        ("Senator Joren Vantage, a Democrat from Oregon, voted against the bill.", []),
        ("The Kansas Senator said the vote was rigged.", []),
        ("Illinois Democrat Joren Vantage said the ferry would stop.", []),
        ("The Ohio governor signed the bill in Columbus.", ["Columbus"]),
        ("The outbreak of Ebola killed 40 people in the north.", []),
        ("Republicans in Ohio passed the bill.", ["Ohio"]),
        ("Rep. Edda Pilkvist (R-Calif.) said ten fighters were caught in Texas.", ["Texas"]),
        ("Joren Vantage ran for governor of Oregon in 2010.", ["Oregon"]),
        ("Edda Pilkvist came third in the Ohio Democratic caucuses.", ["Ohio"]),
        ("The fire spread from Kansas to Ohio.", ["Kansas", "Ohio"]),
    ],
)
def test_an_office_holders_state_or_a_disease_is_no_place(
    backbone: Backbone, text: str, places: list[str]
) -> None:
    assert _places(backbone, text) == places


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("Critics scapegoated the ferry crews for the losses.", "scapegoat"),
        ("The Harbour Ledger rebranded its weekend edition.", "rebrand"),
        ("The council changed the ferry timetable.", "change"),
        ("The crews sidelined the old ferry.", "sideline"),
    ],
)
def test_the_lemma_of_an_unknown_verb_is_a_word(
    backbone: Backbone, text: str, predicate: str
) -> None:
    (frame,) = sentence_frames(backbone.parse(text))
    assert frame.predicate == predicate


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "predicate", "polarity", "cues"),
    [
        ("The minister did not say the plant would close.", "say", "negative", ("not",)),
        ("Mayor Edda Pilkvist never claimed the pier was unsafe.", "claim", "negative", ("never",)),
        ("Nobody claimed that the pier was unsafe.", "claim", "negative", ("Nobody",)),
        # the saying asserted, the clause negated: as before
        ("The minister said the plant would not close.", "close", "negative", ("not",)),
        # a denial not denied: the clause asserted, as before
        ("The minister did not deny that the plant would close.", "close", "positive", None),
    ],
)
def test_a_negated_saying_holds_the_polarity(
    backbone: Backbone, text: str, predicate: str, polarity: str, cues: tuple[str, ...] | None
) -> None:
    (frame,) = sentence_frames(backbone.parse(text))
    assert (frame.predicate, frame.polarity) == (predicate, polarity)
    if cues is not None:
        assert frame.negation_cues == cues
    assert frame.report == ("say" if predicate == "close" and polarity == "negative" else None)


@pytest.mark.slow
def test_a_speakers_name_after_a_role_is_in_the_actor(backbone: Backbone) -> None:
    text = 'Local pilot Edda Pilkvist, 41, said: "No one came to help the 12 sailors."'
    (frame,) = sentence_frames(backbone.parse(text))
    assert frame.actors == ("Local pilot Edda Pilkvist",)
    # a name the parser cut off, or a list of them, is not run into the role
    text = "Harbour candidates Edda Pilkvist and Joren Vantage said the ferry would stop."
    (frame,) = sentence_frames(backbone.parse(text))
    assert "Harbour candidates Edda Pilkvist" not in frame.actors


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "predicate"),
    [
        ("But all that ended when the ferry sank.", None),
        ("Of course not.", None),
        ("Perhaps.", None),
        ("The jury found the clerk not guilty.", "guilty"),
    ],
)
def test_only_a_verb_or_a_reported_adjective_is_a_predicate(
    backbone: Backbone, text: str, predicate: str | None
) -> None:
    (frame,) = sentence_frames(backbone.parse(text))
    assert frame.predicate == predicate
