"""A quoted word put in place of another quoted word is a word talked about, not anyone's
words (invented fixtures)."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import quotes, sources
from unspin.model import Analysis

Run = Callable[..., Analysis]


def test_a_word_in_place_of_a_named_term_is_no_quotation(run: Run) -> None:
    a = sources(
        run,
        "The ferry company now uses the term 'passenger' in place of \u201ccustomer,\u201d "
        "according to spokesman Ivo Brandt.",
    )
    assert [q.text for q in quotes(a)] == [], [q.text for q in quotes(a)]


def test_a_partial_quotation_after_a_preposition_stays_one(run: Run) -> None:
    a = sources(run, "The plan is a recipe for \u201cchaos,\u201d Mayor Edda Pilkvist said.")
    assert [q.text for q in quotes(a)] == ["\u201cchaos,\u201d"], [q.text for q in quotes(a)]
