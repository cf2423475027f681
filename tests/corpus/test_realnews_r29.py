"""Contradiction links read wrong on real news (PolNeAR train, session 29): a month
against a date range that overlaps it, one text's "Tuesday" read as two days, figures of
two holders or of two measures ("a 214-delegate advantage" and "175 delegates"), and an
unanswered request for comment against a reply on the matter. Invented names and
sentences throughout."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.corpus.articles import Article
from tests.corpus.conftest import Analyse
from tests.corpus.test_link_round1_slots import date
from unspin.corpus import Link, compare_slots, extract_slots, find_contradictions
from unspin.corpus.date_ranges import overlap, range_end, span, weekday_word
from unspin.corpus.holders import modified_noun


def _links(analyse: Analyse, *articles: Article) -> list[Link]:
    analyses = analyse(articles)
    return find_contradictions(s for a in analyses.values() for s in extract_slots(a))


def _pairs(links: list[Link], kind: str) -> list[tuple[str, str]]:
    return sorted((lk.a.text, lk.b.text) for lk in links if lk.kind == kind)


# -- ranges ------------------------------------------------------------------------------


def test_a_range_is_opened_by_its_first_date_and_closed_by_its_last() -> None:
    text = "The poll ran between Oct. 30 and Nov. 9 in Kessington."
    dates = [(21, 28, "2025-10-30"), (33, 39, "2025-11-09")]
    assert range_end(text, (0, len(text)), dates, 21) == ("2025-11-09", False)
    assert range_end(text, (0, len(text)), dates, 33) == (None, True)
    two_days = "The ferry sailed on Oct. 30 and Nov. 9 from Kessington."
    days = [(20, 27, "2025-10-30"), (32, 38, "2025-11-09")]
    assert range_end(two_days, (0, len(two_days)), days, 20) == (None, False)
    moved = "The vote was postponed from Oct. 30 to Nov. 9."
    days = [(28, 35, "2025-10-30"), (39, 45, "2025-11-09")]
    assert range_end(moved, (0, len(moved)), days, 28) == (None, False)


def test_a_month_overlaps_a_range_that_starts_in_it() -> None:
    assert overlap(span("2025-10"), span("2025-10-30", "2025-11-09"))
    assert not overlap(span("2025-09"), span("2025-10-30", "2025-11-09"))
    assert not overlap(span("2025-11-12"), span("2025-10-30", "2025-11-09"))


POLL = Article(
    "r29-poll",
    "harbourledger.example",
    "2025-12-10",
    "Young Voters Tire Of Ferry Row\n\n"
    "The Harbour Ledger poll was conducted in late October in Kessington, before the ferry "
    "strike began. "
    "The poll was conducted between Oct. 30 and Nov. 9, and surveyed 1,500 people.",
)


@pytest.mark.slow
def test_a_month_and_a_range_inside_it_are_no_rival_dates(analyse: Analyse) -> None:
    links = _links(analyse, POLL)
    assert _pairs(links, "contradiction") == []
    dated = [
        lk for lk in links if lk.kind == "compatible" and lk.explanation.rule.startswith("date")
    ]
    assert [lk.explanation.rule for lk in dated] == ["date.within-range"], links
    assert "2025-10-30 to 2025-11-09" in dated[0].slot["date"]


# -- one weekday, two readings ---------------------------------------------------------------


def test_one_texts_weekday_read_as_two_days_is_no_conflict() -> None:
    """ "will hold a rally late Tuesday" read as next week's Tuesday and "going into
    Grand Tuesday" as today's, in one article published on a Tuesday."""
    assert weekday_word("late Tuesday") == "tuesday"
    a = date("w1", "2026-03-03", "Tuesday", "2026-03-10", True, light=True, predicate="hold")
    b = replace(
        date("w1", "2026-03-03", "Tuesday", "2026-03-03", True, light=True, predicate="hold"),
        start=900, end=907, sentence_start=890, sentence_end=990, finding_id="f-w1-900",
    )  # fmt: skip
    assert compare_slots(a, b) is None
    friday = replace(b, text="Friday", end=906, iso="2026-02-27")
    assert compare_slots(a, friday) is not None  # two weekdays: still compared


# -- figures: one holder, one measure --------------------------------------------------------


def test_a_hyphenated_figure_measures_the_noun_it_modifies() -> None:
    text = "Okafor held a 214-delegate advantage and won 175 delegates."
    assert modified_noun(text, 14, 26) == "advantag"
    assert modified_noun(text, 45, 58) is None
    assert modified_noun("a 12-member panel", 2, 11) == "panel"


RACE_A = Article(
    "r29-race-a",
    "capitolwire.example",
    "2026-03-17",
    "Harwick Takes Marden As Okafor Widens Lead\n\n"
    "For Daniel Harwick, the Marden contest was a momentous win, giving him 99 additional "
    "delegates on Tuesday. "
    '"This is our night," Harwick said at a rally in Marden. '
    "Going into Tuesday's contests, Nadia Okafor already held a 214-delegate advantage "
    "based on wins in Marden and Telby.",
)
RACE_B = Article(
    "r29-race-b",
    "capitolwire.example",
    "2026-03-17",
    "Okafor Sweeps Marden And Telby\n\n"
    "Nadia Okafor scored victories in Marden and Telby on Tuesday, earning 175 additional "
    "delegates before winning Corran. "
    '"We are grateful to every volunteer," Okafor said in Telby.',
)
RACE_C = Article(
    "r29-race-c",
    "valleytimes.example",
    "2026-03-17",
    "Okafor Wins Twice\n\n"
    "Nadia Okafor scored victories in Marden and Telby on Tuesday, earning 150 additional "
    "delegates before winning Corran. "
    '"It was a long night," Okafor said in Marden.',
)


@pytest.mark.slow
def test_figures_of_two_holders_or_two_measures_are_no_conflict(analyse: Analyse) -> None:
    links = _links(analyse, RACE_A, RACE_B)
    assert _pairs(links, "contradiction") == [], links


@pytest.mark.slow
def test_one_holders_two_figures_of_one_measure_still_conflict(analyse: Analyse) -> None:
    links = _links(analyse, RACE_B, RACE_C)
    (pair,) = _pairs(links, "contradiction")
    assert sorted(pair) == ["150 additional delegates", "175 additional delegates"]


# -- an unanswered request ---------------------------------------------------------------------


LEVY_A = Article(
    "r29-levy-a",
    "harbourledger.example",
    "2025-04-04",
    "Levy Report Stirs Kessington\n\n"
    "A report on the Kessington harbour levy criticised Mayor Edda Pilkvist on Thursday. "
    "Pilkvist campaign spokesman Joran Ulm did not respond to requests to comment on the "
    "report.",
)
LEVY_B = Article(
    "r29-levy-b",
    "harbourledger.example",
    "2025-04-04",
    "Pilkvist Camp Answers Levy Report\n\n"
    "The Pilkvist campaign responded Friday, saying the Kessington harbour levy report was "
    "unfair to the mayor and her staff.",
)


@pytest.mark.slow
def test_an_unanswered_request_for_comment_is_no_denial(analyse: Analyse) -> None:
    links = _links(analyse, LEVY_A, LEVY_B)
    assert [lk for lk in links if lk.explanation.rule == "polarity.opposite"] == [], links
