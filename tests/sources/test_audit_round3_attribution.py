"""Wrong attributions of the round-3 precision audit (bench/audit/round3), each reproduced
on an invented fixture: words that are no verbs of saying in their use (a right denied to
somebody, speech kept from happening, "it is safe to say", the writer's own "I tell
you", a passive "was asked" inheriting a subject), contents cut short (a second claim
past a relative clause with its own verb of saying, a broken "as well as"), a heading
taken for a statement, and somebody else's comments credited to who responds to them.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources
from unspin.model import Analysis

Run = Callable[..., Analysis]


def said(a: Analysis) -> list[tuple[str | None, str, str]]:
    """``(speaker text, content, kind)`` of every quotation and attribution."""
    out = []
    for f in sorted([*a.by_kind("quote"), *a.by_kind("attribution")], key=lambda f: f.start):
        ids = f.related("speaker")
        out.append((a.get(ids[0]).text if ids else None, f.text, f.kind))
    return out


def speakers(a: Analysis) -> list[str]:
    return [f.text for f in sorted(a.by_kind("speaker"), key=lambda f: f.start)]


def test_deny_as_withhold_reports_nothing(run: Run) -> None:
    a = sources(
        run,
        "If we denied basic freedoms to everyone in that group, nobody would have any "
        "freedom left. The court denied him bail on Monday.",
    )
    assert a.by_kind("attribution") == []
    # a claim denied is still reported
    a = sources(run, "The mayor denied that the deal was rigged.")
    assert ("The mayor", "the deal was rigged", "attribution") in said(a)


def test_speech_kept_from_happening_is_no_report(run: Run) -> None:
    a = sources(
        run,
        "The mayor described the pressure the council exerted to keep the clerk from "
        "disclosing to a judge what she knew last spring.",
    )
    assert a.by_kind("attribution") == []
    assert "the council" not in speakers(a)


def test_it_is_safe_to_say_is_the_writers_comment(run: Run) -> None:
    a = sources(
        run,
        "It is unclear when the files will be released, but it is safe to say that the "
        "opposition is worried right now. It is fair to say that the plan has failed.",
    )
    assert a.by_kind("attribution") == []
    assert a.by_kind("speaker") == []


def test_the_writer_telling_the_reader_is_no_source(run: Run) -> None:
    a = sources(
        run,
        "I tell you this with all seriousness: At some point, the voters will be forced "
        "to view these attacks as a declaration of war.",
    )
    assert a.by_kind("attribution") == []
    # what the writer wrote before is still reported, and a first person in a quotation
    a = sources(run, "I wrote last year that the budget was never balanced.")
    assert a.by_kind("attribution")
    a = sources(run, '"I tell you, the budget was never balanced," Lund said.')
    assert said(a)[0][0] == "Lund"


def test_a_passive_verb_joined_to_a_clause_does_not_take_its_subject(run: Run) -> None:
    a = sources(
        run,
        'The young clerk witnessed "a lot of fraud going on in the city" but was asked by '
        "the board to sign an agreement, Lund explained.",
    )
    assert "The young clerk" not in speakers(a)
    quote = next(f for f in a.by_kind("quote"))
    assert not quote.related("speaker") or a.get(quote.related("speaker")[0]).text == "Lund"


def test_a_relative_clause_with_its_own_denial_does_not_cut_the_content(run: Run) -> None:
    a = sources(
        run,
        "It has been reported that the governor accepted $50,000 in fees in 2012 and "
        "collected millions more in donations from firms with a stake in the deal, payments "
        "that both the governor and his party denied had any influence.",
    )
    contents = [c for _, c, _ in said(a)]
    assert any(
        c.startswith("the governor accepted") and "collected millions" in c for c in contents
    )


def test_a_broken_as_well_as_keeps_the_second_half(run: Run) -> None:
    a = sources(
        run,
        "Lund said she also possesses letters that show how the board threatened her client "
        "when he attempted to file a suit that could have drawn attention to the scandal "
        "during the race as well as helped him recover the money.",
    )
    lund = [c for who, c, _ in said(a) if who == "Lund"]
    assert lund and lund[0].endswith("as well as helped him recover the money"), lund


def test_a_heading_after_a_colon_is_no_statement(run: Run) -> None:
    a = sources(
        run,
        "He wrote a long analysis of the new rules:\n\n"
        "The seizure of property without a hearing.\n\n"
        "The rules all allow the state to act without notice.",
    )
    assert a.by_kind("attribution") == []
    # a statement on the next line is still what was said
    a = sources(run, "The council said in a statement on Tuesday,\nThe budget will be cut.")
    assert said(a) == [("The council", "The budget will be cut", "attribution")]


def test_comments_responded_to_are_not_the_responders(run: Run) -> None:
    a = sources(
        run,
        "The mayor was responding to comments from council member Ann Roe that families "
        "should have more tools to report dangerous neighbours.",
    )
    assert ("The mayor", "families should have more tools to report dangerous neighbours",
            "attribution") not in said(a)  # fmt: skip
    # the medium of the verb's own words keeps its clause, and so do reports nobody owns
    a = sources(run, "The mayor said in a statement that the budget will be cut.")
    assert ("The mayor", "the budget will be cut", "attribution") in said(a)
    a = sources(run, "The mayor responded on Friday to reports that the budget will be cut.")
    assert ("The mayor", "the budget will be cut", "attribution") in said(a)


def test_and_said_goes_with_the_nearer_clause(run: Run) -> None:
    a = sources(
        run,
        "No wonder the senator looked so happy when the governor made his remark about "
        "taxes and said he wanted to cut the budget.",
    )
    assert ("the governor", "he wanted to cut the budget", "attribution") in said(a)
    # with a comma the "and" goes back to the main clause
    a = sources(
        run,
        "The senator smiled when the governor spoke, and said the budget would be cut soon.",
    )
    assert ("The senator", "the budget would be cut soon", "attribution") in said(a)
