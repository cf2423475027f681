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
    '"She is going to win," Vellam said at a meeting in March.\n\n'
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
        "“I really do not know how a better man did not run,” said Air Force 1st Lt. "
        "Ena Dorsk. “I was hoping for another.”",
    )
    quotes = a.by_kind("quote")
    assert quotes
    for q in quotes:
        assert q.attributes["speaker"] == "Ena Dorsk"
        assert q.label == "named_person"


def test_a_call_sign_and_a_hyphenated_paper_name_are_outlets(run: Run) -> None:
    a = sources(
        run,
        "In Seattle, marchers carried white roses, KXOR-TV reported, while in Chicago the "
        "parade began with a moment of silence, the Harbor Sun-Times reported.\n\n"
        "In Chicago, organizers added 160 guards along the route, the Sun-Times reported.",
    )
    for text in ("KXOR-TV", "the Harbor Sun-Times", "the Sun-Times"):
        found = _speakers(a, text)
        assert len(found) == 1, [(f.text, f.label) for f in a.by_kind("speaker")]
        assert found[0].label == "media_outlet"


def test_a_surname_with_a_particle_is_the_person_named_in_full(run: Run) -> None:
    a = sources(
        run,
        "PARIS (Wire) - France’s far-right party leader Marine Le Vark said on Wednesday "
        "she would back Bell.\n\n"
        "While her party thrives on anti-immigration sentiment, she has been more careful "
        "in her speeches than Bell has been.\n\n"
        "“As far as France’s best interest is concerned it’s, ‘Everything but Ana Rask’,” "
        "Le Vark told Metro News in an interview when asked which candidate she would back.",
    )
    found = _speakers(a, "Le Vark")
    assert len(found) == 1, [(f.text, f.label) for f in a.by_kind("speaker")]
    assert found[0].label == "named_person"
    assert found[0].attributes["name"] == "Marine Le Vark"


def test_one_member_of_a_party_is_anonymous_and_who_takes_him_up(run: Run) -> None:
    a = sources(
        run,
        "Members peppered the aide with questions about the raids, the people said. "
        '"It was not a convincing argument," said one Democrat familiar with the '
        'discussion, who added that the White House seemed "rattled" by the opposition.',
    )
    found = _speakers(a, "one Democrat")
    assert len(found) == 1, [(f.text, f.label) for f in a.by_kind("speaker")]
    assert found[0].label == "anonymous"
    assert not _speakers(a, "the discussion")
    added = [f for f in a.by_kind("attribution") if f.text.startswith("the White House")]
    assert added and added[0].label == "anonymous"


def test_the_news_outlet_is_the_outlet_named_just_before(run: Run) -> None:
    a = sources(
        run,
        "“The agents are under a lot of pressure,” an intelligence source told Metro News.\n\n"
        "The rule can be applied “when people make false statements that cost agents "
        "time,” according to the news outlet. The rule even covers statements not made "
        "under oath.",
    )
    found = _speakers(a, "the news outlet")
    assert len(found) == 1, [(f.text, f.label) for f in a.by_kind("speaker")]
    assert found[0].attributes["name"] == "Metro News"


def test_the_group_is_the_body_named_just_before(run: Run) -> None:
    a = sources(
        run,
        'The Harbor Tenants Union issued a statement saying it took the step "because of '
        'the unsafe conditions created by the police."\n\n'
        '"For us, the march this year meant a choice between two threats," the group said '
        "in a statement.",
    )
    found = _speakers(a, "the group")
    assert len(found) == 1, [(f.text, f.label) for f in a.by_kind("speaker")]
    assert found[0].attributes["name"] == "Harbor Tenants Union"


def test_all_told_is_a_sum_not_speech(run: Run) -> None:
    a = sources(
        run,
        "The plan covers parents of citizens and the expansion of a program for children. "
        "All told, up to 5 million people could be eligible for the programs.",
    )
    assert not _speakers(a, "All")
    assert not a.by_kind("attribution")
