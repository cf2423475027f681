"""A title of several words in title case with no name ("the Chief Economist", "the
Deputy Minister", "the Press Secretary"; session 27, on invented fixtures) is the whole
title, the role of the one person the text names with that office ("the Vice President"
is no "President"): the role was its last word ("Economist"), "the Press Secretary" an
organisation and "the Foreign Minister" the Prime Minister.
"""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, sources


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("The Chief Economist said the rate would rise.", "Chief Economist"),
        ("The Deputy Minister said the road would open.", "Deputy Minister"),
        ("The Press Secretary said the road would open.", "Press Secretary"),
    ],
)
def test_a_title_of_several_words_alone_is_an_unnamed_holder(
    run: Run, text: str, role: str
) -> None:
    speakers = sources(run, text).by_kind("speaker")
    assert [(f.label, f.attributes.get("role")) for f in speakers] == [("unresolved", role)]
    assert speakers[0].attributes.get("entity_type") == "person"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Chief Economist Ann Roe said the rate would rise. Later the Chief Economist "
            "said it would fall.",
            "Chief Economist",
        ),
        (
            "Press Secretary Ann Roe said the road would open. The Press Secretary said it "
            "would be soon.",
            "Press Secretary",
        ),
    ],
)
def test_a_title_names_the_one_person_holding_it(run: Run, text: str, role: str) -> None:
    speakers = sources(run, text).by_kind("speaker")
    assert [(f.attributes.get("name"), f.attributes.get("role")) for f in speakers] == [
        ("Ann Roe", role),
        ("Ann Roe", role),
    ]


@pytest.mark.parametrize(
    ("holder", "other"),
    [("Prime Minister", "Foreign Minister"), ("President", "Vice President")],
)
def test_another_office_with_the_same_last_word_is_not_its_holder(
    run: Run, holder: str, other: str
) -> None:
    text = f"{holder} Tom Pell said the road would open. The {other} said it would not."
    speakers = sources(run, text).by_kind("speaker")
    assert [(f.attributes.get("name"), f.attributes.get("role")) for f in speakers] == [
        ("Tom Pell", holder),
        (None, other),
    ]


def test_a_title_naming_more_of_the_same_office_names_its_holder(run: Run) -> None:
    text = "Economist Ann Roe said the rate would rise. The Chief Economist said it would not."
    speakers = sources(run, text).by_kind("speaker")
    assert [f.attributes.get("name") for f in speakers] == ["Ann Roe", "Ann Roe"]
