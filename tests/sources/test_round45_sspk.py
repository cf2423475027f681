"""Wrong speakers of audit rounds 4 and 5 (bench/audit/round4, round5), each reproduced on
an invented fixture: a reporting verb swallowed into a name, scripture typed as a body, a
one-word publication that "reports" typed as a person, "the group" left unnamed beside
the organisation just named, and a role cut to a fragment of its noun phrase.
"""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources
from unspin.model import Analysis, Finding

Run = Callable[..., Analysis]


def _speaker(a: Analysis, text: str) -> Finding:
    found = [f for f in a.by_kind("speaker") if f.text == text]
    assert len(found) == 1, [(f.text, f.label) for f in a.by_kind("speaker")]
    return found[0]


def test_a_reporting_verb_is_never_part_of_the_name(run: Run) -> None:
    a = sources(run, 'As St Pope John XXIII explained, "The main task is the parish."')
    s = _speaker(a, "St Pope John XXIII")
    assert s.label == "named_person"
    assert s.attributes["name"] == "John XXIII"


def test_scripture_is_a_document(run: Run) -> None:
    for book in ("Qur'an", "Koran"):
        a = sources(run, f'However, the {book} says: "Be kind to your neighbours."')
        s = _speaker(a, book)
        assert s.label == "document", book


def test_a_one_word_name_the_text_calls_news_is_a_publication(run: Run) -> None:
    a = sources(
        run,
        "Several of the claims are not valid, Zandervoort reports. Last week, Zandervoort "
        "News reported on the court.",
    )
    s = _speaker(a, "Zandervoort")
    assert s.label == "media_outlet"


def test_a_one_word_name_that_only_reports_is_no_person(run: Run) -> None:
    # "reports" alone is no outlet cue, but with no first name, title, person's role or
    # "he"/"she" anywhere a one-word name is no person either (round 9 judged websites
    # and brands typed so wrong): an organisation, saying why
    a = sources(run, "Several of the claims are not valid, Zandervoort reports.")
    s = _speaker(a, "Zandervoort")
    assert s.label == "named_organisation"
    assert "no person evidence" in str(s.attributes["type_reason"])


def test_a_one_word_name_with_a_first_name_elsewhere_stays_a_person(run: Run) -> None:
    a = sources(
        run,
        "Officers met Lena Zandervoort on Monday. Several of the claims are not valid, "
        "Zandervoort reported. Zandervoort News printed it.",
    )
    s = _speaker(a, "Zandervoort")
    assert s.label == "named_person"


def test_the_organization_is_the_body_named_just_before(run: Run) -> None:
    a = sources(
        run,
        "Part of the problem of the US Conference of Mayors is that they push new rules. "
        'For example, the organization writes in support of the plan, "We have a long '
        'history of promoting strong policies."',
    )
    s = _speaker(a, "the organization")
    assert s.attributes["name"] == "US Conference of Mayors"


def test_the_group_is_the_body_its_quotation_names(run: Run) -> None:
    a = sources(
        run,
        '"The U.S. Conference of Mayors registers its strong support for these laws," '
        "the group wrote.",
    )
    s = _speaker(a, "the group")
    assert s.attributes["name"] == "U.S. Conference of Mayors"


def test_the_group_stays_unnamed_between_two_bodies(run: Run) -> None:
    a = sources(
        run,
        "The Harbour Workers Union met the Northern Shipping Company on Monday. "
        '"We want a fair deal," the group said.',
    )
    s = _speaker(a, "the group")
    assert s.attributes["name"] not in ("Harbour Workers Union", "Northern Shipping Company")


def test_a_role_keeps_the_modifiers_of_its_modifiers(run: Run) -> None:
    a = sources(
        run,
        "The banning of free speech activists Martin Sellner and Britta Pettibone from the "
        "UK is the latest example. Sellner said he was told by authorities that his speech "
        "could cause violence.",
    )
    s = _speaker(a, "Sellner")
    assert s.attributes["role"] == "free speech activists"


def test_a_quantifier_before_a_plural_name_is_no_named_person(run: Run) -> None:
    a = sources(
        run,
        "The Daily Harbor ran a long piece in which several Muslims explained why the "
        "statement was unsatisfactory to them.",
    )
    s = _speaker(a, "several Muslims")
    assert s.label == "anonymous"
    assert s.attributes["name"] is None and s.attributes["role"] is None


def test_a_quote_from_someone_is_theirs(run: Run) -> None:
    a = sources(
        run,
        "There's also a quote from a council spokeswoman claiming that, \"The mayor has "
        'denounced the plan for years."',
    )
    assert _speaker(a, "a council spokeswoman").label == "anonymous"
    assert not [f for f in a.by_kind("speaker") if f.text.startswith("a quote")]


def test_the_description_the_clause_gives_a_named_person_is_that_person(run: Run) -> None:
    a = sources(
        run,
        "You will remember Lund as the student politician who in February told his "
        'followers to "punch a rival today."',
    )
    s = _speaker(a, "the student politician")
    assert (s.label, s.attributes["name"]) == ("named_person", "Lund")
