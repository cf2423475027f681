"""Count slots on real news (link audit round 3, PTC train): a number in digits before
a singular noun ("a 911 call") names a thing and counts nothing, so two reports of one
call were a restated count. Invented names and texts."""

from __future__ import annotations

from tests.corpus.articles import Article
from tests.corpus.conftest import Analyse
from unspin.corpus import extract_slots
from unspin.corpus.breakdowns import number_name


def test_a_number_naming_a_thing_counts_nothing() -> None:
    assert number_name("911 call", "call", 911)
    assert number_name("11 Number", "Number", 11)
    for text, unit, value in (
        ("911 calls", "calls", 911),  # a count
        ("300 clergy", "clergy", 300),  # its own plural
        ("40 staff", "staff", 40),
        ("12 abstaining", "abstaining", 12),
        ("238,900 mi", "mi", 238900),  # an abbreviation
        ("1 call", "call", 1),  # one
        ("three criteria", "criteria", 3),  # a word
    ):
        assert not number_name(text, unit, value), text
    # the first word of a compound: "the region's 99 winner-take-all delegates"
    assert not number_name("99 winner", "winner", 99, "-take-all delegates")


def test_a_911_call_gives_no_count_slot(analyse: Analyse) -> None:
    # "911" names the emergency line: a report of "a 911 call" gives no figure to restate
    report = Article(
        "r3-call", "", "",
        "Ferry Captain Stayed Calm As Crew Searched Dunmere Quay, 911 Call Reveals\n\n"
        "The captain of the Dunmere ferry spoke for ten minutes while the crew searched the quay.",
    )  # fmt: skip
    (analysis,) = analyse([report]).values()
    assert [s.text for s in extract_slots(analysis) if "911" in s.text] == []
