"""The comparison rules on hand-built slots (no models): what is and is not a conflict."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from unspin.corpus import (
    DateSlot,
    QuantitySlot,
    RoleSlot,
    compare_slots,
    find_contradictions,
    slot_from_dict,
)
from unspin.errors import SchemaError

_BASE: dict[str, Any] = {
    "finding_id": "f",
    "outlet": "x.example",
    "events": (),
}
_POS = {"n": 0}


def _base(doc: str, text: str, published: str | None, anchors: tuple[str, ...]) -> dict[str, Any]:
    _POS["n"] += 100  # every slot in its own sentence
    start = _POS["n"]
    return {
        **_BASE,
        "doc_id": doc,
        "start": start,
        "end": start + len(text),
        "text": text,
        "sentence_start": start,
        "sentence_end": start + len(text),
        "published": published,
        "anchors": anchors,
        "keys": (),
    }


def q(
    value: float,
    *,
    doc: str = "d1",
    published: str | None = "2024-03-05",
    anchors: tuple[str, ...] = ("Marvale",),
    **kw: Any,
) -> QuantitySlot:
    fields: dict[str, Any] = {
        "value_max": None, "unit": "people", "unit_class": "person", "noun": None,
        "predicate": "die", "predicate_text": "killed", "qualifier": None, "part": None,
        "update": None, "as_of": published,
    }  # fmt: skip
    base = _base(doc, f"{value:g} people", published, anchors)
    base["keys"] = tuple(f"q|die|person|{a.lower()}" for a in anchors)
    base.update({k: v for k, v in kw.items() if k in base})
    fields.update({k: v for k, v in kw.items() if k not in base})
    return QuantitySlot(**base, value=value, **fields)


def kind(a: QuantitySlot | DateSlot | RoleSlot, b: QuantitySlot | DateSlot | RoleSlot) -> str:
    link = compare_slots(a, b)
    return f"{link.kind}:{link.explanation.rule}" if link else "none"


def test_exact_values_that_differ_contradict() -> None:
    assert kind(q(62), q(65, doc="d2")) == "contradiction:quantity.different-values"


def test_agreement_is_a_restatement() -> None:
    assert kind(q(62), q(62, doc="d2")) == "restatement:quantity.same-value"
    link = compare_slots(q(62), q(62, doc="d2"))
    assert link is not None and not link.differs
    assert link.slot["checks"] == "agree: counted, date, number"
    assert "62 (as of 2024-03-05) vs 62 (as of 2024-03-05)" in link.explanation.detail
    # undated figures (no date in the text, no publication date): said so, no date agreed
    undated = compare_slots(
        q(30, published=None, as_of=None, anchors=("Harrowmere", "Quay")),
        q(30, doc="d2", published=None, as_of=None, anchors=("Harrowmere", "Quay")),
    )
    assert undated is not None and undated.slot["checks"] == "agree: counted, number"
    assert "30 (undated) vs 30 (undated)" in undated.explanation.detail
    half = compare_slots(
        q(30, published=None, as_of=None, anchors=("Harrowmere", "Quay")),
        q(30, doc="d2", published=None, as_of="2024-03", anchors=("Harrowmere", "Quay")),
    )
    assert half is not None and half.slot["checks"] == "agree: counted, number"
    assert half.slot["date"] == "- / 2024-03"
    # the same figure for another event is nothing
    assert kind(q(62), q(62, doc="d2", anchors=("Dorvin",))) == "none"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ((60, "about"), (62, None), "compatible:quantity.approximate"),
        ((60, "about"), (65, None), "compatible:quantity.approximate"),
        ((60, "about"), (75, None), "contradiction:quantity.different-values"),
        ((60, "at_least"), (65, None), "compatible:quantity.bound"),
        ((60, "at_least"), (58, None), "contradiction:quantity.different-values"),
        ((70, "at_most"), (65, None), "compatible:quantity.bound"),
        ((70, "at_most"), (75, None), "contradiction:quantity.different-values"),
    ],
)
def test_qualified_values(
    a: tuple[float, str | None], b: tuple[float, str | None], expected: str
) -> None:
    assert kind(q(a[0], qualifier=a[1]), q(b[0], qualifier=b[1], doc="d2")) == expected


def test_ranges_cover_values() -> None:
    assert kind(q(300, value_max=400), q(350, doc="d2")) == "compatible:quantity.range"


def test_rounding_needs_a_round_figure() -> None:
    assert kind(q(1200), q(1187, doc="d2")) == "compatible:quantity.rounding"
    assert kind(q(4_500_000), q(4_480_000, doc="d2")) == "compatible:quantity.rounding"
    # "60" and "62" with no "about": a rounding that small is not assumed
    assert kind(q(60), q(62, doc="d2")) == "contradiction:quantity.different-values"
    # 1,250 does not round to 1,200
    assert kind(q(1200), q(1250, doc="d2")) == "contradiction:quantity.different-values"


def test_updates_need_a_cue_or_a_later_reference_date() -> None:
    later_larger = q(70, doc="d2", published="2024-03-07")
    assert kind(q(62), later_larger) == "update:quantity.later-count"
    cue = q(70, doc="d2", update="rose")
    assert kind(q(62), cue) == "update:quantity.update-cue"
    # a later, smaller figure is a revision: still an update (the dates say it is later)
    assert kind(q(70), q(62, doc="d2", published="2024-03-07")) == "update:quantity.later-count"
    # the same reference day given in both texts: a cue ("dropped to") does not make one
    # of two figures for that day an update of the other
    friday: dict[str, Any] = {"as_of": "2024-03-01", "dated": True}
    assert kind(q(610, **friday), q(520, doc="d2", update="dropped to", **friday)) == (
        "contradiction:quantity.different-values"
    )
    # amounts of money are compared only when they are amounts of the same thing (two
    # content words in common: "the fine" alone could be any fine)
    paid: dict[str, Any] = {"unit": "USD", "unit_class": "USD", "predicate": "pay",
                            "predicate_text": "paid"}  # fmt: skip
    fine = ("fine", "club")
    assert kind(q(2e6, nouns=fine, **paid), q(3e6, doc="d2", nouns=fine, **paid)) == (
        "contradiction:quantity.different-values"
    )
    assert kind(q(2e6, nouns=fine, **paid), q(3e6, doc="d2", nouns=("fine",), **paid)) == ("none")
    # dollars of an unstated currency and an hourly wage are money too
    for unit in ("dollar", "USD/hour"):
        pay = {**paid, "unit": unit, "unit_class": unit}
        assert kind(q(9, nouns=fine, **pay), q(12, doc="d2", nouns=("fine",), **pay)) == "none"
        assert kind(q(9, nouns=fine, **pay), q(12, doc="d2", nouns=fine, **pay)) == (
            "contradiction:quantity.different-values"
        )


def test_part_and_total() -> None:
    total = q(70)
    assert kind(total, q(12, doc="d2", noun="child")) == "compatible:quantity.part-of-total"
    assert kind(total, q(12, doc="d2", part="including")) == "compatible:quantity.part-of-total"
    assert kind(total, q(90, doc="d2", noun="child")) == "contradiction:quantity.part-exceeds-total"
    # two different kinds of people counted: not the same slot
    assert kind(q(12, noun="child"), q(30, doc="d2", noun="soldier")) == "none"


def test_slots_must_be_about_the_same_event() -> None:
    # different documents sharing no name
    assert kind(q(62), q(65, doc="d2", anchors=("Dorvin",))) == "none"
    # a named event kind on each side, and they differ
    assert kind(q(62, events=("flood",)), q(65, doc="d2", events=("fir",))) == "none"
    # different predicates or units
    assert kind(q(62), q(65, doc="d2", predicate="injure")) == "none"
    assert kind(q(62), q(65, doc="d2", unit_class="USD")) == "none"
    # one document: no names on one side is enough, different names are not
    assert kind(q(40, anchors=()), q(55)) == "contradiction:quantity.different-values"
    assert kind(q(40, anchors=("Oskar",)), q(55)) == "none"


def test_one_sentence_is_one_statement() -> None:
    a = q(70)
    b = dataclasses.replace(q(12, noun="child"), sentence_start=a.sentence_start)
    assert kind(a, b) == "none"


def d(iso: str, *, doc: str = "d1", subject: str | None = "bridg", **kw: Any) -> DateSlot:
    # "the bridge collapsed": a one-off event (a thing's collapse is not done again)
    return DateSlot(
        **_base(doc, iso, "2024-03-05", ("Marvale",)),
        iso=iso, granularity="day" if len(iso) == 10 else "month", predicate="collaps",
        predicate_text="collapsed", subject=subject, **{"relative": False, "once": True, **kw},
    )  # fmt: skip


def test_dates() -> None:
    assert kind(d("2024-03-03"), d("2024-03-04", doc="d2")) == (
        "contradiction:date.different-dates"
    )
    assert kind(d("2024-03"), d("2024-03-04", doc="d2")) == "compatible:date.coarser"
    assert kind(d("2024-03-03"), d("2024-03-03", doc="d2")) == "restatement:date.same-date"
    assert kind(d("2024-03-03"), d("2024-03-09", doc="d2", subject="dam")) == "none"
    # an act done again ("criticized on Tuesday", "on Friday") is no date conflict
    assert kind(d("2024-03-03", once=False), d("2024-03-04", doc="d2", once=False)) == "none"
    # two dates years apart are two events
    assert kind(d("2021-03-03"), d("2024-03-04", doc="d2")) == "none"
    sure = compare_slots(d("2024-03-03"), d("2024-03-04", doc="d2"))
    relative = compare_slots(d("2024-03-03"), d("2024-03-04", doc="d2", relative=True))
    assert sure and relative and relative.score < sure.score
    assert "relative date" in relative.explanation.detail


def r(role: str, *, doc: str = "d1", name: str = "Dana Kerrow") -> RoleSlot:
    return RoleSlot(**_base(doc, f"{role} {name}", None, (name,)), name=name, role=role,
                    source="apposition")  # fmt: skip


def test_roles() -> None:
    # two roles of one person can both hold: compatible, never a conflict
    assert kind(r("Interior Minister"), r("former deputy", doc="d2")) == (
        "compatible:role.different-roles"
    )
    assert kind(r("minister"), r("Interior Minister", doc="d2")) == "none"
    assert kind(r("Minister"), r("minister", doc="d2")) == "none"
    assert kind(r("minister"), r("mayor", doc="d2", name="Ion Petrescu")) == "none"


def test_find_contradictions_compares_within_key_groups_only() -> None:
    a, b = q(62), q(65, doc="d2")
    far = q(99, doc="d3", anchors=("Dorvin",))
    links = find_contradictions([a, b, far])
    assert [lk.kind for lk in links] == ["contradiction"]
    # a pair sharing several keys is linked once
    a2 = dataclasses.replace(a, anchors=("Marvale", "Lenna"), keys=("k1", "k2"))
    b2 = dataclasses.replace(b, anchors=("Marvale", "Lenna"), keys=("k1", "k2"))
    assert len(find_contradictions([a2, b2])) == 1


def test_oversized_groups_are_windowed() -> None:
    slots = [q(100 + i, doc=f"d{i}", published=f"2024-03-{10 + i:02d}", unit_class="home",
               unit="homes", noun="home", nouns=("destroy", "home"), predicate="destroy")
             for i in range(6)]  # fmt: skip
    everything = find_contradictions(slots)
    windowed = find_contradictions(slots, max_group=2)
    assert len(everything) == 15  # every pair of six
    assert 0 < len(windowed) < len(everything)


def test_slots_round_trip_through_json() -> None:
    for slot in (q(62, qualifier="about"), d("2024-03-03"), r("Interior Minister")):
        data = json.loads(json.dumps(slot.to_dict()))
        assert slot_from_dict(data) == slot
    with pytest.raises(SchemaError):
        slot_from_dict({"kind": "mystery"})
    with pytest.raises(SchemaError):
        slot_from_dict({"kind": "quantity", "doc_id": "x"})


def test_tallies_compare_both_sides() -> None:
    """'7-2' is a vote of seven to two, not a range from two to seven: another split of
    the same vote conflicts, the same split restates it."""

    def tally(a: float, b: float, doc: str = "d1") -> QuantitySlot:
        return q(a, value_max=b, unit="tally", predicate="vote", predicate_text="voted", doc=doc)

    assert kind(tally(7, 2), tally(6, 3, doc="d2")) == "contradiction:quantity.different-values"
    assert kind(tally(7, 2), tally(7, 2, doc="d2")) == "restatement:quantity.same-value"
    link = compare_slots(tally(7, 2), tally(6, 3, doc="d2"))
    assert link is not None and "7-2" in link.explanation.detail
