"""Speech that did not happen, and a quotation ending a sentence, get no speaker they
did not earn; an "As X said, ..." clause gives its speaker to the clause it introduces
(issue #12 point 3; seen on held-back PTC articles). Invented fixtures."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import quotes, sources
from unspin.model import Analysis, Finding

Run = Callable[..., Analysis]


def _speaker(f: Finding) -> object:
    return f.attributes.get("speaker")


def test_an_infinitive_naming_what_a_summons_is_for_is_not_speech(run: Run) -> None:
    a = sources(
        run,
        "Senator Ana Ruiz said the panel would issue a summons for Marek Olsen to testify "
        '"next month."',
    )
    (q,) = quotes(a)
    assert _speaker(q) == "Ana Ruiz"  # the one who said it, not the one to testify
    a = sources(
        run,
        "Rep. Ana Ruiz said the committee would issue a subpoena for Marek Olsen to testify "
        "\u201cnext week.\u201d",
    )
    (q,) = quotes(a)
    assert _speaker(q) == "Ana Ruiz"  # not the committee that "would" ask for testimony


def test_would_with_a_narrative_adverb_tells_what_was_said(run: Run) -> None:
    a = sources(
        run,
        'Years later, Ana Ruiz would often say that the bridge was "the best thing we ever built."',
    )
    (q,) = quotes(a)
    assert _speaker(q) == "Ana Ruiz"


def test_what_someone_may_declare_one_day_is_not_a_quotation_of_theirs(run: Run) -> None:
    a = sources(
        run,
        "We cannot rule out that the governor, Tom Brandt, may come forward one day and "
        'declare "a state of emergency" for the whole valley.',
    )
    assert all(_speaker(q) != "Tom Brandt" for q in quotes(a))
    assert not any(f.attributes.get("speaker") == "Tom Brandt" for f in a.by_kind("attribution"))


def test_a_quotation_ending_its_sentence_is_not_tagged_by_the_next_one(run: Run) -> None:
    a = sources(
        run,
        'Reed said Vance and Cole had exchanged "tens of thousands of texts." Ohio Rep. Lia '
        "Vale asked Reed when his team had discovered the message about the plan.",
    )
    (q,) = quotes(a)
    assert _speaker(q) == "Reed"


def test_a_tag_after_a_comma_still_names_the_speaker(run: Run) -> None:
    a = sources(run, '"We have exchanged thousands of texts," Lia Vale said on Monday.')
    (q,) = quotes(a)
    assert _speaker(q) == "Lia Vale"


def test_an_as_clause_speaks_for_the_clause_it_introduces(run: Run) -> None:
    a = sources(run, 'As Minister Ana Ruiz said on Monday, the bridge is "safe for every lorry."')
    (q,) = quotes(a)
    assert _speaker(q) == "Ana Ruiz"
    a = sources(
        run,
        "Peter Vance left the building on Tuesday. As his lawyer told reporters, Vance had "
        '"played by the rules," but the inquiry went on.',
    )
    (q,) = quotes(a)
    assert q.attributes["source_type"] == "anonymous"  # his lawyer: named nowhere


def test_a_rescript_or_a_bulletin_speaks_as_a_document(run: Run) -> None:
    for text in (
        "The rescript declares that the new rules apply to every parish in the region.",
        "The bulletin says that the road will stay closed until the end of the month.",
    ):
        a = sources(run, text)
        types = {f.attributes.get("source_type") for f in a.by_kind("attribution")}
        assert types == {"document"}, (text, types)


def test_a_past_verb_joined_to_a_would_clause_is_still_told(run: Run) -> None:
    a = sources(
        run,
        'Ana Ruiz "would have to ask" if her team interviewed any officials at the ministry '
        'but said "not the minister herself."',
    )
    assert [_speaker(q) for q in quotes(a)] == ["Ana Ruiz", "Ana Ruiz"]
