"""A definite "the source" right after an unnamed source was introduced is that source,
though the text introduced another one earlier (invented fixture)."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources, speaker_of
from unspin.model import Analysis

Run = Callable[..., Analysis]


def test_the_source_is_the_one_just_introduced_after_an_earlier_one(run: Run) -> None:
    a = sources(
        run,
        "A harbour source told the Harbour Ledger that the pier was unsafe.\n\n"
        "The mayor did not answer questions on Monday.\n\n"
        "A council source told the Ledger that repairs had stopped. The source also told "
        "the paper that the contractor had left town.",
    )
    f = next(f for f in a.by_kind("attribution") if f.text.startswith("the contractor"))
    s = speaker_of(a, f)
    assert s.text == "The source", s.text
    assert s.label == "anonymous", (s.label, s.explanation.detail)
