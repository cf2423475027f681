"""Wrong speakers found reading PTC articles' reports (session 25), each reproduced on an
invented fixture:

- a title held to a body ("US Ambassador to the UN Kay Rowe") is the title of the person
  named after the body, even where the recogniser runs the body and the name together
  into one organisation ("the UN Kay Rowe").
"""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, sources


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "US Ambassador to the UN Kay Rowe, the most outspoken critic of the deal, told "
            "WBC that the vote was a mistake.",
            "Kay Rowe",
            "US Ambassador to the UN",
        ),
        (
            "Ambassador to the UN Kay Rowe told reporters that the vote was a mistake.",
            "Kay Rowe",
            "Ambassador to the UN",
        ),
        (
            "Special Envoy to the UN Tom Pell said the talks failed.",
            "Tom Pell",
            "Special Envoy to the UN",
        ),
        (
            "Ambassador to the United Nations Kay Rowe told reporters that the vote was a mistake.",
            "Kay Rowe",
            "Ambassador to the United Nations",
        ),
    ],
)
def test_a_title_held_to_a_body_is_the_named_persons(
    run: Run, text: str, name: str, role: str
) -> None:
    speakers = sources(run, text).by_kind("speaker")
    assert [(f.attributes.get("name"), f.attributes.get("role")) for f in speakers] == [
        (name, role)
    ]
    assert speakers[0].attributes.get("entity_type") == "person"
