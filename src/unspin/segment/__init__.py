"""Text structure and sentence boundaries, shared by every backbone.

A text is first cut into *blocks* (:func:`find_blocks`): the title, headings, datelines,
bylines (a cited work's line, '"Title," by Ann Lee, The Post, June 8:', a copyright
notice, an agency's "(Reporting by ...; Editing by ...)" and a credit after a dash,
"–The Post", are ones too),
captions (an embedded post's signature is one), page furniture (a share bar, a shop
widget), list items (without their marker) and paragraphs. A block never
shares a sentence with another block, and only body blocks (:data:`BODY`: paragraphs and
list items) are split into sentences; every other block is one sentence of its own kind.
One paragraph per line is honoured, unless the text is hard-wrapped (many lines go on in
lower case). Only the first body paragraph (list items and editors' notes in parentheses before it
do not count) may open with a dateline ("PARIS (AP) —").

Inside a body block a sentence may start only where :func:`can_start` allows it: after
whitespace that follows terminal punctuation, never before a lower-case word or a closing
quote or bracket, never after a title abbreviation (``Mr.``), an initial (``J. R.``), a
clock time's ``a.m.`` before a time zone, a month abbreviation before a day, or
``No.`` before a number. The model-free backbone splits at every allowed place
(:func:`rule_spans`); spaCy's parser chooses among the allowed places
(:func:`add_paragraph_breaks` marks them before the parser runs, the sure ones forced, and
:func:`sentence_spans` re-checks its choice). Everything here is linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from unspin.segment.furniture import (
    _AGENCY_CREDITS,
    _MONTH,
    _past_blanks,
    cut_widgets,
    page_line,
)

__all__ = [
    "BLOCK_KINDS",
    "BODY",
    "Block",
    "add_paragraph_breaks",
    "can_start",
    "find_blocks",
    "paragraph_breaks",
    "rule_spans",
    "sentence_spans",
    "start_strength",
]

#: Every block kind; a sentence carries the kind of its block. ``furniture`` is what a
#: scraped page leaves in the text and no one wrote as the article: a share bar, a shop
#: widget (no quantity or date is read in it).
BLOCK_KINDS = (
    "title", "heading", "dateline", "byline", "caption", "furniture", "list_item", "paragraph",
)  # fmt: skip
#: The blocks that make the article's body (split into sentences, read as claims).
BODY = frozenset({"paragraph", "list_item"})


@dataclass(frozen=True)
class Block:
    """A block ``[start, end)`` of the text (no surrounding whitespace) and its kind."""

    start: int
    end: int
    kind: str


# -- blocks ------------------------------------------------------------------------------


def _words(spaced: str) -> frozenset[str]:
    return frozenset(spaced.split())


_LIST_ITEM = re.compile(r"(?:[-*•‣▪◦·]|\d{1,3}[.)]|\d{1,3}[ \t]+[–—])[ \t]+\S")
_MD_HEADING = re.compile(r"#{1,6}[ \t]+\S")
_SMALL_WORDS = _words(
    "a an and at by de del der for in la le of on the to van von with staff writer writers"
    " reporter reporters correspondent editor contributor senior special chief political"
    " foreign national news"
)
_BYLINE = re.compile(r"By[ \t]+[A-Z][^\n]*")
_CAPTION_HEAD = re.compile(
    r"\(?(?:photo(?:graph)?s?|image|picture|pictured|caption|illustration|video|graphic"
    r"|credit|file photo)\b[ \t]*(?:[:|/—–-]|by\b|credits?\b|courtesy\b)",
    re.I,
)
_CAPTION_TAIL = re.compile(
    r"\((?:[^()\n]*\b(?:Photo|Photos|Photograph|Image|Images|Getty|Shutterstock|Pool)\b[^()\n]*)\)"
    r"[ \t]*\Z"
)
_CAPS_PLACE = r"[A-Z][A-Z.'’-]+(?:[ \t]+[A-Z][A-Z.'’-]+){0,3}"
_MIXED_PLACE = r"[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2}"
_REGION = r"(?:,[ \t]*[A-Z][A-Za-z.]+(?:[ \t]+[A-Z][A-Za-z.]+){0,2})?"
_DAY = rf"(?:,?[ \t]*{_MONTH}[ \t]+\d{{1,2}}(?:,[ \t]*\d{{4}})?)?"
_AGENCY = r"(?:[ \t]*\([A-Z][A-Za-z&.’' /-]{1,30}\))?"
#: A dateline opening a paragraph ("WASHINGTON (Reuters) - ", "Geneva - "), its dash kept.
_DATELINE = re.compile(
    rf"(?:{_CAPS_PLACE}{_REGION}{_DAY}{_AGENCY}[ \t]*(?:--|[—–-])"
    rf"|[A-Z]{{3}}[A-Z .'’-]*:"
    rf"|{_MIXED_PLACE}{_REGION}{_DAY}{_AGENCY}[ \t]+(?:--|[—–-]))"
    # the text goes on after a space, or right after an em or en dash ("(AP) —The ...")
    r"(?=[ \t]+[\"“‘'(]?[A-Z0-9]|(?<=[—–])[\"“‘'(]?[A-Z0-9])"
)
_DATELINE_ALONE = re.compile(
    rf"(?:{_CAPS_PLACE}|{_MIXED_PLACE}){_REGION}{_DAY}{_AGENCY}[ \t]*(?:--|[—–-])?[ \t]*\Z"
)
#: A sentence ending inside a line ("Rates rose. Why?"): not a heading.
_INNER_END = re.compile(r"[.!?…][\"'”’)]*\s+\S")
_CLOSERS = "\"'”’»)]}"


#: Characters that print nothing: a byte-order mark left inside a scraped text, zero-width
#: spaces and joiners. A line is trimmed of them as of whitespace.
_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"


def _blank(ch: str) -> bool:
    return ch.isspace() or ch in _INVISIBLE


def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line without its surrounding whitespace; blank: empty."""
    out = []
    for m in re.finditer(r"[^\n]*", text):
        if m.start() and text[m.start() - 1] != "\n":
            continue  # the empty match at a newline's end
        s, e = m.start(), m.end()
        while s < e and _blank(text[s]):
            s += 1
        while e > s and _blank(text[e - 1]):
            e -= 1
        out.append((s, e))
    return out


def _headline_like(line: str, words: int, ends: str = ".,;:…") -> bool:
    """Short, starting like a sentence, not ending with one of ``ends``."""
    if _MD_HEADING.match(line):
        return True
    if len(line) > 12 * words or len(line.split()) > words:
        return False
    if not (line[0].isupper() or line[0].isdigit() or line[0] in "\"“‘'"):
        return False
    core = line.rstrip(_CLOSERS)
    if not core or core[-1] in ends:
        return False
    if any(can_start(line, m.end() - 1, 0, len(line)) for m in _INNER_END.finditer(core)):
        return False  # two sentences
    return any(c.isalpha() for c in line)


#: A section label in capitals that a text's converter closed with a full stop
#: ("ABSTRACT.", "LETTERS.", "TOP STORIES.").
_CAPS_LABEL = re.compile(r"[A-Z][A-Z0-9 &'’-]{0,40}[A-Z]\.")


def _stopped_title(text: str, line: str, after: tuple[int, int] | None) -> bool:
    """A first line that a converter closed with a full stop is the title ("Council votes
    to close bridge.") when the next unit tells it: it opens with a place's dateline
    ("PARIS (AP) —": a dateline opens the body) or is a section label in capitals
    ("ABSTRACT."). A short first sentence of a body ("The bridge closed.") stays a
    paragraph."""
    if after is None or not line.endswith(".") or line.endswith(".."):
        return False
    if not _headline_like(line[:-1], 25):
        return False
    s, e = after
    dateline = _DATELINE.match(text, s, e)
    if dateline is not None and not dateline.group().endswith(":"):
        return True
    return _CAPS_LABEL.fullmatch(text, s, e) is not None


def _names_only(words: str) -> bool:
    """Every word capitalised, a number or a small word of a byline ("of", "staff")."""
    return all(
        w[0].isupper() or w[0].isdigit() or w.lower() in _SMALL_WORDS
        for w in re.findall(r"[^\s,|•/&()-]+", words)
    )


#: A credit on a line of its own after a dash: who wrote or published the passage above
#: it ("–The Harbour Ledger", "- Harbour Ledger staff", "— Ann Lee").
_CREDIT = re.compile(r"(?:--|[-–—―])[ \t]*([A-Z][^\n]{0,80})")


def _credit(text: str, cut: Sequence[tuple[int, int, bool, str]], k: int) -> bool:
    """Whether the one-line unit ``cut[k]`` is a credit (:data:`_CREDIT`): a few words,
    all names, not closed like a sentence nor by a dash ("— Live —"); an item of a list
    ("- Harbour Ledger" beside "- Ferry Times") is none."""
    s, e, several, _ = cut[k]
    m = _CREDIT.fullmatch(text, s, e)
    if several or m is None or text[e - 1] in ".!?:;,-–—―" or len(m[1].split()) > 8:
        return False
    items = (_LIST_ITEM.match(text, cut[j][0]) for j in (k - 1, k + 1) if 0 <= j < len(cut))
    return _names_only(m[1]) and not any(items)


def _byline(line: str) -> bool:
    if not _BYLINE.match(line) or line.rstrip(_CLOSERS)[-1] in ".!?:;" or len(line) > 120:
        return False
    return _names_only(line[2:])


#: A cited work on a line of its own: its title in quotation marks, then "by" and its
#: authors, outlet and date ('"Title," by Ann Lee, The Daily Post, June 8, 2018:').
_CITATION = re.compile(r"[\"“‘'][^\n\"“”]{3,200}?[,.]?[\"”’'][,.]?[ \t]+by[ \t]+(?=[A-Z])")


def _citation(line: str) -> bool:
    m = _CITATION.match(line)
    if m is None or len(line) > 250:
        return False
    rest = line[m.end() :].rstrip(":")
    if not rest or rest[-1] in ".!?;" or rest[-1] in _CLOSERS:
        return False
    return _names_only(rest)


#: A copyright or distribution notice ("© 2018 The Post, Inc. All Rights Reserved.").
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright\b)[ \t]*(?:©|\(c\))?[ \t]*\d{4}\b", re.I)
_RESERVED = re.compile(r"\ball rights reserved\b", re.I)


def _copyright(line: str) -> bool:
    return len(line) <= 250 and (
        _COPYRIGHT.match(line) is not None or _RESERVED.search(line) is not None
    )


#: A share bar scraped with the page ("665 SHARES Facebook Twitter").
_SHARE_BAR = re.compile(
    r"(?:\d[\d,.]*[kKmM]?[ \t]+)?shares?(?:[ \t]+(?:on[ \t]+)?(?:facebook|twitter|x|pinterest"
    r"|reddit|linkedin|whatsapp|telegram|email|e-mail|print|tweet|share|[|•·/]))*",
    re.I,
)


def _kind(line: str, first: bool) -> str:
    """The kind of a one-line unit (a paragraph of several lines is a paragraph)."""
    if _LIST_ITEM.match(line):
        return "list_item"
    if _SHARE_BAR.fullmatch(line) or page_line(line):
        return "furniture"
    if _byline(line) or _citation(line) or _copyright(line) or _AGENCY_CREDITS.fullmatch(line):
        return "byline"
    if _CAPTION_HEAD.match(line) or _CAPTION_TAIL.search(line):
        return "caption"
    if _DATELINE_ALONE.match(line) and line[-1] in "—–-)":
        return "dateline"
    if first and _headline_like(line, 25):
        return "title"
    if _headline_like(line, 15, ".,;:…?!"):  # a question in the body is body
        return "heading"
    return "paragraph"


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether single line breaks inside paragraphs are mostly wraps of running text."""
    breaks = lower = 0
    for (s0, e0), (s1, e1) in pairwise(lines):
        if s0 < e0 and s1 < e1:
            breaks += 1
            lower += text[s1].islower()
    return lower >= 2 and lower >= 0.3 * breaks


#: Words a line of running text cannot stop on: an article or a possessive waits for its
#: noun.
_WAITS_FOR_NOUN = _words("the a an its their his her our my your whose")
_LAST_WORD = re.compile(r"(?<![\w'’-])([a-z]+)$")


def _cut_mid_sentence(text: str, unit: tuple[int, int, bool], s: int, e: int) -> bool:
    """A line break where a sentence cannot end: after an abbreviation or an initial
    ("U.S.\nAmbassador Lund", "H.\nR. Castell", "Mr.\nLund") or after an article or a
    possessive ("over the\nInternet"): a scraped text cut inside a sentence."""
    start, end, _ = unit
    if text[end - 1] == ".":
        return start_strength(text, s, start, e) == 0
    last = _LAST_WORD.search(text, start, end)
    item = text[s] == ">" or _LIST_ITEM.match(text, s) is not None
    return last is not None and last.group(1) in _WAITS_FOR_NOUN and not item


#: A section label, one word in capitals, above a headline ("OPINION", "ANALYSIS"); two
#: words may be a headline over its subheading ("STORM HITS" / "Thousands without power").
_KICKER = re.compile(r"[A-Z][A-Z&'’-]+")


def _kicker(text: str, cut: Sequence[tuple[int, int, bool, str]]) -> bool:
    """Whether the first unit is a section label in capitals over a line that is a title
    itself: the headline is that line, the label a heading."""
    if len(cut) < 3 or cut[0][2] or cut[1][2] or cut[0][3] or cut[1][3]:
        return False
    return bool(_KICKER.fullmatch(text, cut[0][0], cut[0][1])) and (
        _kind(text[cut[1][0] : cut[1][1]], True) == "title"
    )


def find_blocks(text: str) -> tuple[Block, ...]:
    """The blocks of ``text`` in order (see the module docstring)."""
    lines = _lines(text)
    wrapped = _hard_wrapped(text, lines)
    units: list[tuple[int, int, bool]] = []  # (start, end, several lines)
    prev_blank = True
    for s, e in lines:
        if s == e:
            prev_blank = True
            continue
        starts_unit = (
            prev_blank
            or _LIST_ITEM.match(text, s) is not None
            or text[s] == ">"
            or (not wrapped and not text[s].islower())
        )
        if starts_unit and not prev_blank and units and _cut_mid_sentence(text, units[-1], s, e):
            starts_unit = False  # "... outgoing U.S.\nAmbassador Lund", "... over the\nInternet"
        if starts_unit or not units:
            units.append((s, e, False))
        else:
            units[-1] = (units[-1][0], e, True)
        prev_blank = False
    blocks: list[Block] = []
    seen_body = False
    # a one-unit text is one post or line as it is (a post's signature is part of it)
    cut = cut_widgets(text, units) if len(units) > 1 else [(*u, "") for u in units]
    title_at = 1 if _kicker(text, cut) else 0  # "OPINION" above the headline: a label
    for k, (s, e, several, forced) in enumerate(cut):
        line = text[s:e]
        kind = forced or ("paragraph" if several or len(units) == 1 else _kind(line, k == title_at))
        after = (cut[1][0], cut[1][1]) if k == 0 and len(cut) > 1 else None
        if kind == "paragraph" and not forced and not several and _stopped_title(text, line, after):
            kind = "title"  # "Council votes to close bridge." before "PARIS (AP) — ..."
        if kind in BODY and not forced and len(units) > 1 and _credit(text, cut, k):
            kind = "byline"  # "–The Harbour Ledger" under the passage it took
        if kind == "paragraph" and not seen_body:
            m = _DATELINE.match(text, s, e)
            if m:
                blocks.append(Block(s, m.end(), "dateline"))
                s = _past_blanks(text, m.end(), e)
        if kind == "list_item" and (item := _LIST_ITEM.match(text, s)):
            s = item.end() - 1  # the item's words, without its marker
        # an editor's note in parentheses ("(Updates with ...)") and summary bullets come
        # before the body's first paragraph
        note = line.startswith("(") and line.rstrip().endswith(")")
        seen_body = seen_body or (kind == "paragraph" and not note)
        blocks.append(Block(s, e, kind))
    return tuple(blocks)


# -- sentence starts ---------------------------------------------------------------------

#: Abbreviations after which a sentence never starts.
_NEVER_FINAL = _words(
    "mr mrs ms messrs dr prof sen sens rep reps gov gen lt col maj sgt capt cmdr adm cpl pvt"
    " rev hon pres supt insp det st mt ft vs v e.g i.e cf viz approx fig figs vol pp ch art"
    " nos"
)
#: Abbreviations after which a sentence never starts when a number follows.
_BEFORE_NUMBER = _words("no jan feb mar apr jun jul aug sep sept oct nov dec p para sec")
_TIME_ZONES = _words(
    "est edt et cst cdt ct mst mdt mt pst pdt pt gmt utc bst cet cest ist jst aest aedt akst hst"
)
#: Words that follow "U.S." or "U.K." inside a name ("the U.S. Senate").
_AFTER_COUNTRY = _words(
    "senate house congress army navy air marine marines coast department embassy government"
    " attorney attorneys court supreme president secretary treasury census border postal"
    " military forces officials intelligence ambassador special capitol chamber dollar"
    " economy election open government ministry parliament foreign home prime health"
)
#: Initials that name a place or a body, not a person, and may end a sentence.
_PLACE_INITIALS = _words("u.s u.k u.n e.u d.c l.a n.y u.s.a u.a.e n.j n.z s.f")
_OPENERS = "([{“‘«—–-"
#: Words that open sentences but never follow a street abbreviation or an initial inside a
#: name: "Plan B. The ..." and "Main St. The ..." end a sentence, "St. Louis" does not.
_SENTENCE_OPENERS = _words(
    "the a an this that these those it its he she they we i you there here but and so yet"
    " then when while if after before however meanwhile still"
)
#: Abbreviations that may end a sentence before one of :data:`_SENTENCE_OPENERS`.
_FINAL_BEFORE_OPENER = _words("st")


def _word_before(text: str, lo: int, p: int) -> tuple[str, bool]:
    """The word that ends before ``p``, past whitespace and closing quotes or brackets
    (``"Stop." ”`` gives ``"Stop.``), and whether any closing mark was passed."""
    e = p
    while e > lo and (_blank(text[e - 1]) or text[e - 1] in _CLOSERS):
        e -= 1
    s = e
    while s > lo and not _blank(text[s - 1]):
        s -= 1
    return text[s:e], e < p and any(not _blank(ch) for ch in text[e:p])


def _word_at(text: str, p: int, hi: int) -> str:
    e = p
    while e < hi and not text[e].isspace():
        e += 1
    return text[p:e]


def _closing(text: str, p: int, lo: int) -> bool:
    """Whether the mark at ``p`` closes something (or is punctuation that never opens)."""
    c = text[p]
    if c in "”’»)]},.;:!?%…":
        return True
    if c in "\"'":  # after a word, or alone before a space: closing
        if p > lo and not text[p - 1].isspace() and text[p - 1] not in _OPENERS:
            return True
        return p + 1 >= len(text) or text[p + 1].isspace()
    return False


def can_start(text: str, p: int, lo: int, hi: int) -> bool:
    """Whether a sentence may start at ``p`` inside the body block ``[lo, hi)``."""
    return start_strength(text, p, lo, hi) > 0


#: A name written in lower then upper case ("iCloud", "eBay"): it may open a sentence.
_CAMEL = re.compile(r"[a-z]{1,3}[A-Z]")


def start_strength(text: str, p: int, lo: int, hi: int) -> int:
    """0 where a sentence cannot start at ``p`` inside the body block ``[lo, hi)``, 2
    where one surely starts (after "!", "?" or an ellipsis, or "a.m." that ends a
    sentence), 1 where one may (a full stop: a parser decides)."""
    if p <= lo:
        return 2
    if not _blank(text[p - 1]) or p >= hi:
        return 0
    nxt = _word_at(text, p, hi).lstrip("\"'“‘([")
    lower = text[p].islower() or nxt[:1].islower()
    if (lower and not _CAMEL.match(nxt)) or _closing(text, p, lo):
        return 0  # a lower-case word goes on the sentence, unless a name ("iCloud", "eBay")
    core, closed = _word_before(text, lo, p)
    if not core or core[-1] not in ".!?…":
        return 0
    if closed:
        return 1  # a full stop, "!" or "?" inside closing quotes or brackets
    if core[-1] != "." or core.endswith(".."):
        return 2  # "!", "?", an ellipsis
    stem = core[:-1].lstrip("\"'“‘([")
    low = stem.lower()
    opener = nxt.rstrip(".,;:!?").lower() in _SENTENCE_OPENERS
    if low in _FINAL_BEFORE_OPENER and opener:
        return 1  # "Main St. The ..."
    if low in _NEVER_FINAL or (low in _BEFORE_NUMBER and nxt[:1].isdigit()):
        return 0
    if len(stem) == 1 and stem.isupper() and nxt[:1].isupper() and not opener:
        return 0  # an initial: "John F. Kennedy" (but "Plan B. The ...")
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", stem):  # "U.S", "a.m"
        head = nxt.rstrip(".,;:!?").lower()
        if low in ("a.m", "p.m"):
            return 0 if head in _TIME_ZONES else 2
        if head in _AFTER_COUNTRY:
            return 0
        if re.fullmatch(r"(?:[A-Z]\.){1,2}[A-Z]", stem) and low not in _PLACE_INITIALS:
            # a person's initials before the surname: "H.R. Castell" (but "the U.S. Critics")
            return 0 if nxt[:1].isupper() and not opener else 1
        return 1
    return 1


def _starts_of_blocks(blocks: Sequence[Block]) -> list[int]:
    return [b.start for b in blocks]


def sentence_spans(
    text: str, blocks: Sequence[Block], proposed: Iterable[int]
) -> list[tuple[int, int, str]]:
    """Sentences ``(start, end, block kind)``: every block start, and the ``proposed``
    starts that :func:`can_start` allows inside body blocks. A piece without a letter or
    digit joins the sentence before it in its block, or is dropped (unless the whole text
    is such pieces)."""
    bstarts = _starts_of_blocks(blocks)
    cuts: list[set[int]] = [set() for _ in blocks]
    for p in proposed:
        k = bisect_right(bstarts, p) - 1
        block = blocks[k] if k >= 0 else None
        if block and block.kind in BODY and can_start(text, p, block.start, block.end):
            cuts[k].add(p)
    out: list[tuple[int, int, str]] = []
    marks: list[tuple[int, int, str]] = []  # pieces without a letter or digit
    for block, inner in zip(blocks, cuts, strict=True):
        points = [block.start, *sorted(inner - {block.start}), block.end]
        first = len(out)
        for s, e in pairwise(points):
            while e > s and _blank(text[e - 1]):
                e -= 1
            if any(ch.isalnum() for ch in text[s:e]):
                out.append((s, e, block.kind))
            elif len(out) > first:  # stray marks join the sentence before them
                out[-1] = (out[-1][0], e, block.kind)
            elif s < e:
                marks.append((s, e, block.kind))
    return out or marks  # a text of marks only keeps them: no text is without sentences


def rule_spans(text: str) -> list[tuple[int, int, str]]:
    """The rule-based sentences of ``text``: every place :func:`can_start` allows."""
    blocks = find_blocks(text)
    proposed = (m.start() for m in re.finditer(r"(?<=\s)\S", text))
    return sentence_spans(text, blocks, proposed)


# -- spaCy -------------------------------------------------------------------------------


def paragraph_breaks(doc: Any) -> Any:
    """Mark, before spaCy's parser runs, where sentences must and must not start.

    Every block start opens a sentence; no token inside a title, heading, dateline,
    byline or caption does; inside body blocks a token may open one only where
    :func:`can_start` allows it (the parser keeps boundaries that are already set).
    """
    text = doc.text
    blocks = find_blocks(text)
    doc.user_data["unspin_blocks"] = blocks
    k = 0
    for token in doc:
        p = token.idx
        while k < len(blocks) and blocks[k].end <= p:
            k += 1
        if k == len(blocks) or p < blocks[k].start:
            continue  # whitespace between blocks
        block = blocks[k]
        strength = start_strength(text, p, block.start, block.end) if block.kind in BODY else 0
        if p == block.start or strength == 2:
            token.is_sent_start = True
        elif strength == 0:
            token.is_sent_start = False
    return doc


def add_paragraph_breaks(nlp: Any) -> None:
    """Add :func:`paragraph_breaks` to a loaded spaCy pipeline, before its parser."""
    from spacy.language import Language

    name = "unspin_paragraph_breaks"
    if name not in Language.factories:
        Language.component(name, func=paragraph_breaks)
    if name not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(name, before=before) if before else nlp.add_pipe(name, first=True)
