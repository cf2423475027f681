"""Households driven from their homes, told two ways by two outlets (found by a corpus
trial of an invented flood): "forced 120 families from their homes" is the displacement
that "150 households were evacuated" counts, and "the fire service said" names no fire."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.corpus.articles import Article
from tests.corpus.conftest import Analyse
from unspin.corpus import extract_slots, find_contradictions
from unspin.corpus.model import QuantitySlot
from unspin.corpus.quantity_values import same_thing
from unspin.corpus.words import event_nouns_in, words

pytestmark = pytest.mark.slow  # needs the real NLP models

FORCED = Article(
    "dh-forced",
    "a.example",
    "2025-03-03",
    "Floods forced 120 families from their homes in Tarrow on Sunday, March 2, officials said.",
)
EVACUATED = Article(
    "dh-evacuated",
    "b.example",
    "2025-03-03",
    "About 150 households were evacuated in Tarrow on Sunday, March 2, the fire service said.",
)


def test_families_forced_out_and_households_evacuated_are_one_count(analyse: Analyse) -> None:
    analyses = analyse([FORCED, EVACUATED])
    slots = {
        s.text: s
        for a in analyses.values()
        for s in extract_slots(a)
        if isinstance(s, QuantitySlot)
    }
    forced, evacuated = slots["120 families"], slots["About 150 households"]
    assert (forced.predicate, forced.unit_class) == ("displace", "household")
    assert (evacuated.predicate, evacuated.unit_class) == ("displace", "household")
    (lk,) = [
        lk
        for lk in find_contradictions(slots.values())
        if {lk.a.text, lk.b.text} == {"120 families", "About 150 households"}
    ]
    assert (lk.kind, lk.explanation.rule) == ("contradiction", "quantity.different-values")
    # one outcome class is the thing both count; one class of voting is not ("1,237
    # delegates" needed to win and "721 delegates" one candidate has: PolNeAR train)
    assert same_thing(forced, evacuated) is not None
    voted = [replace(s, predicate="vote") for s in (forced, evacuated)]
    assert same_thing(*voted) is None
    # nor for small figures: "charged with one count of fraud" / "one count of bribery"
    small = [replace(s, value=1.0) for s in (forced, evacuated)]
    assert same_thing(*small) is None


@pytest.mark.parametrize(
    ("text", "events"),
    [
        ("the fire service said", set()),
        ("fire officials said the flood was over", {"flood"}),
        ("a fire destroyed the mill", {"fir"}),
        ("fire engines fought the fire", {"fir"}),
    ],
)
def test_fire_naming_a_body_is_no_fire(text: str, events: set[str]) -> None:
    assert set(event_nouns_in(words(text))) == events
