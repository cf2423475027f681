"""A page's summary list under its headline (a live blog's "Key points"), which trafilatura
leaves out with the page's other lists.

The list is put back only where it is plainly the article's own: it comes after the
page's ``<h1>`` with little text between them (a byline, a time, a standfirst, a label),
outside navigation, headers, footers, asides and forms, and every item is a statement of
its own (several words, mostly not link text). Menus, share bars, tag lists and "related
stories" lists are links or a word or two an item, so none of them is taken.
"""

from __future__ import annotations

import logging
from typing import Any

__all__ = ["with_summary_list"]

log = logging.getLogger(__name__)

#: Most words of text between the headline and the list (byline, time, standfirst, label).
_MAX_WORDS_BEFORE = 80
#: Fewest words an item says, and fewest items, for a list to be a summary.
_MIN_ITEM_WORDS = 4
_MIN_ITEMS = 2
#: Most words of a label over the list ("Key points", "What we know so far").
_MAX_LABEL_WORDS = 5
_FURNITURE = frozenset({"nav", "header", "footer", "aside", "form", "menu"})
_TEXT_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "blockquote", "figcaption"})


def _words(element: Any) -> list[str]:
    return " ".join(element.itertext()).split()


def _in_furniture(element: Any) -> bool:
    return any(a.tag in _FURNITURE for a in element.iterancestors())


def _items(element: Any) -> list[str] | None:
    """The list's items as one line each, or ``None`` when it is no summary."""
    items = []
    for li in element.iterchildren("li"):
        words = _words(li)
        linked = sum(len(" ".join(a.itertext()).split()) for a in li.iter("a"))
        if len(words) < _MIN_ITEM_WORDS or linked * 2 >= len(words):
            return None
        items.append(" ".join(words))
    return items if len(items) >= _MIN_ITEMS else None


def _summary_list(h1: Any) -> tuple[list[str], list[str], str | None] | None:
    """The first summary list after ``h1``: its items, the texts between the two, and the
    short heading right over it (its label), if any."""
    seen = False
    between: list[str] = []
    label: str | None = None
    count = 0
    for element in h1.getroottree().iter():
        if element is h1:
            seen = True
            continue
        if not seen or not isinstance(element.tag, str) or h1 in element.iterancestors():
            continue
        if _in_furniture(element) or element.tag in _FURNITURE:
            continue
        if element.tag in ("ul", "ol"):
            items = _items(element)
            if items is not None:
                return items, between, label
            continue
        if element.tag in _TEXT_TAGS and not any(
            a.tag in _TEXT_TAGS for a in element.iterancestors()
        ):
            words = _words(element)
            count += len(words)
            if count > _MAX_WORDS_BEFORE:
                return None
            if words:
                between.append(" ".join(words))
                short = element.tag.startswith("h") and len(words) <= _MAX_LABEL_WORDS
                label = between[-1] if short else None
    return None


def with_summary_list(tree: Any, text: str, source: str | None = None) -> str:
    """``text`` with the page's summary list, as ``- `` items under its label, after the
    headline and whatever the text keeps of what stands between them; ``text`` unchanged
    when the page has none or the text already holds it."""
    h1 = next(iter(tree.iter("h1")), None)
    found = _summary_list(h1) if h1 is not None else None
    if found is None:
        return text
    items, between, label = found
    flat = " ".join(text.split())
    if any(item in flat for item in items):
        return text
    paragraphs = text.split("\n\n")
    before = {" ".join(_words(h1)), *between}
    at = 0
    while at < len(paragraphs) and " ".join(paragraphs[at].split()) in before:
        at += 1
    if label is not None and label in paragraphs[:at]:
        label = None
    lines = ([label] if label else []) + [f"- {item}" for item in items]
    log.debug("%s: summary list under the headline kept (%d items)", source, len(items))
    return "\n\n".join(paragraphs[:at] + lines + paragraphs[at:])
