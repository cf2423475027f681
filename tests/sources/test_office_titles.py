"""A title held to an office after "the" (session 26, on an invented fixture): "Senior
Adviser to the President Tom Pell" is Tom Pell, with that title as his role, as a title
held to a body is ("Ambassador to the UN Kay Rowe"); the role was missing.
"""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, sources


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Senior Adviser to the President Tom Pell said the talks would resume.",
            "Senior Adviser to the President",
        ),
        (
            "The talks would resume, Special Envoy to the Prime Minister Kay Rowe told reporters.",
            "Special Envoy to the Prime Minister",
        ),
    ],
)
def test_a_title_held_to_an_office_is_the_named_persons(run: Run, text: str, role: str) -> None:
    speakers = sources(run, text).by_kind("speaker")
    assert [f.attributes.get("role") for f in speakers] == [role]
    assert speakers[0].attributes.get("entity_type") == "person"
