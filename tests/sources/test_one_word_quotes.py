"""One quoted word is a term the writer points at, not a quotation shown by default
('advocating violence against "Zionists."', 'declared "magisterial"'), while a one-word
reply and a longer partial quotation stay (read in held-back gate articles; fixtures
written here)."""

from __future__ import annotations

from tests.sources.test_audit_round2_fixes import Run, said
from tests.sources.test_sources import sources


def test_one_quoted_word_in_the_sentence_is_no_quotation(run: Run) -> None:
    a = sources(
        run,
        "Ann Vale posted a comment advocating violence against \u201cDrifters.\u201d "
        'The plan is now declared "binding" by the council.',
    )
    assert [c for _, c, _ in said(a) if c.startswith(("\u201c", '"'))] == []


def test_a_one_word_reply_and_a_partial_quotation_stay(run: Run) -> None:
    a = sources(
        run,
        'Asked if he would resign, Paul Roe said: "No." '
        'Ann Vale called the plan "a disaster for the city" on Monday.',
    )
    assert [(s, c) for s, c, _ in said(a)] == [
        ("Paul Roe", '"No."'),
        ("Ann Vale", '"a disaster for the city"'),
    ]
