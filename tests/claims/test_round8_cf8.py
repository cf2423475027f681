"""Round 8 of the precision audit: responsibility for a deed the subject of which is
anyone at all ("any citizen who ... could have committed an offence": a rule of law)
and for a duty ("became responsible for guarding prisoners"); a "whose" clause's deed
is not pinned on the person the clause hangs on. Deeds keep their reading.
Fixtures written for this file."""

from __future__ import annotations

import pytest

from tests.claims.test_round7_cf7 import Run, _claim

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "text",
    [
        "The minister said any citizen who had sworn an oath to the group could have "
        "committed an offence under the old law.",
        "He is believed to have gone to the border in 2012, where he became responsible "
        "for guarding prisoners for the militia.",
        "The colonel was responsible for running the base at the time of the strike.",
        "Acme Media CEO and co-founder Ann Lund, whose billion-dollar company was accused of "
        "underpaying its employees this year, spent $300,000 on dinner at a hotel.",
        "Acme Media chief Ann Lund, whose billion-dollar company was accused of underpaying "
        "its staff this year, spent $300,000 on dinner last month.",
    ],
)
def test_no_responsibility(run: Run, text: str) -> None:
    c = _claim(run, text)
    assert "responsibility" not in c.attributes["types"]
    assert "actor" not in c.attributes


@pytest.mark.parametrize(
    "text",
    [
        "Police said the guard was responsible for killing two prisoners in the jail.",
        "The militia carried out the attack on the port last week, officials said.",
    ],
)
def test_responsibility_kept(run: Run, text: str) -> None:
    assert "responsibility" in _claim(run, text).attributes["types"]
