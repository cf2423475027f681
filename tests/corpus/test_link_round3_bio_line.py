"""Propagation on real news (link audit round 3, PTC train): the writer's bio line a
site puts under each of its columns ("X (email him) is president of Y.") is no
propagated passage. Invented names, outlets and texts."""

from __future__ import annotations

from tests.corpus.articles import Article
from tests.corpus.conftest import Analyse
from tests.corpus.passages import shared_line_links
from unspin.corpus import passages
from unspin.corpus.passage_furniture import closing_bio

BIO = "Ilse K. Varn (email her) is the president of Varn Harbour Research and a weekly writer."


def test_a_bio_line_names_someone_and_says_what_they_are() -> None:
    assert closing_bio(BIO)
    assert closing_bio("Osgood Textiles is a family firm that has made sailcloth since 1902.")
    for said in (
        "Mayor Edda Pilkvist was the first to speak at the meeting of the harbour board.",
        "The Harbour Board is expected to vote on the plan again next week, a clerk said.",
    ):
        assert not closing_bio(said), said


def test_two_columns_ending_on_one_bio_line_are_no_propagation(analyse: Analyse) -> None:
    assert shared_line_links(analyse, "r3-bio", lambda own: f"{own}\n\n{BIO}") == []
    # not the last sentence: a passage like any other
    own = "The harbour tolls of Dunmere rose twice this year while the quay stayed shut."
    opened = analyse([Article("r3-bio-3", "ledger.example", "2024-06-10", f"{BIO}\n\n{own}")])
    assert [p.text for p in passages(next(iter(opened.values())))][:1] == [BIO]
