"""Edges of an "according to" attribution that the parse runs too far.

:func:`source_end` ends the source before a relative clause set off by a comma ("according
to the harbour report, which was published on Friday": the report, not when it came
out); :func:`contrast_start` starts the content of a closing "according to" at the clause
it hangs on when that clause follows "though" or "although" ("Ferries need no permit,
though only 3% of skippers think the bay is safe, according to a survey": the survey
found the 3%, not the rule before it); :func:`bracket_scope` keeps an "according to"
inside brackets to what the brackets hold ("given its battery life (about a day,
according to the maker), a reserve mode helps": the maker gave the day, not the rest).
Used by :mod:`~unspin.sources.parse_events`.
"""

from __future__ import annotations

from unspin.nlp import Token
from unspin.sources.parse_index import ParseIndex

__all__ = ["bracket_scope", "contrast_start", "source_end"]

_CONTRAST_MARKS = frozenset({"though", "although"})


def source_end(ix: ParseIndex, source: Token) -> int | None:
    """The last token of the source ``source`` (the object of "according to") before a
    relative clause of it that follows a comma; ``None`` when it has none."""
    toks = ix.parsed.tokens
    for r in ix.kids(source.i, "relcl"):
        lo = ix.subtree(r.i)[0]
        if lo > source.i + 1 and toks[lo - 1].text == ",":
            return lo - 2
    return None


def contrast_start(ix: ParseIndex, head: Token, sentence_first: int) -> int | None:
    """The first token of the content of an "according to" that hangs on ``head`` at the
    end of its sentence (which starts at token ``sentence_first``), when ``head`` heads a
    clause opened by "though" or "although" after the sentence's first words: the token
    after that word; ``None`` otherwise."""
    if head.dep != "advcl":
        return None
    marks = [m for m in ix.kids(head.i, "mark") if m.lower in _CONTRAST_MARKS]
    if not marks or ix.subtree(head.i)[0] != marks[0].i or marks[0].i <= sentence_first + 1:
        return None
    return marks[0].i + 1


def bracket_scope(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    """The edges of the brackets inside the sentence ``text[lo:hi]`` that enclose the
    "according to" phrase ``text[start:end]``; ``(lo, hi)`` when none do."""
    open_ = text.rfind("(", lo, start)
    if open_ < 0 or ")" in text[open_ + 1 : start]:
        return lo, hi
    close = text.find(")", end, hi)
    if close < 0 or "(" in text[end:close]:
        return lo, hi
    return open_ + 1, close
