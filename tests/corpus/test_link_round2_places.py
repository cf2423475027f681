"""Place links on real news (link audit round 2): a name after "in", "at" or "to" is a
place only when the text uses it as one, and two towns or countries locate one event only
when the same word governs both. Invented names throughout."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from unspin.corpus import compare_slots
from unspin.corpus.model import PlaceSlot
from unspin.corpus.place_evidence import (
    head_marker,
    holiday,
    locative,
    months_apart,
    one_spelling,
    part_cue,
)


def _read(sentence: str, name: str, prep: str) -> bool:
    at = sentence.index(name)
    return locative(sentence, 0, sentence.rindex(prep, 0, at), at, at + len(name))


def test_a_source_a_title_or_a_word_s_object_is_no_place() -> None:
    cases = [
        ("According to Brenholt, the courier was seized near the border.", "Brenholt", "to"),
        ('The group released a clip titled "A Warning to Dalmoria," on Tuesday.', "Dalmoria", "to"),
        ("His uncle was charged over a link to Oskar Venn and the raid.", "Oskar", "to"),
        ("She converted to Velism in her twenties.", "Velism", "to"),
        ("Fighters of the Northern Front in Kessaly and Orvan struck again.", "Kessaly", "in"),
        ("He was tied to Amir bin Sadek in court papers.", "Amir", "to"),
        ("The story ran in Tarvik news site on Monday.", "Tarvik", "in"),
    ]
    for sentence, name, prep in cases:
        assert not _read(sentence, name, prep), sentence


def test_where_someone_went_or_something_happened_is_a_place() -> None:
    cases = [
        ("The injured were taken to Harlow General Hospital.", "Harlow", "to"),
        ("She was extradited to Dalmoria in 2011.", "Dalmoria", "to"),
        ("The courier was seized in Kessaly on Friday.", "Kessaly", "in"),
        ("A fire broke out at Osk Mills on Dock Lane.", "Dock", "on"),
    ]
    for sentence, name, prep in cases:
        assert _read(sentence, name, prep), sentence
    assert holiday("Founders Day") and not holiday("Kessaly")


def _place(doc: str, name: str, sentence: str) -> PlaceSlot:
    at = sentence.index(name)
    prep = sentence.rindex(" ", 0, at - 1) + 1
    head = head_marker(sentence, 0, prep)
    base: dict[str, Any] = {
        "doc_id": doc, "finding_id": f"f-{doc}", "start": 100, "end": 100 + len(name),
        "text": name, "sentence_start": 90, "sentence_end": 220, "published": "2024-03-03",
        "outlet": None, "keys": (), "anchors": ("Venn", name), "events": (),
    }  # fmt: skip
    nouns = ("courier", "border", "seized", *((head,) if head else ()))
    return PlaceSlot(**base, place=name, place_type="place", event=("arrest",),
                     iso="2024-03-02", others=(), nouns=nouns)  # fmt: skip


def test_two_facts_about_one_person_are_not_one_event_s_place() -> None:
    """Born in one town, grew up in another; seized in one country, tried in another."""
    born = _place("d1", "Kessaly", "Venn was born in Kessaly in 1990.")
    grew = _place("d2", "Orvan", "Venn grew up in Orvan in 1990.")
    assert compare_slots(born, grew) is None
    tried = _place("d2", "Orvan", "Venn awaits trial in Orvan over the 2024 raid.")
    seized = _place("d1", "Kessaly", "Venn was seized in Kessaly over the 2024 raid.")
    assert compare_slots(seized, tried) is None


def test_one_event_held_in_two_towns_is_still_a_conflict() -> None:
    a = _place("d1", "Kessaly", "The summit will take place in Kessaly on March 2.")
    b = _place("d2", "Orvan", "The summit will be held in Orvan on March 2.")
    assert (link := compare_slots(a, b)) is not None and link.kind == "contradiction"
    c = _place("d2", "Orvan", "Venn was seized in Orvan on March 2.")
    d = _place("d1", "Kessaly", "Venn was seized in Kessaly on March 2.")
    assert (link := compare_slots(c, d)) is not None and link.kind == "contradiction"
    plain = compare_slots(replace(c, event=()), replace(d, event=()))  # matched on nouns
    assert plain is not None and plain.slot["event"] == "border, courier, seized"
    assert "@" not in plain.explanation.detail  # the governing-word markers are no words


def test_two_spellings_of_one_district_agree() -> None:
    a = _place("d1", "KelDara", "Venn was seized in KelDara on March 2.")
    b = _place("d2", "Kel Darah", "Venn was seized in Kel Darah on March 2.")
    assert compare_slots(a, b) is None
    assert one_spelling("Kel Dara", "KelDarah") and not one_spelling("Kessaly", "Orvan")


def test_a_figure_for_one_place_of_several_is_a_part_of_the_total() -> None:
    """29 raids on two countries, then 17 of them in one country and 12 in the other."""
    for lead in ("The action in Kessaly included ", "In Orvan, "):
        assert part_cue(lead + "17 raids", 0, len(lead)) is not None, lead
    for lead in ("The allies staged ", "In 2012, ", "Police said ", "The new model will include "):
        assert part_cue(lead + "17 raids", 0, len(lead)) is None, lead


def test_a_place_the_other_report_names_too_may_lie_inside_it() -> None:
    """A region and one of its towns: offline, containment is unknown; when the other
    report names the place as well, no conflict is claimed."""
    a = _place("d1", "Kessaly", "Venn was seized in Kessaly on March 2.")
    b = _place("d2", "Orvan", "Venn was seized in Orvan on March 2.")
    assert compare_slots(a, b) is not None
    b_names_a = replace(b, context=("kessaly", "orvan", "venn"))
    assert compare_slots(a, b_names_a) is None


def test_one_kind_of_event_months_apart_is_two_events() -> None:
    """Charged in one February, charged again years later: two charges, not one misdated."""
    assert months_apart("2004-02", "2011-12") == 94
    assert months_apart("2024-06-14", "2024-06-21") == 0 and months_apart("2012", "2013") == 0
