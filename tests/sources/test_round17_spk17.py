"""Speaker errors of audit rounds 17 and 18 (bench/audit/round17, round18), each reproduced
on an invented fixture: an outlet typed an organisation, a possessive outlet kept in a
person's name, a country's authorities typed a named organisation."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources
from unspin.model import Analysis, Finding
from unspin.nlp import Backbone
from unspin.sources.full_names import person_surname
from unspin.sources.parse_index import ParseIndex

Run = Callable[..., Analysis]


def _speakers(a: Analysis, text: str) -> list[Finding]:
    return [f for f in a.by_kind("speaker") if f.text == text]


def _rows(a: Analysis) -> list[tuple[str, str, object, object]]:
    return [
        (f.text, f.label, f.attributes.get("name"), f.attributes.get("affiliation"))
        for f in a.by_kind("speaker")
    ]


def test_a_one_word_name_reporting_news_is_an_outlet(run: Run) -> None:
    a = sources(
        run,
        "After weeks of talk, Harbinger is today reporting that Ann Lund will join the "
        "cast.\n\nHarbinger also says that Bo Vik will direct.",
    )
    found = _speakers(a, "Harbinger")
    assert len(found) == 2, _rows(a)
    assert all(f.label == "media_outlet" for f in found), _rows(a)


def test_an_outlets_possessive_is_no_part_of_the_name(run: Run) -> None:
    a = sources(
        run,
        "According to early reports, rebels seized the town. Ledgerly\u2019s Blake Hounsom "
        "was one the first to report the news on Twitter, saying the group would hold it.",
    )
    (f,) = [f for f in a.by_kind("speaker") if "Hounsom" in f.text]
    assert f.attributes.get("name") == "Blake Hounsom", _rows(a)
    assert f.attributes.get("affiliation") == "Ledgerly", _rows(a)


def test_a_countrys_authorities_are_its_government_unnamed(run: Run) -> None:
    a = sources(
        run,
        "Peruvian authorities say remains found in a grave are not those of the miners.",
    )
    (f,) = _speakers(a, "Peruvian authorities")
    assert f.label == "government", _rows(a)
    assert not f.attributes.get("name"), _rows(a)


def test_the_website_is_the_site_named_two_sentences_before(run: Run) -> None:
    a = sources(
        run,
        "The story ran on the website HarborReport.net, which is a satire news site.\n\n"
        "The story claimed the town was closed. The website also said roads were blocked.",
    )
    (f,) = _speakers(a, "The website")
    assert f.label == "media_outlet", _rows(a)
    assert f.attributes.get("name") == "HarborReport.net", _rows(a)


def test_the_man_is_the_man_introduced_two_sentences_before(run: Run) -> None:
    a = sources(
        run,
        "Bo Vik gave a poor man $50 and followed him to the store.\n\n"
        "He bought bread for others.\n\n"
        'The man told Vik: "Money cannot buy this."',
    )
    (f,) = _speakers(a, "The man")
    assert f.label == "anonymous", _rows(a)


def test_they_in_a_relative_clause_are_the_subject_of_the_sentence(run: Run) -> None:
    a = sources(
        run,
        'In a video titled "A Message", Grey Wolf rebels beheaded a man that they say is '
        "a Norvian spy.",
    )
    (f,) = _speakers(a, "they")
    assert f.label != "unresolved", _rows(a)
    lo, hi = f.attributes.get("antecedent_start"), f.attributes.get("antecedent_end")
    assert isinstance(lo, int) and isinstance(hi, int), _rows(a)
    assert a.document.text[lo:hi].endswith("rebels"), _rows(a)


def test_a_stations_number_and_last_word_are_part_of_its_name(run: Run) -> None:
    a = sources(run, "Ann Lund was hurt in a fall at her home, 5 News Now is reporting.")
    (f,) = [f for f in a.by_kind("speaker") if "News" in f.text]
    assert f.text == "5 News Now", _rows(a)
    assert f.label == "media_outlet" and f.attributes.get("name") == "5 News Now", _rows(a)


def test_a_news_reader_before_a_full_name_makes_it_a_persons(backbone: Backbone) -> None:
    # the recogniser may type "Lena Harwood" a body here; the role word says a person
    parsed = backbone.parse(
        "In a clip, NBC Nightly news reader Lena Harwood cuts to Vik for the forecast."
    )
    assert person_surname(ParseIndex(parsed), "Harwood")
    parsed = backbone.parse("In a clip, the newscaster Lena Harwood cuts to Vik.")
    assert person_surname(ParseIndex(parsed), "Harwood")


def test_who_after_a_students_university_is_the_student(run: Run) -> None:
    a = sources(
        run,
        "Meet 19-year-old Ann Lund, a first-year student at Westby Valley University who "
        "claims she sang on the record.",
    )
    assert not _speakers(a, "Westby Valley University"), _rows(a)
    (f,) = _speakers(a, "Ann Lund")
    assert f.label == "named_person", _rows(a)


def test_the_realtors_are_the_realtors_counted_before(run: Run) -> None:
    a = sources(
        run,
        "A cook in Westby got a surprise last week.\nBo, the cook, thought he was bringing "
        "food to a guest, but he was led to a hall where 150 Lakeway Homes realtors were "
        "holding their meeting.\nThey gave him a tip of $900.\nBo was stunned.\n"
        "The realtors said they wanted to help someone.",
    )
    (f,) = _speakers(a, "The realtors")
    assert f.label == "anonymous", _rows(a)
    assert "Lakeway Homes" in (f.attributes.get("role") or ""), _rows(a)
