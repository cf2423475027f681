"""A "spokesperson" is an unnamed person as a "spokesman" is (a head ending in "person" or
"people" names people); it was a common noun not in the lexicon, scored 0.4 and explained
so (found by a newsroom-analyst trial)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from unspin.model import Analysis


@pytest.mark.slow
@pytest.mark.parametrize("noun", ["spokesperson", "spokesman", "spokeswoman"])
def test_a_spokesperson_is_an_unnamed_person(run: Callable[..., Analysis], noun: str) -> None:
    analysis = run(f"A {noun} said the ferry would sail again on Friday.", "sources")
    (speaker,) = analysis.by_kind("speaker")
    assert speaker.text == f"A {noun}"
    assert speaker.label == "anonymous"
    assert speaker.explanation.rule == "speaker.unnamed-person"
    assert speaker.attributes["type_reason"] == f"unnamed person ({noun})"
