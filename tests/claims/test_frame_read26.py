"""Claim frames found wrong reading gate reports (session 26): a transcript line's label
is no actor, nor the object of an active verb's "by", nor what a copula says its subject
is; a part's "of" phrase stays with it, and the clause a verb of saying reports is its
finite one. Fixtures written for this file."""

from __future__ import annotations

from collections.abc import Callable, Mapping

import pytest

from unspin.model import Analysis

Run = Callable[..., Analysis]


def _frame(run: Run, text: str, sentence: str) -> Mapping[str, object]:
    claims = [c for c in run(text, "claims").by_kind("claim") if sentence in c.text]
    assert len(claims) == 1, [c.text for c in run(text, "claims").by_kind("claim")]
    frame = claims[0].attributes["frame"]
    assert isinstance(frame, Mapping)
    return frame


_DIALOGUE = (
    "DB: What do you make of the case?\n"
    "AR: It is a scandal, and nobody talks about it.\n"
    "DB: Even the lawyer for the Daily Lantern happened to mention that the paper could "
    "be charged under the same laws.\n"
    "AR: It could, but I doubt it would be.\n"
)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "sentence", "actors"),
    [
        # the label opening a transcript's line is its speaker, not an actor
        (_DIALOGUE, "Even the lawyer", ["the lawyer"]),
        # "by" after an active verb is no passive's agent
        ("As his lawyer told reporters, Lund had played by the rules.", "played", ["Lund"]),
        ("The bridge was built by the army.", "bridge", ["the army"]),
        # a part with its "of" phrase is one actor
        (
            "The whole of the region knew what was happening in the mines.",
            "whole",
            ["The whole of the region"],
        ),
        ("Most of the staff walked out on Monday.", "staff", ["Most of the staff"]),
        # what a copula says its subject is, read as a second subject, is no actor
        (
            "The only lawyer she could afford, she claimed, was Michael Hadley, a business "
            "attorney who was fined in 2010.",
            "lawyer",
            ["The only lawyer"],
        ),
    ],
)
def test_frame_actors(run: Run, text: str, sentence: str, actors: list[str]) -> None:
    assert list(_frame(run, text, sentence)["actors"]) == actors  # type: ignore[call-overload]


@pytest.mark.slow
def test_a_participle_hung_on_a_verb_of_saying_is_not_the_reported_clause(run: Run) -> None:
    text = "Harbor police say the man considered to be the town's biggest smuggler was arrested."
    assert _frame(run, text, "smuggler")["predicate"] == "arrest"
