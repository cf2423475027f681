"""Restatements on real news (link audit round 3, PTC train): a small figure ("three
tests") in two documents is one count restated only when the two sentences themselves
share names, not when a sentence naming nothing borrows its lead's. Invented names and
texts."""

from __future__ import annotations

from tests.corpus.articles import Article
from tests.corpus.conftest import Analyse
from unspin.corpus import extract_slots, find_contradictions
from unspin.model import Analysis


def _restatements(analyses: dict[str, Analysis]) -> list[tuple[str, str]]:
    slots = [s for a in analyses.values() for s in extract_slots(a)]
    return [(lk.a.text, lk.b.text) for lk in find_contradictions(slots) if lk.kind == "restatement"]


def test_a_small_figure_restated_needs_names_of_the_sentences_themselves(
    analyse: Analyse,
) -> None:
    # the column's sentence names nothing (its lead, naming the mayor and Dunmere, stands
    # in for it): its "three tests" and the review's are two lists, not one figure
    column = Article(
        "r3-column", "", "",
        "Mayor Edda Pilkvist and the Dunmere harbour plan.\n\n"
        "Mayor Edda Pilkvist spoke again in Dunmere about the new berths. "
        "Its planners judge every berth by three tests of cost, depth and shelter.",
    )  # fmt: skip
    review = Article(
        "r3-review", "", "",
        "Bram Tollen set out three tests to judge the harbour plan of Mayor Edda Pilkvist "
        "in Dunmere.",
    )  # fmt: skip
    assert _restatements(analyse([column, review])) == []
    # named by both sentences, the small figure is one count restated
    again = Article(
        "r3-again", "", "",
        "Critics in Dunmere still judge Mayor Edda Pilkvist by three tests, Mira Lund wrote.",
    )  # fmt: skip
    assert _restatements(analyse([review, again])) != []
