"""Wrong speakers found reading PTC articles' reports (session 24), each reproduced on
an invented fixture: "the Nuncio" is a church title, a person whose name the text does
not give, not an organisation; the same pronoun again in one sentence goes on with the
person it stood for ("First he said that Hale had to be heard; then he attacked her"),
never with the subject of what he said; those a verb of saying addresses as "them" are
not the ones telling ("got Berg and Ross to join by telling them ...": the one who got
them)."""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, sources


@pytest.mark.parametrize("title", ["Nuncio", "Monsignor", "Legate"])
def test_a_church_title_after_the_is_a_person_unnamed(run: Run, title: str) -> None:
    text = f"“Ah,” the {title} said to me, “now it is impossible.”"
    speakers = sources(run, text).by_kind("speaker")
    assert [f.label for f in speakers] == ["unresolved"], [(f.text, f.label) for f in speakers]
    assert speakers[0].attributes.get("entity_type") == "person"
    assert speakers[0].attributes.get("role") == title


def test_the_same_pronoun_again_in_a_sentence_keeps_its_person(run: Run) -> None:
    text = (
        "Meanwhile, President Tom Vance's behavior has been as erratic as ever.\n"
        "First he said that Hale had to be heard; then he attacked her in terms that were "
        "a slur on all women, and he also blamed the Senate for not voting before she came "
        "forward.\nBy Wednesday, he was saying that the bill would die."
    )
    speakers = sources(run, text).by_kind("speaker")
    assert [(f.text, f.attributes.get("name")) for f in speakers] == [
        ("he", "Tom Vance"),
        ("he", "Tom Vance"),  # not Hale, the one he said had to be heard
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Mayor Ann Lund got Tom Berg and Sen. Kay Ross to join the panel by telling "
            "them that the bridge could collapse.",
            "Mayor Ann Lund",
        ),
        (
            "Ann Lund persuaded the two senators to vote by telling them the plant was safe.",
            "Ann Lund",
        ),
        # "them" cannot be the one senator: he tells others
        (
            "Ann Lund got Sen. Tom Berg to join the panel by telling them that the bridge "
            "could collapse.",
            "Sen. Tom Berg",
        ),
    ],
)
def test_those_told_as_them_are_not_the_teller(run: Run, text: str, speaker: str) -> None:
    analysis = sources(run, text)
    assert [f.text for f in analysis.by_kind("speaker")] == [speaker]
    assert len(analysis.by_kind("attribution")) == 1


@pytest.mark.parametrize(
    "text",
    [
        # another person's attorney is not the Attorney General named before
        "Attorney General Tom Sessions denied any link. The informant was paid at a dinner, "
        "where Campbell’s attorney says they thanked him for his service.",
        "Attorney General Tom Sessions denied any link. Later the attorney said the case "
        "was closed.",
    ],
)
def test_an_attorney_is_no_attorney_general_nor_another_ones(run: Run, text: str) -> None:
    speakers = sources(run, text).by_kind("speaker")
    assert [f.attributes.get("name") for f in speakers if f.start > 40] == [None]


def test_an_attorney_named_as_the_possessors_is_that_person(run: Run) -> None:
    text = (
        "Ann Lund, Campbell's attorney, was at the dinner. Campbell's attorney says they "
        "thanked him for his service."
    )
    speakers = sources(run, text).by_kind("speaker")
    assert [f.attributes.get("name") for f in speakers if f.start > 40] == ["Ann Lund"]


def test_a_name_in_apposition_to_the_subject_is_a_subject_for_a_pronoun(run: Run) -> None:
    text = (
        "The veteran photographer Omar Kane, who took this photo of candidate Tom Berg and "
        "radical preacher Louis Vane, knew this would impact the election: he said so."
    )
    (he,) = [f for f in sources(run, text).by_kind("speaker") if f.text == "he"]
    assert he.attributes.get("name") == "Omar Kane"  # not the last man named, in his clause


@pytest.mark.parametrize(
    "text",
    [
        "Remember this: after the vote, Vale claimed victory.",
        "Tom Vale was held in the city jail. Keep in mind something important: After he "
        "was arrested, Vale claimed his innocence.",
    ],
)
def test_the_writers_word_to_the_reader_before_a_colon_is_no_content(run: Run, text: str) -> None:
    contents = [f.text for f in sources(run, text).by_kind("attribution")]
    assert not any(c.startswith(("Remember", "Keep")) for c in contents), contents


def test_a_stray_article_and_noun_before_a_plural_speaker_are_left_out(run: Run) -> None:
    text = 'The mayor cut the budget, a move critics called "reckless".'
    assert [f.text for f in sources(run, text).by_kind("speaker")] == ["critics"]
    kept = sources(run, "A few critics said the cut was reckless.").by_kind("speaker")
    assert [f.text for f in kept] == ["A few critics"]
