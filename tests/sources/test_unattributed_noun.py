"""An attribution with no source and no clause reports nothing ("refute such a
declaration"); with a source ("denied such claims") or a clause ("it was reported that the
port closed") it stays (read in a held-back gate article; fixtures written here)."""

from __future__ import annotations

from tests.sources.test_audit_round2_fixes import Run, said
from tests.sources.test_sources import sources


def test_no_source_and_no_clause_is_no_attribution(run: Run) -> None:
    assert said(sources(run, "The members are obliged to refute such a declaration.")) == []


def test_a_clause_without_a_source_or_a_noun_with_one_stays(run: Run) -> None:
    a = sources(run, "It was reported that the port closed. The mayor denied such claims.")
    assert said(a) == [
        (None, "the port closed", "unattributed"),
        ("The mayor", "such claims", "unresolved"),
    ]
