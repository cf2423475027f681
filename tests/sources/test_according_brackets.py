"""An "according to" inside brackets gives the source of what the brackets hold, not of
the sentence around them (invented fixtures)."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import sources
from unspin.model import Analysis

Run = Callable[..., Analysis]


def _according(a: Analysis) -> list[str]:
    return [
        f.text
        for f in a.by_kind("attribution")
        if f.explanation is not None and "according" in f.explanation.rule
    ]


def test_according_to_in_brackets_covers_the_brackets_only(run: Run) -> None:
    a = sources(
        run,
        "A quiet mode isn't new, but given doubts about the battery life of the Harbour "
        "Phone (about a day, according to Varncorp), a reserve mode could save the device.",
    )
    assert _according(a) == ["about a day"], _according(a)


def test_a_sentence_in_brackets_is_still_the_whole_content(run: Run) -> None:
    a = sources(run, "(The ferry was late, according to the port.) It sailed at noon.")
    assert _according(a) == ["The ferry was late"], _according(a)


def test_according_to_outside_brackets_keeps_its_clause(run: Run) -> None:
    a = sources(run, "The ferry (a new one) was late, according to the port.")
    assert _according(a) == ["The ferry (a new one) was late"], _according(a)
