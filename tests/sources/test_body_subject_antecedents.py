"""A body the lexicon knows as the subject of a verb that is no saying (session 27, on
invented fixtures): "The ministry published a statement. It called the move '...'" left
"It" unresolved, as only a body that spoke was an antecedent; the one definite body just
before is what "it" stands for, unnamed (a later "the campaign" takes up no bare "the
campaign"). A plural noun and a body inside what was said are none.
"""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, sources


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        (
            'The ministry published a statement. It called the move "a reckless gamble '
            'with public money".',
            "The ministry",
        ),
        (
            "The government published a report on Monday. It said the move was a reckless gamble.",
            "The government",
        ),
    ],
)
def test_it_stands_for_the_body_that_acted_before(run: Run, text: str, noun: str) -> None:
    speakers = sources(run, text).by_kind("speaker")
    assert [(f.text, f.label) for f in speakers] == [("It", "government")]
    assert f'-> "{noun}"' in str(speakers[0].attributes.get("type_reason"))
    assert speakers[0].attributes.get("name") is None  # unnamed: no name to show


def test_a_named_body_the_noun_takes_up_is_named(run: Run) -> None:
    text = (
        "The Harbor Ministry opened in May. The ministry published a statement. It said "
        "the move was a reckless gamble."
    )
    speakers = sources(run, text).by_kind("speaker")
    assert [(f.text, f.attributes.get("name")) for f in speakers] == [("It", "Harbor Ministry")]


def test_a_body_named_by_the_subject_keeps_its_name_after_it(run: Run) -> None:
    text = (
        "Ann Lund's campaign said it had won. The campaign then met donors. The campaign "
        "said it would go on."
    )
    names = [f.attributes.get("name") for f in sources(run, text).by_kind("speaker")]
    assert names == ["Ann Lund's campaign", "Ann Lund's campaign"]


def test_plural_subjects_are_no_antecedent_of_it(run: Run) -> None:
    text = "The rules took effect on Monday. It said the move was a reckless gamble."
    speakers = sources(run, text).by_kind("speaker")
    assert [(f.text, f.label) for f in speakers] == [("It", "unresolved")]


def test_a_body_in_what_was_said_is_not_the_speaker(run: Run) -> None:
    text = (
        "The ministry statement said the virus had spread. The team will look into how it "
        "started, it said."
    )
    it = sources(run, text).by_kind("speaker")[-1]
    assert (it.text, it.label) == ("it", "document")  # the statement, not "the team"
