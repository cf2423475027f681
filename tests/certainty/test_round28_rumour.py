"""Session 28: a rumour pinned with a reporting verb ("some rumours indicated that ...") is
hearsay, labelled ``vague_rumour`` as the phrase rule labels "rumours suggest", never
``vague_research`` (research is a study, a survey or a report; a rumour is none of them);
a group that "showed up" (appeared) claims nothing.
Fixtures written for this file; the near misses keep their research label."""

from __future__ import annotations

import pytest

from tests.certainty.shown import found
from unspin.nlp import Backbone

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "Some rumors indicated that Mayor Edda Pilkvist would resign before the vote.",
        "Rumours in the port claimed that the ferry line had been sold.",
        "Rumours said the harbour would close in May.",
    ],
)
def test_a_rumour_is_hearsay_not_research(backbone: Backbone, text: str) -> None:
    hits = found(backbone, text, "vague_attribution")
    rumours = [(t, label) for t, label, _ in hits if "umo" in t.lower()]
    assert rumours, hits
    assert all(label == "vague_rumour" for _, label in rumours), rumours


@pytest.mark.parametrize(
    "text",
    [
        "Studies suggest that the harbour fees deter small boats.",
        "Some reports indicated that the ferry line had been sold.",
    ],
)
def test_research_keeps_its_label(backbone: Backbone, text: str) -> None:
    hits = found(backbone, text, "vague_attribution")
    assert [label for _, label, _ in hits] == ["vague_research"], hits


def test_a_group_that_shows_up_claims_nothing(backbone: Backbone) -> None:
    text = "Several rumours showed up online, and studies showed up in the archive."
    assert found(backbone, text, "vague_attribution") == []
