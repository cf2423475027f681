"""Session 30 sources fixes (invented fixtures): a full name the recogniser took for a
work's title, two bare surnames joined by "and", a recipient's name whose last word the
parse made the clause's verb, a title held "at Arms" before a full name, a show's title
in quotation marks after a preposition, praise in quotation marks beside a name, and a
relative ("his sister") the next sentence names."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources, speaker_of
from unspin.model import Analysis

Run = Callable[..., Analysis]


def _said(a: Analysis, kind: str = "attribution") -> list[tuple[str, str, str | None]]:
    """(finding text, speaker label, speaker name) of every finding of ``kind``."""
    out = []
    for f in a.by_kind(kind):
        sp = speaker_of(a, f)
        out.append((f.text, sp.label, (sp.attributes or {}).get("name")))
    return out


def test_a_full_name_that_speaks_is_no_work_of_art(run: Run) -> None:
    # the recogniser calls "Carly Dorne" a WORK_OF_ART; a work does not say anything
    a = sources(run, '"We will win," Carly Dorne said on Monday.')
    said = _said(a, "quote")
    assert said == [('"We will win,"', "named_person", "Carly Dorne")], said


def test_a_quoted_title_that_says_stays_unnamed_as_a_person(run: Run) -> None:
    # a name in quotation marks is a title: never made a person by the rule above
    a = sources(run, 'The film "Edda Lund" says the harbour was sold.')
    assert all(label != "named_person" for _, label, _ in _said(a)), _said(a)


def test_a_bare_name_telling_a_show_is_a_person_not_a_body(run: Run) -> None:
    # nothing in the text shows "Dorne" to be a body, and a body does not "tell" a show
    a = sources(run, 'Dorne told "Morning Desk" that the plan would pass.')
    said = _said(a)
    assert said == [("the plan would pass", "named_person", "Dorne")], said


def test_a_name_telling_what_it_does_itself_stays_a_body(run: Run) -> None:
    # "that it was cooperating": the teller takes itself up as "it"
    a = sources(run, "Brellburger told the Harbour Ledger that it was cooperating.")
    assert [label for _, label, _ in _said(a)] == ["named_organisation"], _said(a)


def test_two_bare_surnames_joined_by_and_both_speak(run: Run) -> None:
    a = sources(run, "Wilcox and Beruff argued that the levy was unfair.")
    said = _said(a)
    assert [(t, n) for t, _, n in said] == [("the levy was unfair", "Wilcox and Beruff")], said


def test_a_site_named_again_is_no_second_person(run: Run) -> None:
    a = sources(
        run,
        "The site Brellhub posted a story. Wilcox and Brellhub claim that the levy was "
        'unfair. "Do not be fooled," Brellhub writes.',
    )
    names = {(f.attributes or {}).get("name") for f in a.by_kind("speaker")}
    assert "Wilcox and Brellhub" not in names, names


def test_the_recipients_name_is_no_part_of_the_content(run: Run) -> None:
    # the parse reads "Leads" as the verb of the clause and hangs the clause on it
    a = sources(run, "The councillor told KXYZ Radio Leads the message was clear.")
    said = [t for t, _, _ in _said(a)]
    assert said == ["the message was clear"], said


def test_a_title_held_at_arms_is_no_first_name(run: Run) -> None:
    a = sources(
        run,
        "The gunman was shot by Sgt at Arms Kevin Tolland in the hall. "
        "Tolland said the doors had been locked.",
    )
    said = _said(a)
    assert [(t, n) for t, _, n in said] == [("the doors had been locked", "Kevin Tolland")], said


def test_a_shows_title_after_on_is_no_quotation(run: Run) -> None:
    a = sources(run, 'Edda Pilkvist, appearing on "Morning Desk," said the plan would pass.')
    assert _said(a, "quote") == [], _said(a, "quote")
    assert [t for t, _, _ in _said(a)] == ["the plan would pass"], _said(a)


def test_praise_in_quotation_marks_is_no_role(run: Run) -> None:
    a = sources(run, '"We will fight," said Edda Pilkvist, "a true leader of this harbour."')
    roles = {(f.attributes or {}).get("role") for f in a.by_kind("speaker")}
    assert roles == {None}, roles


def test_a_role_after_a_comma_is_still_a_role(run: Run) -> None:
    a = sources(run, "Edda Pilkvist, the harbour master, said the levy was unfair.")
    roles = {(f.attributes or {}).get("role") for f in a.by_kind("speaker")}
    assert roles == {"harbour master"}, roles


def test_a_relative_the_next_sentence_names_is_that_person(run: Run) -> None:
    a = sources(
        run,
        "A harbour pilot held at sea has been found alive, his sister has said. Edda "
        "Pilkvist told the Harbour Ledger that she was told of her brother's rescue today.",
    )
    said = _said(a)
    assert said[0] == ("A harbour pilot held at sea has been found alive", "named_person",
                       "Edda Pilkvist"), said  # fmt: skip


def test_a_relative_of_the_other_gender_stays_unnamed(run: Run) -> None:
    a = sources(
        run,
        "A harbour pilot held at sea has been found alive, his sister has said. Tomas "
        "Brand told the Harbour Ledger that he saw the boat.",
    )
    assert _said(a)[0][1] == "anonymous", _said(a)
