"""A page's publication date where its markup gives none: the day its byline writes out
("By Ann Lee, Jan. 1, 2026 at 9:30 a.m."), never a bare year (a copyright footer's
"(c) 2025"), which the page search that trafilatura runs last makes 1 January."""

from __future__ import annotations

import logging
import re
from datetime import date
from typing import Any

__all__ = ["author_without_dates", "settle_page_date"]

log = logging.getLogger(__name__)

_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH = rf"(?P<{{}}>{_MONTHS})\.?"
_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{}>(?:19|20)\d\d)"
#: A whole day written out: "Jan. 1, 2026", "1 January 2026", "1st of Jan 2026", "2026-01-01".
_WHOLE_DAY = re.compile(
    rf"\b(?:{_MONTH.format('m1')}\s+{_DAY.format('d1')},?\s+{_YEAR.format('y1')}"
    rf"|{_DAY.format('d2')}\s+(?:of\s+)?{_MONTH.format('m2')},?\s+{_YEAR.format('y2')}"
    rf"|{_YEAR.format('y3')}-(?P<m3>[01]\d)-(?P<d3>[0-3]\d))\b",
    re.I,
)
#: A year, which every whole day above holds: blocks without one are not read further.
_A_YEAR = re.compile(r"(?:19|20)\d\d")
#: Words a byline opens with before its day ("By Ann Lee,", "Published", "Last updated:").
_BYLINE_START = re.compile(
    r"(?:by|published|posted|updated|last\s+updated|first\s+published|modified|last\s+modified"
    r"|dated?|created)\b",
    re.I,
)
_UPDATED = re.compile(r"(?:last\s+)?(?:updated|modified)\b", re.I)
#: What may stand beside a day in a block that only dates the page: a weekday, a clock
#: time ("at 9:30 a.m.", "10.02 GMT"), separators.
_BESIDE_DAY = re.compile(
    r"\b(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?|at|on"
    r"|(?-i:[A-Z]{2,4}))\b\.?"
    r"|\b[0-2]?\d(?:[:.][0-5]\d)?\s*(?:[ap]\.?\s?m\b\.?)?|[\s,;:|·•/\-–—()]+",
    re.I,
)
#: Longest block read as a byline: an article's sentence is longer.
_BYLINE_CHARS = 120
#: Parts of a page no byline of the article sits in.
_NOT_ARTICLE = {"script", "style", "noscript", "template", "footer", "nav", "aside", "form"}


#: A piece of a byline trafilatura takes for an author's name: a day ("Jan 1", "March 5"),
#: a year, a clock time, "Updated ...".
_NO_NAME = re.compile(
    rf"(?:updated|published|posted)\b.*|.*\b(?:{_MONTHS})\.?\s+[0-3]?\d\b.*"
    r"|.*\b(?:19|20)\d\d\b.*|(?:at\s+)?[0-2]?\d(?:[:.][0-5]\d)?\s*(?:[ap]\.?\s?m\.?)?",
    re.I,
)


def author_without_dates(author: str) -> str | None:
    """``author`` (names joined by "; ") without the pieces of a byline's date that
    trafilatura splits off as names ("Ann Lee; Jan 1" is Ann Lee); ``None`` when
    nothing else is left."""
    names = [name for name in author.split("; ") if not _NO_NAME.fullmatch(name.strip())]
    return "; ".join(names) or None


def _day_of(m: re.Match[str]) -> date | None:
    year, month, day = (
        next(g for g in (m.group(f"{part}{i}") for i in (1, 2, 3)) if g) for part in "ymd"
    )
    if month.isdigit():
        number = int(month)
    else:
        number = next(
            i for i, name in enumerate(_MONTHS.split("|"), 1) if re.fullmatch(name, month, re.I)
        )
    try:
        return date(int(year), number, int(day))
    except ValueError:
        return None


def _dates_the_page(text: str, m: re.Match[str]) -> bool:
    """Whether ``text``, a short block holding the day ``m``, is a byline or dateline:
    it opens with a byline's word ("By", "Published", "Updated") or says nothing but
    the day, a weekday and a clock time."""
    if _BYLINE_START.match(text):
        return True
    rest = text[: m.start()] + " " + text[m.end() :]
    return not _BESIDE_DAY.sub("", rest).strip()


def _blocks(tree: Any) -> Any:
    """The elements of ``tree`` in document order, those of scripts, footers, navigation,
    asides and forms left out."""
    skip: set[Any] = set()
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        parent = el.getparent()
        if el.tag in _NOT_ARTICLE or parent in skip:
            skip.add(el)
            continue
        yield el


def _short_blocks(tree: Any) -> Any:
    """The short blocks (at most ``_BYLINE_CHARS`` characters) that hold a digit, in page
    order, each with its text: an element whose own text has a digit, then each ancestor
    while the text stays short ("<div>By Ann Lee <time>Mar. 5, 2026</time></div>");
    only the elements near a digit are read, so a long page costs its length once."""
    seen: set[Any] = set()
    for el in _blocks(tree):
        own = (el.text or "") + "".join(child.tail or "" for child in el)
        if not any(c.isdigit() for c in own):
            continue
        node = el
        while node is not None and isinstance(node.tag, str) and node not in seen:
            seen.add(node)
            text = " ".join(node.text_content().split())
            if len(text) > _BYLINE_CHARS:
                break
            yield text
            node = node.getparent()


def byline_date(tree: Any) -> date | None:
    """The day the page's byline or dateline writes out, first published over updated;
    ``None`` when no short block of the article dates it (a day in a sentence of the
    article is an event's, not the page's)."""
    today = date.today()
    updated: date | None = None
    for text in _short_blocks(tree):
        m = _WHOLE_DAY.search(text) if _A_YEAR.search(text) else None
        if m is None or not _dates_the_page(text, m):
            continue
        day = _day_of(m)
        if day is None or day > today:
            continue
        if not _UPDATED.match(text):
            return day
        updated = updated or day
    return updated


def _first_of_january_pattern(year: str) -> re.Pattern[str]:
    """1 January ``year`` written out as a whole day: "January 1, 2026", "Jan. 1st 2026",
    "1 January 2026", "2026-01-01", "01/01/2026" (day and month read either way)."""
    jan = r"jan(?:uary|\.)?"
    return re.compile(
        rf"\b(?:{jan}\s+0?1(?:st)?,?|0?1(?:st)?\s+(?:of\s+)?{jan},?)\s+{year}\b"
        rf"|\b{year}[-/.]0?1[-/.]0?1\b|\b0?1[-/.]0?1[-/.]{year}\b",
        re.I,
    )


def _told_in_text(guess: str, visible: str) -> bool:
    """Whether the day ``guess`` is written out in the page's text. Called when no byline
    or dateline dates the page: the day is then one the article tells ("On February 3,
    2026, the council met"), which the date finder's text search took for the page's."""
    for m in _WHOLE_DAY.finditer(visible):
        day = _day_of(m)
        if day is not None and day.isoformat() == guess:
            return True
    return False


def _visible_text(tree: Any) -> str:
    """The words a reader sees on the page: no scripts, styles or templates."""
    for hidden in tree.xpath("//script|//style|//noscript|//template"):
        if hidden.getparent() is not None:
            hidden.getparent().remove(hidden)
    return " ".join(" ".join(tree.itertext()).split())


def settle_page_date(html: str, meta: dict[str, str], source: str | None) -> None:
    """Set ``meta["date"]`` to the page's publication date, trafilatura's date (if any)
    given. A date the page's markup gives (what htmldate finds without searching the
    text) stands. Otherwise the day the page's byline writes out is its date: what the
    text search found instead is a guess (a copyright footer's year, a day an article's
    sentence tells). Failing a byline, a guessed day the visible text writes out in words
    ("On February 3, 2026, the council met") is a day the article tells, and is dropped;
    a 1 January stands only when the text gives that whole day otherwise ("01/01/2026"),
    since a bare year (a copyright footer's "(c) 2025", any year in the text, a "Posted
    Jan 1" whose year is taken from elsewhere) is no publication date; another guessed
    day stands."""
    from htmldate import find_date
    from lxml import html as lxml_html

    guess = meta.get("date")
    if guess is not None:
        found = find_date(
            lxml_html.document_fromstring(html),
            extensive_search=False,
            original_date=True,
            max_date=date.today().isoformat(),
        )
        if found == guess:
            return
    byline = byline_date(lxml_html.document_fromstring(html))
    if byline is not None:
        if guess != byline.isoformat():
            log.debug("%s: the byline's %s dates the page (not %s)", source, byline, guess)
        meta["date"] = byline.isoformat()
        return
    if guess is None:
        return
    visible = _visible_text(lxml_html.document_fromstring(html))
    if _told_in_text(guess, visible):
        log.debug("%s: %s is a day the article's text tells, not its date", source, guess)
        del meta["date"]
        return
    if not guess.endswith("-01-01"):
        return
    if _first_of_january_pattern(guess[:4]).search(visible):
        return
    log.debug("%s: %s is a year alone, not a publication date", source, guess)
    del meta["date"]
