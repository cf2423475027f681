"""Wrong speakers and roles of audit round 9 (bench/audit/round9), each reproduced on an invented
fixture: a partitive ("One of them, Ann Lund,") shown as the role, a rank abbreviation
("Maj. Gen.") cut at its full stop, a place before an honorific ("in Oslo Mr Lund")
shown as the role, and the subject of a clause after a body's name ("According to the
Westby Project, women and men made up ...") taken for its apposition; and a pronoun
subject of reported words ("X announced it knew ... but said ...") taken for the sayer of
the verb the parse joined to them; and the writer's own "we will admit that ..." taken
for a source.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_round45_sspk import _speaker
from tests.sources.test_sources import sources
from unspin.model import Analysis

Run = Callable[..., Analysis]


def test_a_partitive_is_no_role(run: Run) -> None:
    a = sources(
        run,
        "Officials and experts visited the site on Sunday. One of them, Ann Lund, said it "
        "was not yet clear what had happened.",
    )
    s = _speaker(a, "Ann Lund")
    assert s.attributes.get("role") is None


def test_a_rank_abbreviation_stays_whole(run: Run) -> None:
    a = sources(
        run,
        "But Westby Defense Ministry spokesman Maj. Gen. Karl Vikberg said the talks were "
        "still going on.",
    )
    s = [f for f in a.by_kind("speaker") if f.attributes.get("name") == "Karl Vikberg"]
    assert s, [(f.text, f.attributes) for f in a.by_kind("speaker")]
    role = s[0].attributes.get("role")
    assert role is None or not role.endswith("Maj"), role


def test_a_place_before_an_honorific_is_no_role(run: Run) -> None:
    a = sources(
        run,
        "Back in Oslo Mr Holm was questioned again by the police. He told the group: "
        '"I was left at the station without money."',
    )
    for f in a.by_kind("speaker"):
        assert f.attributes.get("role") != "Oslo", f.attributes


def test_a_clause_subject_after_a_body_is_no_role(run: Run) -> None:
    a = sources(
        run,
        "According to the Westby Research Project, blacks and Hispanics represented 86% of "
        "those fined in the city.",
    )
    s = [f for f in a.by_kind("speaker") if "Project" in f.text]
    assert s, [(f.text, f.attributes) for f in a.by_kind("speaker")]
    assert s[0].attributes.get("role") is None, s[0].attributes


def test_a_pronoun_inside_the_reported_words_is_not_the_sayer(run: Run) -> None:
    a = sources(
        run,
        "Westby's army announced months ago it knew the location of the boats but said it "
        "would not launch an operation to recover them.",
    )
    texts = [f.text for f in a.by_kind("speaker")]
    assert "it" not in texts, texts
    assert "Westby's army" in texts, texts


def test_the_writers_we_with_a_modal_is_no_source(run: Run) -> None:
    a = sources(
        run,
        "Autumn is overrated. But we will begrudgingly admit that the one season we miss "
        "is autumn.",
    )
    assert not a.by_kind("speaker"), [f.text for f in a.by_kind("speaker")]
    assert not a.by_kind("attribution"), [f.text for f in a.by_kind("attribution")]


def test_a_role_with_a_relative_clause_keeps_its_role(run: Run) -> None:
    a = sources(
        run,
        "The only lawyer she could afford was Karl Vikberg, a business attorney who was fined "
        "in 2010 for helping tenants obtain permits by setting them up with fake leases. "
        "Vikberg said the case was weak.",
    )
    roles = {f.attributes.get("role") for f in a.by_kind("speaker")}
    assert "business attorney" in roles, roles


def test_a_role_before_a_left_out_comma_stays(run: Run) -> None:
    a = sources(
        run,
        '"We do not take it out on children," Karl Vikberg, secretary of the Westby Green '
        "Party told the station.",
    )
    s = _speaker(a, "Karl Vikberg")
    assert s.attributes.get("role") == "secretary of the Westby Green Party", s.attributes
