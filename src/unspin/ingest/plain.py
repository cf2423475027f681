"""What a plain text states about itself in its first lines: the title a headline line
gives and the author a "By ..." line names, as the text's blocks
(:func:`unspin.segment.find_blocks`) read them. A text given as a JSON record or with
front matter says these in its own fields instead."""

from __future__ import annotations

import re

from unspin.segment import find_blocks

__all__ = ["plain_meta"]

#: How much of a text's start is read, in lines (a title and byline come before the body;
#: the line after them shows that a body follows), and at most in characters.
_HEAD_LINES = 8
_HEAD_CHARS = 50_000
#: A byline's names, up to a role or outlet after a comma, bar or dash ("By Ann Roe,
#: Staff Writer", "By Ann Roe | The Post").
_BY = re.compile(r"By[ \t]+(?P<names>[^\n,|•·]+?)(?:[ \t]+[-–—][ \t].*|[ \t]*[,|•·].*)?$")


def plain_meta(text: str) -> dict[str, str]:
    """The ``title`` and ``author`` the first blocks of ``text`` give, before its first
    paragraph: a title block's words, a byline's names after "By"; neither when the text
    opens with a paragraph (a post, a text without a headline)."""
    end = -1
    for _ in range(_HEAD_LINES):
        end = text.find("\n", end + 1, _HEAD_CHARS)
        if end < 0:
            break
    head = text[:end] if end > 0 else text[:_HEAD_CHARS]
    meta: dict[str, str] = {}
    for block in find_blocks(head):
        if block.kind == "paragraph":
            break
        words = head[block.start : block.end]
        if block.kind == "title" and "title" not in meta:
            meta["title"] = " ".join(words.split())
        elif block.kind == "byline" and "author" not in meta and (m := _BY.match(words)):
            meta["author"] = " ".join(m["names"].split())
    return meta
