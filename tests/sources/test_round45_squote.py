"""Wrong quotations of the precision audit rounds 4 and 5 (bench/audit/round4, round5),
each reproduced on an invented fixture: a quotation whose closing mark was lost running
over the writer's next lines, and a word or two woven into the writer's sentence shown as
a partial quotation of a description, a thing or a piece of a headline.
"""

from __future__ import annotations

from tests.sources.test_audit_round2_fixes import Run
from tests.sources.test_audit_round3_quotes import quoted
from tests.sources.test_sources import sources


def test_an_unclosed_quotation_stops_at_the_end_of_its_line(run: Run) -> None:
    text = (
        "Harbor Pilot Cleared\n\n"
        "\u201cThe board treated me fairly in the end,\u201d Mara Lund said.\n"
        "\u201cThe new rules noticed that my record was clean and that I did nothing wrong.\n"
        "The harbor board, which cleared two pilots last week, had fined her in March.\n"
        "The board wrote on Friday that the fines were dropped.\n"
    )
    found = quoted(run, text)
    assert len(found) == 2, found
    assert found[1][1].endswith("nothing wrong."), found


def test_a_woven_word_of_a_description_or_a_thing_is_no_partial_quotation(run: Run) -> None:
    texts = (
        "As the wider public kept moving on, so too does the club seem more \u201cout of step\u201d"
        " and in need of change.",
        "The pier is crowded. It suggests another word and that is \u201cchaos.\u201d",
    )
    for text in texts:
        assert quoted(run, text) == [], text


def test_a_named_speakers_woven_word_is_still_shown(run: Run) -> None:
    text = "Governor Mara Lund called the plan \u201creckless\u201d on Monday."
    assert quoted(run, text) == [("Governor Mara Lund", "\u201creckless\u201d", "named_person")]


def test_a_proposed_question_and_a_title_after_concerning_are_no_quotations(run: Run) -> None:
    text = (
        "Lund can explain what he means by the plan. A simpler question to him would be this:"
        " \u201cAre you refusing to pay the harbor fees or only delaying them?\u201d\n\n"
        "Lee\u2019s exchange with Lund concerning"
        " \u201cMore Bad News: The Harbor Tries Again.\u201d\n\n"
        "Lee Park said: \u201cThe fees are due in May and nobody will wait.\u201d"
    )
    found = quoted(run, text)
    assert [f[1][:12] for f in found] == ["\u201cThe fees ar"], found


def test_a_reply_someone_received_is_the_senders(run: Run) -> None:
    text = (
        "Mara Lund wrote to the harbor board last month.\n\n"
        "Lund received the following reply from Tom Berg after meeting his staff:"
        " \u201cThe board would be willing to hear the case when the season is over.\u201d"
    )
    found = quoted(run, text)
    assert len(found) == 1 and found[0][0] == "Tom Berg", found


def test_the_i_of_a_turn_whose_label_has_no_space_is_the_interviewees(run: Run) -> None:
    text = (
        "Dana Berg: Welcome to the show.\nTom Reed: Thank you.\n"
        "DB: How did it start?\nTR: It started at the harbor.\n"
        "DB: What did you tell him?\n"
        "TR:I think it comes down to trust.\n"
        "There were times when I said to him, \u201cWhy don\u2019t you just wait a while?\u201d\n"
    )
    found = quoted(run, text)
    assert found and found[-1][0] == "I", found
    a = sources(run, text)
    q = [f for f in a.by_kind("quote") if "wait a while" in f.text]
    assert q and q[0].attributes["speaker"] == "Tom Reed", q


def test_a_quotation_closed_by_a_mark_of_another_kind_keeps_its_lines(run: Run) -> None:
    text = (
        "Harbor Pilot Cleared\n\n"
        "\u201cThe board treated me fairly in the end,\u201d Mara Lund said.\n"
        "\u201cThe new rules noticed that my record was clean and that I did nothing wrong.\n"
        'And I think we are back where we started at the harbor."\n'
        "The board wrote on Friday that the fines were dropped.\n"
    )
    found = quoted(run, text)
    assert len(found) == 2 and found[1][1].endswith('harbor."'), found


def test_a_woven_word_of_a_possessive_document_is_still_shown(run: Run) -> None:
    text = (
        "The harbor board\u2019s new report says the pilots were \u201coverworked\u201d all year."
    )
    found = quoted(run, text)
    assert [f[1] for f in found] == ["\u201coverworked\u201d"], found
