"""Rounds 15 and 16 of the precision audit, judged wrong: a digit that a broken encoding
left inside a name; bare list markers "1)" "2)" in a quote; a short year "'08"; figures of
speech ("settling scores", "worth a thousand words"); a number inside a movement's name;
a counted noun cut at a hyphen, a verb of saying or "total" taken for the unit; an age
bound "under 30" that lost its "under"; "40-something" read as exactly 40. The near
misses keep their reading. Fixtures written for this file."""

from __future__ import annotations

from datetime import date

import pytest

from unspin.frames import find_dates, find_quantities
from unspin.nlp import Backbone

pytestmark = pytest.mark.slow

Found = dict[str, tuple[str, float, float | None, str | None, str | None]]


def _found(backbone: Backbone, text: str) -> Found:
    parsed = backbone.parse(text)
    dates = find_dates(text, parsed, date(2016, 5, 1))
    return {
        text[q.start : q.end]: (q.label, q.value, q.value_max, q.unit, q.qualifier)
        for q in find_quantities(text, parsed, [(d.start, d.end) for d in dates])
    }


@pytest.mark.parametrize(
    "text",
    [
        "Donors backed YA\u03031\u20444lmaz-linked schools and YA\u03031\u20444lmaz's fund.",
        "Several aides met KA\u03032\u20443rner's staff in Bonn.",
        "The gift went to the Br\ufffd1ckner-run club last week.",
    ],
)
def test_digit_glued_inside_a_name_is_no_quantity(backbone: Backbone, text: str) -> None:
    assert _found(backbone, text) == {}


def test_bare_list_markers_are_no_quantities(backbone: Backbone) -> None:
    text = (
        '"Ms. Arlo will win for two reasons: 1) she has raised the money, and 2) her '
        'rival has stopped campaigning," a campaign aide said.'
    )
    assert list(_found(backbone, text)) == ["two reasons"]


def test_number_closing_brackets_stays(backbone: Backbone) -> None:
    found = _found(backbone, "The panel (its members: 14) met twice, and 3) was not it.")
    assert found["14"][:2] == ("other", 14.0), found


@pytest.mark.parametrize(
    "text",
    [
        "Tal Brin wrote a piece on why beating Ms. Holt in \u201816 matters more than in \u201808.",
        "She campaigned hard for the senator in '04.",
    ],
)
def test_short_year_after_apostrophe_is_no_count(backbone: Backbone, text: str) -> None:
    assert _found(backbone, text) == {}


def test_quoted_figure_after_apostrophe_stays(backbone: Backbone) -> None:
    found = _found(backbone, "The mayor promised a '50 percent' cut in fees.")
    assert found["50 percent"][:2] == ("percent", 50.0)


@pytest.mark.parametrize(
    "text",
    [
        "The feud was about settling scores with old party rivals.",
        "He has scores to settle with the board.",
        "A sharp column is worth a thousand of a mayor's own words.",
        "A photo is worth a thousand words, the editor said.",
    ],
)
def test_figures_of_speech_are_no_quantities(backbone: Backbone, text: str) -> None:
    assert _found(backbone, text) == {}


def test_real_vague_counts_and_worth_stay(backbone: Backbone) -> None:
    found = _found(backbone, "Scores of people were hurt. The ring is worth a thousand dollars.")
    assert found["Scores of people"][:4] == ("count", 40.0, None, "people")
    assert found["a thousand dollars"][:4] == ("money", 1000.0, None, "USD")


def test_number_inside_a_movement_name_is_no_count(backbone: Backbone) -> None:
    text = "When Orla Kest helped found the Zemar 9 movement in 2009, she left her post."
    assert _found(backbone, text) == {}


@pytest.mark.parametrize(
    ("text", "span", "unit"),
    [
        ("Agents found thousands of work-related files her aides kept.",
         "thousands of work-related files", "file"),
        ("Agents found 300 work-related files on the drive.", "300 work-related files", "file"),
    ],
)  # fmt: skip
def test_hyphenated_modifier_does_not_cut_the_counted_noun(
    backbone: Backbone, text: str, span: str, unit: str
) -> None:
    found = _found(backbone, text)
    assert span in found, found
    assert found[span][3] == unit


def test_verb_of_saying_after_the_number_is_no_unit(backbone: Backbone) -> None:
    text = '"Your rule has no basis," the 12 write. "We cannot accept it."'
    found = _found(backbone, text)
    assert "12 write" not in found
    assert all(v[3] != "write" for v in found.values())


def test_total_is_no_counted_noun(backbone: Backbone) -> None:
    found = _found(backbone, "Only six Senate Whigs, of 48 total, agreed to meet him.")
    assert found["48"][3] is None, found
    kept = _found(backbone, "A tally showed 48 total votes for the plan.")
    assert kept["48 total votes"][3] == "vote"


def test_age_bound_under_keeps_its_qualifier(backbone: Backbone) -> None:
    text = "Polls show she won 80% of voters under 30 in Idaho and most of those over 45."
    found = _found(backbone, text)
    assert found["under 30"] == ("other", 30.0, None, None, "at_most"), found
    assert found["over 45"] == ("other", 45.0, None, None, "at_least")
    kept = _found(backbone, "The rebels fought over 30 towns last year.")
    assert kept["30 towns"][4] is None


def test_decade_something_is_an_age_in_that_decade(backbone: Backbone) -> None:
    found = _found(backbone, "The governor could pick her own 50-something nominee.")
    assert found["50-something"] == ("age", 50.0, 59.0, "years_old", "about")
