"""Quotations a reader can trust (issue #12, point 7): titles and weak partial quotes.

The precision audit found book titles and headlines in quotation marks, and single words
in quotation marks after "a" or "the" (terms, scare quotes), reported as quotations.
Every fixture is invented text.
"""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, quotes, sources
from unspin.analyzer import analyzer_class
from unspin.config import Config
from unspin.model import Document
from unspin.nlp import Backbone
from unspin.pipeline import Pipeline


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Kim Roe, who wrote the book “Black Rivers of the Northern Plains,” said the dam was old.",
        "The site ran a story, “Council Admits To Hiding 2019 Flood Reports,” on Monday.",
        # "the author of" names a work too (a gate article's book was a quotation)
        "Ana Vik, the author of “Salt Roads of the Eastern Coast,” said trade fell.",
        "Its co-author of “The Long Night,” Ben Roe, spoke first.",
    ],
)
def test_a_title_in_quotation_marks_is_not_a_quotation(run: Run, text: str) -> None:
    assert quotes(sources(run, text)) == []


@pytest.mark.slow
def test_title_case_words_with_a_speaker_named_after_them_are_a_quotation(run: Run) -> None:
    (q,) = quotes(sources(run, "“We Will Win Again,” she said after the vote."))
    assert q.text == "“We Will Win Again,”"


@pytest.mark.slow
def test_a_weak_partial_quote_is_left_out_and_counted_unless_all_candidates(
    backbone: Backbone,
) -> None:
    text = "Kim Roe said the ruling was a “search” of the home. “It was wrong,” she said."

    def run_with(**options: object) -> tuple[list[str], object]:
        sources = analyzer_class("sources")(**options)
        pipeline = Pipeline(Config(analyzers=("sources",)), backbone=backbone, analyzers=[sources])
        analysis = pipeline.analyze(Document(text))
        found = [f.text for f in analysis.by_kind("quote")]
        return found, analysis.summaries["sources"]["quotes_under_min_score"]

    assert run_with() == (["“It was wrong,”"], 1)
    found, weak = run_with(all_candidates=True)
    assert found == ["“search”", "“It was wrong,”"] and weak == 0
    assert run_with(min_quote_score=0.0)[0] == found


@pytest.mark.slow
def test_a_nested_quote_without_a_speaker_of_its_own_shows_only_among_candidates(
    backbone: Backbone,
) -> None:
    # a gate article's interviewee imagined others saying '...': the inner words were
    # listed as an unattributed quotation beside the outer one that holds them
    text = "“Clerks will copy it, [saying] ‘If the mayor can do it, why not me?’” Kim Roe said."

    def run_with(**options: object) -> list[tuple[str, str]]:
        sources = analyzer_class("sources")(**options)
        pipeline = Pipeline(Config(analyzers=("sources",)), backbone=backbone, analyzers=[sources])
        return [(f.text, f.label) for f in pipeline.analyze(Document(text)).by_kind("quote")]

    outer = (text[: text.index("”") + 1], "named_person")
    assert run_with() == [outer]
    assert run_with(all_candidates=True) == [
        outer,
        ("‘If the mayor can do it, why not me?’", "unattributed"),
    ]
