"""Lines of an extracted page joined back where they are pieces of one paragraph.

trafilatura's baseline extractor, which it falls back on for a short or oddly built page
(a forum post, a pasted comment, markup left unclosed), puts every inline element on a
line of its own: ``<p>The mayor said <b>the bridge</b> will open.</p>`` comes out as three
lines, and so as three paragraphs. :func:`join_inline_pieces` joins consecutive lines
whose text, one space apart (or none), lies inside one stretch of the page's text: a run
between the starts and ends of block elements, cut at ``<br>``s and a ``<pre>`` block's
line ends, so that a line break the page writes stays one. A line that is a whole stretch
on its own is left alone, as every line of trafilatura's usual output is.
"""

from __future__ import annotations

from collections.abc import Callable
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
_HIDDEN = frozenset({"script", "style", "noscript", "template"})


def _stretches(tree: Any) -> list[str]:
    """The page's stretches of text, in page order: the runs of text between the starts
    and ends of block elements and ``<br>``s (and a preformatted block's line ends),
    scripts and styles left out, whitespace made single spaces."""
    from lxml import etree

    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        text = " ".join("".join(run).split())
        if text:
            out.append(text)
        run.clear()

    hidden = pre = 0
    for event, el in etree.iterwalk(tree, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            hidden += tag in _HIDDEN
            pre += tag == "pre"
            if tag in _BLOCKS or tag == "br":
                flush()
            if tag and not hidden and el.text:
                _add(run, el.text, pre > 0, flush)
            continue
        hidden -= tag in _HIDDEN
        pre -= tag == "pre"
        if tag in _BLOCKS:
            flush()
        if not hidden and el.tail:
            _add(run, el.tail, pre > 0, flush)
    flush()
    return out


def _add(run: list[str], text: str, pre: bool, flush: Callable[[], None]) -> None:
    """``text`` onto the current run; in a preformatted block each line ends one."""
    if not pre:
        run.append(text)
        return
    first, *rest = text.split("\n")
    run.append(first)
    for line in rest:
        flush()
        run.append(line)


def join_inline_pieces(tree: Any, lines: list[str]) -> list[str]:
    """``lines`` (an extraction of the page ``tree``, stripped, none empty) with the
    pieces of one stretch of text joined into one line."""
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
