"""Quote drift on real news (link audit round 1): one utterance, not one stock phrase.

Two different quotations that share a stock phrase were linked as one drifted quotation;
a drift needs the same words of the same person, one altered, shortened or credited to
someone else. Invented quotations and names throughout.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.corpus.mentions import links, mention
from unspin.corpus import QuoteMention
from unspin.corpus.quote_evidence import disjoint_dates, resolved_speaker, same_speaker
from unspin.corpus.quotes import count_speakers, relate

# -- two quotations sharing a stock phrase ---------------------------------------------


def test_a_stock_phrase_with_another_name_inside_is_another_quotation() -> None:
    a = mention("d1", "I'm a big fan of Ned", "Tam Rusk")
    b = mention("d2", "I'm a big fan of Ivo Brandt", "Mira Quent", "2024-06-01")
    assert relate(a, b) is None and links(a, b) == []
    same = mention("d3", "I'm a big fan of Ivo Brandt", "Tam Rusk", "2024-06-02")
    assert relate(a, same) is None  # the same speaker praising someone else


def test_a_short_quotation_inside_a_longer_different_one_is_not_drift() -> None:
    short = mention("d1", "We are telling the voters the truth.", "Edda Morrow")
    long_ = mention(
        "d2",
        "We are running a very unusual campaign because we are telling the voters the truth "
        "about the harbour deal.",
        "Edda Morrow",
        "2024-07-01",
    )
    assert relate(short, long_) is None


def test_function_words_in_common_are_no_evidence() -> None:
    # only "and will keep doing so" in common: the token-set similarity is high
    a = mention("d1", "She has always run a frugal office and will keep doing so.", "Ines Walt")
    b = mention("d2", "And I will keep doing so.", "Bruno Vale", "2024-05-20")
    assert relate(a, b) is None and links(a, b) == []


def test_altered_words_credited_to_someone_else_are_two_quotations() -> None:
    a = mention("d1", "He is not fit to serve as governor of the northern province.", "Ola Brek")
    b = mention(
        "d2",
        "Nobody has ever been better prepared to serve as governor of the northern province.",
        "Dov Arlen",
        "2024-05-09",
    )
    assert relate(a, b) is None


def test_a_stock_phrase_quoted_by_two_people_is_not_a_misattribution() -> None:
    a = mention("d1", "what good does it do", "Lena Sorby")
    b = mention(
        "d2",
        "Kessel was Kessel. It's a fine line, and I know who said it. What good does it do?",
        "Arno Pike",
        "2024-08-01",
    )
    assert relate(a, b) is None
    # a long enough part of one person's remark, quoted by another, is still linked
    c = mention(
        "d3",
        "The mayor and her staff were grossly negligent in their handling of very "
        "sensitive, highly confidential tender documents.",
        "Arno Pike",
    )
    d = mention(
        "d4",
        "grossly negligent in their handling of very sensitive, highly confidential tender "
        "documents",
        "Lena Sorby",
        "2024-05-10",
    )
    assert links(c, d) == [("d3", "d4", ("speaker",))]


def test_a_programme_title_quoted_by_two_people_is_not_a_misattribution() -> None:
    a = mention("d1", "This Morning With Petra Hollis", "Jon Ekdahl")
    b = mention("d2", "This Morning With Petra Hollis", "Sanne Roos", "2024-09-01")
    assert relate(a, b) is None


# -- the same utterance, linked ------------------------------------------------------


def test_a_remark_repeated_with_words_added_is_drift() -> None:
    a = mention(
        "d1",
        "Let's dispel this notion that the council doesn't know what it's doing. It knows "
        "exactly what it's doing.",
        "Rafe Dunmore",
    )
    b = mention(
        "d2",
        "And let's dispel once and for all this notion that the council doesn't know what "
        "it's doing. It knows exactly what it's doing.",
        None,
        "2024-05-03",
    )
    assert links(a, b) == [("d1", "d2", ("wording",))]


def test_one_word_changed_in_a_long_remark_is_drift() -> None:
    a = mention(
        "d1",
        "I am not a natural campaigner, in case you missed it, unlike my brother and the "
        "governor. I do the best I can.",
        "Ivy Tal",
    )
    b = mention(
        "d2",
        "I am not a natural campaigner, in case you missed it, like my brother or the governor.",
        "Ivy Tal",
        "2024-05-04",
    )
    assert links(a, b) == [("d1", "d2", ("wording",))]


def test_one_detail_changed_in_a_short_remark_of_one_speaker_is_drift() -> None:
    a = mention("d1", "The ferry will sail again in May.", "Nora Vell")
    b = mention("d2", "The ferry will sail again in June.", "Nora Vell", "2024-05-09")
    assert links(a, b) == [("d1", "d2", ("wording",))]
    other = mention("d3", "The ferry will sail again in June.", "Osk Dune", "2024-05-09")
    assert links(a, other) == []  # the altered words from someone else: two quotations
    short = mention("d4", "We will win in June.", "Nora Vell", "2024-05-09")
    assert links(mention("d5", "We will win in May.", "Nora Vell"), short) == []  # a slogan
    two_places = mention("d6", "A ferry will sail again in June.", "Nora Vell", "2024-05-09")
    assert links(a, two_places) == []  # changed in two places: not one remark altered


def test_the_same_words_given_to_someone_else_stay_a_speaker_conflict() -> None:
    a = mention("d1", "Six years of tireless service.", "Tomas Ekhart")
    b = mention("d2", "Six years of tireless service.", "Colm Redding", "2024-05-03")
    assert links(a, b) == [("d1", "d2", ("speaker",))]


# -- speakers and occasions ----------------------------------------------------------


def test_one_name_with_and_without_accents_is_one_speaker() -> None:
    assert same_speaker("José Ortiga", "Jose Ortiga") is True
    said = "Our people will not pay a single cent for such a foolish fence."
    a = mention("d1", said, "José Ortiga")
    b = mention("d2", said, "Jose Ortiga", "2024-06-05")
    assert links(a, b) == []


@pytest.mark.parametrize(
    "speaker",
    [
        "At Larch Hall",
        "The Liberal",
        "Kerrow told the agency of the plan",
        "And Vell's",
        "Kent Gov",
    ],
)
def test_a_speaker_that_is_not_a_name_is_unresolved(speaker: str) -> None:
    assert resolved_speaker(speaker) is None
    assert same_speaker(speaker, "Dana Kerrow") is None
    a = mention("d1", "It was only waiting for a storm to knock the roof off it.", "Dana Kerrow")
    b = mention("d2", "It was only waiting for a storm to knock the roof off it.", speaker,
                "2024-05-03")  # fmt: skip
    assert links(a, b) == []  # the same words, nobody else credited: nothing differs


def test_resolved_names() -> None:
    assert resolved_speaker("M. Dale Orwin") == "m. dale orwin"
    assert resolved_speaker("Anna de Vries") == "anna de vries"
    assert same_speaker("Orwin", "M. Dale Orwin") is True
    assert same_speaker("Dale Orwin", "Kit Orwin") is False


def test_a_day_lies_in_its_week_month_and_year() -> None:
    assert not disjoint_dates(("2024-05-22",), ("2024-W21",))
    assert not disjoint_dates(("2024-W48",), ("2024-11",))
    assert not disjoint_dates(("2024-05-22",), ("2024",))
    assert disjoint_dates(("2024-05-22",), ("2024-W22",))
    assert disjoint_dates(("2024-05",), ("2024-06-01",))


def test_a_part_of_one_statement_on_one_day_is_not_drift() -> None:
    full = (
        "The fact that the minister's diary was full of meetings with foundation donors is "
        "further evidence of favours for sale at her department. No one is above the law."
    )
    a = mention("d1", full, "Mika Penn", dates=("2024-05-21",), settings=("press",))
    b = mention("d2", full.split(" No one")[0], "Mika Penn", "2024-05-22",
                settings=("statement",))  # fmt: skip
    c = mention("d3", full.split(" No one")[0], "Mika Penn", "2024-05-23",
                dates=("2024-W21",))  # fmt: skip
    assert links(a, b) == [] and links(a, c) == []


# -- reported speech -------------------------------------------------------------


def reported(doc: str, text: str, speaker: str, published: str = "2024-05-02") -> QuoteMention:
    return replace(mention(doc, text, speaker, published), reported=True)


def test_two_writers_summaries_sharing_words_are_not_one_quotation() -> None:
    a = reported(
        "d1",
        "the board's harbour committee gave Velm its civic shield in the early 1990s partly "
        "to honour his ability to raise money",
        "Hana Ostry",
    )
    b = reported(
        "d2",
        "the board is not a political committee and will raise no money for Velm",
        "Oren Galt",
        "2024-05-03",
    )
    assert relate(a, b) is None
    # reported speech against a quotation by someone else still shows the speaker
    q = mention("d3", "Our agenda this year is water, roads and jobs.", "Anil Dasko")
    r = reported("d4", "the agenda would focus on water, roads and jobs", "Lucia Brent")
    assert relate(q, r) is not None


# -- paraphrases -----------------------------------------------------------------------


def in_story(m: QuoteMention, quotes: int = 1) -> QuoteMention:
    """``m`` in a document naming the same people as the other (one story), its speaker
    quoted ``quotes`` times there."""
    return replace(m, context=("halden", "marrow", "quarry"), speaker_quotes=quotes)


def test_one_of_several_remarks_is_not_a_paraphrase_of_another() -> None:
    a = mention("d1", "No, I meant that she founded the whole scheme.", "Rob Tallis")
    b = mention("d2", "But she founded it, absolutely, she founded it.", "Rob Tallis", "2024-05-02")
    # each the speaker's only quotation: one remark told two ways
    got = relate(in_story(a), in_story(b))
    assert got is not None and got[0] == "paraphrased"
    # the speaker quoted many times in one of them: two of his remarks, not one
    assert relate(in_story(a, 2), in_story(b, 6)) is None
    assert relate(in_story(a), in_story(b, 3)) is None


def test_quotations_count_their_speakers_quotations() -> None:
    ms = count_speakers(
        [
            mention("d1", "We will open the quarry road by the end of the month.", "Rob Tallis"),
            mention("d1", "Nobody in this valley wants the quarry to close down.", "Tallis"),
            mention("d1", "The quarry road will stay shut until the spring thaw.", "Ilse Marrow"),
            mention("d1", "Some people will say anything at all to stop it.", None),
        ]
    )
    assert [m.speaker_quotes for m in ms] == [2, 2, 1, 1]
