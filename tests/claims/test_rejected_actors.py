"""An accusation the sentence rejects without a cleft names the one it gives the deed to,
or no one; coordinated actors stay whole. Fixtures written for this file."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from unspin.model import Analysis, Finding

Run = Callable[..., Analysis]


def _claim(run: Run, text: str) -> Finding:
    (claim,) = run(text, "claims").by_kind("claim")
    return claim


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "actor", "event"),
    [
        # a later clause set against the event gives the deed to someone else
        (
            "The guard was blamed for the leak, but the clerk leaked the file.",
            "the clerk",
            "leaked the file",
        ),
        (
            "The guard was accused of staging the attack; the clerk did.",
            "the clerk",
            "staging the attack",
        ),
        ("The guard did not order the raid; the clerk did.", "the clerk", "the raid"),
        (
            "The guard was blamed for the raid, but he did not carry it out; the clerk did.",
            "the clerk",
            "the raid",
        ),
        # the subject the sentence rules out is not the actor
        ("Not the guard but the clerk ordered the raid.", "the clerk", "the raid"),
        ("Not the guard, but the clerk, was responsible for the raid.", "the clerk", "the raid"),
        ("The guard, rather than the clerk, ordered the raid.", "The guard", "the raid"),
        ("The clerk, and not the guard, ordered the raid.", "The clerk", "the raid"),
        # an added doer, or both, change nothing / keep both
        ("Lund ordered the raid, but Vik did too.", "Lund", "the raid"),
        (
            "Not only the guard but also the clerk ordered the raid.",
            "Not only the guard but also the clerk",
            "the raid",
        ),
        ("Lund and Vik ordered the killing.", "Lund and Vik", "the killing"),
    ],
)
def test_the_actor_a_rebuttal_leaves(run: Run, text: str, actor: str, event: str) -> None:
    c = _claim(run, text)
    assert c.label == "responsibility"
    for slot, want in (("actor", actor), ("event", event)):
        got = c.attributes[slot]
        assert (got["text"], text[got["start"] : got["end"]]) == (want, want)


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The guard was blamed for the raid, but he did not carry it out.",
        "Neither the guard nor the clerk ordered the raid.",
        "The guard did not order the raid, but the clerk ordered the arrest.",
    ],
)
def test_no_actor_when_the_deed_is_only_taken_away(run: Run, text: str) -> None:
    c = _claim(run, text)
    assert "responsibility" not in c.attributes["types"]
    assert "actor" not in c.attributes


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("Lund and Vik signed the order.", ["Lund and Vik"]),
        ("Lund, Vik and Berg signed the order.", ["Lund, Vik and Berg"]),
        ("The police and the army blocked the road.", ["The police and the army"]),
        ("The mayor and his aides, who met on Monday, signed it.", ["The mayor and his aides"]),
        ("Not the guard, but the clerk, caused the fire.", ["the clerk"]),
        ("Lund, not Vik, signed the order.", ["Lund"]),
        ("Neither the guard nor the clerk caused the fire.", ["Neither the guard nor the clerk"]),
    ],
)
def test_frame_actors_keep_coordination_and_drop_the_ruled_out(
    run: Run, text: str, actors: list[str]
) -> None:
    (claim,) = run(text, "claims").by_kind("claim")
    assert list(claim.attributes["frame"]["actors"]) == actors
