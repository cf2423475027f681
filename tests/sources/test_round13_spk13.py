"""Speaker resolution and typing errors of audit round 13 (bench/audit/round13), each
reproduced on an invented fixture: a lone surname shared by two people named in full
went to the one named last (a relative) instead of the one the text calls by surname."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources
from unspin.model import Analysis, Finding

Run = Callable[..., Analysis]


def _speakers(a: Analysis, text: str) -> list[Finding]:
    return [f for f in a.by_kind("speaker") if f.text == text]


_FAMILY = (
    "Rep. Oskar Vellam faced new questions on Tuesday about his campaign for the Senate.\n\n"
    "His former wife, Lena Vellam, filed a complaint against him last year, and his "
    "fiancee Mira Vellam is now running for his seat.\n\n"
    '"She will take the seat," Vellam said at a meeting in March.\n\n'
    "Vellam argued that the caucus should back her instead of his adviser."
)


def test_a_shared_surname_goes_to_the_person_named_first(run: Run) -> None:
    a = sources(run, _FAMILY)
    found = _speakers(a, "Vellam")
    assert len(found) == 2, [(f.text, f.attributes.get("name")) for f in a.by_kind("speaker")]
    for s in found:
        assert s.attributes["name"] == "Oskar Vellam"


def test_an_honorific_picks_the_person_of_that_gender(run: Run) -> None:
    a = sources(
        run,
        "Ms. Lena Vellam, the wife of the developer, said the deal was fair.\n\n"
        "Oskar Vellam, who later married again, did not answer.\n\n"
        '"I built it myself," Mr. Vellam said in a 1990 interview.',
    )
    found = _speakers(a, "Mr. Vellam")
    assert len(found) == 1, [(f.text, f.attributes.get("name")) for f in a.by_kind("speaker")]
    assert found[0].attributes["name"] == "Oskar Vellam"


def test_a_shortened_rank_before_a_name_is_no_organisation(run: Run) -> None:
    a = sources(
        run,
        "Several veterans shared their worries about the race.\n\n"
        "“Nobody on the ballot speaks for us,” said Air Force 1st Lt. Ena Dorsk. "
        "“We deserve better.”",
    )
    quotes = a.by_kind("quote")
    assert quotes
    for q in quotes:
        assert q.attributes["speaker"] == "Ena Dorsk"
        assert q.label == "named_person"


def test_a_call_sign_and_a_hyphenated_paper_name_are_outlets(run: Run) -> None:
    a = sources(
        run,
        "In Westby, walkers carried candles, KXOR-TV reported, while in Dunmore the "
        "festival opened with a prayer, the Harbor Sun-Times reported.\n\n"
        "In Dunmore, the city hired 80 more stewards for the route, the Sun-Times reported.",
    )
    for text in ("KXOR-TV", "the Harbor Sun-Times", "the Sun-Times"):
        found = _speakers(a, text)
        assert len(found) == 1, [(f.text, f.label) for f in a.by_kind("speaker")]
        assert found[0].label == "media_outlet"


def test_a_surname_with_a_particle_is_the_person_named_in_full(run: Run) -> None:
    a = sources(
        run,
        "PARIS (Wire) - Party leader Marine Le Vark said on Wednesday she would back Bell."
        "\n\nHer party has grown fast, and she has been more careful in her speeches than "
        "Bell.\n\n"
        "“For my country, anyone but Ana Rask is fine,” Le Vark told Metro News in an "
        "interview when asked whom she preferred.",
    )
    found = _speakers(a, "Le Vark")
    assert len(found) == 1, [(f.text, f.label) for f in a.by_kind("speaker")]
    assert found[0].label == "named_person"
    assert found[0].attributes["name"] == "Marine Le Vark"


def test_one_member_of_a_party_is_anonymous_and_who_takes_him_up(run: Run) -> None:
    a = sources(
        run,
        "Lawmakers pressed the envoy with questions about the new levy, the people said. "
        '"He did not persuade anyone," said one Republican familiar with the meeting, who '
        'added that the ministry looked "nervous" about the revolt.',
    )
    found = _speakers(a, "one Republican")
    assert len(found) == 1, [(f.text, f.label) for f in a.by_kind("speaker")]
    assert found[0].label == "anonymous"
    assert not _speakers(a, "the meeting")
    added = [f for f in a.by_kind("attribution") if f.text.startswith("the ministry")]
    assert added and added[0].label == "anonymous"


def test_the_news_outlet_is_the_outlet_named_just_before(run: Run) -> None:
    a = sources(
        run,
        "“The staff feel squeezed,” a source in the agency told Metro News.\n\n"
        "The law applies “whenever someone misleads investigators and wastes their "
        "time,” according to the news outlet. It even covers remarks made without an oath.",
    )
    found = _speakers(a, "the news outlet")
    assert len(found) == 1, [(f.text, f.label) for f in a.by_kind("speaker")]
    assert found[0].attributes["name"] == "Metro News"


def test_the_group_is_the_body_named_just_before(run: Run) -> None:
    a = sources(
        run,
        'The Harbor Tenants Union issued a statement saying it left the parade "because '
        'the route was not safe for our members."\n\n'
        '"We would rather walk on our own than walk afraid," the group said in a statement.',
    )
    found = _speakers(a, "the group")
    assert len(found) == 1, [(f.text, f.label) for f in a.by_kind("speaker")]
    assert found[0].attributes["name"] == "Harbor Tenants Union"


def test_all_told_is_a_sum_not_speech(run: Run) -> None:
    a = sources(
        run,
        "The bill covers farm workers and the renewal of a grant for students. "
        "All told, about 300,000 people may qualify.",
    )
    assert not _speakers(a, "All")
    assert not a.by_kind("attribution")


def test_a_speaker_span_never_starts_at_the_ranks_full_stop(run: Run) -> None:
    a = sources(
        run,
        "“None of them knows the navy,” said Army Capt. Christian Vark, who said he "
        "would back neither Bell nor Rask.",
    )
    assert not [f for f in a.by_kind("speaker") if f.text.startswith(".")]
    assert any(f.attributes.get("name") == "Christian Vark" for f in a.by_kind("speaker"))
