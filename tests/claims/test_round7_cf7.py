"""Round 7 of the precision audit: responsibility for a deed not done (a modal of a
feared or possible attack: "fears that militants could carry out an attack"), for a
deed whose doers the sentence calls unknown ("unknown parties carried out the
strikes"), and an actor the parse cut at a hyphen ("al-Jabal" shown as "al"); round 6:
a deed a failed check leaves open ("was unable to verify that she was responsible").
Fixtures written for this file."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from unspin.model import Analysis, Finding

Run = Callable[..., Analysis]

pytestmark = pytest.mark.slow


def _claim(run: Run, text: str) -> Finding:
    found = run(text, "claims").by_kind("claim")
    assert len(found) == 1, [f.text for f in found]
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "Officials expressed fears that militants who stole the jets could carry out an "
        "attack in the region.",
        "After the group seized the plant, it was feared that the militants may carry out "
        "chemical attacks.",
        "Earlier this month, unknown parties carried out air strikes on the port.",
        "Unidentified gunmen carried out the raid on the depot, the police said.",
        # round 6: a check that failed
        "The paper was unable to verify that the clerk herself was responsible for the post.",
        "The agency could not confirm that the guards carried out the raid.",
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
            "Under his rule, al-Jabal has claimed responsibility for many bombings in the port.",
            "al-Jabal",
            "many bombings in the port",
        ),
        (
            "He said that al-Tahrir was responsible for the attack on the port.",
            "al-Tahrir",
            "the attack on the port",
        ),
        (
            "The envoy said the militants may have carried out the raid on the depot.",
            "the militants",
            "the raid on the depot",
        ),
        (
            "The paper was able to verify that the clerk was responsible for the post.",
            "the clerk",
            "the post",
        ),
        # what someone is accused of being stays (judged right in rounds 2 and 6)
        (
            "The firm is accused of being an agent of a foreign power.",
            "The firm",
            "being an agent of a foreign power",
        ),
        (
            "The mayor was accused of being behind the attack on the depot.",
            "The mayor",
            "being behind the attack on the depot",
        ),
        (
            "Police said masked gunmen carried out the raid on the depot.",
            "masked gunmen",
            "the raid on the depot",
        ),
    ],
)
def test_actor(run: Run, text: str, actor: str, event: str) -> None:
    c = _claim(run, text)
    assert "responsibility" in c.attributes["types"]
    assert c.attributes["actor"]["text"] == actor
    assert c.attributes["event"]["text"] == event
