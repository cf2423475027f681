""" "The paper" after a newspaper is named is that newspaper, and a name with its own
article right after a media noun is an outlet's (session 27, on invented fixtures; read
on a real news body, where "the paper" was typed a document with no name and "weekly
newspaper The Harbour Ledger" an organisation). A paper with no newspaper named
before stays a document.
"""

from __future__ import annotations

from tests.sources.test_sources import Run, sources


def _speakers(run: Run, text: str) -> list[tuple[str, str, object]]:
    return [
        (f.text, f.label, f.attributes.get("name")) for f in sources(run, text).by_kind("speaker")
    ]


def test_the_paper_is_the_newspaper_named_before(run: Run) -> None:
    text = (
        "On Tuesday, the regional newspaper The Harbour Ledger added a new twist, reporting "
        "that the mayor was in hospital. The paper said that he was still there."
    )
    found = _speakers(run, text)
    assert found[0][:2] == ("The Harbour Ledger", "media_outlet"), found
    assert found[-1] == ("The paper", "media_outlet", "Harbour Ledger"), found


def test_the_paper_a_few_paragraphs_on(run: Run) -> None:
    filler = " ".join(
        f"The harbour wall on the east side of the bay was rebuilt in stage {n} of the plan."
        for n in range(1, 7)
    )
    text = (
        "On Tuesday, the regional newspaper The Harbour Ledger reported that the mayor was "
        f"in hospital.\n\n{filler}\n\nThe paper said that he was still there."
    )
    assert _speakers(run, text)[-1] == ("The paper", "media_outlet", "Harbour Ledger")


def test_a_paper_with_no_newspaper_before_stays_a_document(run: Run) -> None:
    text = "The study by Ann Lee was published on Monday. The paper said that costs rose."
    assert ("The paper", "document", None) in _speakers(run, text)
