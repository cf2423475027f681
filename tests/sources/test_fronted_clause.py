"""A pronoun subject after a fronted participial clause is not a name inside that clause
(session 27, on invented fixtures; read on a PolNeAR train text): in "Asked about her vote
whether Lund would beat Pell in the vote, she replied" the one asked replies, not Lund, who was
the nearest woman named. With no name in the clause the pronoun resolves as before.
"""

from __future__ import annotations

from tests.sources.test_sources import Run, sources


def _quote_speaker(run: Run, text: str) -> object:
    return sources(run, text).by_kind("quote")[-1].attributes.get("speaker")


def test_a_name_inside_the_fronted_clause_is_not_the_pronoun(run: Run) -> None:
    text = (
        'Ann Berg, a singer, is not sure she can vote for Mary Lund. "It is a concern," '
        "Berg told a radio station. Asked whether Lund would beat Tom Pell in the vote, she "
        'Tom Pell, she replied: "I do not know."'
    )
    assert _quote_speaker(run, text) == "Ann Berg"


def test_a_name_in_a_pressed_on_clause(run: Run) -> None:
    text = (
        'Mary Lund spoke on Monday. Pressed on the plan Ann Berg made, she said: "It will '
        'not work."'
    )
    assert _quote_speaker(run, text) == "Mary Lund"


def test_no_name_in_the_clause_resolves_as_before(run: Run) -> None:
    text = 'Mary Lund spoke on Monday. Asked about her own plan, she replied: "I do not know."'
    assert _quote_speaker(run, text) == "Mary Lund"
