"""Rounds 10 and 11 of the precision audit, quotations that are no one's words: a title
given after a word that names one ('headlined "..."', 'bears the title: "..."'), a
title-case work name closing a sentence ('the set of "Stars: The Return."'), a quoted
name set after the noun it names ('the party "Friends of the River," whose leader
said'), a follow line under a byline and a quoted phrase that is the subject of what the
writer says of it. Fixtures written for this file; the near misses keep their quotation."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.sources.test_sources import attributions, quotes, sources
from unspin.model import Analysis

Run = Callable[..., Analysis]


def _quoted(a: Analysis) -> list[str]:
    text = a.document.text
    return [text[f.start : f.end] for f in quotes(a)]


@pytest.mark.parametrize(
    "text",
    [
        'The wire story on Friday headlined "Rebel chief killed in air strike" was '
        "withdrawn and no new story will be issued.",
        "A story, headlined: “Questions raised over the flood footage”, appears on the website.",
        "The clip, released by a local channel, bears the title: “Weapons dropped by "
        "planes fell in areas held by the rebels.”",
    ],
)
def test_a_title_after_a_word_naming_it_is_no_quotation(run: Run, text: str) -> None:
    assert _quoted(sources(run, text)) == []


def test_a_title_case_work_closing_a_sentence_is_no_quotation(run: Run) -> None:
    a = sources(
        run,
        "A recent report from a fan site stated that the car had been stolen from the "
        'set of "Stars v. Moons: Dawn of the Tide."\n\nThe story turned out to be fake.',
    )
    assert _quoted(a) == []


def test_a_quoted_name_after_the_noun_it_names_is_no_quotation(run: Run) -> None:
    a = sources(
        run,
        'The leader of the movement "Friends of the River," Ali Karim said that the '
        "next stop would be the northern province.",
    )
    assert _quoted(a) == []


def test_a_follow_line_is_no_quotation(run: Run) -> None:
    a = sources(
        run, "The mayor said the road would reopen.\n\n>> Follow Ann Lund (@annlund) on Twitter"
    )
    assert _quoted(a) == []


def test_a_quoted_phrase_the_writer_describes_is_no_quotation(run: Run) -> None:
    a = sources(
        run,
        'LONDON — "Frogs in the king\'s pond" may sound like an odd song title, but '
        "it is actually a fact.\n\nFrogs have been found in the pond of the palace.",
    )
    assert _quoted(a) == []


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('"We Will Win," Ali Karim said after the vote.', '"We Will Win,"'),
        ("The mayor told reporters: “The road will reopen on Monday.”", None),
        ('Ann Lund said the plan was "a disaster for the town."', None),
    ],
)
def test_real_quotations_are_kept(run: Run, text: str, quoted: str | None) -> None:
    got = _quoted(sources(run, text))
    assert len(got) == 1, got


def _speaker_text(a: Analysis, quoted: str) -> str | None:
    f = next(f for f in quotes(a) if quoted in f.text)
    ids = f.related("speaker")
    return a.get(ids[0]).text if ids else None


def test_a_quotation_heard_from_someone_is_theirs(run: Run) -> None:
    a = sources(
        run,
        "“That’s a pretty good day’s work” for just one meal, Holm said.\n\n“All I did was "
        "deliver the food,” Rob can be heard saying in this video.",
    )
    assert _speaker_text(a, "All I did") == "Rob"


def test_more_words_after_a_connective_lead_keep_their_speaker(run: Run) -> None:
    a = sources(
        run,
        'Karim told the Westby Post earlier this year: "It\'s not a biopic." Okay! So, that '
        "sets it apart from the other one. But also: \"It's not the story of his life—it's "
        'something much different."',
    )
    assert _speaker_text(a, "not the story") == "Karim"


def test_a_connective_lead_after_another_speaker_is_not_carried_over(run: Run) -> None:
    a = sources(
        run,
        'Karim told the Westby Post earlier this year: "It\'s not a biopic." Lund said she '
        "disagreed. But also: \"It's not the story of his life—it's something much different.\"",
    )
    assert _speaker_text(a, "not the story") != "Karim"


def _contents(a: Analysis) -> list[str]:
    return [f.text for f in attributions(a)]


@pytest.mark.parametrize(
    "text",
    [
        "Ann Lund will star in the new film. The director Ali Karim confirmed the decision "
        "in an interview on Friday.",
        "A spokesman for the palace confirmed the find.",
    ],
)
def test_a_pointer_object_is_no_content(run: Run, text: str) -> None:
    assert _contents(sources(run, text)) == []


def test_neither_confirming_nor_denying_is_no_denial(run: Run) -> None:
    a = sources(
        run,
        "So far, the company is playing it cool, neither confirming nor denying the "
        "existence of a new product.",
    )
    assert _contents(a) == []


def test_what_a_recording_shows_is_no_claim(run: Run) -> None:
    a = sources(run, "The video shows a man rifling through the boxes, which hold tools.")
    assert _contents(a) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The ministry denied the allegations of torture in the prison.", "allegations"),
        ("The report shows that the firm lost money last year.", "the firm lost money"),
        ("The company denied the existence of a new product.", "the existence"),
    ],
)
def test_claims_stay(run: Run, text: str, content: str) -> None:
    assert any(content in c for c in _contents(sources(run, text)))


def test_a_story_published_claiming_is_the_source(run: Run) -> None:
    a = sources(
        run,
        "A fake news story was published at a fake website this week claiming that the "
        "actor was found dead at his home.",
    )
    f = next(f for f in attributions(a) if "found dead" in f.text)
    assert f.label != "unattributed"
