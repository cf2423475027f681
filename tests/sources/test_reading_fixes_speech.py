"""More findings a fact-checker read as wrong on held-back PTC articles (issue #12 point
3), each reproduced on an invented fixture: the recipient of "told" inside the reported
content, the head of a reduced relative clause inside the speaker, speech found in a
byline, a quotation after "ruled that,"."""

from __future__ import annotations

from collections.abc import Callable

from tests.sources.test_sources import attributions, sources
from unspin.model import Analysis

Run = Callable[..., Analysis]


def test_the_recipient_of_told_is_not_part_of_the_content(run: Run) -> None:
    a = sources(
        run, "After court, Brandt told reporters Vale had threatened to sue him for defamation."
    )
    (att,) = attributions(a)
    assert att.text == "Vale had threatened to sue him for defamation"
    assert att.attributes["speaker"] == "Brandt"
    # a subject that is a common noun phrase stays whole
    a = sources(run, "Brandt said city officials had threatened to sue him.")
    assert [f.text for f in attributions(a)] == ["city officials had threatened to sue him"]
