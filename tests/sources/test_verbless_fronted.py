"""A phrase fronted before a verb of saying with no verb and no subject of its own
describes the sayer; it is not what the sayer said (invented fixtures)."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources
from unspin.model import Analysis

Run = Callable[..., Analysis]


def _contents(a: Analysis) -> list[str]:
    return [f.text for f in a.by_kind("attribution")]


def test_a_description_of_the_sayer_is_no_content(run: Run) -> None:
    a = sources(
        run,
        "Not shy -- nor apparently trying to hide -- Tolland responded using his own "
        "phone. He wrote that he would come in on Monday.",
    )
    assert _contents(a) == ["he would come in on Monday"], _contents(a)


def test_a_fronted_clause_with_a_subject_or_a_verb_stays_content(run: Run) -> None:
    for text, content in (
        ("More talks needed, the minister said.", "More talks needed"),
        ("The plan would fail, Tolland said.", "The plan would fail"),
    ):
        assert _contents(sources(run, text)) == [content], text


def test_a_quoted_fronted_phrase_stays_a_quotation(run: Run) -> None:
    a = sources(run, '"So sad to hear the news," said the Harbour Ledger in a statement.')
    quotes = [f.text for f in a.by_kind("quote")]
    assert quotes == ['"So sad to hear the news,"'], quotes
