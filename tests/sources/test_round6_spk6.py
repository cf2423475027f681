"""Wrong speakers of audit round 6 (bench/audit/round6), each reproduced on an invented
fixture: a name cut at an abbreviated title's full stop ("Det. Ann Lund" read as "Det"),
a bare honorific ("Dr") given as the speaker's role, a company name ending in "'s" cut to
a surname, and a definite description ("the collective", "the 26-year-old") left
unresolved after the one name the sentence before gives it, and a one-word camel-case
outlet name ("WestbyOnline") typed a person or a plain organisation, and a person's name
after a first-person quotation typed a document; and an outlet that relays a content
clause's words ('he added that ... "...," reports the agency') given as their speaker.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_round45_sspk import _speaker
from tests.sources.test_sources import only, sources, speaker_of
from unspin.model import Analysis

Run = Callable[..., Analysis]


def test_an_abbreviated_title_does_not_cut_the_name(run: Run) -> None:
    a = sources(
        run,
        'There was a statement from the police. "The house was clean and we found '
        'nothing," said Det. Ann Lund, of the Westby Police Department.',
    )
    s = _speaker(a, "Det. Ann Lund")
    assert s.label == "named_person"
    assert s.attributes["name"] == "Ann Lund"


def test_a_bare_honorific_is_no_role(run: Run) -> None:
    a = sources(
        run,
        "The panel has three judges, including Dr. Omar Vessel. Vessel said that the panel "
        "is only advisory. He said that it would meet monthly.",
    )
    for text in ("Vessel", "He"):
        s = _speaker(a, text)
        assert s.attributes["name"] == "Omar Vessel"
        assert s.attributes.get("role") is None, s.attributes.get("role")


def test_a_company_name_keeps_its_s(run: Run) -> None:
    a = sources(run, "Brantford’s has just announced that it will close 8 stores next year.")
    s = _speaker(a, "Brantford’s")
    assert s.label == "named_organisation"
    assert s.attributes["name"] == "Brantford’s"


def test_a_possessor_still_loses_its_s(run: Run) -> None:
    a = sources(run, "Brantford's spokesman said that it will close 8 stores next year.")
    s = _speaker(a, "Brantford's spokesman")
    assert s.attributes.get("name") != "Brantford's"


def test_the_collective_is_the_collective_named_just_before(run: Run) -> None:
    a = sources(
        run,
        "Explosions were heard, the Westby Collective reported. The collective said there "
        "were no injuries.",
    )
    s = _speaker(a, "The collective")
    assert s.label == "named_organisation"
    assert s.attributes["name"] == "Westby Collective"


def test_an_age_is_the_one_person_named_just_before(run: Run) -> None:
    a = sources(
        run,
        "Sarah Miller, of Westby, had been working abroad, according to her hometown "
        "newspaper. The 26-year-old told the paper that she was drawn to help.",
    )
    s = _speaker(a, "The 26-year-old")
    assert s.label == "named_person"
    assert s.attributes["name"] == "Sarah Miller"


def test_an_age_after_two_people_stays_unresolved(run: Run) -> None:
    for first in ("Sarah Miller", "Berit Holm"):
        a = sources(
            run, f"{first} met Anna Vik in Oslo. The 26-year-old said that she was drawn to help."
        )
        assert _speaker(a, "The 26-year-old").label == "unresolved", first


def test_a_camel_case_name_ending_in_an_outlet_word_is_an_outlet(run: Run) -> None:
    a = sources(
        run, "Since then, all seven girls have reportedly dropped out, UK WestbyOnline reported."
    )
    assert _speaker(a, "UK WestbyOnline").label == "media_outlet"
    a = sources(run, "The date was revealed by HarborDaily, which adds that it is questionable.")
    assert _speaker(a, "HarborDaily").label == "media_outlet"


def test_a_surname_with_a_prefix_is_no_outlet(run: Run) -> None:
    a = sources(run, '"We will sell more," said Anna McPost, the chief of the firm.')
    assert _speaker(a, "Anna McPost").label == "named_person"


def test_a_name_after_a_first_person_quotation_is_a_person(run: Run) -> None:
    a = sources(
        run,
        'Residents did not see anything strange. "I was sitting on my porch and I saw '
        'nothing. We thought it was a bomb," Jorge Valbuena told The Associated Press.',
    )
    assert _speaker(a, "Jorge Valbuena").label == "named_person"


def test_a_country_after_a_plural_quotation_stays_a_government(run: Run) -> None:
    a = sources(run, '"We will not pay," New Zealand told the summit.')
    assert _speaker(a, "New Zealand").label == "government"


def test_an_outlet_after_the_words_of_a_content_clause_only_relays_them(run: Run) -> None:
    a = sources(
        run,
        'Karl Ostby threatened the town. He added that the movement could "close every '
        'road in the city," reports the Northern Press Agency.',
    )
    q = only(a.by_kind("quote"))
    assert speaker_of(a, q).attributes["name"] == "Karl Ostby"
    relay = [a.get(i).text for i in q.related("quoted_by")]
    assert relay == ["the Northern Press Agency"]


def test_an_outlet_after_a_quotation_of_its_own_speaks(run: Run) -> None:
    a = sources(run, 'It is quiet. "Every road is closed," reports the Northern Press Agency.')
    q = only(a.by_kind("quote"))
    assert speaker_of(a, q).attributes["name"] == "Northern Press Agency"
