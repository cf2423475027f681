"""Finding a mark's quote again: exact, moved, disambiguated by context, fuzzy; and the
finding it attaches to."""

from __future__ import annotations

import sys

import pytest

from unspin.model import Explanation, Finding
from unspin.reviews import Anchor, anchor_in, attach, locate

TEXT = "The dam holds water. Prices rose 40% in 2023. Rents rose 40% in 2024."


def finding(
    text: str, start: int, end: int, kind: str = "claim", label: str = "numeric"
) -> Finding:
    return Finding(
        id=Finding.make_id("test", kind, label, start, end),
        kind=kind,
        label=label,
        start=start,
        end=end,
        text=text[start:end],
        score=0.9,
        analyzer="test",
        analyzer_version="1",
        explanation=Explanation(rule="test"),
    )


def test_quote_at_its_old_offsets_is_exact() -> None:
    start = TEXT.index("Prices")
    anchor = Anchor.of(TEXT, start, start + len("Prices rose 40% in 2023."))
    found = locate(TEXT, anchor)
    assert found is not None and found.method == "exact"
    assert (found.start, found.end) == (anchor.start, anchor.end)


def test_an_edit_before_the_quote_shifts_it_and_it_is_found_moved() -> None:
    start = TEXT.index("Prices")
    anchor = Anchor.of(TEXT, start, start + 24)
    edited = "A new first sentence, longer than before. " + TEXT
    found = locate(edited, anchor)
    assert found is not None and found.method == "moved"
    assert edited[found.start : found.end] == anchor.quote
    assert found.start == start + len("A new first sentence, longer than before. ")


def test_a_repeated_quote_is_told_apart_by_its_context() -> None:
    second = TEXT.index("40%", TEXT.index("Rents"))
    anchor = Anchor.of(TEXT, second, second + 3)
    edited = "Intro. " + TEXT  # both "40%" move; the one after "Rents rose " is meant
    found = locate(edited, anchor)
    assert found is not None and found.method == "context"
    assert found.start == second + len("Intro. ")


def test_a_short_quote_without_any_of_its_context_is_not_pinned_elsewhere() -> None:
    anchor = Anchor(quote="40%", before="Wages fell ", after=" last", start=3, end=6)
    assert locate(TEXT, anchor) is None


def test_an_edited_quote_is_found_fuzzily() -> None:
    pytest.importorskip("rapidfuzz")
    start = TEXT.index("Prices")
    anchor = Anchor.of(TEXT, start, start + 24)
    edited = TEXT.replace("Prices rose 40% in 2023.", "Prices rose 40 % in 2023.")
    found = locate(edited, anchor)
    assert found is not None and found.method == "fuzzy" and found.score >= 0.85
    assert edited[found.start : found.end].startswith("Prices rose 40")


def test_without_rapidfuzz_an_edited_quote_is_not_found(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "rapidfuzz", None)
    start = TEXT.index("Prices")
    anchor = Anchor.of(TEXT, start, start + 24)
    edited = TEXT.replace("Prices rose 40% in 2023.", "Prices rose 40 % in 2023.")
    assert locate(edited, anchor) is None


def test_a_quote_is_attached_to_the_finding_of_its_kind_that_covers_it() -> None:
    start = TEXT.index("Prices")
    claim = finding(TEXT, start, start + 24)
    quantity = finding(TEXT, start + 12, start + 15, kind="quantity", label="percent")
    other = finding(TEXT, 0, 20)
    state = anchor_in(
        TEXT, [other, quantity, claim], Anchor.of(TEXT, start, start + 24), "claim", "numeric"
    )
    assert state.finding == claim and not state.orphan
    # a finding of another kind never takes the mark
    assert attach(state.located, "hedge", "x", [claim, quantity]) is None


def test_a_removed_quote_is_an_orphan() -> None:
    start = TEXT.index("Prices")
    anchor = Anchor.of(TEXT, start, start + 24)
    edited = TEXT.replace("Prices rose 40% in 2023. ", "")
    state = anchor_in(edited, [finding(edited, 0, 20)], anchor, "claim", "numeric")
    assert state.orphan and state.located is None and state.state == "orphan"
