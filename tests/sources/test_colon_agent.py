"""A quotation a colon introduces is the words of the agent of a passive verb of
expression before the colon ("as expressed by X in his book:"), not of the clause's
subject, who only repeats them (read in a held-back gate article; fixtures written here).
"""

from __future__ import annotations

from tests.sources.test_audit_round2_fixes import Run, said
from tests.sources.test_sources import sources


def test_the_agent_of_expressed_is_the_speaker_after_a_colon(run: Run) -> None:
    a = sources(
        run,
        "Vale was repeating the old teaching, as expressed by the scholar Paul Roe in his "
        'Handbook: "In sum, the rule binds everyone."',
    )
    assert said(a) == [("Paul Roe", '"In sum, the rule binds everyone."', "named_person")]


def test_the_agent_wins_over_a_reporting_verb_before_it(run: Run) -> None:
    a = sources(
        run,
        "Vale was reiterating the old teaching, as expressed by the scholar Paul Roe in his "
        'Handbook: "In sum, the rule binds everyone."',
    )
    assert said(a) == [("Paul Roe", '"In sum, the rule binds everyone."', "named_person")]


def test_a_passive_verb_of_another_sense_leaves_the_subject_speaking(run: Run) -> None:
    # a full name: a lone one-word name with no person evidence is typed an organisation
    a = sources(
        run, 'Ann Vale was blunt about the plan, which was approved by the council: "We quit."'
    )
    assert said(a) == [("Ann Vale", '"We quit."', "named_person")]
