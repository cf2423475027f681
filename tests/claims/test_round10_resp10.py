"""Round 9 of the precision audit: a responsibility reading whose actor is a part of the
body ("his small nose was to blame for ...") or a stretch of time ("the historic moment
could be behind the move"), and one whose event is a clause cut at a preposition the
parse left without its object ("accused of sleeping with"). Deeds keep their reading.
Fixtures written for this file."""

from __future__ import annotations

import pytest

from tests.claims.test_round7_cf7 import Run, _claim

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "A tearful Ivo Petrov reportedly told officers that his small nose was to blame for "
        "his failed marriage.",
        "The young man, who blamed his big ears for being dumped, was taken to hospital.",
        "The man told nurses he felt his short legs were to blame for the fact he had been "
        "dumped by his wife.",
        "The country backed the calls for reform, and the historic moment could be behind "
        "the leader's potential move to open his next restaurant in Spain.",
        "The brutal attack they said was carried out by the angry wife of the man Mia is "
        "accused of sleeping with, and her two friends, was watched by passers-by.",
    ],
)
def test_no_responsibility(run: Run, text: str) -> None:
    c = _claim(run, text)
    assert "responsibility" not in c.attributes["types"]
    assert "actor" not in c.attributes


@pytest.mark.parametrize(
    ("text", "actor", "event"),
    [
        (
            "Officials blamed the head of the agency for the leak of the files.",
            "the head of the agency",
            "the leak of the files",
        ),
        (
            "The rebels' armed wing was behind the attack on the depot, police said.",
            "The rebels' armed wing",
            "the attack on the depot",
        ),
        (
            "Ann Lund was accused of sleeping with a married colleague.",
            "Ann Lund",
            "sleeping with a married colleague",
        ),
    ],
)
def test_responsibility_kept(run: Run, text: str, actor: str, event: str) -> None:
    c = _claim(run, text)
    assert "responsibility" in c.attributes["types"]
    assert c.attributes["actor"]["text"] == actor
    assert c.attributes["event"]["text"] == event
