"""Speaker typing and resolution errors of audit round 12 (bench/audit/round12), each
reproduced on an invented fixture: a broadcaster's host given by full name and later
by surname alone typed an organisation or an unnamed source."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources
from unspin.model import Analysis, Finding

Run = Callable[..., Analysis]


def _speakers(a: Analysis, text: str) -> list[Finding]:
    return [f for f in a.by_kind("speaker") if f.text == text]


def _speaker(a: Analysis, text: str) -> Finding:
    found = _speakers(a, text)
    assert len(found) == 1, [(f.text, f.label) for f in a.by_kind("speaker")]
    return found[0]


_HOST = (
    "Weeks after clashing with Governor Ada Brill, Channel Nine host Rory Vantage said on "
    "Tuesday that the quarrel was over.\n\n"
    '"She won tonight and I was glad to see it," Vantage said during a panel on his show. '
    '"I think we need her."\n\n'
    'Vantage added, "She is still a rising star."'
)


def test_a_host_named_in_full_is_a_person(run: Run) -> None:
    a = sources(run, _HOST)
    s = _speaker(a, "Channel Nine host Rory Vantage")
    assert s.label == "named_person"
    assert s.attributes["name"] == "Rory Vantage"


def test_the_hosts_surname_alone_is_that_person(run: Run) -> None:
    a = sources(run, _HOST)
    found = _speakers(a, "Vantage")
    assert len(found) == 2
    for s in found:
        assert s.label == "named_person"
        assert s.attributes["name"] == "Rory Vantage"


def test_a_surname_after_an_outlets_possessive_name_is_a_person(run: Run) -> None:
    a = sources(
        run,
        "In an interview with Metro News' Rory Vantage on Monday, Ada Brill answered a "
        "question about the plan.\n\n"
        '"They said the wall is negotiable," Vantage said in reference to her plan.\n\n'
        '"It is negotiable," Brill said.',
    )
    s = _speaker(a, "Vantage")
    assert s.label == "named_person"
    assert s.attributes["name"] == "Rory Vantage"


def test_the_one_who_replies_is_the_one_asked(run: Run) -> None:
    a = sources(
        run,
        "Senator Ada Brill is spending the morning at a diner in Dover.\n\n"
        "A reporter asked Brill how she is feeling on primary day. She replied: "
        '"The bigger the crowd, the better I feel."',
    )
    s = _speaker(a, "She")
    assert s.label == "named_person"
    assert s.attributes["name"] == "Ada Brill"


def test_a_governor_who_should_act_is_no_antecedent(run: Run) -> None:
    a = sources(
        run,
        "The governor also freed a spy in 1990 in exchange for Olvan Dresk, a reporter for "
        "a weekly arrested abroad.\n\n"
        "''I spent a year in a cell,'' Mr. Dresk, now 80 and retired in Dover, said by "
        "telephone this week. ''Every hour felt like a month.''\n\n"
        "But he agreed that a governor should make clear such deals are rare, to avoid "
        "inviting more. ''Deals are risky,'' he said. ''In this case, I'm glad it happened.''",
    )
    s = _speaker(a, "he")
    assert s.label == "named_person"
    assert s.attributes["name"] == "Olvan Dresk"


def test_the_two_are_the_two_people_named_together_before(run: Run) -> None:
    a = sources(
        run,
        "Maria Lund and Peter Vasko are both reformers. Their plans for the schools are "
        "closely aligned. The two admit that, given the budget, reaching these goals will "
        "not be easy.",
    )
    s = _speaker(a, "The two")
    assert s.label == "named_person"
    assert s.attributes["name"] == "Maria Lund and Peter Vasko"


def test_the_two_after_three_people_stays_unresolved(run: Run) -> None:
    a = sources(
        run,
        "Maria Lund met Peter Vasko and Eva Holm in Oslo. The two admit that the talks "
        "will not be easy.",
    )
    assert _speaker(a, "The two").label == "unresolved"


def test_listed_kinds_of_unnamed_people_are_anonymous(run: Run) -> None:
    a = sources(
        run,
        "Critics say the trade rewards kidnappers.\n\n"
        "But the families, friends and ministry officials said that sometimes a trade is "
        "worth it.",
    )
    s = _speaker(a, "the families, friends and ministry officials")
    assert s.label == "anonymous"


def test_both_after_its_noun_is_no_speaker_span(run: Run) -> None:
    a = sources(
        run,
        "Labour establishment figures — whose party was once respected for its discipline "
        "and public calm — both suggested the speechwriter be fired and defended the mayor "
        "as a leader.",
    )
    assert not _speakers(a, "both")
    s = _speaker(a, "Labour establishment figures")
    assert s.label == "anonymous"


def test_a_quoted_question_topic_is_nobodys_words(run: Run) -> None:
    a = sources(
        run,
        "The union sent Senator Ann Lund a long questionnaire. To a question on the "
        '"sale of public parks," Lund said private owners can be more costly than city '
        "crews and cited the old harbour deal.",
    )
    q = [f for f in a.by_kind("quote") if "public parks" in f.text]
    assert len(q) == 1
    assert q[0].label == "unattributed"
