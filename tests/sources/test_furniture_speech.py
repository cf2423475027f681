"""Page furniture (a poll, a teaser of another article, "Read more: ...") holds no one's
words in the article: no quotation, attribution or speaker is found in it, and a lead-in's
colon that runs into it reports nothing (invented fixtures)."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources
from unspin.model import Analysis

Run = Callable[..., Analysis]

TEXT = (
    "The pier of Varn was sold on Monday. The Harbour Ledger reports:\n"
    "take our poll - story continues below\n"
    "Whom do you consider the best mayor of Varn?\n"
    "Whom do you consider the best mayor of Varn?\n"
    "The buyer will pay $4 million, the mayor said.\n"
    'Read more: Mayor Vell says "the pier is safe" after storm'
)


def test_no_speech_in_page_furniture(run: Run) -> None:
    a = sources(run, TEXT)
    said = [f.text for f in a.by_kind("attribution")]
    assert said == ["The buyer will pay $4 million"], said
    assert [f.text for f in a.by_kind("quote")] == []
    assert all("Vell" not in f.text and "Ledger" not in f.text for f in a.by_kind("speaker"))
