"""One quoted word woven into the sentence, with the sentence's period inside the marks
('advocating violence against "Zionists."'), is no complete utterance: with no speaker it
is a scare quote. A one-word reply, a one-word partial quotation credited to its speaker
(the audit judged those right) and a longer one stay (read in held-back gate articles;
fixtures written here)."""

from __future__ import annotations

from tests.sources.test_audit_round2_fixes import Run, said
from tests.sources.test_sources import sources


def test_one_quoted_word_in_the_sentence_is_no_utterance(run: Run) -> None:
    a = sources(run, "The post advocated violence against \u201cDrifters.\u201d It was removed.")
    assert [c for _, c, _ in said(a) if c.startswith(("\u201c", '"'))] == []


def test_a_one_word_reply_and_a_partial_quotation_stay(run: Run) -> None:
    a = sources(
        run,
        'Asked if he would resign, Paul Roe said: "No." '
        'Ann Vale called the plan "a disaster for the city" on Monday. '
        'Lee Park said the plan was "reckless" in the interview.',
    )
    assert [(s, c) for s, c, _ in said(a) if c.startswith('"')] == [
        ("Paul Roe", '"No."'),
        ("Ann Vale", '"a disaster for the city"'),
        ("Lee Park", '"reckless"'),
    ]
