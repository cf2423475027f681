"""Session 29: a note about the article is nothing to check however its label is spelled:
"Editor's note:", "Editors' note:" (several editors), "Editor note:"; a sentence that
only mentions an editor's note keeps its reading. A sentence that only leads in to what
follows ("<Outlet> reported the following:") is nothing to check either; one that tells
something before it does keeps its reading. Fixtures written for this file."""

from __future__ import annotations

import pytest

from tests.claims.test_round7_cf7 import Run, _claim

pytestmark = pytest.mark.slow

NOTE = "a note about the article itself"


@pytest.mark.parametrize(
    "text",
    [
        "[Editors' note: To learn why the port council banned Mayor Edda Pilkvist in 2019, "
        "pre-order her new book on the harbour fees: HERE.]",
        "Editors’ note: This story was updated on May 4 to correct the ferry fares.",
        "Editor note: The Harbour Ledger paid for the reporter's ferry ticket in 2021.",
        "Editor’s Note: The harbour fees rose 40 percent in two years.",
    ],
)
def test_an_editors_note_is_nothing_to_check(run: Run, text: str) -> None:
    c = _claim(run, text)
    assert c.attributes["checkworthy"] is False
    assert c.attributes["nothing_to_check"] == NOTE


def test_a_sentence_about_an_editors_note_keeps_its_reading(run: Run) -> None:
    text = "The editors noted on May 4 that the harbour fees rose 40 percent in two years."
    assert "nothing_to_check" not in _claim(run, text).attributes


@pytest.mark.parametrize(
    "text",
    [
        "As for the ferry fares, The Harbour Ledger reported the following:",
        "The port council's statement on the toll bridge reads as follows:",
    ],
)
def test_a_lead_in_to_what_follows_is_nothing_to_check(run: Run, text: str) -> None:
    c = _claim(run, text)
    assert c.attributes["checkworthy"] is False
    assert c.attributes["nothing_to_check"] == "only a lead-in to what follows"


@pytest.mark.parametrize(
    "text",
    [
        "The Harbour Ledger reported that fares rose 40 percent in the following years.",
        "Mayor Edda Pilkvist said fares rose 40 percent in 2021 and added the following:",
    ],
)
def test_a_claim_before_the_following_keeps_its_reading(run: Run, text: str) -> None:
    assert "nothing_to_check" not in _claim(run, text).attributes


def test_a_note_says_why_it_is_not_flagged(run: Run) -> None:
    """A sentence a rule leaves unflagged says so in its explanation: its score alone
    would read as a flag in the report's tooltip."""
    c = _claim(run, "As for the ferry fares, The Harbour Ledger reported the following:")
    assert c.explanation is not None
    assert c.explanation.detail.startswith(
        "Not flagged whatever the score: only a lead-in to what follows. Check-worthiness"
    )
    plain = _claim(run, "Harbour fees rose 40 percent in 2021, the council said.")
    assert plain.explanation is not None and "Not flagged" not in plain.explanation.detail
