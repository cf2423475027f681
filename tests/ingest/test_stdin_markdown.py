"""Piped input that opens as Markdown does (a "# " heading, front matter) is read as a
``.md`` file is: a social post exported as Markdown gave the title "# Flood update" and
the speaker "**Officials*" with its emphasis marks (found by a trust-and-safety batch
trial). Text that opens otherwise, a hashtag included, stays plain text."""

from __future__ import annotations

import io

from unspin.ingest import load_stream
from unspin.model import Document

POST = (
    "# Flood update\n\n"
    "**Officials** said the dam will _definitely_ hold, according to "
    "[the council](https://example.invalid/x).\n"
)


def _one(data: bytes) -> Document:
    (doc,) = list(load_stream(io.BytesIO(data)))
    assert isinstance(doc, Document), doc
    return doc


def test_markdown_on_stdin_is_read_as_markdown() -> None:
    doc = _one(POST.encode())
    assert doc.title == "Flood update"
    assert doc.text == (
        "Flood update\n\nOfficials said the dam will definitely hold, according to the council."
    )


def test_front_matter_on_stdin_gives_its_fields() -> None:
    doc = _one(b"---\ntitle: Dam holds\nauthor: Ann Lee\n---\n\nThe dam held overnight.\n")
    assert (doc.title, doc.author, doc.text) == ("Dam holds", "Ann Lee", "The dam held overnight.")


def test_a_post_opening_with_a_hashtag_stays_plain_text() -> None:
    text = "#BREAKING Officials say the dam will hold.\n\n*update* more soon"
    assert _one(text.encode()).text == text
