"""A body's generic noun as a speaker (session 26, on invented fixtures): "the union",
"the company" take up only a body named just before that the noun may call so; "the
union said" after "Brenmark Steel" stays the union, unnamed (it was the company), and
"the company" after a union and a company is the company. "The group" is any body.
"""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, sources


def _names(run: Run, text: str, speaker: str) -> list[object]:
    found = [f for f in sources(run, text).by_kind("speaker") if f.text == speaker]
    return [f.attributes.get("name") for f in found]


@pytest.mark.parametrize(
    ("text", "speaker", "name"),
    [
        # no union named: the union itself, unnamed
        (
            "Brenmark Steel will close its plant in May. The decision was a mistake, "
            "the union said.",
            "the union",
            "the union",
        ),
        # a union named: no company
        (
            "The Steelworkers Union met in May. The company said the decision was final.",
            "The company",
            "the company",
        ),
        # a company and a union named: each noun takes up its own
        (
            "Brenmark Steel signed a deal with the Steelworkers Union. The company said "
            "the deal was fair.",
            "The company",
            "Brenmark Steel",
        ),
        (
            "Brenmark Steel signed a deal with the Steelworkers Union. The union said the "
            "deal was fair.",
            "The union",
            "Steelworkers Union",
        ),
        # any body is a group
        (
            "Brenmark Steel will close its plant in May. The group said the decision was final.",
            "The group",
            "Brenmark Steel",
        ),
    ],
)
def test_a_body_noun_takes_up_only_a_body_of_its_kind(
    run: Run, text: str, speaker: str, name: str
) -> None:
    assert _names(run, text, speaker) == [name]
