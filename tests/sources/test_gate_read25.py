"""Wrong speakers found reading PTC articles' reports (session 25), each reproduced on an
invented fixture:

- a title held to a body ("US Ambassador to the UN Kay Rowe") is the title of the person
  named after the body, even where the recogniser runs the body and the name together
  into one organisation ("the UN Kay Rowe");
- a name made of acronyms only ("NOVA LRX reports") is no person, so no "he" after it,
  and the person named after an outlet's possessive ("The Daily Lantern's Joe Pike"), even
  where the recogniser reads the whole as a title, is one a "he" may stand for;
- a saint the recogniser missed ("before the old abbot's [St. Oswin's] funeral, he ...")
  is a person the pronoun after it may stand for, like a name after any other title;
- "Mr."/"Ms." with a surname two people named in full share is never the one known to be
  of the other gender; of those left, the one known to be of its gender, else the one
  named in its own sentence: a careful reader takes "Mr. Vask" in the sentence of "the
  photographer Ed Vask" for Ed Vask, not for the Tom Vask of an earlier decade (session
  26: no longer the one named last in any sentence, see test_namesakes);
- reported content that opens at a quotation mark keeps the mark, as a quotation does, and
  content that closes one after a stop ('was "closed for good."') keeps the stop and the
  mark;
- a short quotation in small letters that holds a clause of its own and ends the sentence
  ('said "we are closed."') is a quotation, not a few words woven into the writer's.
"""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, sources


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "US Ambassador to the UN Kay Rowe, a critic of the fishing pact, told WBC that "
            "the vote was a mistake.",
            "Kay Rowe",
            "US Ambassador to the UN",
        ),
        (
            "Ambassador to the UN Kay Rowe told reporters that the vote was a mistake.",
            "Kay Rowe",
            "Ambassador to the UN",
        ),
        (
            "Special Envoy to the UN Tom Pell said the talks failed.",
            "Tom Pell",
            "Special Envoy to the UN",
        ),
        (
            "Ambassador to the United Nations Kay Rowe told reporters that the vote was a mistake.",
            "Kay Rowe",
            "Ambassador to the United Nations",
        ),
    ],
)
def test_a_title_held_to_a_body_is_the_named_persons(
    run: Run, text: str, name: str, role: str
) -> None:
    speakers = sources(run, text).by_kind("speaker")
    assert [(f.attributes.get("name"), f.attributes.get("role")) for f in speakers] == [
        (name, role)
    ]
    assert speakers[0].attributes.get("entity_type") == "person"


def test_a_name_of_acronyms_only_is_no_person(run: Run) -> None:
    text = (
        "The probe takes over from an older one.\n"
        "NOVA LRX reports that the light is dimming. He said it was the lowest this year."
    )
    speakers = sources(run, text).by_kind("speaker")
    assert [f.text for f in speakers] == ["NOVA LRX", "He"]
    assert speakers[0].attributes.get("entity_type") == "organisation"
    assert speakers[1].label == "unresolved"  # "he" stands for no organisation


def test_a_headline_in_capitals_still_names_a_person(run: Run) -> None:
    speakers = sources(run, "TOM BERG SAYS THE PLANT WILL CLOSE").by_kind("speaker")
    assert [f.attributes.get("entity_type") for f in speakers] == ["person"]


def test_a_saint_named_in_the_sentence_is_the_pronouns_referent(run: Run) -> None:
    text = (
        "Our parish letter tells of a vision by Saint Oswin of Lorvia about the Chair of "
        "Peter.\n\n"
        "Some days before the old abbot’s [St. Oswin’s] funeral, he gathered the monks and "
        "told them that hard years would come."
    )
    speakers = sources(run, text).by_kind("speaker")
    assert [(f.text, f.attributes.get("name")) for f in speakers] == [("he", "St. Oswin")]


@pytest.mark.parametrize(
    ("text", "speaker", "name"),
    [
        # the one named in its sentence, not the namesake of an earlier decade
        (
            "Tom Vask founded the group in 1931. The photographer Ed Vask took the picture "
            "in 2005, and Mr. Vask said he kept it hidden for years.",
            "Mr. Vask",
            "Ed Vask",
        ),
        (
            "John Berg opened the plant in May. Mary Berg, his sister, ran the mill. "
            "Ms. Berg said the mill was closing.",
            "Ms. Berg",
            "Mary Berg",
        ),
        # the one the text gave as a woman, though her husband is named after her
        (
            "Ms. Ann Lund opened the plant in May. Her husband, Bo Lund, ran the mill. "
            "Ms. Lund said the mill was closing.",
            "Ms. Lund",
            "Ann Lund",
        ),
    ],
)
def test_an_honorific_surname_shared_by_two(run: Run, text: str, speaker: str, name: str) -> None:
    speakers = [f for f in sources(run, text).by_kind("speaker") if f.text == speaker]
    assert [f.attributes.get("name") for f in speakers] == [name]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ('The owner said "we are closed" on Monday.', '"we are closed" on Monday'),
        ("The owner said “we are closed” on Monday.", "“we are closed” on Monday"),
        ('The owner said that "we are closed" on Monday.', '"we are closed" on Monday'),
    ],
)
def test_content_opening_at_a_quotation_mark_keeps_it(run: Run, text: str, content: str) -> None:
    assert [f.text for f in sources(run, text).by_kind("attribution")] == [content]


def test_a_short_lowercase_sentence_quoted_whole_is_a_quotation(run: Run) -> None:
    analysis = sources(run, 'The owner said "we are closed."')
    assert [f.text for f in analysis.by_kind("quote")] == ['"we are closed."']
    assert [f.text for f in analysis.by_kind("speaker")] == ["The owner"]


def test_a_quoted_phrase_without_a_clause_stays_no_quotation(run: Run) -> None:
    analysis = sources(run, 'The police chief called the raid "a total disaster."')
    assert analysis.by_kind("quote") == []


def test_content_closing_a_quotation_keeps_the_stop_and_the_mark(run: Run) -> None:
    text = 'The owner said the shop was "closed for good." Then he left.'
    assert [f.text for f in sources(run, text).by_kind("attribution")] == [
        'the shop was "closed for good."'
    ]


def test_a_person_named_after_an_outlets_possessive_is_an_antecedent(run: Run) -> None:
    # the recogniser reads "The Daily Lantern’s Joe Pike" as a title; he is its person
    text = (
        "The craft will launch soon.\n"
        "The Daily Lantern’s Joe Pike breaks it down for those who don’t follow the sun’s "
        "changes.\n"
        "He says there is a link between the sun and the weather."
    )
    speakers = sources(run, text).by_kind("speaker")
    assert [(f.text, f.attributes.get("name")) for f in speakers] == [("He", "Joe Pike")]
