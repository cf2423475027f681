"""Session 30: a sentence that only names who tells what follows its colon ("First, the
Harbour Ledger reports:", "In a long letter to the council, she writes:") is a lead-in,
nothing to check; one whose verb tells something itself before the colon keeps its
reading. Fixtures written for this file."""

from __future__ import annotations

import pytest

from tests.claims.test_round7_cf7 import Run, _claim

pytestmark = pytest.mark.slow

LEAD_IN = "only a lead-in to what follows"


@pytest.mark.parametrize(
    "text",
    [
        "First, the Harbour Ledger reports:",
        "In a long letter to the port council, Mayor Edda Pilkvist writes:",
        "The ferry operator's chief executive said on Tuesday:",
    ],
)
def test_a_teller_before_a_colon_is_a_lead_in(run: Run, text: str) -> None:
    c = _claim(run, text)
    assert c.attributes["checkworthy"] is False
    assert c.attributes["nothing_to_check"] == LEAD_IN


@pytest.mark.parametrize(
    "text",
    [
        "The Harbour Ledger reported three flaws in the toll bridge:",
        "Mayor Edda Pilkvist said the ferry fares rose 40 percent in 2021:",
    ],
)
def test_a_verb_that_tells_something_before_its_colon_keeps_its_reading(
    run: Run, text: str
) -> None:
    assert _claim(run, text).attributes.get("nothing_to_check") != LEAD_IN
