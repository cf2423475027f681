"""Attribution content spans cut inside a word or run on into the writer's remark, and a
noun the parser read as a verb of saying (audit round 6 on FNC-1 news bodies). Invented
fixtures."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.sources.test_sources import attributions, sources
from unspin.model import Analysis

Run = Callable[..., Analysis]


def _contents(a: Analysis) -> list[str]:
    return [f.text for f in attributions(a)]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "But activists who watch the war from inside the country said U.S.-led planes "
            "hit several targets near the town on Friday.",
            "U.S.-led planes hit several targets near the town on Friday",
        ),
        (
            "A ministry spokesman told reporters on Friday that the U.S. does co-ordinate "
            "with the allied air force as they fly missions.",
            "the U.S. does co-ordinate with the allied air force as they fly missions",
        ),
        (
            "The mayor said pro-government groups had re-entered the town.",
            "pro-government groups had re-entered the town",
        ),
    ],
)
def test_content_is_not_cut_inside_a_hyphenated_word(run: Run, text: str, content: str) -> None:
    assert _contents(sources(run, text)) == [content]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Answering a question, he said that the phone will have more features added over "
            "time, although it sounds like these will be limited at first.",
            "the phone will have more features added over time",
        ),
        (
            "In the event, the company said that the phone will go on sale in early 2015 "
            "without specifying a definite time frame.",
            "the phone will go on sale in early 2015",
        ),
    ],
)
def test_content_stops_before_the_writers_remark(run: Run, text: str, content: str) -> None:
    assert _contents(sources(run, text)) == [content]


def test_content_keeps_a_without_clause_of_its_own(run: Run) -> None:
    a = sources(run, "The mayor said the town would cope without giving up its budget.")
    assert _contents(a) == ["the town would cope without giving up its budget"]


def test_a_noun_read_as_a_verb_of_saying_reports_nothing(run: Run) -> None:
    text = "The phone reveal back in May was big on excitement, but short on details."
    assert _contents(sources(run, text)) == []


def test_a_verb_of_saying_after_a_collective_noun_is_still_reported(run: Run) -> None:
    a = sources(run, "The team reveal that the coach was leaving.")
    assert _contents(a) == ["the coach was leaving"]


def test_by_saying_after_others_words_is_said_by_the_main_subject(run: Run) -> None:
    text = (
        "Finally, he addressed the reports that the new card could be available in Europe "
        "soon by saying that the firm aimed for this to be the case before the end of the year."
    )
    a = sources(run, text)
    (f,) = attributions(a)
    assert f.text == "the firm aimed for this to be the case before the end of the year"
    assert a.get(f.related("speaker")[0]).text == "he"


def test_a_thing_found_is_part_of_the_content(run: Run) -> None:
    text = (
        "In July, members of a local militia told the paper they were concerned because "
        "they had found what they thought was a strange rug in the desert."
    )
    assert _contents(sources(run, text)) == [
        "they were concerned because they had found what they thought was a strange rug in "
        "the desert"
    ]


def test_a_finding_of_its_own_is_still_cut_off(run: Run) -> None:
    text = "The police said the road was closed, while the court found that it was open."
    assert _contents(sources(run, text))[0] == "the road was closed"


def test_alleged_as_an_adjective_on_links_reports_nothing(run: Run) -> None:
    text = (
        "Lund is said to know a former suspect who fled abroad in 2006 and has alleged "
        "links to the funding of a militant group."
    )
    a = sources(run, text)
    assert [f for f in attributions(a) if f.attributes.get("verb") == "allege"] == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "The lawsuit has alleged that the firm hid losses from investors.",
            "the firm hid losses from investors",
        ),
        ("The lawsuit has alleged fraud by the firm's managers.", "fraud by the firm's managers"),
    ],
)
def test_alleged_as_a_verb_is_still_reported(run: Run, text: str, content: str) -> None:
    assert _contents(sources(run, text)) == [content]
