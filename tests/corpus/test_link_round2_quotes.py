"""Quote drift on real news (link audit round 2): no drift claimed where nothing differs.

One person written two ways, a body and its own spokesperson, a title word or an outlet
taken for the speaker, one recording described from two places, and an excerpt cut at
other words were linked as drifted quotations. Invented quotations and names throughout.
"""

from __future__ import annotations

import pytest

from tests.corpus.mentions import links, mention
from unspin.corpus.quote_evidence import excerpts_only, organisation, same_speaker
from unspin.corpus.quotes import compare_wording
from unspin.corpus.words import normalise_quote

SAID = "The lanterns on the old quay were lit again after nine dark winters."


# -- one speaker written two ways ------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Pavel Orlanyan", "Pavel Orlanian"),  # a transliteration of one surname
        ("Rudi Kastner", "Kasnter"),  # a misspelt surname alone
        ("Ilse Marrow", "Ms Marrow"),  # honorific plus surname
        ("Ilse Marrow", "Tearful Ms Marrow"),  # an adjective and an honorific before it
        ("Tobias S. Verhal", "Tobyas Verhal"),  # a given name spelt two ways, an initial
        ("Ida, Brenn", "Ida"),  # a name run on by a comma
    ],
)
def test_one_person_written_two_ways_is_one_speaker(one: str, other: str) -> None:
    assert same_speaker(one, other) is True
    assert links(mention("d1", SAID, one), mention("d2", SAID, other, "2024-05-03")) == []


def test_two_people_are_still_two_speakers() -> None:
    assert same_speaker("Bram Teller", "Oona Vask") is False
    assert same_speaker("Dale Orwin", "Kit Orwin") is False  # one surname, other given names
    a = mention("d1", SAID, "Bram Teller")
    b = mention("d2", SAID, "Oona Vask", "2024-05-03")
    assert links(a, b) == [("d1", "d2", ("speaker",))]


# -- a body and its spokesperson, a title word or an outlet taken for the speaker ------


@pytest.mark.parametrize(
    "body", ["NRWA", "Harbour Police", "Crane House", "Sunday Lantern Times", "QuayDotNews"]
)
def test_a_body_and_its_spokesperson_are_no_speaker_change(body: str) -> None:
    assert organisation(body)
    assert same_speaker(body, "Mira Solden") is None
    a = mention("d1", SAID, "Mira Solden")
    b = mention("d2", SAID, body, "2024-05-03")
    assert links(a, b) == []


def test_two_bare_words_are_no_speaker_change() -> None:
    # a job title's first word ("Chief of ...") taken for the speaker named elsewhere
    assert same_speaker("Harrow", "Chief") is None
    assert links(mention("d1", SAID, "Harrow"), mention("d2", SAID, "Chief", "2024-05-03")) == []


def test_people_are_not_bodies() -> None:
    for name in ("Mira Solden", "Ian McAllister", "Anna de Vries", "Kasnter"):
        assert not organisation(name)


# -- one occasion ----------------------------------------------------------------------


def test_one_recording_described_from_two_places_is_one_occasion() -> None:
    a = mention("d1", SAID, "Ilse Marrow", places=("Lyndon",), settings=("video",))
    b = mention("d2", SAID, "Ilse Marrow", "2024-05-03", places=("Varan",), settings=("video",))
    assert links(a, b) == []


def test_two_settings_alone_are_no_other_occasion() -> None:
    a = mention("d1", SAID, "Ilse Marrow", settings=("address",))
    b = mention("d2", SAID, "Ilse Marrow", "2024-05-03", settings=("video", "statement"))
    assert links(a, b) == []


# -- an excerpt is not a misquote --------------------------------------------------------


LONG = (
    "We bake through the night here and the oven is never cold, so plenty of people pass by. "
    "At first nobody paid her any mind. Then I realised she had been sitting there for two "
    "whole days and had not once gone home."
)


def test_an_excerpt_cut_at_other_words_is_not_drift() -> None:
    label = "Notice: the ferry to Brell did not sink on Monday. The report was a prank."
    got = compare_wording(normalise_quote(label), normalise_quote(label[8:]))
    assert got is not None and got[0] == "partial"
    cut = (
        "At first nobody paid her any mind. Then I realized she had been sitting there "
        "for two whole days, Tam Oswin, a baker, told the paper."
    )
    assert excerpts_only(normalise_quote(LONG), normalise_quote(cut))
    a = mention("d1", LONG, "Tam Oswin")
    b = mention("d2", cut, "Tam Oswin", "2024-05-03")
    assert links(a, b) == []


def test_overlapping_excerpts_of_one_interview_are_not_drift() -> None:
    one = "It is reckless. They build the launchers. The crates break and hundreds spill out."
    two = "The crates break and hundreds spill out. Some are harmless but the fear is the point."
    assert excerpts_only(normalise_quote(one), normalise_quote(two))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # a word changed inside the shared passage
        (LONG, LONG.replace("two whole days", "three whole days")),
        # a few words inserted inside it
        (LONG, LONG.replace("At first nobody", "At first, honestly, nobody")),
        # a word or two altered at the edge
        (LONG, LONG.replace("We bake", "They bake")),
        ("He was stuck because a stone blocked the pipe, not for any other reason.",
         "The pump was stuck because a stone blocked the pipe, not for any other reason."),
    ],
)  # fmt: skip
def test_a_real_wording_change_stays_drift(one: str, other: str) -> None:
    assert not excerpts_only(normalise_quote(one), normalise_quote(other))


def test_a_word_altered_at_the_edge_stays_drift() -> None:
    one = "He was stuck because a stone blocked the pipe, not for any other reason."
    a = mention("d1", one, "Tam Oswin")
    b = mention("d2", one.replace("He", "The pump"), "Tam Oswin", "2024-05-03")
    assert links(a, b) == [("d1", "d2", ("wording",))]
