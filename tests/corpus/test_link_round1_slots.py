"""Slot links on real news (link audit round 1): a name shared by two statements of two
documents is weak evidence when the whole corpus names it. Invented names throughout."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from unspin.corpus import DateSlot, QuantitySlot, RoleSlot, compare_slots
from unspin.corpus.model import PlaceSlot
from unspin.corpus.roles import distinct_roles, role_heads


def _base(
    doc: str, published: str, text: str, anchors: tuple[str, ...], start: int = 100
) -> dict[str, Any]:
    return {
        "doc_id": doc,
        "finding_id": f"f-{doc}-{start}",
        "start": start,
        "end": start + len(text),
        "text": text,
        "sentence_start": start - 10,
        "sentence_end": start + 120,
        "published": published,
        "outlet": None,
        "keys": (),
        "anchors": anchors,
        "events": (),
    }


def count(doc: str, published: str, text: str, value: float, **kw: Any) -> QuantitySlot:
    fields: dict[str, Any] = {
        "value_max": None,
        "unit": "people",
        "unit_class": "person",
        "noun": None,
        "predicate": "die",
        "predicate_text": "killed",
        "qualifier": None,
        "part": None,
        "update": None,
        "as_of": published,
        "nouns": ("crash",),
    }
    anchors = kw.pop("anchors", ("Orlev",))
    fields.update(kw)
    return QuantitySlot(**_base(doc, published, text, anchors), value=value, **fields)


def share(
    doc: str, published: str, text: str, value: float, anchors: tuple[str, ...]
) -> QuantitySlot:
    return count(
        doc,
        published,
        text,
        value,
        unit="percent",
        unit_class="%",
        predicate="vot",
        predicate_text="",
        nouns=("vote",),
        anchors=anchors,
    )


def test_two_polls_naming_one_candidate_are_not_one_count() -> None:
    """51 percent of one poll's respondents for one candidate and 8 percent of another
    poll's party voters for the other: both name the candidate, nothing else in common."""
    a = share("d1", "2024-06-26", "51 percent", 51, ("Marlow", "Tessin"))
    b = share("d2", "2024-06-27", "8 percent", 8, ("Marlow",))
    assert compare_slots(a, b) is None
    same_poll = replace(
        share("d2", "2024-06-26", "48 percent", 48, ("Marlow", "Tessin", "Orlev")),
        predicate_text="said",
    )
    poll = replace(a, anchors=("Marlow", "Tessin", "Orlev"), predicate_text="said")
    assert (link := compare_slots(poll, same_poll)) is not None
    assert link.kind == "contradiction"
    assert compare_slots(replace(poll, predicate_text=""), same_poll) is None  # doing what?


def test_counts_of_documents_weeks_apart_are_not_compared() -> None:
    a = count("d1", "2024-05-02", "nine people", 9)
    near = count("d2", "2024-05-03", "six people", 6, as_of="2024-05-02")
    assert (link := compare_slots(a, near)) is not None and link.kind == "contradiction"
    far = count("d3", "2024-06-20", "six people", 6, as_of="2024-05-02")
    assert compare_slots(a, far) is None  # one shared name, seven weeks apart


def test_a_figure_dated_to_a_year_is_no_update_of_this_week() -> None:
    """A margin of 2008 and a margin of this week count two contests."""
    old = count("d1", "2024-05-02", "35 people", 35, as_of="2016")
    new = count("d2", "2024-05-03", "29 people", 29, as_of="2024-05-03")
    assert compare_slots(old, new) is None
    a = count("d1", "2024-05-02", "nine people", 9, as_of="2024-05-01")
    b = count("d2", "2024-05-04", "12 people", 12, as_of="2024-05-03")
    assert (link := compare_slots(a, b)) is not None and link.kind == "update"


def test_magnitudes_and_small_figures_are_no_restatement() -> None:
    vague_a = count("d1", "2024-05-02", "millions of migrants", 2e6, qualifier="at_least")
    vague_b = count("d2", "2024-09-02", "millions of migrants", 2e6, qualifier="at_least")
    assert compare_slots(vague_a, vague_b) is None
    two_a = count("d1", "2024-05-02", "two towns", 2, unit_class="town", noun="town")
    two_b = count("d2", "2024-05-09", "two towns", 2, unit_class="town", noun="town")
    assert compare_slots(two_a, two_b) is None  # "two" agrees by chance
    half_a = share("d1", "2024-05-02", "more than half", 0.5, ("Marlow",))
    half_b = share("d2", "2024-05-02", "more than half", 0.5, ("Marlow",))
    assert compare_slots(half_a, half_b) is None  # half of whom?
    plan: dict[str, Any] = {
        "unit": "USD", "unit_class": "USD", "nouns": ("bridge", "plan"), "predicate": "",
        "anchors": ("Orlev",),
    }  # fmt: skip
    big_a = count("d1", "2024-01-10", "$275 million", 275e6, **plan)
    big_b = count("d2", "2024-05-10", "$275 million", 275e6, **plan)
    assert (link := compare_slots(big_a, big_b)) is not None and link.kind == "restatement"


def date(doc: str, published: str, text: str, iso: str, relative: bool, **kw: Any) -> DateSlot:
    fields: dict[str, Any] = {
        "granularity": "day",
        "predicate": "rally",
        "predicate_text": "rallied",
        "subject": "Voss",
        "once": True,
    }
    fields.update(kw)
    anchors = fields.pop("anchors", ("Voss",))
    return DateSlot(**_base(doc, published, text, anchors), iso=iso, relative=relative, **fields)


def test_weekdays_of_two_reports_are_two_events() -> None:
    """ "Friday" in one report and "Tuesday" in another, both resolved against their
    publication dates: a campaign holds many events, the dates are no conflict."""
    a = date("d1", "2024-06-10", "Friday", "2024-06-07", True)
    b = date("d2", "2024-06-12", "Tuesday", "2024-06-11", True)
    assert compare_slots(a, b) is None
    c = date("d1", "2024-06-03", "June 14", "2024-06-14", True)
    d = date("d2", "2024-06-04", "June 21", "2024-06-21", True)
    assert (link := compare_slots(c, d)) is not None and link.kind == "contradiction"
    e = date("d3", "2024-07-20", "June 21", "2024-06-21", False)
    assert compare_slots(c, e) is None  # seven weeks later, one shared name
    month = date("d4", "2024-06-04", "May", "2024-05", True, granularity="month")
    assert compare_slots(c, month) is None  # "since May" and "June 14": of which day?
    within = date("d4", "2024-06-04", "June", "2024-06", True, granularity="month")
    assert (link := compare_slots(c, within)) is not None and link.kind == "compatible"


def test_a_weekday_against_a_written_date_and_a_month_name_are_no_evidence() -> None:
    """ "Wednesday" in one report and "Jan. 30" in another: two events of a campaign; two
    sentences naming "Feb." share a month, not a name."""
    a = date("d1", "2024-01-28", "Wednesday", "2024-01-24", True)
    b = date("d2", "2024-01-30", "Jan. 30", "2024-01-30", False)
    assert compare_slots(a, b) is None
    c = date("d1", "2024-02-18", "Feb. 11", "2024-02-11", False, anchors=("Feb", "Ruskin"))
    d = date("d2", "2024-02-19", "Feb. 16", "2024-02-16", False, anchors=("Feb", "Oda"))
    assert compare_slots(c, d) is None


def test_one_story_without_a_verb_is_no_count() -> None:
    """Two live reports of one night list "214 delegates at stake" and "107 delegates at
    stake": their documents tell one story, the sentences share no name and say nothing
    happened to the delegates."""

    def stake(doc: str, text: str, value: float, verb: str) -> QuantitySlot:
        return count(doc, "2024-03-15", text, value, unit="delegates", unit_class="delegate",
                     noun="delegate", predicate="stak", predicate_text=verb, anchors=(),
                     nouns=("delegate", "stak"))  # fmt: skip

    ctx = ("orlev", "tessin", "marlow", "voss")
    a = replace(stake("d1", "214 delegates", 214, ""), context=ctx, lead=("orlev",))
    b = replace(stake("d2", "107 delegates", 107, ""), context=ctx, lead=("tessin",))
    assert compare_slots(a, b) is None
    a2 = replace(a, predicate_text="displaced", predicate="displace")
    b2 = replace(b, predicate_text="displaced", predicate="displace")
    assert (link := compare_slots(a2, b2)) is not None and link.kind == "contradiction"


def place(doc: str, published: str, name: str) -> PlaceSlot:
    return PlaceSlot(
        **_base(doc, published, name, ("Voss", name)),
        place=name,
        place_type="street",
        event=("fire",),
        iso="2024-03-02",
        others=(),
        nouns=("fire", "warehouse", "blaze"),
    )


def test_places_of_reports_weeks_apart_are_two_events() -> None:
    a, b = place("d1", "2024-03-03", "Kell Road"), place("d2", "2024-03-04", "Amber Street")
    assert (link := compare_slots(a, b)) is not None and link.kind == "contradiction"
    assert compare_slots(a, place("d3", "2024-04-20", "Amber Street")) is None


def role(doc: str, text: str, name: str, title: str) -> RoleSlot:
    return RoleSlot(
        **_base(doc, "2024-03-03", text, (name,)), name=name, role=title, source="speaker"
    )


def test_role_heads_read_abbreviations_and_drop_clauses() -> None:
    assert role_heads("Sen") == role_heads("senator") == {"senator"}
    assert role_heads("Westmark Gov; keen sailor") == role_heads("governor of Westmark")
    assert role_heads("White House press secretary") == role_heads("spokeswoman")
    for junk in (
        "then",
        "former",
        "R-WM",
        "State",
        "policy-minded moderate",
        "think tank founded by Ada Rusk, the chairman of her campaign",
    ):
        assert role_heads(junk) == frozenset(), junk


def test_equivalent_or_empty_roles_are_not_linked() -> None:
    name = "Ilse Maran"
    pairs = [
        (
            role("d1", "Sen. Ilse Maran", name, "Sen"),
            role("d2", "Senator Ilse Maran", name, "Senator"),
        ),
        (
            role("d1", "Gov. Ilse Maran", name, "Westmark Gov"),
            role("d2", "Ilse Maran", name, "governor of Westmark"),
        ),
        (
            role("d1", "then Ilse Maran", name, "then"),
            role("d2", "Mayor Ilse Maran", name, "Mayor"),
        ),
        (
            role("d1", "she", name, "party chairwoman"),
            role("d2", "Mayor Ilse Maran", name, "Mayor"),
        ),
    ]
    for a, b in pairs:
        assert compare_slots(a, b) is None, (a.role, b.role)
    a, b = role("d1", "Mayor Ilse Maran", name, "Mayor"), role("d2", "Ms. Maran", name, "senator")
    assert distinct_roles(name, a.role, a.text, b.role, b.text)
    assert (link := compare_slots(a, b)) is not None and link.kind == "compatible"


def test_small_counts_of_things_are_no_update_but_outcomes_are() -> None:
    """ "Six states" vote one week and "five states" the next: two sets of contests, not a
    count updated; two missing, then one missing, is one count updated."""
    six = count(
        "d1",
        "2024-03-01",
        "six states",
        6,
        unit="states",
        unit_class="state",
        noun="state",
        predicate="vot",
        predicate_text="vote",
        as_of="2024-03-01",
    )
    five = count(
        "d2",
        "2024-03-08",
        "five states",
        5,
        unit="states",
        unit_class="state",
        noun="state",
        predicate="vot",
        predicate_text="vote",
        as_of="2024-03-08",
    )
    assert compare_slots(six, five) is None
    two = count("d1", "2024-05-04", "two people", 2, predicate="missing", as_of="2024-05-04")
    one = count("d2", "2024-05-05", "one person", 1, predicate="missing", as_of="2024-05-05")
    assert (link := compare_slots(two, one)) is not None and link.kind == "update"


def test_a_bare_title_word_is_a_fragment_not_a_role() -> None:
    """ "Secretary" cut from "Secretary of State", "President" of a wish ("President Maran
    would..."), "Leader" cut from "Majority Leader": no role to compare."""
    for bare in ("Secretary", "President", "former president", "Leader", "chief"):
        assert role_heads(bare) == frozenset(), bare
    assert role_heads("Vice President") >= {"vice president"}
    name = "Ilse Maran"
    a, b = (
        role("d1", "Senator Ilse Maran", name, "Senator"),
        role("d2", "President Ilse Maran", name, "President"),
    )
    assert compare_slots(a, b) is None


def test_an_adjective_or_a_day_after_in_is_no_place() -> None:
    """ "in the Democratic primary", "on Super Tuesday": read as places after "in"/"on",
    they are a party's adjective and a day, and locate nothing."""
    a = place("d1", "2024-03-03", "Kell Road")
    for name in ("Democratic", "Super Tuesday", "Orlev's April"):
        other = replace(place("d2", "2024-03-03", "Amber Street"), place=name)
        assert compare_slots(a, other) is None, name


def test_figures_of_different_magnitude_are_different_counts() -> None:
    """66 delegates of one state and 691 of five, on one night: not one count given twice;
    a toll of 12 a day after 260 injured is not its update."""
    few = count("d1", "2024-03-15", "66 delegates", 66)
    many = count("d2", "2024-03-15", "691 delegates", 691)
    assert compare_slots(few, many) is None
    later = count("d2", "2024-03-17", "250 people", 250, as_of="2024-03-17")
    assert compare_slots(few, later) is None
    close = count("d2", "2024-03-15", "70 people", 70)
    assert (link := compare_slots(few, close)) is not None and link.kind == "contradiction"


def test_an_update_is_days_not_weeks_later() -> None:
    """Delegates at stake on one voting day and on another two weeks later: two counts."""
    names = ("Orlev", "Tessin")
    a = count("d1", "2024-05-02", "nine people", 9, as_of="2024-05-01", anchors=names)
    b = count("d2", "2024-05-14", "12 people", 12, as_of="2024-05-14", anchors=names)
    assert compare_slots(a, b) is None
    c = count("d2", "2024-05-09", "12 people", 12, as_of="2024-05-09", anchors=names)
    assert (link := compare_slots(a, c)) is not None and link.kind == "update"
