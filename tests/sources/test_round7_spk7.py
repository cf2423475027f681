"""Wrong speakers of audit round 7 (bench/audit/round7), each reproduced on an invented
fixture: co-authors or several senators credited to the first name only, an outlet that
relays a person's words ('she told them that "...," according to KXYZ') given as their
speaker, a station named after a network affiliate typed a plain organisation, a local
party the recogniser calls a place typed a government, a title that the parse made the
head cut off from the name after it, a quotation opened with a straight mark and closed
with a curly one run on into the next, and a surname taken for a place left out of the
people a later pronoun may stand for.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_round45_sspk import _speaker
from tests.sources.test_sources import only, sources, speaker_of
from unspin.model import Analysis
from unspin.sources.quotes import find_quotes
from unspin.sources.resolver import Known, Resolver

Run = Callable[..., Analysis]


def test_co_authors_are_both_the_speaker(run: Run) -> None:
    a = sources(
        run,
        '"The delay raised questions about the police," Anna Lund and Berit Holm wrote for '
        "the Westby Post.",
    )
    q = only(a.by_kind("quote"))
    s = speaker_of(a, q)
    assert s.text == "Anna Lund and Berit Holm"
    assert s.attributes["name"] == "Anna Lund and Berit Holm"


def test_a_list_of_senators_is_the_speaker(run: Run) -> None:
    a = sources(
        run,
        "Even Senators Karl Vik, Tom Berg and Ole Dahl, who have all said the witness needs "
        "to be heard, have indicated that they will vote.",
    )
    att = only(a.by_kind("attribution"))
    assert speaker_of(a, att).attributes["name"] == "Karl Vik, Tom Berg and Ole Dahl"


def test_a_body_named_with_and_is_not_cut(run: Run) -> None:
    a = sources(
        run, 'Westby Customs and Border Guard North tweeted, "The first group arrived today."'
    )
    s = speaker_of(a, only(a.by_kind("quote")))
    assert s.attributes["name"] == "Westby Customs and Border Guard North"
    assert s.label == "named_organisation"


def test_a_lone_name_is_still_one_person(run: Run) -> None:
    a = sources(run, '"We will sell more," said Anna Lund, and Berg nodded.')
    assert speaker_of(a, only(a.by_kind("quote"))).attributes["name"] == "Anna Lund"


def test_an_outlet_after_a_told_clause_only_relays_it(run: Run) -> None:
    a = sources(
        run,
        'Ann Lund spoke on Monday. She told a town hall that "the laws prohibit me from '
        'acting," according to NBC affiliate KXYZ.',
    )
    q = only(a.by_kind("quote"))
    assert speaker_of(a, q).attributes["name"] == "Ann Lund"
    assert [a.get(i).text for i in q.related("quoted_by")] == ["NBC affiliate KXYZ"]
    assert _speaker(a, "NBC affiliate KXYZ").label == "media_outlet"


def test_a_station_before_a_name_makes_an_outlet(run: Run) -> None:
    a = sources(run, "The station KXYZ reported that the road was closed.")
    assert _speaker(a, "station KXYZ").label == "media_outlet"
    a = sources(run, "Newspaper columnist Ann Lund said the plan would fail.")
    assert _speaker(a, "Newspaper columnist Ann Lund").label == "named_person"


def test_a_local_party_is_no_government(run: Run) -> None:
    a = sources(
        run,
        "However, upon learning of his behavior the local Green Party told the media that "
        "Lund had been cut off from the party.",
    )
    assert _speaker(a, "local Green Party").label == "named_organisation"


def test_a_title_before_a_name_gives_the_name(run: Run) -> None:
    a = sources(
        run,
        "The Westby Herald reported that Bay County Supervisor of Elections Mark Dahl said "
        "on Monday that 11 ballots were accepted by email.",
    )
    s = _speaker(a, "Mark Dahl")
    assert s.label == "named_person"
    assert s.attributes["role"] == "Bay County Supervisor of Elections"


def test_a_straight_opening_mark_closed_curly_ends_there() -> None:
    text = (
        'The vote is on Friday. "If we are ready, we will vote,” Tom Berg wrote on Tuesday. '
        "“If we are not, we won't.” Much is riding on it. “We are watching a period of raw "
        'power," Ann Lund said.'
    )
    got = [text[q.start : q.end] for q in find_quotes(text)]
    assert got == [
        '"If we are ready, we will vote,”',
        "“If we are not, we won't.”",
        '“We are watching a period of raw power,"',
    ]


def test_a_surname_taken_for_a_place_is_the_person_named_before() -> None:
    r = Resolver()
    r.add(Known(0, 9, "Anna Lund", "person", "named_person", True, 0, None))
    k = r.canonical_known(Known(40, 44, "Lund", "government", "government", True, 2, None))
    assert (k.name, k.entity_type) == ("Anna Lund", "person")


def test_a_plural_noun_before_two_names_is_no_role(run: Run) -> None:
    a = sources(
        run,
        "As expected, two Muslim women, Anna Lund in Westby and Eva Holm in Harbor, have been "
        "elected to Congress. Lund said that she would vote against the bill.",
    )
    assert _speaker(a, "Lund").attributes.get("role") is None
    a = sources(run, "The firm hired an attorney, Ann Lund, who said that the case was weak.")
    assert _speaker(a, "Ann Lund").attributes["role"] == "attorney"


def test_a_surname_after_co_authors_is_one_of_them(run: Run) -> None:
    a = sources(
        run,
        "Free speech activists Anna Lund and Berit Holm were banned. Lund said later that "
        "the ban was unfair.",
    )
    s = _speaker(a, "Lund")
    assert s.attributes["name"] == "Anna Lund"
    assert s.attributes["role"] == "Free speech activists"


def test_an_affiliate_with_a_call_sign_is_an_outlet(run: Run) -> None:
    a = sources(run, "The road is closed until Monday, according to ABC affiliate WXYZ.")
    assert _speaker(a, "ABC affiliate WXYZ").label == "media_outlet"


def test_a_title_with_a_body_word_names_a_person(run: Run) -> None:
    a = sources(
        run,
        "After the protests, Police Chief U. Ann Hall gave explanations last week. She told a "
        'town hall that "the laws prohibit me from taking action," according to NBC affiliate '
        "KXYZ.",
    )
    q = only(a.by_kind("quote"))
    assert speaker_of(a, q).attributes["name"] == "U. Ann Hall"
    a = sources(run, "The Westby Police Department said the road was closed.")
    assert _speaker(a, "The Westby Police Department").label != "named_person"
