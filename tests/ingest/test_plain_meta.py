"""A plain text's first lines give its title and author, as its blocks read them: a
headline line is the title, a "By ..." line the author (without the role or outlet after a
comma or bar); a text that opens with a paragraph (a post) has neither. Fixtures written
for this file."""

from __future__ import annotations

from pathlib import Path

import pytest

from unspin.ingest import load_path
from unspin.ingest.plain import plain_meta
from unspin.model import Document

ARTICLE = (
    "Council Votes to Close Three Libraries\n\n"
    "By Ann Roe, Staff Writer\n\n"
    "The city council voted on Tuesday to close three branch libraries, officials said. "
    "The branches will shut in March.\n"
)


def test_a_text_file_takes_its_title_and_author_from_its_first_lines(tmp_path: Path) -> None:
    path = tmp_path / "libraries.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,) = list(load_path(path))
    assert isinstance(doc, Document)
    assert doc.title == "Council Votes to Close Three Libraries"
    assert doc.author == "Ann Roe"
    assert doc.text.startswith("Council Votes")  # the text itself is unchanged


@pytest.mark.parametrize(
    ("text", "meta"),
    [
        # a post: one paragraph, no headline
        ("just saw the council vote to close three libraries. shameful!!", {}),
        ("The council met on Tuesday. It voted to close three libraries.\n\nMore soon.", {}),
        # an author with the outlet after a bar, and a long first paragraph after it
        (
            "Three Libraries to Close\nBy Ann Roe and Tom Pell | The Ledger\n\n"
            + "The council voted to close three libraries. " * 200,
            {"title": "Three Libraries to Close", "author": "Ann Roe and Tom Pell"},
        ),
    ],
)
def test_plain_meta(text: str, meta: dict[str, str]) -> None:
    assert plain_meta(text) == meta
