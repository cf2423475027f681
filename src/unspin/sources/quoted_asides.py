"""Reported contents run over a quotation's own attribution, cut back to their side of it.

:func:`own_cue_cut`: '"The odds were poor" he said, but the file was found on Friday':
the parse hangs "he said" on the quotation's verb and the "but" clause on that verb too,
so the content of "said" came out as the whole sentence with its own verb and speaker
inside; what "said" reports is the quotation before them, when a clause with a subject
of its own follows ('They have "X," he said, and are steering away' is one content).

:func:`dash_quotation`: 'She phoned her brother to say the road is clear — "We made it,"
she said — but he still frets': a quotation set off by a dash right before its own "she
said" is all that "said" reports (the writer's clause before the dash is nobody's words),
and it is no part of what "say" reports either: the quotation has its own verb of saying.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from unspin.sources.lexicon import VERB_FORMS
from unspin.sources.state import RunState

__all__ = ["dash_quotation", "own_cue_cut"]

#: What may stand between a quotation's close and its verb of saying: the speaker, a few
#: words with no clause break ("he", "Mr. Lund", "the mayor's aide").
_SPEAKER_GAP = re.compile(r"[\s,]*(?:[\w.’'\-]+\s+){0,5}")
#: A dash that opens an aside before a quotation ("the road is clear — ", " -- ", " - ").
_DASH_END = re.compile(r"(?:[—–]|\s--?)\s*\Z")
_OPENING_MARKS = '"“«‘'
#: Dependencies of a clause's own verb (not "containing" of "the file containing ...").
_CLAUSE_DEPS = frozenset({"conj", "parataxis", "ccomp", "advcl", "ROOT"})
#: Words that join the writer's clause to a verb of saying ("he said, as the crowd ...").
_JOINERS = frozenset({"but", "and", "yet", "so", "as", "while", "though", "although"})
#: Parts of speech of a speaker after its verb and the comma after it ("said Ann Lund,").
_SPEAKER_POS = frozenset({"PROPN", "PRON", "DET", "NOUN", "ADJ", "PUNCT", "PART"})


def own_cue_cut(st: RunState, span: tuple[int, int] | None, cue: int) -> tuple[int, int] | None:
    """``span``, or its part up to the quotation right before its verb of saying (at
    char ``cue``) when the span runs on over that verb into the writer's words after it
    (see the module); a quotation that goes on after the verb ('"We won," he said, "and
    we will win again"') keeps the span whole."""
    if span is None or not span[0] < cue < span[1]:
        return span
    k = bisect_right(st.top_quote_starts, cue) - 1
    if k < 0:
        return span
    q = st.top_quotes[k]
    if not q.closed or q.start < span[0] or q.end > cue:
        return span
    if not _SPEAKER_GAP.fullmatch(st.text, q.end, cue):
        return span
    if k + 1 < len(st.top_quotes) and st.top_quotes[k + 1].start < span[1]:
        return span  # the quotation goes on after the verb
    if not _joined_clause_after(st, cue, span[1]):
        return span  # 'They have "X," he said, and are steering away': one content
    return st.trim_chars(span[0], q.end) or span


def _joined_clause_after(st: RunState, cue: int, end: int) -> bool:
    """Whether the verb of saying at char ``cue`` (with its speaker) is followed, up to
    ``end``, by a conjunction and a clause with a subject of its own there ("he said,
    but the file was found", "said Lund, as the crowd cheered"): the writer's clause,
    not the rest of what was said ("he said, and are steering away"; "he wrote, Lund is
    ...", a content split by its verb)."""
    if st.ix is None:
        return False
    after = st.parsed.tokens_in(cue, end)[1:]
    n = next(
        (n for n, t in enumerate(after) if t.pos in ("CCONJ", "SCONJ") or t.lower in _JOINERS),
        len(after),
    )
    if n == len(after) or any(t.pos not in _SPEAKER_POS for t in after[:n]):
        return False
    joiner = after[n].i
    for v in after[n + 1 :]:
        if v.pos in ("VERB", "AUX") and v.dep in _CLAUSE_DEPS:
            kids = st.ix.kids(v.i, "nsubj", "nsubjpass", "expl")
            return any(s.i > joiner for s in kids)
    return False


def dash_quotation(st: RunState, span: tuple[int, int] | None, cue: int) -> tuple[int, int] | None:
    """``span`` without the side of a dash that is not its verb's (see the module): the
    quotation alone when the verb at char ``cue`` follows it; the words before the dash
    when another verb of saying follows the quotation that ends the span."""
    if span is None:
        return span
    k = st.top_quote_index(span[1] - 1)
    if k is None:
        return span
    q = st.top_quotes[k]
    if not q.closed or q.start <= span[0] or q.end > span[1] + 1:
        return span
    lead = st.text[span[0] : q.start]
    if not _DASH_END.search(lead) or (k > 0 and st.top_quotes[k - 1].end > span[0]):
        return span  # '"I doubt it" -- that ... -- "will last," he says': one quotation
    if span[1] <= cue:
        if not _SPEAKER_GAP.fullmatch(st.text, q.end, cue):
            return span
        return st.trim_chars(q.inner_start, q.inner_end) or span
    if cue < span[0] and _own_verb_after(st, q.end):
        return st.trim_chars(span[0], span[0] + len(_DASH_END.sub("", lead))) or span
    return span


def _own_verb_after(st: RunState, end: int) -> bool:
    """Whether a verb of saying with its subject follows the quotation closing at char
    ``end`` within a few words ('— "I am fine," he said —')."""
    after = st.parsed.tokens_in(end, min(len(st.text), end + 60))[:5]
    for t in after:
        if t.text in (".", "!", "?", ";", ":") or t.text in _OPENING_MARKS:
            return False
        if t.lower in VERB_FORMS and t.pos == "VERB":
            return _SPEAKER_GAP.fullmatch(st.text, end, t.start) is not None
    return False
