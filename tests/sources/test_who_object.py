"""The person a "who" clause takes up when the phrase it hangs on is the verb's (session 27,
on invented fixtures): in "they questioned fishermen at a cafe who claimed to have heard
it" the parse hangs "who claimed" on "cafe", and the cafe was the source; the fishermen
are, being the verb's object before the phrase. A phrase on a person stays as it was.
"""

from __future__ import annotations

from tests.sources.test_sources import Run, sources


def _speakers(run: Run, text: str) -> list[str]:
    return [f.text for f in sources(run, text).by_kind("speaker")]


def test_who_takes_up_the_verbs_object_before_the_phrase(run: Run) -> None:
    text = "Rangers questioned fishermen at a riverside cafe who claimed to have heard it."
    found = _speakers(run, text)
    assert "fishermen" in found and "a riverside cafe" not in found, found


def test_who_on_a_person_in_the_phrase_is_unchanged(run: Run) -> None:
    text = "She visited the plant at dawn with a guard who said it was closed."
    assert "a guard" in _speakers(run, text)
