"""A definite description of someone a lede introduced without a name and named in the
very next sentence is that person (session 27, on invented fixtures; read on a real news
body, where such a description was an anonymous source though the text named him). A person
named with a role of their own is someone else, and the description stays unnamed.
"""

from __future__ import annotations

from tests.sources.test_sources import Run, sources


def _speaker(run: Run, text: str, words: str) -> tuple[str, object]:
    found = next(f for f in sources(run, text).by_kind("speaker") if f.text == words)
    return found.label, found.attributes.get("name")


def test_the_description_is_the_person_named_next(run: Run) -> None:
    text = (
        "A senior harbour engineer has issued a warning against swimming near the pier. Ali "
        "Marzouk said people must keep off the slipway, according to Harbour News. Fishing "
        "from the steps was still safe, the engineer said."
    )
    assert _speaker(run, text, "the engineer") == ("named_person", "Ali Marzouk")


def test_someone_named_with_a_role_is_someone_else(run: Run) -> None:
    text = (
        "A man was stabbed on Monday. Police chief Ann Lee said the man was in hospital. "
        "The man said he did not see the attacker."
    )
    assert _speaker(run, text, "The man") == ("anonymous", None)
