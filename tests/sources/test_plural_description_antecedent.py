"""A plural definite description the text ties to no name is what a "they" right after it
stands for (session 27, on invented fixtures; read on a real news body): in "The volunteers
noted ... They also said ..." the pronoun took an unnamed group two sentences back. A
singular description ("the lawmaker") is left as it was: a "he" after it mostly goes on
to the person named before.
"""

from __future__ import annotations

from tests.sources.test_sources import Run, sources


def test_they_takes_up_the_plural_description_just_before(run: Run) -> None:
    text = (
        "Neighbours and friends posted their worries online. The volunteers noted that "
        'she was not on the boat. They also said "it is pure invention".'
    )
    quote = sources(run, text).by_kind("quote")[0]
    assert quote.attributes["source_type"] == "unresolved"
    assert "The volunteers" in quote.explanation.detail
    assert "Neighbours" not in quote.explanation.detail


def test_a_singular_description_still_lets_he_go_on_to_the_name(run: Run) -> None:
    text = (
        "Tom Pell spoke in Harbour on Monday. The lawmaker said he wants an inquiry. "
        '"It has not happened," he said.'
    )
    quote = sources(run, text).by_kind("quote")[0]
    assert quote.attributes["speaker"] == "Tom Pell"
