"""Wrong quotations of the round-3 precision audit (bench/audit/round3), each reproduced on
an invented fixture: terms, standards, names and book titles in quotation marks, a
stressed word, a partial quotation credited to an unresolved pronoun, a quoted exchange
("'...,' Lund replied.") carried over to the previous speaker, and the lines of a quoted
report shown with no source or with the source of a quotation inside it.
"""

from __future__ import annotations

from tests.sources.test_audit_round2_fixes import Run, said
from tests.sources.test_sources import sources

_TITLE = "Harbor Rules Tighten\n\n"


def quoted(run: Run, text: str) -> list[tuple[str | None, str, str]]:
    """``(speaker text, quotation, label)`` of every quotation shown."""
    return [s for s in said(sources(run, text)) if s[1][:1] in "\"“'‘"]


def test_a_term_or_standard_no_speaker_is_tied_to_is_no_quotation(run: Run) -> None:
    text = (
        "At the second hearing, the bar is far below the \u201cclear and convincing proof\u201d"
        " standard used in other courts. It need only be shown by \u201ca balance of"
        " likelihoods\u201d that the tenant owes rent. The court can now issue a new order"
        " known as an \u2018emergency rent relief decree.\u2019 Critics were unhappy."
    )
    assert quoted(run, text) == []


def test_quoted_words_naming_a_kind_of_thing_are_a_term(run: Run) -> None:
    text = "Many other states are also considering passing \u201cgreen zone\u201d laws."
    assert quoted(run, text) == []


def test_a_long_title_after_entitled_is_no_quotation(run: Run) -> None:
    text = (
        "My sister and I wrote a book titled \u201cKeep the Farm: Why Families Should Not "
        "Sell Their Land to Developers.\u201d"
    )
    assert quoted(run, text) == []


def test_a_stressed_word_and_a_fragment_of_an_unresolved_pronoun_are_not_shown(
    run: Run,
) -> None:
    text = (
        "The council report says the fines \u201conly\u201d apply for a month. "
        "Lee Park said the plan was \u201creckless\u201d in the interview."
    )
    assert quoted(run, text) == [("Lee Park", "\u201creckless\u201d", "named_person")]
    text = "Lund wrote to the board. It just says he was \u201ctired.\u201d The memo adds nothing."
    assert quoted(run, text) == []


def test_a_quoted_exchange_is_not_carried_over_to_the_previous_speaker(run: Run) -> None:
    text = _TITLE + (
        "As I wrote in this column last month, at a meeting with farmers, Governor Lund "
        "\u201cbacked closing the harbor to cargo ships, even if it hurt local trade.\n"
        "\u201c\u2018I like closing it early, before the storms come,\u2019 Lund said at a "
        "meeting with growers.\n"
        "\u201cLund was answering a question from Mayor Berg about the harbor schedule.\n"
        "\u201c\u2018Give notice so no one loses a season, but close it before winter,\u2019 "
        "Berg said.\n"
        "\u201c\u2018Or, Ann, close it first, and then give notice,\u2019 Lund replied.\u201d\n"
        "See the column here."
    )
    found = quoted(run, text)
    assert [(s, label) for s, _, label in found] == [
        ("Lund", "named_person"),
        ("Berg", "named_person"),
        ("Lund", "named_person"),
    ]
    assert all(q.startswith("\u2018") for _, q, _ in found)


def test_the_lines_of_a_quoted_report_are_not_shown_without_their_source(run: Run) -> None:
    text = _TITLE + (
        "This memo is from Dover: Doubtless, other towns will follow.\n"
        "\u201cThe city council became the first in the state to close a harbor under a new "
        "rule.\n"
        "\u201cThe decision involves a pier that residents said had been crumbling for years.\n"
        "\u201cErosion is suspected, but the new rule allowed the city to close it.\u201d\n"
        "\u201cThe pier, which we are not naming, is also well known to fishermen.\n"
        "The volume of complaints convinced the council to act.\n"
        "\u201cIn this case, the owner refused to repair it.\n"
        "Because of the rule, the city was then able to close the pier.\u201d\n"
        "\u201cA few piers have been closed around the state.\n"
        "\u201c\u2018There is certainly a concern about safety on old piers, and this gives us "
        "a tool,\u2019 said Lt.\n"
        "Ana Berg, who heads the harbor police.\n"
        "\u201cThe closures only last a year, although they can be renewed.\u201d\n"
        "See the memo here:"
    )
    found = quoted(run, text)
    assert [(s, q[:1]) for s, q, _ in found] == [("Ana Berg", "\u2018")]


def test_an_unsourced_phrase_with_a_verb_in_the_sentence_stays(run: Run) -> None:
    # the audit judged "no source" right for a quoted slogan the text credits to nobody
    text = _TITLE + (
        'That party was dedicated to open trade and to using its power to "end tyranny in '
        'our world." It failed.'
    )
    assert quoted(run, text) == [(None, '"end tyranny in our world."', "unattributed")]


def test_a_quotation_on_its_own_line_after_a_colon_is_the_subjects(run: Run) -> None:
    text = _TITLE + (
        "As for the vote, Senator Ana Lund has some harsh words for those who are backing "
        "the plan on party lines:\n"
        "\u201cWhen the harbor closes, it will be too late for others to join me.\u201d\n"
        "Below is a video of the hearing."
    )
    found = quoted(run, text)
    assert [(s, label) for s, _, label in found] == [("Senator Ana Lund", "named_person")]
