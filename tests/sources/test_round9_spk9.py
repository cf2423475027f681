"""Wrong speaker roles of audit round 9 (bench/audit/round9), each reproduced on an invented
fixture: a partitive ("One of them, Ann Lund,") shown as the role, a rank abbreviation
("Maj. Gen.") cut at its full stop, a place before an honorific ("in Oslo Mr Lund")
shown as the role.
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
