"""Page furniture, for :func:`unspin.segment.find_blocks`: what a scraped page leaves in
the text and no one wrote as the article. Shop widgets, embedded posts' signatures and
a page's "story continues below" are cut out of the lines they were glued into
(:func:`cut_widgets`; a poll's question after "take our poll" goes with it); a line that
is only a page's label ("Advertisement", "Read more: ...", "Related: ...") is furniture
whole (:func:`page_line`)."""

from __future__ import annotations

import re

#: A month's name or abbreviation (a post's date, a dateline's day).
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)


def _past_blanks(text: str, i: int, end: int) -> int:
    """The first position from ``i`` (before ``end``) that is not whitespace."""
    while i < end and text[i].isspace():
        i += 1
    return i


#: A shop widget scraped with the page: a product's title (often cut with "..."), its
#: author, then its prices ("No Place to Hi... Ann Lee Best Price: $1.49 Buy New $3.70
#: (as of 06:30 EDT - Details)").
_SHOP = re.compile(
    r"(?:[^\n.!?\"”]{1,40}\.\.\.[ \t]+)?(?:[A-Z][\w.'’&-]*[ \t]+){0,8}"
    r"(?:Best[ \t]+Price:?[ \t]*[$£€][ \t]?\d[\d.,]*[ \t]+)?"
    r"Buy[ \t]+New:?[ \t]*[$£€][ \t]?\d[\d.,]*"
    r"(?:[ \t]*\(as[ \t]+of[ \t][^()\n]{0,40}\))?"
)
#: The signature of an embedded post, after its text: its picture link, its author and
#: handle, its date ("pic.twitter.com/Ab12 — Ann Lee (@annlee) November 2, 2018").
_POST = re.compile(
    r"(?:(?:pic\.twitter\.com/\w+|https?://t\.co/\w+)[ \t]*)?[—–][ \t]*[^()\n—–]{1,60}"
    rf"\(@\w{{1,15}}\)[ \t]+{_MONTH}[ \t]+\d{{1,2}},[ \t]*\d{{4}}"
)
#: What a page's story goes on after: an advertisement, a video, a slideshow.
_PAST = (
    r"[ \t]+(?:(?:this|the|these)[ \t]+)?(?:advertisements?|adverts?|ads?|video|slideshow|gallery"
    r"|photos?|pictures?|images?|graphics?|map|chart|tweets?|posts?)"
)
#: A page telling the reader that the story goes on past a widget or an advertisement,
#: wherever a scrape glued it ("take our poll - story continues below", "Article
#: continues after advertisement", "Story continues below the video."; never "the story
#: continues below the surface").
_CONTINUES = re.compile(
    r"(?<![\w'’])(?:(?P<poll>take[ \t]+our[ \t]+poll)[ \t]*[-–—:|]?[ \t]*"
    r"|advertisement[ \t]*[-–—:|][ \t]*)?"
    r"(?:(?:the[ \t]+)?(?:story|article|text|post|content)[ \t]+continues|continue[ \t]+reading)"
    rf"[ \t]+(?:below(?:{_PAST})?|after{_PAST})(?![\w'’]|[ \t]+(?-i:[a-z]))[.:]?",
    re.I,
)
#: A line that is only a page's label: an advertisement's, a link's or the comments'
#: ("Advertisement", "Continue reading", "Read more: Harbour toll splits council",
#: "Related stories", "12 comments").
_PAGE_LINE = re.compile(
    r"(?:advertisements?|sponsored(?:[ \t]+content)?|skip[ \t]+advert(?:isement)?"
    r"|continue[ \t]+reading(?:[ \t]+the[ \t]+main[ \t]+story)?"
    r"|scroll[ \t]+(?:down[ \t]+)?to[ \t]+continue(?:[ \t]+reading)?"
    r"|(?:read[ \t]+more|read[ \t]+also|also[ \t]+read|see[ \t]+also"
    r"|you[ \t]+may[ \t]+also[ \t]+like|(?:related|recommended)"
    r"(?:[ \t]+(?:stories|articles|coverage|content|links?|reading|posts?))?)"
    r"(?:[ \t]*:(?:[ \t]+[^\n]{1,200})?|[ \t]*(?:\.\.\.|…))?"
    # the comments' widget: "Add a comment", "12 comments", "Sorry we are not currently
    # accepting comments on this article."
    r"|add[ \t]+a[ \t]+comment|\d{1,6}[ \t]+comments?|comments[ \t]+are[ \t]+closed\.?"
    r"|(?:sorry,?[ \t]+)?we[ \t]+are[ \t]+not[ \t]+(?:currently[ \t]+)?accepting[ \t]+comments"
    r"(?:[ \t]+on[ \t]+this[ \t]+(?:article|story|post|page))?\.?"
    # a share button's label: "Share", "SHARE THIS ARTICLE", ">Share this story on Facebook"
    r"|>?[ \t]*share(?:[ \t]+(?:this|the)[ \t]+(?:story|article|post|page|video))?"
    r"(?:[ \t]+(?:on|via|with)[ \t]+(?:facebook|twitter|linkedin|whatsapp|e-?mail|reddit"
    r"|pinterest|x))?[ \t]*:?)",
    re.I,
)


#: The end of a teaser of another article that a scrape glued into a line: the teaser's
#: headline run into its date in capitals ("... Bans Night FerriesJULY 29, 2014").
_TEASER = re.compile(
    r"(?<=[a-z’'”\")?!.])(?:JAN|FEB|MAR|APR|MAY|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC)[A-Z]*\.?"
    r"[ \t]+\d{1,2},[ \t]*\d{4}\Z"
)


def page_line(line: str) -> bool:
    """Whether ``line`` (a unit of one line) is a page's label (:data:`_PAGE_LINE`), a
    page's "story continues below" alone, or ends with another article's teaser
    (:data:`_TEASER`: the line is that teaser, or its picture's caption run into it)."""
    return (
        _PAGE_LINE.fullmatch(line) is not None
        or _CONTINUES.fullmatch(line) is not None
        or _TEASER.search(line) is not None
    )


#: A news agency's credits in parentheses ("(Reporting by Ann Lee; Editing by Tom Roe)",
#: "(Additional reporting by ...)"): a byline, on a line of its own or ending the line of
#: the last paragraph.
_AGENCY_CREDITS = re.compile(
    r"\((?:additional[ \t]+)?(?:reporting|writing|editing|compiled|research|written)\b"
    r"[^()\n]{0,250}?\bby\b[^()\n]*\)",
    re.I,
)
_CREDITS_AT_END = re.compile(
    rf"(?<=[.!?\"”’)])[ \t]+(?P<c>{_AGENCY_CREDITS.pattern})[ \t]*$", re.I | re.M
)
#: A sentence's end inside a line (an ellipsis is none: "Hist... Ann Lee").
_LINE_SENTENCE_END = re.compile(r"(?<!\.)[.!?](?!\.)[\"”’')\]]*[ \t]+")


def _widgets(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The shop widgets, embedded posts' signatures and a page's "story continues below"
    in a line, and an agency's credits that end it after a sentence. A shop widget
    reaches back to the end of the last sentence before it on the line (or the line's
    start), over the product's title; a post's signature is only the signature: the
    post's text is what the post says (a document that is one post keeps its sentence).
    Each with its block kind: ``caption`` for a signature, ``byline`` for credits,
    ``furniture`` for the others."""
    found = [
        (m.start(), m.end(), rx)
        for rx in (_SHOP, _POST, _CONTINUES)
        for m in rx.finditer(text, start, end)
    ]
    found += [
        (m.start("c"), m.end("c"), _AGENCY_CREDITS)
        for m in _CREDITS_AT_END.finditer(text, start, end)
    ]
    found.sort(key=lambda f: f[:2])
    out: list[tuple[int, int, str]] = []
    for ms, me, rx in found:
        if out and ms < out[-1][1]:
            continue
        ms = _past_blanks(text, ms, me)
        floor = out[-1][1] if out else start
        s = ms
        if rx is _SHOP:  # the product's title reaches back to the sentence before
            s = max([floor, *(m.end() for m in _LINE_SENTENCE_END.finditer(text, floor, ms))])
        kind = "caption" if rx is _POST else "byline" if rx is _AGENCY_CREDITS else "furniture"
        out.append((_past_blanks(text, s, me), me, kind))
    return out


def _poll(text: str, start: int, end: int) -> bool:
    m = _CONTINUES.fullmatch(text, start, end)
    return m is not None and m["poll"] is not None


def _question(text: str, start: int, end: int) -> bool:
    """A poll's question: one line, one sentence, ending with "?"."""
    core = text[start:end].rstrip("\"'”’")
    return (
        core.endswith("?")
        and "\n" not in core
        and len(core) <= 200
        and _LINE_SENTENCE_END.search(core) is None
    )


def cut_widgets(text: str, units: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool, str]]:
    """The units with each widget (:func:`_widgets`) made a unit of its own (its kind) and
    the words before and after it paragraphs of their own (running text the widget was
    glued into); a unit without a widget keeps the kind "" (to be decided). The question
    right after "take our poll - story continues below" (on its line or the next) is the
    poll's, furniture, and so are its repeats on the lines after it."""
    out: list[tuple[int, int, bool, str]] = []
    asked: str | None = None  # after a poll: "" (its question to come), then the question
    for s, e, several in units:
        if asked is not None and _question(text, s, e) and asked in ("", text[s:e]):
            out.append((s, e, False, "furniture"))
            asked = text[s:e]
            continue
        pos, rest, asked = s, "", None
        for ws, we, kind in _widgets(text, s, e):
            before = text[pos:ws].rstrip()
            if before:
                out.append((pos, pos + len(before), several, "paragraph"))
            out.append((ws, we, False, kind))
            pos, rest = _past_blanks(text, we, e), "paragraph"
            asked = "" if _poll(text, ws, we) else None
        if pos < e and asked == "" and _question(text, pos, e):
            out.append((pos, e, False, "furniture"))
            asked = text[pos:e]
        elif pos < e:
            out.append((pos, e, several, rest))
            asked = None
    return out
