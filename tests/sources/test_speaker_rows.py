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
from unspin.sources.polnear import findings_extraction

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


def test_a_pronoun_after_a_surname_takes_the_full_name(run: Run) -> None:
    text = (
        "Dorian Vesk spoke on Friday. The mayor left early.\n\n"
        "Vesk did not answer. He also said he gave the job to Lane because she was loyal."
    )
    a, att, sp = pronoun_statement(run, text, "He", "he gave the job to Lane because she was loyal")
    assert att.attributes["speaker"] == sp.attributes["name"] == "Dorian Vesk"
    assert att.label == "named_person"
    start, end = sp.attributes["antecedent_start"], sp.attributes["antecedent_end"]
    assert text[start:end] == "Vesk"
    # with a direct quotation of the full name as well: one row
    a = sources(run, text + ' "It was fine," Vesk said.')
    assert rows(a) == ["Dorian Vesk"]


def test_a_bare_title_is_the_one_person_holding_it(run: Run) -> None:
    head = "Pope admits Church has 'long ignored' abuse\n\n"
    a = sources(run, head + "Pope Ilario on Monday asked the victims for forgiveness.")
    att = next(f for f in a.by_kind("attribution") if f.text == "Church has 'long ignored' abuse")
    sp = speaker(a, att)
    assert sp.text == "Pope"
    assert (att.label, att.attributes["speaker"], att.attributes["role"]) == (
        "named_person",
        "Ilario",
        "Pope",
    )
    assert "Pope" not in rows(a)
    assert all(f.attributes["speaker"] == "Ilario" for f in a.by_kind("quote"))


def test_a_bare_title_nobody_holds_is_an_unnamed_role_not_a_name(run: Run) -> None:
    a = sources(run, "Pope admits Church has 'long ignored' abuse\n\nThe victims met.")
    att = next(f for f in a.by_kind("attribution") if f.text == "Church has 'long ignored' abuse")
    assert (att.label, att.attributes["speaker"], att.attributes["role"]) == (
        "unresolved",
        None,
        "Pope",
    )
    assert speaker(a, att).attributes["name"] is None
    assert rows(a) == []


def test_an_evaluative_premodifier_is_no_role(run: Run) -> None:
    a = sources(
        run, "She resigned under Islamic apologist H. R. Castell. Castell said it was fair."
    )
    (att,) = a.by_kind("attribution")
    assert (att.attributes["speaker"], att.attributes["role"]) == ("H. R. Castell", None)
    assert att.text == "it was fair"
    # a role noun or a title before the name stays the role
    a = sources(run, "Ministry spokeswoman Maria Lund said the plan was fair.")
    assert a.by_kind("attribution")[0].attributes["role"] == "Ministry spokeswoman"
    a = sources(run, "Senator Anna Berg said the bill would pass.")
    assert a.by_kind("attribution")[0].attributes["role"] == "Senator"


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


def test_an_inserted_source_and_cue_are_not_content(run: Run) -> None:
    # only a conjunction before the insertion: the content is what follows it
    a = sources(run, "Tomas Brill also blasted Vik because, he said, the former mayor ran late.")
    (att,) = a.by_kind("attribution")
    assert att.text == "the former mayor ran late"
    assert att.attributes["pieces"] is None
    # a subject before it: two pieces around "Lund said"
    text = "The plan, Maria Lund said, would fail."
    a = sources(run, text)
    (att,) = a.by_kind("attribution")
    assert att.attributes["speaker"] == "Maria Lund"
    assert [text[p0:p1] for p0, p1 in att.attributes["pieces"]] == ["The plan", "would fail"]
    (content,) = findings_extraction(text, [att]).spans["content"]
    assert content.text(text) == "The plan would fail"
    # the cue's own object belongs to the insertion too (a gate article's "Some of these
    # norms, X told <outlet>, give ..." kept the source inside the content)
    text = "Some of these rules, Maria Lund told Radio Nord, give too much away."
    (att,) = sources(run, text).by_kind("attribution")
    pieces = [text[p0:p1] for p0, p1 in att.attributes["pieces"]]
    assert pieces == ["Some of these rules", "give too much away"]


def test_a_pronoun_takes_the_agent_named_before_it_in_its_own_sentence(run: Run) -> None:
    text = (
        "Anton Brill wrote the essay last year. In a famous speech given in the 1930s by the "
        "pastor Oelkers, he said that first they came for the unions."
    )
    _, att, sp = pronoun_statement(run, text, "he", "first they came for the unions")
    assert (att.attributes["speaker"], att.attributes["role"]) == ("Oelkers", "pastor")
    assert sp.attributes["type_reason"] == "pronoun he -> Oelkers (same sentence)"
    # a recognised name there as well
    a = sources(run, text.replace("pastor Oelkers", "pastor Kasimir Oelkers"))
    assert a.by_kind("attribution")[0].attributes["speaker"] == "Kasimir Oelkers"
    # a clergy title written as part of the name ("Parson ..."; NER read it as a body)
    a = sources(run, text.replace("the pastor Oelkers", "Parson Martin Oelkers"))
    assert a.by_kind("attribution")[0].attributes["speaker"] == "Martin Oelkers"


def test_an_inverted_inserted_cue_takes_the_subject_after_it(run: Run) -> None:
    text = "The plan, said Maria Lund, would fail within a year."
    a = sources(run, text)
    (att,) = a.by_kind("attribution")
    assert (speaker(a, att).text, att.attributes["speaker"]) == ("Maria Lund", "Maria Lund")
    pieces = [text[p0:p1] for p0, p1 in att.attributes["pieces"]]
    assert pieces == ["The plan", "would fail within a year"]
