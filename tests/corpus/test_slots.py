"""Slot extraction from real analyses: what a sentence's numbers, dates and names fill."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from unspin.corpus import DateSlot, QuantitySlot, RoleSlot, extract_slots
from unspin.model import Analysis

pytestmark = pytest.mark.slow  # needs the real NLP models

Run = Callable[..., Analysis]


def slots_of(run: Run, text: str, published: str | None = "2024-03-07") -> list[object]:
    return list(extract_slots(run(text, "sources", "claims", published=published)))


def quantities(run: Run, text: str) -> dict[str, QuantitySlot]:
    return {s.text: s for s in slots_of(run, text) if isinstance(s, QuantitySlot)}


def test_predicates_from_the_lexicon_and_from_verbs(run: Run) -> None:
    qs = quantities(
        run,
        "Police in Oskar Bay arrested 14 people. Floods killed 62 people in Marvale. "
        "The council paid $2.5 million to the builders. Nearly 300 homes were flooded in "
        "Marvale. 62 deaths were recorded in Marvale.",
    )
    assert (qs["14 people"].predicate, qs["14 people"].unit_class) == ("arrest", "person")
    assert qs["14 people"].predicate_text == "arrested"
    assert (qs["62 people"].predicate, qs["62 people"].unit_class) == ("die", "person")
    assert (qs["$2.5 million"].predicate, qs["$2.5 million"].unit_class) == ("pay", "USD")
    homes = qs["Nearly 300 homes"]
    assert (homes.predicate, homes.unit_class, homes.noun) == ("flood", "home", "home")
    assert homes.qualifier == "at_most"
    # "62 deaths": the counted noun names what happened
    assert (qs["62 deaths"].predicate, qs["62 deaths"].unit_class) == ("die", "person")


def test_counted_things_are_keyed_by_what_they_count(run: Run) -> None:
    # a count of things is a slot even with no event ("40 rooms" and "45 rooms" of one
    # museum conflict); it is compared only with counts of the same noun
    rooms = quantities(run, "The museum has 40 rooms and a garden in Marvale.")["40 rooms"]
    assert (rooms.predicate, rooms.unit_class, rooms.noun) == ("", "room", "room")
    assert rooms.keys[0] == "q|u:room|marvale"
    # an age says who someone is, not what happened: never a slot
    assert quantities(run, "Ana Vell, 62, was arrested in Marvale.").keys() <= {"Ana Vell"}


def test_part_and_update_cues(run: Run) -> None:
    qs = quantities(run, "The death toll in Marvale rose to 70 on Tuesday, including 12 children.")
    toll, children = qs["70"], qs["12 children"]
    assert toll.predicate == "die" and toll.unit_class == "person"
    assert toll.update == "rose" and toll.part is None
    assert children.part == "including" and children.noun == "child"
    assert toll.as_of == "2024-03-05"  # the sentence's own date, resolved


def test_names_in_the_sentence_are_the_blocking_keys(run: Run) -> None:
    (s,) = quantities(run, "Police in Oskar Bay arrested 14 people, Dana Kerrow said.").values()
    assert s.anchors == ("Oskar",)  # the speaker's name says who spoke, not where
    assert s.keys[0] == "q|arrest|person|oskar"  # the sentence's names first
    assert f"q|arrest|person|doc:{s.doc_id}" in s.keys


def test_dates_of_events_not_of_statements(run: Run) -> None:
    found = [
        s for s in slots_of(
            run,
            "Officials said on Monday that the Lenna bridge in Marvale collapsed on March 3. "
            "The toll rose to 70 on Tuesday.",
        )
        if isinstance(s, DateSlot)
    ]  # fmt: skip
    assert [(s.text, s.iso, s.predicate, s.subject) for s in found] == [
        ("March 3", "2024-03-03", "collaps", "bridg")
    ]
    assert found[0].relative  # "March 3" needed the publication year
    assert "d|marvale" in found[0].keys


def test_roles_from_speakers_and_appositions(run: Run) -> None:
    roles = [
        s for s in slots_of(
            run,
            "Interior Minister Dana Kerrow said the dam was safe. Ion Petrescu, the mayor of "
            "Marvale, disagreed. Later, former deputy Dana Kerrow visited. Kerrow left.",
        )
        if isinstance(s, RoleSlot)
    ]  # fmt: skip
    got = {(s.name, s.role, s.source) for s in roles}
    assert ("Dana Kerrow", "Interior Minister", "speaker") in got
    assert ("Ion Petrescu", "mayor of Marvale", "apposition") in got
    assert ("Dana Kerrow", "former deputy", "apposition") in got
    assert all(len(s.name.split()) >= 2 for s in roles)  # a bare surname is no key
    assert {k for s in roles for k in s.keys} == {"r|dana kerrow", "r|ion petrescu"}


def test_slots_are_anchored(run: Run) -> None:
    a = run(
        "62 people were killed in Marvale on March 3. Interior Minister Dana Kerrow "
        "visited.",
        "sources", "claims", published="2024-03-05",
    )  # fmt: skip
    slots = extract_slots(a)
    assert {s.kind for s in slots} >= {"quantity", "date", "role", "proposition", "place"}
    for s in slots:
        assert a.document.text[s.start : s.end] == s.text
        assert s.sentence_start <= s.start <= s.end <= s.sentence_end
        assert s.doc_id == a.document.id and s.published == "2024-03-05"
    assert extract_slots(run("No numbers here at all.", "sources", "claims")) == []
