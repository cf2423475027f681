"""More findings a fact-checker read as wrong on held-back PTC articles (issue #12 point
3), each reproduced on an invented fixture: the recipient of "told" inside the reported
content, the head of a reduced relative clause inside the speaker, speech found in a
byline, a quotation after "ruled that,"."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import attributions, quotes, sources, speaker_of
from unspin.model import Analysis

Run = Callable[..., Analysis]


def test_the_recipient_of_told_is_not_part_of_the_content(run: Run) -> None:
    a = sources(
        run, "After court, Brandt told reporters Vale had threatened to sue him for defamation."
    )
    (att,) = attributions(a)
    assert att.text == "Vale had threatened to sue him for defamation"
    assert att.attributes["speaker"] == "Brandt"
    # a subject that is a common noun phrase stays whole
    a = sources(run, "Brandt said city officials had threatened to sue him.")
    assert [f.text for f in attributions(a)] == ["city officials had threatened to sue him"]


def test_the_head_of_a_reduced_relative_clause_is_not_the_speaker(run: Run) -> None:
    a = sources(
        run,
        "The son wrote that the policy was void, a claim Ortega’s attorney said would have "
        "cost her the house.",
    )
    said = [f for f in attributions(a) if f.text == "would have cost her the house"]
    (att,) = said
    assert speaker_of(a, att).text == "Ortega’s attorney"
    assert att.label == "anonymous"


def test_a_byline_block_holds_no_reported_speech(run: Run) -> None:
    a = sources(
        run,
        "The council met on Monday.\n"
        "“Velmora Admits To Funding Harbor Smugglers,” by Ana Ruiz, Velmora Herald, "
        "June 8, 2018:\n"
        "Officials in Velmora said the port was closed.",
    )
    assert [f.text for f in attributions(a)] == ["the port was closed"]
    assert [f.text for f in a.by_kind("speaker")] == ["Officials in Velmora"]
    assert a.by_kind("quote") == []


def test_a_quotation_after_ruled_that_is_the_judges(run: Run) -> None:
    a = sources(
        run,
        "Judge Mara Quist heard the case in May. Later the judge ruled that, “The buyer as "
        "the owner of the boat has the right to sell it.”",
    )
    (q,) = quotes(a)
    assert q.attributes["speaker"] == "Mara Quist"
    assert speaker_of(a, q).text == "the judge"
    # no clause, nothing reported: "ruled out", "ruled the country"
    a = sources(run, "The court ruled out a new trial. “We are pleased,” a spokesman said.")
    assert [q.attributes["source_type"] for q in quotes(a)] == ["anonymous"]
    a = sources(run, "The judge ruled that the policy was void.")
    assert attributions(a) == []
    # a few quoted words inside the ruling's clause are not the judge's quotation
    a = sources(run, 'The court ruled that it could not accept "public order" as a reason.')
    assert all(q.attributes["speaker"] is None for q in quotes(a))
