"""Wrong speakers found reading PTC articles' reports (session 25), each reproduced on an
invented fixture:

- a title held to a body ("US Ambassador to the UN Kay Rowe") is the title of the person
  named after the body, even where the recogniser runs the body and the name together
  into one organisation ("the UN Kay Rowe");
- a name made of acronyms only ("NOVA LRX reports") is no person, so no "he" after it;
- a saint the recogniser missed ("the holy Father's [St. Oswin'] death, he ...") is a
  person the pronoun after it may stand for, like a name after any other title.
"""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, sources


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "US Ambassador to the UN Kay Rowe, the most outspoken critic of the deal, told "
            "WBC that the vote was a mistake.",
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
        "It will replace the old craft.\n"
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
        "This one pertains to a prophecy by Saint Oswin of Lorvia about a future occupant "
        "of the Chair of Peter:\n\n"
        "A short time before the holy Father’s [St. Oswin’] death, he called together his "
        "children and warned them of the coming troubles:"
    )
    speakers = sources(run, text).by_kind("speaker")
    assert [(f.text, f.attributes.get("name")) for f in speakers] == [("he", "St. Oswin")]
