"""compare_frames: the slot checks that matching, verdicts and contradictions share."""

from __future__ import annotations

from typing import Any

import pytest

from unspin.frames import compare_frames, describe_checks, sentence_frames
from unspin.frames.compare import same_value
from unspin.nlp import SpacyBackbone


def frame(**slots: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"polarity": "positive", "negation_cues": [], "actors": []}
    base.update(slots)
    base.setdefault("quantities", [])
    base.setdefault("dates", [])
    return base


def q(value: float, counts: str, text: str = "", unit: str | None = None) -> dict[str, Any]:
    return {"value": value, "counts": counts, "unit": unit, "text": text or str(value)}


def d(iso: str, relative: bool = False) -> dict[str, Any]:
    return {"iso": iso, "relative": relative, "text": iso}


def slots(checks: list[Any]) -> dict[str, bool]:
    return {c.slot: c.agrees for c in checks}


def test_opposite_polarity_differs_and_shows_the_cue() -> None:
    checks = compare_frames(frame(), frame(polarity="negative", negation_cues=["never"]))
    assert slots(checks) == {"polarity": False}
    assert checks[0].b == "negative (never)"


def test_numbers_compare_only_the_same_counted_thing() -> None:
    a = frame(quantities=[q(12, "killed"), q(45, "age")])
    assert slots(compare_frames(a, frame(quantities=[q(12, "killed")])))["number"] is True
    assert slots(compare_frames(a, frame(quantities=[q(21, "killed")])))["number"] is False
    # an age never meets a death toll: no number check at all
    assert "number" not in slots(
        compare_frames(frame(quantities=[q(45, "age")]), frame(quantities=[q(12, "killed")]))
    )


def test_money_in_another_currency_is_not_compared() -> None:
    usd = frame(quantities=[q(5e6, "money", unit="USD")])
    eur = frame(quantities=[q(4e6, "money", unit="EUR")])
    assert "number" not in slots(compare_frames(usd, eur))


@pytest.mark.parametrize(
    ("x", "y", "same"),
    [
        (1200, 1187, True),
        (1200, 1100, False),
        (12, 13, False),
        (3.5e6, 3.46e6, True),
        (60, 62, False),
    ],
)
def test_round_figures_cover_their_rounding_only(x: float, y: float, same: bool) -> None:
    assert same_value(x, y) is same


def test_dates_agree_when_one_contains_the_other() -> None:
    assert (
        slots(compare_frames(frame(dates=[d("2021")]), frame(dates=[d("2021-03-04")])))["date"]
        is True
    )
    assert (
        slots(compare_frames(frame(dates=[d("2021")]), frame(dates=[d("2019")])))["date"] is False
    )
    # a relative date is not compared
    assert "date" not in slots(
        compare_frames(frame(dates=[d("2021", True)]), frame(dates=[d("2019")]))
    )


def test_actors_differ_only_when_both_name_someone() -> None:
    vik, lund = frame(actors=["Mayor Ana Vik"]), frame(actors=["Governor Per Lund"])
    assert slots(compare_frames(vik, lund))["actor"] is False
    assert slots(compare_frames(vik, frame(actors=["Vik"])))["actor"] is True
    assert "actor" not in slots(compare_frames(vik, frame(actors=["the council"])))


def test_describe_says_which_slots_agreed_and_which_differed() -> None:
    a = frame(quantities=[q(12, "killed", "12 people")], dates=[d("2021")])
    b = frame(quantities=[q(21, "killed", "21 people")], dates=[d("2021-05")])
    line = describe_checks(compare_frames(a, b), "article", "fact-check")
    assert line == (
        "agree: polarity, date; differ: number (article: 12 people (killed); "
        "fact-check: 21 people (killed))"
    )


@pytest.mark.slow
def test_frames_of_parsed_sentences_show_a_changed_count_and_a_negation() -> None:
    backbone = SpacyBackbone()
    claim, changed, negated = (
        sentence_frames(backbone.parse(t))[0].to_json(t)
        for t in (
            "The flood killed 14 people in the valley.",
            "The flood killed 41 people in the valley.",
            "The flood did not kill 14 people in the valley.",
        )
    )
    assert slots(compare_frames(claim, changed)) == {"polarity": True, "number": False}
    assert slots(compare_frames(claim, negated)) == {"polarity": False, "number": True}
