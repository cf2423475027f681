"""Two sources' figures, neither dated by its text, published a day apart: a conflict
between sources, not an update (found by a corpus trial: a company's 1,200 jobs and a
union's 900 were linked as a later count)."""

from __future__ import annotations

import pytest

from tests.corpus.articles import Article
from tests.corpus.conftest import Analyse
from unspin.corpus import Link, extract_slots, find_contradictions
from unspin.corpus.figure_sources import sources_differ
from unspin.corpus.model import QuantitySlot

pytestmark = pytest.mark.slow  # needs the real NLP models


def _links(analyse: Analyse, *articles: Article) -> list[Link]:
    analyses = analyse(articles)
    return find_contradictions(s for a in analyses.values() for s in extract_slots(a))


def _jobs(links: list[Link]) -> list[Link]:
    return [lk for lk in links if {lk.a.text, lk.b.text} <= {"400 jobs", "250 jobs"}]


COMPANY = Article(
    "fs-company",
    "a.example",
    "2025-06-10",
    "Kestrel Foods will cut 400 jobs at its Danby bakery, the company said.",
)
UNION = Article(
    "fs-union",
    "b.example",
    "2025-06-11",
    "Kestrel Foods will cut 250 jobs at its Danby bakery, the union said.",
)
COMPANY_AGAIN = Article(
    "fs-company-again",
    "b.example",
    "2025-06-11",
    "Kestrel Foods will cut 250 jobs at its Danby bakery, the company said.",
)


def test_two_sources_undated_figures_conflict(analyse: Analyse) -> None:
    (lk,) = _jobs(_links(analyse, COMPANY, UNION))
    assert lk.kind == "contradiction"
    assert lk.explanation.rule == "quantity.sources-differ"
    assert "company" in lk.explanation.detail and "union" in lk.explanation.detail


UNION_HIGHER = Article(
    "fs-union-higher",
    "b.example",
    "2025-06-11",
    "Kestrel Foods will cut 550 jobs at its Danby bakery, the union said.",
)


def test_a_higher_figure_from_another_source_later_is_an_update(analyse: Analyse) -> None:
    # a count that rises from one source to the next is the usual course of a toll; only
    # a later figure that falls sets the sources against each other
    (lk,) = [
        lk
        for lk in _links(analyse, COMPANY, UNION_HIGHER)
        if {lk.a.text, lk.b.text} <= {"400 jobs", "550 jobs"}
    ]
    assert (lk.kind, lk.explanation.rule) == ("update", "quantity.later-count")


def test_one_source_a_day_later_is_an_update(analyse: Analyse) -> None:
    (lk,) = _jobs(_links(analyse, COMPANY, COMPANY_AGAIN))
    assert (lk.kind, lk.explanation.rule) == ("update", "quantity.later-count")


def test_slots_carry_their_source(analyse: Analyse) -> None:
    (company,) = analyse([COMPANY]).values()
    (job,) = [s for s in extract_slots(company) if s.text == "400 jobs"]
    assert isinstance(job, QuantitySlot)
    assert job.source == "noun:company"


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        ("noun:company", "noun:union", True),
        ("name:kestrel foods", "name:ana vik", True),
        ("noun:company", "name:kestrel foods", False),  # "the company" may be Kestrel Foods
        ("noun:union", "noun:union estimate", False),
        ("noun:police", None, False),
    ],
)
def test_sources_differ_only_when_written_alike(a: str, b: str | None, differ: bool) -> None:
    assert sources_differ(a, b) is differ
