"""Session 30 readings, second wave (invented fixtures)."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources
from unspin.model import Analysis

Run = Callable[..., Analysis]


def _contents(a: Analysis) -> list[str]:
    return [f.text for f in a.by_kind("attribution")]


def test_content_runs_to_the_close_of_a_quotation_split_at_an_exclamation(run: Run) -> None:
    # the sentence splits at the '!' inside the quotation; the content never ends just
    # after the quotation's opening mark
    a = sources(
        run,
        "According to emails, the Harbour League got a message saying “Urgent notice! "
        "Raids in Varn Sunday and Monday” and “This comes from the Mayor.” Nobody replied.",
    )
    contents = _contents(a)
    assert any("Sunday and Monday”" in c for c in contents), contents
    assert not any(c.endswith("Urgent notice") for c in contents), contents


def test_the_same_description_carries_the_unnamed_person_further(run: Run) -> None:
    # "a harbour official" -> "The official" -> (a sentence) -> "the official": one person
    a = sources(
        run,
        "Meanwhile, a harbour official on Thursday told The Varn Ledger that the ferry was "
        "not sailing. The official also noted that observers should not call the ferry new. "
        "It is, however, the largest in the fleet. The ferry is a refitted cargo ship and "
        "carries cars and trucks, the official added.",
    )
    last = [f for f in a.by_kind("speaker") if f.text == "the official"]
    assert last and all(f.label == "anonymous" for f in last), [
        (f.text, f.label) for f in a.by_kind("speaker")
    ]


def test_a_description_two_steps_from_another_introduction_stays_unplaced(run: Run) -> None:
    # no singular "a guard" introduced it: the chain has nothing to read back to
    a = sources(
        run,
        "The guard spoke to the Varn Ledger on Monday. The guard also noted that the gate "
        "was shut. It is, however, the oldest in the town. The gate was built of oak, the "
        "guard added.",
    )
    assert not [f for f in a.by_kind("speaker") if f.label == "anonymous"], [
        (f.text, f.label) for f in a.by_kind("speaker")
    ]


def test_a_verb_after_a_quoted_headline_takes_the_subject_before_it(run: Run) -> None:
    # the name inside the quoted headline is no speaker of "claimed"
    a = sources(
        run,
        "The hoax began on a fake page. The convincing — at a glance, anyway — story was "
        "headlined, “Sources: Harbour Owls Frontman Edda Pilkvist Found Dead at Home,” and "
        "claimed that the singer was found dead after police were called to her house.",
    )
    speakers = [f.text for f in a.by_kind("speaker")]
    assert not any("Pilkvist" in s for s in speakers), speakers


def test_content_runs_to_the_close_of_a_quotation_broken_over_a_line(run: Run) -> None:
    # a line break inside the quotation: still never ends just after its opening mark
    a = sources(
        run,
        "According to emails, the Harbour League got a message saying “Urgent notice!\n"
        "Raids in Varn Sunday and Monday” and “This comes from the Mayor.” Nobody replied.",
    )
    contents = _contents(a)
    assert not any(c.endswith("Urgent notice") for c in contents), contents
