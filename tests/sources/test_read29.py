"""Session 29 sources fixes (invented fixtures): an indefinite pronoun opening its
sentence, the gender a he or she that says nothing tells, a bare name the recogniser calls
an organisation, and where a content ends (the sayer's own deed, a sayer between a
quotation and a clause of his own, a condition opening it) and whose words a quotation
inside another speaker's content is."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources, speaker_of
from unspin.model import Analysis

Run = Callable[..., Analysis]


def _said(a: Analysis) -> list[tuple[str, str, str | None]]:
    """(attribution text, speaker label, speaker name) of every attribution."""
    out = []
    for f in a.by_kind("attribution"):
        sp = speaker_of(a, f)
        out.append((f.text, sp.label, (sp.attributes or {}).get("name")))
    return out


def test_someone_in_the_present_opening_a_sentence_reports_nothing(run: Run) -> None:
    # "someone claims that ..." in the present is anyone at all, wherever it stands
    a = sources(run, "Someone claims that the pier was sold. Online, somebody says it was.")
    assert _said(a) == [], _said(a)


def test_someone_in_the_past_is_still_a_source(run: Run) -> None:
    a = sources(run, "Someone claimed that the pier was sold to a developer.")
    assert _said(a) == [("the pier was sold to a developer", "anonymous", None)], _said(a)


def test_a_he_that_says_nothing_still_tells_the_gender(run: Run) -> None:
    # "He opened ..." stands for Brand: a later "she" is not Brand
    a = sources(
        run,
        "Tomas Brand chaired the harbour meeting on Monday. He opened it with a joke. "
        "She said the vote was rigged.",
    )
    said = _said(a)
    assert [x for x in said if x[0] == "the vote was rigged"], said
    assert all(name != "Tomas Brand" for _, _, name in said), said


def test_one_person_in_reach_is_still_resolved(run: Run) -> None:
    a = sources(
        run,
        "Tomas Brand chaired the harbour meeting. He said the vote was rigged. "
        "He added that the count was slow.",
    )
    names = [n for _, _, n in _said(a)]
    assert names == ["Tomas Brand", "Tomas Brand"], _said(a)


def test_the_one_asked_still_answers(run: Run) -> None:
    a = sources(
        run,
        "A reporter asked Edda Pilkvist about the harbour vote. She replied that it was rigged.",
    )
    assert [n for _, _, n in _said(a)] == ["Edda Pilkvist"], _said(a)


def test_a_bare_name_the_recogniser_calls_an_organisation_is_a_person(run: Run) -> None:
    # one capitalised word before "said", nothing in the text showing a body
    a = sources(run, "The harbour board met on Tuesday. Pilkvist said the ferry plan will fail.")
    assert _said(a) == [("the ferry plan will fail", "named_person", "Pilkvist")], _said(a)


def test_a_bare_name_the_text_shows_to_be_a_body_stays_an_organisation(run: Run) -> None:
    a = sources(run, "Brennvik Motor recalled its vans. Brennvik said the brakes were faulty.")
    assert [lab for _, lab, _ in _said(a)] == ["named_organisation"], _said(a)


def test_the_sayers_own_deed_after_a_thing_said_ends_the_content(run: Run) -> None:
    a = sources(
        run,
        "Tomas Brand said the mill is closed and walked out of the room. "
        "Edda Pilkvist said the bridge is unsafe and drove home.",
    )
    assert [t for t, _, _ in _said(a)] == ["the mill is closed", "the bridge is unsafe"], _said(a)


def test_a_past_verb_of_the_person_spoken_of_stays_in_the_content(run: Run) -> None:
    a = sources(run, "Tomas Brand said his brother is ill and lived with their parents until May.")
    texts = [t for t, _, _ in _said(a)]
    assert texts == ["his brother is ill and lived with their parents until May"], _said(a)


def test_a_sayer_between_a_quotation_and_a_clause_of_his_own_is_no_content(run: Run) -> None:
    # '"X," Lund said, as the crowd cheered.': the quotation is what was said, never the
    # sayer and the crowd
    for text in (
        '"The bullying," the Ledger\'s Tomas Brand said, as the crowd cheered. "The greed."',
        'The mayor read the charges. "The waste," Kestrel\'s Ann Lund said, as the hall '
        'clapped. "The delays. The noise."',
        '"The neglect," Lund said, as the crowd jeered.',
    ):
        a = sources(run, text)
        assert all(" said" not in f.text for f in a.by_kind("attribution")), _said(a)
        assert a.by_kind("quote"), text


def test_a_quotation_before_the_verb_of_its_own_subject_is_the_reporters(run: Run) -> None:
    # 'Lund told reporters that Vask "may have ..." by calling on ...': Lund's words
    a = sources(
        run,
        'Senate leader Ann Lund told reporters that Ivo Vask "may have broken the law" '
        "by calling on Norvia to hack the ministry to find deleted files.",
    )
    (q,) = a.by_kind("quote")
    assert (speaker_of(a, q).attributes or {}).get("name") == "Ann Lund", q


def test_a_condition_opening_what_was_said_stays_in_it(run: Run) -> None:
    a = sources(run, "If the port closes in winter, the ferry can still run, Tomas Brand said.")
    texts = [t for t, _, _ in _said(a)]
    assert texts == ["If the port closes in winter, the ferry can still run"], _said(a)
