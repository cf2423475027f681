"""Matching text helpers: cleaning, terms, numbers, names, BM25."""

from __future__ import annotations

from unspin.factchecks.terms import BM25, clean_text, names, numbers, terms


def test_clean_text_drops_links_and_splits_hashtags() -> None:
    text = "Look at this #AustralianFires https://t.co/abc pic.twitter.com/xyz now"
    assert clean_text(text) == "Look at this Australian Fires now"


def test_terms_skip_stop_words_and_stem_lightly() -> None:
    assert terms("The senators were voting on 1,200 bills, weren't they?") == [
        "senator",
        "vot",
        "1200",
        "bill",
        "weren't",
    ]


def test_numbers_and_names() -> None:
    assert numbers("In 2019, 1,200 people and 3.5% of voters") == {"2019", "1200", "3.5"}
    assert names("Yesterday Ilsa Varn met the Orlen Brigade in Velmora.") == {
        "ilsa varn",
        "orlen brigade",
        "velmora",
    }
    assert names("Officials met.") == set()  # a capitalised first word is not a name


def test_bm25_ranks_the_document_sharing_rare_words_first() -> None:
    docs = [
        terms("The dam holds three billion litres of water."),
        terms("The city council met on Monday."),
        terms("Water prices rose in the city."),
    ]
    index = BM25(docs)
    scores = index.scores(terms("How many litres does the dam hold?"))
    assert int(scores.argmax()) == 0
    assert scores[1] == 0.0
    assert index.idf("dam") > index.idf("city")
    assert terms("vote voted voting votes") == ["vot"] * 4
