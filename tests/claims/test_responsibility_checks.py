"""Responsibility readings the sentence does not claim, and the actor it does name
(precision audit, round 2): negation and denial, a person's own conduct, routine work,
a time in the event slot, blame on those who allowed a deed, a cleft that gives the deed
to someone else, and an actor that carries the party it rules out; round 3: a slot that
names no one or nothing, a deed in a clause the sentence does not assert, an event that
is only a pronoun, an order's complement, "no one is more responsible than Y", an event
ending on a conjunction, the act of blaming judged with no one doing it. Fixtures
written for this file."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from unspin.model import Analysis, Finding

Run = Callable[..., Analysis]


def _claim(run: Run, text: str) -> Finding:
    found = run(text, "claims").by_kind("claim")
    assert len(found) == 1, [f.text for f in found]
    return found[0]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "A neighbour says the guard could not have carried out the raid.",
        "The council denied that its staff carried out the raid.",
        "The clerk was not responsible for his actions, a second review found.",
        "Last week the clerk was deemed not responsible for his actions.",
        "The clerk is responsible for his actions.",
        "Border officers carry out targeted operations daily across the country.",
        "The officials were allowed to commit the crime.",
        # a deed the sentence says was not done
        "The clerk has committed no crime.",
        "The minister was told that the clerk had committed no crime.",
        "Nobody carried out the raid on the depot.",
        "No one ordered the attack on the depot, the guard said.",
        # a deed in a clause the sentence does not assert
        "Two towns passed rules that let the police take guns from a man before he has "
        "committed any crime.",
        "If the clerk commits a crime, he will be fired.",
        "The court will decide whether the clerk ordered the raid.",
        "The police took his gun without him committing any crime.",
        # an event that is only a pronoun ("that") tells a reader nothing
        "He spoke of the land grabs that are orchestrated by the city council and the water board.",
        "Talk about the atrocities that they have perpetrated might hurt the talks.",
        # a comparison with no one to compare
        "Nobody is more responsible for the failures of the decade.",
        # the act of blaming judged, with no one doing it
        "Blaming the farmers for the hunger they suffered for so long is offensive.",
        "Accusing the mayor of fraud was a mistake.",
    ],
)
def test_no_responsibility_the_sentence_does_not_claim(run: Run, text: str) -> None:
    c = _claim(run, text)
    assert "responsibility" not in c.attributes["types"]
    assert "actor" not in c.attributes
    assert "event" not in c.attributes


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "actor", "event"),
    [
        # a time phrase is no event: the deeds are
        (
            "For years, the ministry has blamed the Vell cell for killing two guards.",
            "the Vell cell",
            "killing two guards",
        ),
        # those who allowed the deed are the ones made responsible
        (
            "The officials allowed him to commit the crime.",
            "The officials",
            "allowed him to commit the crime",
        ),
        # the cleft gives the deed to someone else than the one accused
        (
            "The judge had been accused of hiding the memo, Ana said, when the truth is "
            "it was the clerk who hid the memo.",
            "the clerk",
            "hid the memo",
        ),
        (
            "The guard was blamed for the leak, but it was the clerk who leaked the file.",
            "the clerk",
            "leaked the file",
        ),
        # an unrelated cleft changes nothing
        (
            "The guard was blamed for the leak, and it was the clerk who resigned.",
            "The guard",
            "the leak",
        ),
        # the actor stops before the party the sentence rules out
        (
            "Ana suggested rogue guards, not the ruling family, may have carried out the killing.",
            "rogue guards",
            "the killing",
        ),
        # "did not deny" keeps the claim
        (
            "The council did not deny that its staff carried out the raid.",
            "its staff",
            "the raid",
        ),
        # "all of this" names the deed, unlike a bare "that"
        (
            "The guard said the clerks were responsible for all of this damage to the depot.",
            "the clerks",
            "all of this damage to the depot",
        ),
        # blame that someone's record holds is still blame
        (
            "His record includes blaming the farmers for the floods.",
            "the farmers",
            "the floods",
        ),
        # an order of someone to do something: the event is the order, not its object
        (
            "A judge in Ohio has ordered the government to hold new hearings before "
            "releasing the prisoners, saying the law protects them.",
            "A judge in Ohio",
            "ordered the government to hold new hearings before releasing the prisoners",
        ),
        (
            "The mayor had ordered the documents released by the port office and the city council.",
            "The mayor",
            "ordered the documents released by the port office and the city council",
        ),
        (
            "The leader incited his followers to attack the depot.",
            "The leader",
            "incited his followers to attack the depot",
        ),
        (
            "The general ordered the bombing of the depot.",
            "The general",
            "the bombing of the depot",
        ),
        # "no one is more responsible than Y": Y is, and the event stops before "than"
        (
            "Yet no two people are more responsible for the blunders of the decade than Ana "
            "and Bo.",
            "Ana and Bo",
            "the blunders of the decade",
        ),
        ("No one is more to blame for the floods than the council.", "the council", "the floods"),
        # an event does not end on a conjunction whose second half the parse put elsewhere
        (
            "Ana said the mayor was blamed for the leaks released by the Board of Ports (BP) "
            "and the Water Office “[o]n behalf of the town.”",
            "the mayor",
            "the leaks released by the Board of Ports (BP)",
        ),
        # a "before" clause or gerund in a past narration tells the deed
        ("The clerk committed the theft before he left town.", "The clerk", "the theft"),
        (
            "The clerk was fired before anyone learned that he had committed the theft.",
            "he",
            "the theft",
        ),
        (
            "Ana spoke to the press, before making the claim that the guards carried out the raid.",
            "the guards",
            "the raid",
        ),
    ],
)
def test_the_actor_the_sentence_names(run: Run, text: str, actor: str, event: str) -> None:
    c = _claim(run, text)
    assert c.label == "responsibility"
    for slot, want in (("actor", actor), ("event", event)):
        got = c.attributes[slot]
        assert (got["text"], text[got["start"] : got["end"]]) == (want, want)
