"""The aggregation rule: from passage stances to a verdict."""

from __future__ import annotations

import pytest

from unspin.evidence.verdict import VERDICT_TO_CLIMATE_FEVER, VERDICTS, aggregate


@pytest.mark.parametrize(
    ("stances", "verdict"),
    [
        ([], "not verified"),
        ([("not_enough_info", 0.9), ("not_enough_info", 0.8)], "not verified"),
        ([("supports", 0.45), ("refutes", 0.4)], "not verified"),  # below min_stance
        ([("supports", 0.8), ("not_enough_info", 0.9)], "supported"),
        ([("refutes", 0.6)], "refuted"),
        ([("supports", 0.9), ("supports", 0.8), ("refutes", 0.6)], "supported"),  # 1.7 >= 1.2
        ([("supports", 0.7), ("refutes", 0.6)], "mixed"),
        ([("supports", 0.55), ("refutes", 0.6), ("refutes", 0.9)], "refuted"),  # 1.5 >= 1.1
    ],
)
def test_rule(stances: list[tuple[str, float]], verdict: str) -> None:
    assert aggregate(stances).verdict == verdict


def test_counts_and_weights_are_reported() -> None:
    agg = aggregate([("supports", 0.9), ("not_enough_info", 0.99), ("refutes", 0.7)])
    assert (agg.supporting, agg.refuting) == (1, 1)
    assert agg.counted == (0, 2)
    assert agg.support_weight == pytest.approx(0.9)
    assert agg.refute_weight == pytest.approx(0.7)
    assert agg.verdict == "mixed"
    assert "2 to 1" in agg.rule()


def test_thresholds_are_options() -> None:
    stances = [("supports", 0.45)]
    assert aggregate(stances).verdict == "not verified"
    assert aggregate(stances, min_stance=0.4).verdict == "supported"
    both = [("supports", 0.9), ("refutes", 0.6)]
    assert aggregate(both).verdict == "mixed"
    assert aggregate(both, ratio=1.2).verdict == "supported"


def test_every_verdict_maps_to_a_climate_fever_label() -> None:
    assert set(VERDICT_TO_CLIMATE_FEVER) == set(VERDICTS)
    assert "not verified" in aggregate([]).rule()
