"""Speakers right or honestly unknown (issue #12): wrong findings seen in article reports,
each reproduced on an invented fixture with its exact speaker, content and cue: the sayer
of a participle clause, a relative clause's "which he said", evidence that "suggests", the
recipient of "told" with a name before it, a quotation promised, a headline's "..., Says".
"""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources
from unspin.model import Analysis
from unspin.sources.polnear import findings_extraction

Run = Callable[..., Analysis]


def said(a: Analysis) -> list[tuple[str | None, str, str | None]]:
    """``(speaker, content, cue)`` texts of every quotation and reported content, the cue
    found as the benchmark finds it (the reporting word nearest the content)."""
    text = a.document.text
    out = []
    for f in [*a.by_kind("quote"), *a.by_kind("attribution")]:
        ids = f.related("speaker")
        speaker = a.get(ids[0]).text if ids else None
        cues = findings_extraction(text, [f]).spans["cue"]
        cue = next((text[c.start : c.end] for c in cues), None)
        out.append((speaker, f.text, cue))
    return out


def test_a_participle_clause_is_said_by_the_subject_of_the_clause_it_follows(run: Run) -> None:
    a = sources(
        run,
        "The case involves Tomas Brill, who sued the city after the Harbor Department made "
        "him take down the files, saying they broke the port rules.",
    )
    assert said(a) == [("the Harbor Department", "they broke the port rules", "saying")]
    # no speaking subject anywhere: no attribution, never "The case"
    a = sources(run, "The case involves a fence on the pier, saying it broke the port rules.")
    assert said(a) == []
    assert all(f.text != "The case" for f in a.by_kind("speaker"))
    # a speaking subject stays the sayer
    a = sources(run, "Maria Lund sued the city on Monday, saying the fence broke the rules.")
    assert said(a) == [("Maria Lund", "the fence broke the rules", "saying")]


def test_which_he_said_is_not_part_of_the_content(run: Run) -> None:
    a = sources(
        run,
        "Maria Lund kept a box of letters, which she said she wanted to show only to her family.",
    )
    assert said(a) == [("she", "she wanted to show only to her family", "said")]
    # "what" is part of what was said
    a = sources(run, "Maria Lund said what the plan would cost.")
    assert [c for _, c, _ in said(a)] == ["what the plan would cost"]


def test_evidence_that_suggests_is_no_speaker(run: Run) -> None:
    a = sources(run, "The evidence suggests that the dam was built too fast.")
    assert said(a) == []
    assert a.by_kind("speaker") == []
    # a report and a person still suggest
    a = sources(run, "The report suggests that the dam was built too fast.")
    assert said(a) == [("The report", "the dam was built too fast", "suggests")]
    a = sources(run, "Maria Lund suggested that the dam was built too fast.")
    assert said(a) == [("Maria Lund", "the dam was built too fast", "suggested")]


def test_the_recipient_of_told_with_a_name_before_it_is_not_content(run: Run) -> None:
    a = sources(run, "Maria Lund told Senate investigators Norcorp had paid the fees.")
    assert said(a) == [("Maria Lund", "Norcorp had paid the fees", "told")]
    a = sources(run, "He told Senate investigators that he had paid the fees.")
    assert said(a) == [("He", "he had paid the fees", "told")]
    a = sources(run, "He told House investigators in May that the firm had paid.")
    assert said(a) == [("He", "the firm had paid", "told")]


def test_a_quotation_promised_is_the_subjects(run: Run) -> None:
    a = sources(run, 'Mr. Tomas Brill promised to "take a look at it."')
    assert said(a) == [("Mr. Tomas Brill", '"take a look at it."', "promised")]
    (q,) = a.by_kind("quote")
    assert q.attributes["speaker"] == "Tomas Brill"
    assert q.attributes["verb"] == "promise"
    # a promise with no quotation reports nothing
    assert said(sources(run, "Mr. Tomas Brill promised to cut the fees.")) == []


def test_a_headlines_says_is_said_by_the_subject_noun_phrase(run: Run) -> None:
    a = sources(run, "Governor Signs Statement On Tax Law, Says It Will Help Families")
    assert said(a) == [("Governor", "It Will Help Families", "Says")]
    (sp,) = a.by_kind("speaker")
    assert sp.label == "anonymous"
    a = sources(run, "Governor Ana Vik Signs Statement On Tax Law, Says It Will Help Families")
    assert said(a) == [("Governor Ana Vik", "It Will Help Families", "Says")]
    # a name with its role in apposition is not cut
    a = sources(run, "Ana Vik, Mayor Of Westby, Says The Fees Will Rise")
    assert [s for s, _, _ in said(a)] == ["Ana Vik"]
