"""Count links on real news (link audit round 3, PTC train): a breakdown "Alder (9),
Birch (4)" set against its total, two subgroups of one total ("86 had convictions", "10
were women") taken as one count, infections counted as deaths, an update cue of another
clause, and a figure of an earlier outbreak dated in the text set against an undated
one. Invented names and sentences throughout."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from tests.corpus.test_link_round1_slots import count
from unspin.corpus import QuantitySlot, compare_slots, extract_slots, find_contradictions
from unspin.corpus.breakdowns import (
    age_figure,
    breakdown_item,
    governing_word,
    opening_part,
    update_cue,
)
from unspin.corpus.predicates import UPDATE_RE
from unspin.corpus.words import words
from unspin.model import Analysis

RAID = (
    "Border Agency Arrests 31 In Velmar Region During Four-Day Sweep\n\n"
    "Officers of the Border Agency arrested 31 people in the Velmar region during a "
    "four-day sweep, which ended Friday. "
    "During the sweep, officers made arrests in the following towns: Alder (12), Birch (9), "
    "Cove (7) and Dunmore (3). "
    "Of the 31 arrested, 19 had prior convictions; 8 were arrested on old warrants. "
    "Of the total arrests 27 were men and 4 were women. "
    "Those arrested come from the following countries: Ostria (22), Pelland (7) and "
    "Quorn (2)."
)
FEVER = (
    "A fever outbreak in Tarsany has killed 41 people and infected more than 900 others, "
    "health officials said. "
    "Last month, fewer than 20 people had died and around 300 had been infected. "
    "Officials are now warning that the fever, which has already killed more than 40 in "
    "Tarsany, could spread. "
    "The last outbreak came in March 2015 and killed 6 people before it was contained."
)


def _links(analysis: Analysis, kind: str) -> list[tuple[str, str]]:
    return [
        (lk.a.text, lk.b.text)
        for lk in find_contradictions(extract_slots(analysis))
        if lk.kind == kind
    ]


@pytest.mark.slow
def test_a_breakdown_and_its_subgroups_are_no_rival_counts(
    run: Callable[..., Analysis],
) -> None:
    analysis = run(RAID, "sources", "claims")
    texts = {s.text for s in extract_slots(analysis) if isinstance(s, QuantitySlot)}
    assert not texts & {"12", "9", "7", "3", "22", "2"}, texts
    assert _links(analysis, "contradiction") == []
    assert _links(analysis, "update") == []


@pytest.mark.slow
def test_infections_are_no_deaths_and_a_cue_of_another_clause_no_update(
    run: Callable[..., Analysis],
) -> None:
    analysis = run(FEVER, "sources", "claims")
    slots = {s.text: s for s in extract_slots(analysis) if isinstance(s, QuantitySlot)}
    infected = [s for t, s in slots.items() if "900" in t or "300" in t]
    assert infected and all(s.predicate != "die" for s in infected), slots
    assert _links(analysis, "contradiction") == []
    assert _links(analysis, "update") == []


def test_a_name_and_a_number_in_parentheses_in_a_list_is_one_part() -> None:
    text = "Arrests were made in these towns: Alder (12), Birch (9) and Cove (6)."
    at = text.index("9")
    assert breakdown_item(text, 0, len(text), at, at + 1)
    one = "Arrests were made in one town, Alder (12), on Friday."
    at = one.index("12")
    assert not breakdown_item(one, 0, len(one), at, at + 2)  # a single item: no breakdown
    note = "The board (5) met; the vote was 7 (of 9) in favour, 2 (of 9) against."
    at = note.index("7")
    assert not breakdown_item(note, 0, len(note), at, at + 1)  # "7 (of 9)": no item


def test_a_sentence_opening_on_its_total_makes_its_figures_parts() -> None:
    text = "Of the 31 arrested, 19 had prior convictions; 8 were arrested on old warrants."
    assert opening_part(text, 0, text.index("31")) is None  # the total is no part
    assert opening_part(text, 0, text.index("19")) is not None
    assert opening_part(text, 0, text.index("8 were")) is not None
    course = "Of course, 19 people were hurt."
    assert opening_part(course, 0, course.index("19")) is None


def test_two_subgroups_of_one_total_are_not_one_count() -> None:
    a = count("d1", "2024-05-02", "19", 19, predicate="arrest", part="Of the 31")
    b = replace(a, finding_id="f2", start=300, end=302, text="4", value=4,
                sentence_start=290, part="Of the total")  # fmt: skip
    assert compare_slots(a, b) is None
    kids = replace(a, noun="children", unit="children")
    more = replace(b, noun="children", unit="children", value=25)
    assert compare_slots(kids, more) is not None  # the same subgroup named twice
    deaths = replace(a, unit="deaths", part="including")
    assert compare_slots(deaths, replace(b, unit="deaths", part="including")) is not None


def _verb(text: str, figure: str) -> str | None:
    start = text.index(figure)
    hit = governing_word(
        words(text), text, (start, start + len(figure)), (0, len(text)),
        (lambda w: w.lower[:-2] if w.lower.endswith("ed") else None,), {"strike"},
    )  # fmt: skip
    return hit[1] if hit else None


def test_the_figure_s_own_verb_says_what_was_counted() -> None:
    assert _verb("The fever has claimed 41 lives and infected 900 others.", "900 others") == (
        "infect"
    )
    assert _verb("Around 300 had been infected by then.", "Around 300") == "infect"
    assert _verb("Eight people were infected and four died.", "Eight people") == "infect"
    assert _verb("More than 1,300 are left infected.", "More than 1,300") == "infect"
    assert _verb("Eight were women.", "Eight") is None
    assert _verb("Only 900 workers joined the strike.", "900 workers") is None  # the strike


def test_an_update_cue_of_another_clause_is_no_cue() -> None:
    text = "Officials are now warning that the fever, which has killed more than 40, spreads."
    at = text.index("more than 40")
    span = (at, at + len("more than 40"))
    assert update_cue(UPDATE_RE, text, span, (0, len(text))) is None
    text = "The ministry now says 17 people have died."
    at = text.index("17 people")
    assert update_cue(UPDATE_RE, text, (at, at + 9), (0, len(text))) is not None


def test_a_figure_dated_in_the_text_and_an_undated_one_are_no_conflict() -> None:
    old = count("d1", "", "6 people", 6, as_of="2015-03", dated=True)
    old = replace(old, published=None)
    now = replace(old, finding_id="f2", start=300, end=309, text="17 people", value=17,
                  sentence_start=290, as_of=None, dated=False, update="now")  # fmt: skip
    assert compare_slots(old, now) is None
    both = replace(now, as_of="2015-03", dated=True, update=None)
    link = compare_slots(old, both)
    assert link is not None and link.kind == "contradiction"  # one date: still a conflict


def test_an_age_in_a_stored_analysis_counts_nothing() -> None:
    text = "All those detained were women between the ages of 24 and 57."
    for figure in ("24", "57"):
        at = text.index(figure)
        assert age_figure(text, at, at + 2, float(figure)), figure
    aunt = "Soon after, his aunt in her 60’s also died of the fever."
    at = aunt.index("60")
    assert age_figure(aunt, at, at + 2, 60.0)
    held = "Police held 24 and 57 people in two raids."
    at = held.index("57")
    assert not age_figure(held, at, at + 2, 57.0)
