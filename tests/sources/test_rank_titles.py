"""A rank before a person noun, capitalised, with no name ("Senior Adviser to President
Tom Pell said", session 26, on an invented fixture) is a title, its holder unnamed: the
speaker was a person named "Senior Adviser". With a name after it, it is that person's
role.
"""

from __future__ import annotations

from tests.sources.test_sources import Run, sources


def test_a_rank_and_a_person_noun_alone_name_no_one(run: Run) -> None:
    text = "Senior Adviser to President Tom Pell said the talks would resume."
    speakers = sources(run, text).by_kind("speaker")
    assert [(f.text, f.label, f.attributes.get("name")) for f in speakers] == [
        ("Senior Adviser", "unresolved", None)
    ]
    assert speakers[0].attributes.get("role") == "Senior Adviser"


def test_a_rank_and_a_person_noun_before_a_name_are_its_role(run: Run) -> None:
    speakers = sources(run, "Senior Adviser Tom Pell said the talks would resume.").by_kind(
        "speaker"
    )
    assert [(f.attributes.get("name"), f.attributes.get("role")) for f in speakers] == [
        ("Tom Pell", "Senior Adviser")
    ]
