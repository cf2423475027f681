"""Lines of an extracted page joined back where they are pieces of one paragraph.

trafilatura's baseline extractor, which it falls back on for a short or oddly built page
(a forum post, a pasted comment, markup left unclosed), puts every inline element on a
line of its own: ``<p>The mayor said <b>the bridge</b> will open.</p>`` comes out as three
lines, and so as three paragraphs. Where a short page has an ``<article>``, the same
fallback may give the whole article as one line, its headline, byline and every post run
together. :func:`join_inline_pieces` joins consecutive lines
whose text, one space apart (or none), lies inside one stretch of the page's text: a run
between the starts and ends of block elements, cut at ``<br>``s and a ``<pre>`` block's
line ends, so that a line break the page writes stays one. A line that is a whole stretch
on its own is left alone, as every line of trafilatura's usual output is.
:func:`split_joined_blocks` cuts a line that holds several whole stretches in page order
back into them, when the extraction has far fewer lines than the page has stretches.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["join_inline_pieces", "page_stretches", "split_joined_blocks"]

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


def page_stretches(tree: Any) -> list[str]:
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


def join_inline_pieces(stretches: list[str], lines: list[str]) -> list[str]:
    """``lines`` (an extraction of a page whose :func:`page_stretches` are ``stretches``,
    stripped, none empty) with the pieces of one stretch of text joined into one line."""
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


#: Fewer lines than stretches by this factor: the extraction ran blocks together.
_FAR_FEWER = 3
#: How many stretches past the last one found a line's next piece is looked for among.
_AHEAD = 8


def _bounded(line: str, start: int, end: int) -> bool:
    """Whether ``line[start:end]`` begins and ends at a space or an end of the line."""
    return (start == 0 or line[start - 1] == " ") and (end == len(line) or line[end] == " ")


def split_joined_blocks(stretches: list[str], lines: list[str]) -> list[str]:
    """``lines`` with each line that runs several whole stretches of the page together
    (in page order) cut where each begins, when there are at least ``_FAR_FEWER`` times
    as many stretches as lines: "Gale live By Ada Roe 16:10 GMT Ferries resume ..." is
    the headline, the byline, the timestamp and the post of a page, one block each. A
    line is only ever cut at the start of a stretch that follows the one before it
    within a few stretches, so text the extraction joined within a block stays joined."""
    if len(stretches) < _FAR_FEWER or len(lines) * _FAR_FEWER > len(stretches):
        return lines
    whole = set(stretches)
    out: list[str] = []
    k = 0  # the next stretch not yet found
    for raw in lines:
        line = " ".join(raw.split())
        first = None
        if line not in whole:
            first = next(
                (
                    j
                    for j in range(k, len(stretches))
                    if line.startswith(stretches[j]) and _bounded(line, 0, len(stretches[j]))
                ),
                None,
            )
        if first is None:
            out.append(line)
            continue
        cuts, pos, k = [0], len(stretches[first]), first + 1
        while pos < len(line):
            found = [
                (at, j)
                for j in range(k, min(k + _AHEAD, len(stretches)))
                if (at := line.find(stretches[j], pos)) >= 0
                and _bounded(line, at, at + len(stretches[j]))
            ]
            if not found:
                break
            at, j = min(found)
            cuts.append(at)
            pos, k = at + len(stretches[j]), j + 1
        ends = [*cuts[1:], len(line)]
        out.extend(p for a, b in zip(cuts, ends, strict=True) if (p := line[a:b].strip()))
    return out
