"""Finding direct quotations in raw text: quotation marks of every common style, block quotes.

This module only looks at characters, so it works the same whatever the NLP backbone.
It pairs opening and closing marks paragraph by paragraph, tells apostrophes
(``don't``, ``James's``, ``the '90s``) and inch marks (``a 6" pipe``) from quotation
marks, follows the convention that a quotation running over several paragraphs
re-opens (without closing) at the start of each paragraph, and reads ``> `` prefixed
lines (what the ingesters keep of HTML and Markdown block quotes) as block quotes.
Deciding which quotations are real (not scare quotes) is the analyzer's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["QuoteSpan", "find_quotes", "paragraph_spans"]


@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: ``[start, end)`` includes the marks, ``[inner_start, inner_end)`` does not."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    style: str
    open_mark: str
    close_mark: str
    closed: bool = True
    paragraphs: int = 1
    parent: int | None = None  # index (in the returned list) of an enclosing quotation

    @property
    def is_block(self) -> bool:
        return self.style == "block"


_BLANK_SPLIT = re.compile(r"\n[ \t]*\n\s*")
_LINE_SPLIT = re.compile(r"\n\s*")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph offsets: blank-line separated, or one per line where no blank line exists."""
    splitter = _BLANK_SPLIT if _BLANK_SPLIT.search(text) else _LINE_SPLIT
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in splitter.finditer(text):
        _add_trimmed(text, pos, m.start(), spans)
        pos = m.end()
    _add_trimmed(text, pos, len(text), spans)
    return spans


def _add_trimmed(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        out.append((start, end))


# ----------------------------------------------------------------------------------------
# Mark classification

_LEFT_OPEN_CONTEXT = set("([{<—–-/'‘“\"«»‹›„‚") | {"\u00a0"}
_RIGHT_CLOSE_CONTEXT = set(".,;:!?)]}>—–-…'’\"”»«‹›")
_YEAR_RE = re.compile(r"\d\d(?:s\b|\b)")
_ELISION_RE = re.compile(r"(?:em|til|cause|cos|tis|twas|n|bout|round|cuz|nuff|kay)\b", re.I)
_WORD_RE = re.compile(r"[\w’'-]+")
_PARA_OPENERS = set("\"“„‟«»‹›'‘‚")


def _left_is_boundary(text: str, i: int, lo: int) -> bool:
    return i <= lo or text[i - 1].isspace() or text[i - 1] in _LEFT_OPEN_CONTEXT


def _right_is_boundary(text: str, i: int, hi: int) -> bool:
    return i + 1 >= hi or text[i + 1].isspace() or text[i + 1] in _RIGHT_CLOSE_CONTEXT


@dataclass
class _Mark:
    pos: int
    char: str
    can_open: bool
    can_close: bool
    weak_close: bool = False
    closing_context: bool = False  # text before it, a space or punctuation after it


def _straight_double(text: str, i: int, lo: int, hi: int) -> _Mark | None:
    left_b = _left_is_boundary(text, i, lo)
    right_b = _right_is_boundary(text, i, hi)
    if left_b and right_b:
        return None if i > lo and i + 1 < hi else _Mark(i, '"', i == lo, i + 1 >= hi)
    if left_b:
        return _Mark(i, '"', True, False)
    if right_b:
        # 6" or 12" followed by a word or a dimension: an inch mark, not a quotation mark
        if text[i - 1].isdigit():
            after = text[i + 1 : i + 3]
            if not after or after[0] in "-x×" or (after[0] == " " and after[1:2].isalnum()):
                return _Mark(i, '"', False, False)
        return _Mark(i, '"', False, True)
    return _Mark(i, '"', False, True)  # word"word: can only close a pending quotation


def _single(text: str, i: int, lo: int, hi: int, char: str) -> _Mark | None:
    """Classify ``'``, ``‘`` or ``’``; ``None`` for apostrophes."""
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    if prev.isalnum() and nxt.isalnum():
        return None  # don't, O'Neil, James's
    left_b = _left_is_boundary(text, i, lo)
    right_b = _right_is_boundary(text, i, hi)
    if left_b and not right_b:
        rest = text[i + 1 : i + 6]
        if _YEAR_RE.match(rest) or _ELISION_RE.match(rest):
            return None  # the '90s, 'em, 'til
        if char == "’" and not prev.isspace() and i > lo:
            return None
        return _Mark(i, char, True, False)
    if right_b and not left_b:
        if char == "‘":
            return None
        weak = prev in "sSzZ" and (nxt == " " and text[i + 2 : i + 3].isalnum())
        return _Mark(i, char, False, True, weak)
    return None


_DOUBLE_CURLY_CLOSERS = {"“": "”", "„": "“”", "‟": "”"}
_GUILLEMET_CLOSERS = {"«": "»", "»": "«", "‹": "›", "›": "‹"}
_SINGLE_CURLY_CLOSERS = {"‘": "’", "‚": "‘’"}

_STYLE = {
    '"': "straight-double",
    "“": "curly-double",
    "‟": "curly-double",
    "”": "curly-double",
    "„": "low-double",
    "«": "guillemets",
    "»": "guillemets",
    "‹": "guillemets",
    "›": "guillemets",
    "'": "straight-single",
    "‘": "curly-single",
    "’": "curly-single",
    "‚": "low-single",
}

_FAMILY_CHARS = {
    "straight-double": '"',
    "curly-double": "“”„‟",
    "guillemets": "«»‹›",
    "straight-single": "'",
    "curly-single": "‘’‚",
}
#: Families in priority order: when two quotations cross, the earlier family wins.
_FAMILY_ORDER = ("curly-double", "straight-double", "guillemets", "curly-single", "straight-single")


_FAMILY_RE = {f: re.compile("[" + re.escape(c) + "]") for f, c in _FAMILY_CHARS.items()}


def _marks(family: str, text: str, lo: int, hi: int) -> list[_Mark]:
    out: list[_Mark] = []
    for found in _FAMILY_RE[family].finditer(text, lo, hi):
        i = found.start()
        c = text[i]
        m: _Mark | None
        if family == "straight-double":
            m = _straight_double(text, i, lo, hi)
        elif c == "‚":
            m = _Mark(i, c, True, False)
        elif family in ("straight-single", "curly-single"):
            m = _single(text, i, lo, hi, c)
        elif family == "curly-double":
            if c in "“„‟":
                ctx = not _left_is_boundary(text, i, lo) and _right_is_boundary(text, i, hi)
                m = _Mark(i, c, True, c == "“", closing_context=ctx)
            else:  # ”: a closer; sloppy texts also open with it
                opens = _left_is_boundary(text, i, lo) and not _right_is_boundary(text, i, hi)
                m = _Mark(i, c, opens, True)
        else:  # guillemets: the first one seen sets the direction
            m = _Mark(i, c, True, True)
        if m is not None and (m.can_open or m.can_close):
            out.append(m)
    return out


def _closes(family: str, opener: _Mark, mark: _Mark) -> bool:
    if not mark.can_close:
        return False
    if family == "curly-double":
        if mark.char == "“" and opener.char == "“":
            return mark.closing_context  # sloppy typing: “We won,“ said Lund
        return mark.char in _DOUBLE_CURLY_CLOSERS.get(opener.char, "”")
    if family == "guillemets":
        return mark.char == _GUILLEMET_CLOSERS[opener.char]
    if family == "curly-single":
        return mark.char in _SINGLE_CURLY_CLOSERS.get(opener.char, "’")
    return True


def _pair_family(
    family: str, text: str, paragraphs: list[tuple[int, int]], blocks: list[tuple[int, int, int]]
) -> list[QuoteSpan]:
    out: list[QuoteSpan] = []
    pending: _Mark | None = None  # an opener carried over paragraphs
    pending_paras = 0
    wrapped = False  # the quotation pending runs on over a line break, not a paragraph
    for k, (lo, hi) in enumerate(paragraphs):
        content_lo = _block_content_start(text, lo, hi, blocks)
        marks = _marks(family, text, content_lo, hi)
        weak: _Mark | None = None
        first_opener_consumed = False
        if pending is not None and not wrapped:
            # the convention: a quotation re-opens at each new paragraph it runs into
            if marks and marks[0].pos == content_lo and marks[0].can_open:
                first_opener_consumed = True
                pending_paras += 1
            else:
                out.extend(_unclosed(family, text, pending, paragraphs[k - 1][1], pending_paras))
                pending = None
        nested_end = -1
        for idx, m in enumerate(marks):
            if (idx == 0 and first_opener_consumed) or idx <= nested_end:
                continue
            if pending is not None and _closes(family, pending, m):
                if m.weak_close:
                    weak = weak or m
                    continue
                curly = _curly_closer(text, pending, m) if family == "straight-double" else None
                if curly is not None:
                    # '"We will vote,” Lund said. “...”': opened straight, closed curly;
                    # the straight mark further on is another quotation's
                    out.append(_span(family, pending, curly, pending_paras))
                    last = text.rfind("“", curly.pos, m.pos)
                    if not m.can_open and "”" not in text[last : m.pos]:
                        # '... “We are watching," Ann Lund said': opened curly, closed straight
                        out.append(_span(family, _Mark(last, "“", True, False), m, 1))
                    pending, weak = (m, None) if m.can_open else (None, None)
                    continue
                out.append(_span(family, pending, m, pending_paras))
                pending, weak = None, None
            elif m.can_open:
                inner = _nested_close(family, marks, idx) if first_opener_consumed else None
                if pending is not None and inner is not None:
                    # "‘The fact that ‘Lund’ spoke ...": a quotation inside one that runs
                    # over paragraphs in the same marks; the outer one goes on
                    out.append(_span(family, m, marks[inner], 1))
                    nested_end = inner
                    continue
                if pending is not None and weak is not None:
                    out.append(_span(family, pending, weak, pending_paras))
                elif pending is not None and pending_paras > 1:
                    out.extend(_unclosed(family, text, pending, m.pos, pending_paras))
                pending, weak, pending_paras = m, None, 1
        if pending is not None and weak is not None:
            out.append(_span(family, pending, weak, pending_paras))
            pending = None
        straight = _straight_closer(text, pending, hi) if family == "curly-double" else None
        if straight is not None and pending is not None:
            # '... argue that “there is a rule," citing a "case."': closed straight
            out.append(_span(family, pending, straight, pending_paras))
            pending = None
        nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
        wrapped = (
            pending is not None and nxt is not None and _wrapped(family, text, pending, hi, nxt)
        )
        if wrapped:
            continue
        if pending is not None and (nxt is None or text[nxt[0]] not in _PARA_OPENERS):
            out.extend(_unclosed(family, text, pending, hi, pending_paras))
            pending = None
    return out


def _nested_close(family: str, marks: list[_Mark], idx: int) -> int | None:
    """The index of the mark that closes the opener ``marks[idx]`` later in its paragraph
    (not a weak one, "the boss’ office"); ``None`` when none does."""
    return next(
        (
            j
            for j in range(idx + 1, len(marks))
            if _closes(family, marks[idx], marks[j]) and not marks[j].weak_close
        ),
        None,
    )


def _wrapped(family: str, text: str, opener: _Mark, hi: int, nxt: tuple[int, int]) -> bool:
    """True when the quotation ``opener`` opened runs on over the line break after ``hi``
    to a closing mark on the next line, a paragraph of a text with no blank lines: the
    line stops mid-sentence (no stop, colon or mark at its end), the next line opens with
    no mark and its first mark of the family closes the quotation ('"... money and\ntime
    we lack," she said'). A paragraph of a quotation of several opens with a mark."""
    if text[hi - 1] in ".!?…:;\"”’'»" or text[hi : nxt[0]].count("\n") != 1:
        return False
    if text[nxt[0]] in _PARA_OPENERS:
        return False
    marks = _marks(family, text, nxt[0], nxt[1])
    return bool(marks) and _closes(family, opener, marks[0]) and not marks[0].weak_close


def _straight_closer(text: str, opener: _Mark | None, hi: int) -> _Mark | None:
    """A straight double mark that closes a curly opening mark left open at the end of
    its paragraph: the first one after the opener in closing position (after a word or
    punctuation, before a space or punctuation), when the paragraph holds an odd number
    of straight marks after the opener (one of them has no straight mate)."""
    if opener is None or opener.char != "“":
        return None
    marks = [i for i in range(opener.pos + 1, hi) if text[i] == '"']
    if len(marks) % 2 == 0 or "”" in text[opener.pos : hi]:
        return None
    for i in marks:
        if not text[i - 1].isspace() and _right_is_boundary(text, i, hi):
            return _Mark(i, '"', False, True)
        return None  # the first straight mark opens: no closer of the curly one
    return None


def _curly_closer(text: str, opener: _Mark, closer: _Mark) -> _Mark | None:
    """A curly closing mark that closes a straight opening one before ``closer`` does
    ('"We will vote,” Lund said. “If not, we won't.” ... "'): the first curly double
    mark inside, a closer by its place (after a word or punctuation, before a space) with
    a curly opening mark after it, so a second quotation starts there."""
    for found in _FAMILY_RE["curly-double"].finditer(text, opener.pos + 1, closer.pos):
        i = found.start()
        if text[i] != "”":
            return None
        if text[i - 1].isspace() or not _right_is_boundary(text, i, closer.pos):
            return None
        if "“" not in text[i + 1 : closer.pos]:
            return None
        return _Mark(i, "”", False, True)
    return None


def _block_content_start(text: str, lo: int, hi: int, blocks: list[tuple[int, int, int]]) -> int:
    """Skip a leading ``>`` marker so a quotation mark after it counts as paragraph-initial."""
    for b_start, b_end, _ in blocks:
        if b_start <= lo < b_end:
            i = lo
            while i < hi and text[i] in "> \t":
                i += 1
            return i
    return lo


def _span(family: str, opener: _Mark, closer: _Mark, paras: int) -> QuoteSpan:
    return QuoteSpan(
        start=opener.pos,
        end=closer.pos + 1,
        inner_start=opener.pos + 1,
        inner_end=closer.pos,
        style=_STYLE.get(opener.char, family),
        open_mark=opener.char,
        close_mark=closer.char,
        closed=True,
        paragraphs=paras,
    )


def _unclosed(family: str, text: str, opener: _Mark, end: int, paras: int) -> list[QuoteSpan]:
    """A quotation never closed: kept only when it opens a paragraph or follows a colon."""
    before = text[: opener.pos].rstrip(" \t>")
    starts_para = not before or before.endswith("\n")
    after_colon = before.endswith(":")
    end = _line_end(text, opener.pos + 1, end)
    inner = text[opener.pos + 1 : end]
    if not (starts_para or after_colon) or len(_WORD_RE.findall(inner)) < 4:
        return []
    return [
        QuoteSpan(
            start=opener.pos,
            end=end,
            inner_start=opener.pos + 1,
            inner_end=end,
            style=_STYLE.get(opener.char, family),
            open_mark=opener.char,
            close_mark="",
            closed=False,
            paragraphs=paras,
        )
    ]


_SENTENCE_LINE_END = re.compile(r"[.!?…]['’\"”)]?[ \t]*\n")
#: A line ending in a closing mark, and a mark opening a quotation.
_CLOSED_LINE = re.compile(r"[.!?…,][\"”»][ \t]*(?:\n|\Z)")
#: How far past its paragraph a quotation's late closing mark is looked for.
_CLOSE_REACH = 600
_OPENER = re.compile(r"[“«„]|(?:^|(?<=[\s:(]))\"", re.M)


def _line_end(text: str, start: int, end: int) -> int:
    """Where a quotation never closed stops inside a paragraph of lines: at the first line
    that ends a sentence and is not followed by a line re-opening the quotation. Its
    mark was lost; the lines after it are the writer's again, not more of its words.
    Unless a later line ends in a closing mark of another kind with no quotation opened
    before it ('"We won.\nWe are back."'): the quotation closes there."""
    for m in _SENTENCE_LINE_END.finditer(text, start, end):
        nxt = text[m.end() : end].lstrip()
        if nxt and nxt[0] not in _PARA_OPENERS:
            closer = _CLOSED_LINE.search(text, m.end(), min(len(text), end + _CLOSE_REACH))
            if closer is not None and not _OPENER.search(text, m.end(), closer.start()):
                # closed at a later line's end (by a mark of another kind, or in a later
                # paragraph that did not re-open it)
                return min(end, closer.start() + len(closer.group().rstrip()))
            return m.start() + len(m.group().rstrip())
    return end


# ----------------------------------------------------------------------------------------
# Block quotes

_BLOCK_LINE = re.compile(r"^[ \t]*>[ \t]?(.*)$", re.M)
_INDENTED_PARA = re.compile(r"\A(?:(?:    |\t)[^\n]*\S[^\n]*(?:\n|\Z))+\Z")


def _block_quotes(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """``(start, end, paragraphs)`` of ``>`` blocks and of indented blocks after a colon."""
    blocks: list[tuple[int, int, int]] = []
    cur: list[int] | None = None  # [start, end, paragraphs]
    for m in _BLOCK_LINE.finditer(text):
        marker = text.index(">", m.start())
        content_end = m.start(1) + len(m.group(1).rstrip())
        if cur is not None and not text[cur[1] : m.start()].strip():
            cur[1] = max(cur[1], content_end)
            if "\n\n" in text[cur[1] : m.start()] or not m.group(1).strip():
                cur[2] += 1
            continue
        if cur is not None:
            blocks.append((cur[0], cur[1], cur[2]))
        cur = [marker, max(content_end, marker + 1), 1]
    if cur is not None:
        blocks.append((cur[0], cur[1], cur[2]))
    # indented paragraphs introduced by a colon
    for k in range(1, len(paragraphs)):
        lo, hi = paragraphs[k]
        line_start = text.rfind("\n", 0, lo) + 1
        if not text[paragraphs[k - 1][0] : paragraphs[k - 1][1]].endswith(":"):
            continue
        if _INDENTED_PARA.match(text[line_start:hi] + "\n") and text[lo] != ">":
            blocks.append((lo, hi, 1))
    return [b for b in sorted(blocks) if len(_WORD_RE.findall(text[b[0] : b[1]])) >= 3]


# ----------------------------------------------------------------------------------------


def find_quotes(text: str) -> list[QuoteSpan]:
    """Every quotation in ``text``, in text order, nested ones pointing at their parent."""
    paragraphs = paragraph_spans(text)
    blocks = _block_quotes(text, paragraphs)
    accepted: list[QuoteSpan] = []
    for family in _FAMILY_ORDER:
        if not any(c in text for c in _FAMILY_CHARS[family]):
            continue
        for q in _pair_family(family, text, paragraphs, blocks):
            if q.inner_end <= q.inner_start or not text[q.inner_start : q.inner_end].strip():
                continue
            if any(_crosses(q.start, q.end, a.start, a.end) for a in accepted):
                continue
            if any((q.start, q.end) == (a.start, a.end) for a in accepted):
                continue  # a mixed pair ('“..."') both families found
            accepted.append(q)
    for b_start, b_end, paras in blocks:
        # a block whose whole content is one quotation is one quotation: the block
        content = _strip_block(text, b_start, b_end)
        accepted = [
            q
            for q in accepted
            if not (b_start <= q.start and q.end <= b_end and _covers(text, q, content))
        ]
        if any(_crosses(b_start, b_end, a.start, a.end) for a in accepted):
            continue
        inner_start = b_start + 1 if text[b_start] == ">" else b_start
        while inner_start < b_end and text[inner_start] in " \t":
            inner_start += 1
        accepted.append(
            QuoteSpan(b_start, b_end, inner_start, b_end, "block", ">", "", True, paras)
        )
    accepted.sort(key=lambda q: (q.start, -q.end))
    out: list[QuoteSpan] = []
    stack: list[int] = []
    for q in accepted:
        while stack and out[stack[-1]].end <= q.start:
            stack.pop()
        parent = stack[-1] if stack and out[stack[-1]].end >= q.end else None
        out.append(_with_parent(q, parent))
        stack.append(len(out) - 1)
    return out


def _with_parent(q: QuoteSpan, parent: int | None) -> QuoteSpan:
    return QuoteSpan(
        q.start,
        q.end,
        q.inner_start,
        q.inner_end,
        q.style,
        q.open_mark,
        q.close_mark,
        q.closed,
        q.paragraphs,
        parent,
    )


def _crosses(a0: int, a1: int, b0: int, b1: int) -> bool:
    """True when the spans overlap without one containing the other."""
    return a0 < b1 and b0 < a1 and not (a0 <= b0 and b1 <= a1) and not (b0 <= a0 and a1 <= b1)


def _strip_block(text: str, start: int, end: int) -> str:
    return " ".join(
        line.strip().lstrip(">").strip() for line in text[start:end].split("\n")
    ).strip()


def _covers(text: str, q: QuoteSpan, block_content: str) -> bool:
    quoted = " ".join(
        line.strip().lstrip(">").strip() for line in text[q.start : q.end].split("\n")
    ).strip()
    rest = block_content.replace(quoted, "", 1) if quoted else block_content
    return len(_WORD_RE.findall(rest)) <= 4 and len(quoted) >= 0.6 * len(block_content)
