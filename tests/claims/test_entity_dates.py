"""Dates no pattern reads (the parser's bare DATE entities) stay out of the default report."""

from __future__ import annotations

import pytest

import unspin

TEXT = "As the days have become weeks, the weeks will become months. The vote is on 3 May 2024."


@pytest.mark.slow
def test_bare_date_entities_are_off_by_default_and_behind_an_option() -> None:
    default = unspin.analyze(TEXT, {"pipeline": {"analyzers": ["claims"]}})
    dates = [f.text for f in default.by_kind("date")]
    assert dates == ["3 May 2024"]
    every = unspin.analyze(
        TEXT,
        {"pipeline": {"analyzers": ["claims"]}, "analyzers": {"claims": {"entity_dates": True}}},
    )
    extra = [f for f in every.by_kind("date") if f.explanation.rule == "date.entity"]
    assert extra and all(f.score <= 0.5 for f in extra)
