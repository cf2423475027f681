"""A verb of saying bidden of an indefinite pronoun ("Someone tell the mayor that ...") is
asked for, not reported: no speaker and no attribution (invented fixtures)."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources
from unspin.model import Analysis

Run = Callable[..., Analysis]


def _sources(a: Analysis) -> list[tuple[str, str, str]]:
    return [(f.kind, f.label, f.text) for f in a.findings if f.kind in ("speaker", "attribution")]


def test_an_imperative_to_somebody_reports_nothing(run: Run) -> None:
    a = sources(
        run,
        "Somebody, anybody, explain how the council could spend so much on the pier. "
        "Someone tell the mayor that the ferry is late.",
    )
    assert _sources(a) == [], _sources(a)


def test_an_indefinite_pronoun_that_said_something_is_still_a_source(run: Run) -> None:
    a = sources(
        run,
        "Someone told the mayor that the ferry is late. "
        "I heard somebody say that the pier was closing.",
    )
    texts = [t for k, _, t in _sources(a) if k == "attribution"]
    assert texts == ["the ferry is late", "the pier was closing"], _sources(a)
