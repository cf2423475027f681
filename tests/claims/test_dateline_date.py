"""A text with no publication date takes the whole date its dateline gives as the
reference of its relative dates, and says so; nothing else stands in for it."""

from __future__ import annotations

import pytest

from unspin import analyze
from unspin.model import Finding

DATELINED = (
    "Port strike ends\n\n"
    "OSLO, February 12, 2018 (Wire) - The strike that began last week ended on Monday, "
    "union leaders said.\n\nTalks resume on March 3."
)


def _dates(text: str, **meta: str) -> dict[str, Finding]:
    return {f.text: f for f in analyze(text, **meta).findings if f.kind == "date"}


@pytest.mark.slow
def test_relative_dates_resolve_against_the_datelines_date() -> None:
    dates = _dates(DATELINED)
    assert dates["last week"].attributes["iso"] == "2018-W06"
    assert dates["Monday"].attributes["iso"] == "2018-02-12"
    assert dates["March 3"].attributes["iso"] == "2018-03-03"
    monday = dates["Monday"]
    assert monday.attributes["reference"] == "dateline"
    assert monday.attributes["resolved_relative_to"] == "2018-02-12"
    assert monday.explanation.detail is not None
    assert "the dateline's date 2018-02-12" in monday.explanation.detail
    assert "reference" not in dates["February 12, 2018"].attributes


@pytest.mark.slow
def test_the_publication_date_wins_over_the_dateline() -> None:
    dates = _dates(DATELINED, published="2018-02-14")
    assert dates["Monday"].attributes["iso"] == "2018-02-12"  # the Monday before the 14th
    assert dates["last week"].attributes["iso"] == "2018-W06"
    assert "reference" not in dates["last week"].attributes
    assert "publication date 2018-02-14" in (dates["last week"].explanation.detail or "")


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        # a date in the body is what happened then, not when the text was written
        "The strike began on February 12, 2018. It ended last week, union leaders said.",
        # a dateline with a month only gives no day to count from
        "OSLO, February 2018 (Wire) - The strike that began last week ended, leaders said.",
    ],
)
def test_no_whole_dateline_date_leaves_relative_dates_unresolved(text: str) -> None:
    week = _dates(text)["last week"]
    assert week.attributes["iso"] is None
    assert "reference" not in week.attributes
