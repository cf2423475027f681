"""A "that" clause hung by the parse on the person a document was sent to is the
document's (link audit round 3, quote_drift/18: a department's letter to a senator,
"that contended ...", was credited to the senator); a person's own "who" clause, and a
"that" clause with no document above the person, stay the person's."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.sources.test_sources import sources
from unspin.model import Analysis

Run = Callable[..., Analysis]


def _speakers(a: Analysis) -> list[tuple[str, str]]:
    return [(f.text, f.label) for f in a.by_kind("speaker")]


def _quote_speaker(a: Analysis) -> tuple[str, str]:
    quotes = a.by_kind("quote")
    assert len(quotes) == 1, [(f.text, f.label) for f in quotes]
    ids = {r.target for r in quotes[0].relations if r.role == "speaker"}
    spk = next(f for f in a.by_kind("speaker") if f.id in ids)
    return spk.text, spk.label


@pytest.mark.parametrize(
    ("text", "letter"),
    [
        (
            "The review cites a 2019 letter from the ministry to Sen. Ada Pell, Ohio "
            'Democrat, that contended the agency "has not been and is not planning to sell '
            'the land."',
            "a 2019 letter from the ministry",
        ),
        (
            "The report cites a letter from the department to Sen. Ada Pell that said the "
            'agency "will not sell the land."',
            "a letter from the department",
        ),
    ],
)
def test_a_letters_that_clause_is_the_letters_not_its_addressees(
    run: Run, text: str, letter: str
) -> None:
    a = sources(run, text)
    assert _quote_speaker(a) == (letter, "document")
    assert [s for s in _speakers(a) if "Pell" in s[0]] == []


def test_a_who_clause_after_a_person_stays_the_persons(run: Run) -> None:
    a = sources(
        run,
        'The senator wrote to Ada Pell, who said the agency "will not sell the land."',
    )
    assert _quote_speaker(a) == ("Ada Pell", "named_person")


def test_a_that_clause_with_no_document_above_stays_the_persons(run: Run) -> None:
    a = sources(
        run,
        'She met a man from the ministry that said the agency "will not sell the land."',
    )
    assert _quote_speaker(a)[0] == "a man from the ministry"
