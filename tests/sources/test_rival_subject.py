"""A "they" whose nearest named group sits in a subordinate clause while the main clause
of that sentence has a plural subject of its own stays unresolved, not guessed (read in
PTC articles: "They warn" credited to the group named inside a relative clause, where
the main clause's subject was the one warning). Fixtures invented for this file."""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, sources


def _they(run: Run, text: str) -> tuple[str, str | None, str]:
    analysis = sources(run, text)
    they = [f for f in analysis.by_kind("speaker") if f.text == "They"]
    assert len(they) == 1, [f.text for f in analysis.by_kind("speaker")]
    return they[0].label, they[0].attributes.get("name"), they[0].explanation.detail


@pytest.mark.parametrize(
    ("text", "rival"),
    [
        (
            "Scholars write about towns in which families believe what they are told "
            "by the Greens. They warn that trust in councils is falling.",
            "Scholars",
        ),
        (
            "The claims were rejected by city officials who said the Greens are trying to "
            "stall the vote. They said the Greens never met the auditors.",
            "The claims",
        ),
    ],
)
def test_they_contested_by_the_main_subject_stays_unresolved(
    run: Run, text: str, rival: str
) -> None:
    label, name, detail = _they(run, text)
    assert label == "unresolved" and name is None
    assert f'"{rival}" (the main subject there)' in detail


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Greens say the plan is weak. They warn that costs will rise.", "Greens"),
        # a singular main subject raises no doubt
        ("The council met the Greens on Monday. They said costs will rise.", "Greens"),
    ],
)
def test_they_of_the_main_subject_or_with_no_plural_rival_is_resolved(
    run: Run, text: str, name: str
) -> None:
    label, got, _ = _they(run, text)
    assert label != "unresolved" and got == name
