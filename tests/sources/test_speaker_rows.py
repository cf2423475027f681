"""Speakers right or honestly unknown (issue #12), second round: one person is one source
row (a pronoun or a surname takes the full name of whom it stands for; a bare title is
the one person holding it, or an unnamed person with that role); a pronoun's antecedent
may sit earlier in its own sentence; a cue verb with only a noun object reports nothing; a
raising verb's subject is the speaker; an inserted "source + cue" is not content; a role
comes from a title or an apposition, never from an evaluative premodifier. Every fixture
is invented.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources
from tests.sources.test_speaker_fixes import said
from unspin.model import Analysis, Finding

Run = Callable[..., Analysis]


def speaker(a: Analysis, f: Finding) -> Finding:
    ids = f.related("speaker")
    assert len(ids) == 1, f
    return a.get(ids[0])


def rows(a: Analysis) -> list[str]:
    """The names of the profile's source rows."""
    return [r["name"] for r in a.summaries["sources"]["top_speakers"]]


def pronoun_statement(
    run: Run, text: str, pronoun: str, content: str
) -> tuple[Analysis, Finding, Finding]:
    """The analysis of ``text``, its one attribution (of ``content``) and that one's speaker
    (the pronoun)."""
    a = sources(run, text)
    (att,) = a.by_kind("attribution")
    sp = speaker(a, att)
    assert (sp.text, att.text) == (pronoun, content)
    return a, att, sp


def test_a_cue_verb_with_only_a_noun_object_reports_no_speech(run: Run) -> None:
    for text in (
        "The abuse came from columnists, many claiming liberal credentials.",
        "The group claimed responsibility for the attack.",
    ):
        a = sources(run, text)
        assert said(a) == [], text
        assert a.by_kind("speaker") == [], text
    # a clause or an infinitive is still reported
    a = sources(run, "Maria Lund claimed that the vote was rigged.")
    assert said(a) == [("Maria Lund", "the vote was rigged", "claimed")]
    a = sources(run, "Maria Lund claims to be the true heir.")
    assert said(a) == [("Maria Lund", "to be the true heir", "claims")]


def test_the_subject_of_a_raising_verb_is_the_speaker(run: Run) -> None:
    a = sources(
        run,
        "Even the lawyer for the Harbor Ledger happened to mention that if Lund is charged, "
        "the paper could be too.",
    )
    assert said(a) == [
        (
            "the lawyer for the Harbor Ledger",
            "if Lund is charged, the paper could be too",
            "mention",
        )
    ]
    a = sources(run, "Maria Lund seemed to suggest that the plan would fail.")
    assert said(a) == [("Maria Lund", "the plan would fail", "suggest")]
