"""A subject pronoun carries its referent on to the next pronoun of the chain."""

from __future__ import annotations

import pytest

import unspin

TEXT = (
    "Karl Lund, in a 2012 blog post, said that he was an admirer of Mr. Berg.\n"
    "He reaffirmed that he admired Mr. Berg in an interview on Friday, though he said "
    'that the things the minister says about farmers "sometimes make me shudder."\n'
)


@pytest.mark.slow
def test_pronoun_follows_the_subject_pronoun_not_the_name_it_mentions() -> None:
    analysis = unspin.analyze(TEXT, {"pipeline": {"analyzers": ["sources"]}})
    quote = next(f for f in analysis.by_kind("quote") if "shudder" in f.text)
    assert quote.attributes["speaker"] == "Karl Lund"
    assert "pronoun he -> Karl Lund" in quote.explanation.detail
