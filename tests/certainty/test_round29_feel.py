"""Session 29: a crowd that "feels" a state ("everybody should feel comfortable", "many
voters felt betrayed") tells how it fares, not a view pinned on it; a crowd that feels a
clause ("some people feel that the fees are too high", "many feel like ...") still
carries an unnamed view. Fixtures written for this file."""

from __future__ import annotations

import pytest

from tests.certainty.shown import shown
from unspin.nlp import Backbone

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "“At the market hall, everybody should feel comfortable, whoever they are,” the "
        "Harbour Ledger's editor wrote.",
        "Everyone should feel proud of the new toll bridge.",
        "Many felt betrayed by the port council.",
        "Some people feel obliged to queue for the ferry each morning.",
    ],
)
def test_a_crowd_feeling_a_state_carries_no_claim(backbone: Backbone, text: str) -> None:
    assert shown(backbone, text, "vague_attribution") == []


@pytest.mark.parametrize(
    "text",
    [
        "Some people feel that the harbour fees are too high.",
        "Many feel like the port council ignores them.",
        "Many feel as if the toll bridge was never needed.",
    ],
)
def test_a_crowd_feeling_a_view_is_still_vague(backbone: Backbone, text: str) -> None:
    assert len(shown(backbone, text, "vague_attribution")) == 1
