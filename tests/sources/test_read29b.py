"""Speaker names, roles and types (invented fixtures): a name with an owner's kin noun
after it ("Edda, Pilkvist’s niece"), a title held "at" or "of" before a full name ("Sgt
at Arms Joren Pilkvist"), a brand's name with a country's after it ("Harbourfeed UK")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.sources.test_sources import sources
from unspin.model import Analysis, Finding
from unspin.nlp import Backbone
from unspin.sources.mentions import ParseIndex, mention_from_token

Run = Callable[..., Analysis]


def _speaker(a: Analysis, text: str) -> Finding:
    found = [f for f in a.by_kind("speaker") if f.text == text]
    assert found, [(f.text, f.label) for f in a.by_kind("speaker")]
    return found[0]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        # the parse heads the phrase on the kin noun, the name a modifier of it
        (
            "\u201cThe bridge held,\u201d said Edda, Pilkvist\u2019 niece.",
            "Edda",
            "Pilkvist\u2019 niece",
        ),
        # the owner and the noun each in apposition to the name
        (
            "\u201cWe are proud of him,\u201d said Mary, Pilkvist\u2019s older sister.",
            "Mary",
            "Pilkvist\u2019s older sister",
        ),
        # a one-word name with a kin noun in apposition: a person, no organisation
        ('"It was the first time," said Erin, Pilkvist\'s niece.', "Erin", "Pilkvist's niece"),
        # a title held at something before a full name: no part of the name
        (
            "\u201cThe odds were slim,\u201d said Sgt at Arms Joren Pilkvist.",
            "Joren Pilkvist",
            "Sgt at Arms",
        ),
    ],
)
def test_a_named_speaker_keeps_the_role_the_parse_ran_into_the_name(
    run: Run, text: str, name: str, role: str
) -> None:
    who = _speaker(sources(run, text), name)
    assert who.label == "named_person", who.explanation.detail
    assert who.attributes.get("role") == role, who.attributes


def test_a_hyphened_title_run_into_the_name_is_cut_off(backbone: Backbone) -> None:
    parsed = backbone.parse(
        "It may mark the first time Sergeant-At-Arms Rory Vantage has ever fired a gun "
        "in the line of duty."
    )
    head = next(t for t in parsed.tokens if t.text == "Vantage")
    m = mention_from_token(ParseIndex(parsed), head)
    assert m is not None
    assert (m.name, m.role) == ("Rory Vantage", "Sergeant-At-Arms"), (m.name, m.role)


def test_a_brands_name_before_a_country_is_no_government(run: Run) -> None:
    a = sources(run, "Mira Holt says she toured the harbour, reports Harbourfeed UK.")
    outlet = _speaker(a, "Harbourfeed UK")
    assert outlet.label == "named_organisation", outlet.explanation.detail
