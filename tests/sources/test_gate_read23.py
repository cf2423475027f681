"""Wrong attributions found reading held-back PTC gate articles' reports in Chromium
(session 23), each reproduced on an invented fixture: a disclosure verb's "what" clause
("revealed what journalists should have revealed") is the thing disclosed, no reported
claim; a verb joined to a reported "there was ..." clause with no subject of its own
("said there was doubt ..., and sent the case to court") is the speaker's act, not part
of what was said; a quoted word closing a phrase that opens the sentence ("As for her
"intent," X said ...") is the topic X talks about, not X's words; a content clause whose
subject the parser made the verb's object ("argued her actions ... don't match") starts
at that subject."""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, sources


def _contents(run: Run, text: str) -> list[str]:
    return [f.text for f in sources(run, text).by_kind("attribution")]


@pytest.mark.parametrize(
    "text",
    [
        "The site has revealed what reporters should have revealed years ago.",
        "The report disclosed what the agency had spent on the program.",
    ],
)
def test_a_disclosed_what_clause_is_no_reported_claim(run: Run, text: str) -> None:
    assert _contents(run, text) == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The audit revealed that the agency had spent too much.",
            "the agency had spent too much",
        ),
        (
            "The memo revealed how the agency had spent the money.",
            "how the agency had spent the money",
        ),
    ],
)
def test_a_disclosed_that_or_how_clause_stays_reported(run: Run, text: str, content: str) -> None:
    assert _contents(run, text) == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The insurer said there was great doubt about who the rightful holder was, and "
            "sent the decision to the courts on April 14.",
            "there was great doubt about who the rightful holder was",
        ),
        ("Lund said there were few jobs and seemed worried.", "there were few jobs"),
    ],
)
def test_a_verb_joined_to_a_there_clause_is_the_speakers_act(
    run: Run, text: str, content: str
) -> None:
    assert _contents(run, text) == [content]


def test_a_verb_joined_to_a_clause_with_a_real_subject_stays_reported(run: Run) -> None:
    text = "Lund said prices rose in May, and fell again in June."
    assert _contents(run, text) == ["prices rose in May, and fell again in June"]


def _quotes(run: Run, text: str) -> list[str]:
    return [f.text for f in sources(run, text).by_kind("quote")]


@pytest.mark.parametrize(
    "text",
    [
        "As for the question of her \u201cmotive,\u201d Ana Lund said it arose in 2015.",
        'On the matter of "fairness," Ana Lund said the rules were clear.',
    ],
)
def test_a_quoted_topic_in_a_fronted_phrase_is_no_quotation(run: Run, text: str) -> None:
    assert _quotes(run, text) == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ('"It was fair," Ana Lund said on Monday.', '"It was fair,"'),
        ('In the end, "a disgrace," Ana Lund said.', '"a disgrace,"'),
    ],
)
def test_a_quotation_before_its_speaker_stays_a_quotation(run: Run, text: str, quote: str) -> None:
    assert _quotes(run, text) == [quote]


def test_a_subject_parsed_as_the_verbs_object_opens_the_content(run: Run) -> None:
    # the parser makes "her actions in some cases" the object of "argued"
    text = (
        "While she has condemned fraud, some have argued her actions in some cases "
        "don\u2019t match her tough stances on fraud."
    )
    assert _contents(run, text) == [
        "her actions in some cases don\u2019t match her tough stances on fraud"
    ]


def test_a_recipient_of_told_stays_out_of_the_content(run: Run) -> None:
    assert _contents(run, "Ana Lund told reporters the plan had failed.") == ["the plan had failed"]
