"""People driven from their homes, told two ways by two outlets (found by a corpus trial
of an invented flood): "forced 120 families from their homes" is the displacement that
"150 families were evacuated" counts; "150 households" counts another thing (a family
is not a household: no update, no conflict between them); and "the fire service said"
names no fire."""

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
    "About 150 families were evacuated in Tarrow on Sunday, March 2, the fire service said.",
)
HOUSEHOLDS = Article(
    "dh-households",
    "c.example",
    "2025-03-05",
    "About 150 households were evacuated in Tarrow, the council said on Tuesday.",
)


def _slots(analyse: Analyse, *articles: Article) -> dict[str, QuantitySlot]:
    return {
        s.text: s
        for a in analyse(articles).values()
        for s in extract_slots(a)
        if isinstance(s, QuantitySlot)
    }


def test_families_forced_out_and_families_evacuated_are_one_count(analyse: Analyse) -> None:
    slots = _slots(analyse, FORCED, EVACUATED)
    forced, evacuated = slots["120 families"], slots["About 150 families"]
    assert forced.predicate == evacuated.predicate == "displace"
    (lk,) = [
        lk
        for lk in find_contradictions(slots.values())
        if {lk.a.text, lk.b.text} == {"120 families", "About 150 families"}
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


def test_families_and_households_are_two_counted_things(analyse: Analyse) -> None:
    # 340 families later and 410 households were linked as an update: the two nouns
    # count different things, so neither figure revises the other
    slots = _slots(analyse, FORCED, HOUSEHOLDS)
    families, households = slots["120 families"], slots["About 150 households"]
    assert families.unit_class != households.unit_class
    assert same_thing(families, households) is None
    assert not [
        lk
        for lk in find_contradictions(slots.values())
        if {lk.a.text, lk.b.text} == {"120 families", "About 150 households"}
    ]


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
