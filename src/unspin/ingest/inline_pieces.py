"""Lines of an extracted page joined back where they are pieces of one paragraph.

trafilatura's baseline extractor, which it falls back on for a short or oddly built page
(a forum post, a pasted comment, markup left unclosed), puts every inline element on a
line of its own: ``<p>The mayor said <b>the bridge</b> will open.</p>`` comes out as three
lines, and so as three paragraphs. :func:`join_inline_pieces` joins consecutive lines
whose text, one space apart (or none), lies inside one stretch of a block of the page: a
block element with no block inside it, cut at its ``<br>`` line breaks, so that a line
break the page writes stays one. A line that is a whole stretch on its own is left alone,
as every line of trafilatura's usual output is.
"""

from __future__ import annotations

from typing import Any

__all__ = ["join_inline_pieces"]

#: Elements that make a block of text of their own.
_BLOCKS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
_BREAK = "\ufdd0"  # a noncharacter: no page writes it


def _stretches(tree: Any) -> list[str]:
    """The page's stretches of text, in page order: each block with no block inside it,
    cut at its ``<br>``s (and a preformatted block at its line ends), its whitespace made
    single spaces. ``tree`` is changed."""
    for hidden in tree.xpath("//script|//style|//noscript|//template"):
        if hidden.getparent() is not None:
            hidden.getparent().remove(hidden)
    for br in tree.iter("br"):
        br.tail = _BREAK + (br.tail or "")
    out: list[str] = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag not in _BLOCKS:
            continue
        if any(isinstance(d.tag, str) and d.tag in _BLOCKS for d in el.iterdescendants()):
            continue
        text = el.text_content()
        if el.tag == "pre" or any(a.tag == "pre" for a in el.iterancestors()):
            text = text.replace("\n", _BREAK)  # preformatted: its lines are lines
        out.extend(" ".join(part.split()) for part in text.split(_BREAK))
    return [s for s in out if s]


def join_inline_pieces(tree: Any, lines: list[str]) -> list[str]:
    """``lines`` (an extraction of the page ``tree``, stripped, none empty) with the
    pieces of one stretch of text joined into one line. ``tree`` is changed."""
    stretches = _stretches(tree)
    whole = set(stretches)
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = " ".join(lines[i].split())
        i += 1
        if line in whole:
            out.append(line)
            continue
        holders = [s for s in stretches if line in s]
        while holders and i < len(lines):
            nxt = " ".join(lines[i].split())
            joined = next(
                (j for j in (f"{line} {nxt}", f"{line}{nxt}") if any(j in s for s in holders)),
                None,
            )
            if joined is None:
                break
            line, holders, i = joined, [s for s in holders if joined in s], i + 1
        out.append(line)
    return out
