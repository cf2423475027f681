"""Reported contents and relays judged wrong in audit round 9 (bench/audit/round9), each
reproduced on an invented fixture: a content cut at its subject when the parser hung the
clause's predicate on the verb of saying, a relay chain read upside down ("X said Y, the
agency reported"), "find out" with an indirect question taken for a statement, a verb of
saying said again ("say X ... and say that ...") given the reported clause's subject, a
participle clause kept in the sayer ("The note, asking ..., says"), and an "according to"
source run together with the clause's subject ("the Herald, Gov.\nAnn Lund", "the
Project, blacks and Hispanics represented ...").
"""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import attributions, sources, speaker_of
from unspin.model import Analysis

Run = Callable[..., Analysis]


def _content(a: Analysis, verb: str) -> list[str]:
    return [f.text for f in attributions(a) if f.attributes.get("verb") == verb]


def test_a_content_keeps_its_predicate_after_a_participle_subject(run: Run) -> None:
    a = sources(
        run,
        "This week, some readers are reporting that anybody trying to open the settings on "
        "their phone could lose all of their saved files.",
    )
    assert _content(a, "report") == [
        "anybody trying to open the settings on their phone could lose all of their saved files"
    ]


def test_a_content_keeps_its_predicate_after_a_copula(run: Run) -> None:
    a = sources(
        run,
        "Critics say it\u2019s main flaw is that it pits the council against renters, who "
        "end up being the chief targets of the plan.",
    )
    (c,) = _content(a, "say")
    assert c.startswith("it\u2019s main flaw is that it pits the council"), c


def test_a_trailing_relay_passes_the_speaker_on(run: Run) -> None:
    a = sources(
        run,
        "But Westby Defense Ministry spokesman Maj. Gen. Karl Vikberg said the hostages' "
        "release was still under negotiation, the Daily Wire reported.",
    )
    (said,) = [f for f in attributions(a) if f.attributes.get("verb") == "say"]
    assert said.text == "the hostages' release was still under negotiation"
    assert said.attributes.get("speaker") == "Karl Vikberg"
    assert said.attributes.get("via") == "Daily Wire"
    (reported,) = [f for f in attributions(a) if f.attributes.get("verb") == "report"]
    assert reported.attributes.get("via") is None
    assert reported.text.endswith("said the hostages' release was still under negotiation")


def test_a_trailing_relay_after_a_plain_subject(run: Run) -> None:
    a = sources(run, "The mayor said the bridge would reopen in May, the Westby Post reported.")
    (said,) = [f for f in attributions(a) if f.attributes.get("verb") == "say"]
    assert said.text == "the bridge would reopen in May"
    assert said.attributes.get("via") == "Westby Post"


def test_find_out_with_a_question_reports_nothing(run: Run) -> None:
    a = sources(
        run,
        "We know, however, that Norvik quietly met with the regulator in 2013 to find out "
        "which products would come under its rules.",
    )
    assert not _content(a, "find")


def test_a_verb_of_saying_said_again_keeps_its_sayers(run: Run) -> None:
    a = sources(
        run,
        "Aside from the likeness, old friends say Lund has a distinctive laugh and say that "
        "many people in the town knew what she was doing.",
    )
    found = {f.text: speaker_of(a, f).text for f in attributions(a)}
    assert found == {
        "Lund has a distinctive laugh": "old friends",
        "many people in the town knew what she was doing": "old friends",
    }


def test_a_participle_clause_is_not_part_of_the_sayer(run: Run) -> None:
    a = sources(
        run,
        'The note, asking readers to look past old habits, says: "The wish to read is '
        'equally strong in all children."',
    )
    (q,) = a.by_kind("quote")
    assert speaker_of(a, q).text == "The note"


def test_according_to_before_a_title_broken_over_a_line(run: Run) -> None:
    a = sources(run, "According to the Westby Herald, Gov.\nKarl Lund signed the bill on Friday.")
    (f,) = attributions(a)
    assert f.attributes.get("speaker") == "Westby Herald"
    assert f.text == "Gov.\nKarl Lund signed the bill on Friday"


def test_according_to_before_a_subject_read_as_its_apposition(run: Run) -> None:
    a = sources(
        run,
        "According to the Cannabis Arrest Research Project, blacks and Hispanics represented "
        "86% of those arrested for marijuana possession in the city.",
    )
    (f,) = attributions(a)
    assert f.text.startswith("blacks and Hispanics represented 86%"), f.text
    s = speaker_of(a, f)
    assert s.text == "the Cannabis Arrest Research Project"
    assert s.attributes.get("role") is None
