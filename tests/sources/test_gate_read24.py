"""Wrong speakers found reading PTC articles' reports (session 24), each reproduced on
an invented fixture: "the Nuncio" is a church title, a person whose name the text does
not give, not an organisation."""

from __future__ import annotations

import pytest

from tests.sources.test_sources import Run, sources


@pytest.mark.parametrize("title", ["Nuncio", "Monsignor", "Legate"])
def test_a_church_title_after_the_is_a_person_unnamed(run: Run, title: str) -> None:
    text = f"“Ah,” the {title} said to me, “now it is impossible.”"
    speakers = sources(run, text).by_kind("speaker")
    assert [f.label for f in speakers] == ["unresolved"], [(f.text, f.label) for f in speakers]
    assert speakers[0].attributes.get("entity_type") == "person"
    assert speakers[0].attributes.get("role") == title
