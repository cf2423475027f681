"""The second half of a "not A, but B" contrast that the parse hung outside the content.

"The paper quoted an aide as saying that Vik was not opposed by Lund, but by the board":
what the aide said is the whole contrast; the content read from the clause stops after
"Lund" when the parse hangs "but by the board" on the verb of saying. A content that
denies something and is followed by ", but" and a phrase with no verb of its own, up to
the end of the sentence, runs on to that end; after "not only" ("not only is it known
that A, but it is also known that B") the tail may be a clause of its own, not one with a
verb of saying. So may the tail of a content opening with "first" when it has a modal of
the content's own ("said that first the plant would close, but the staff would be paid"):
the speaker's sequence; "first A, but the staff were paid" is the writer's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from unspin.nlp import Token
from unspin.sources.lexicon import VERB_FORMS
from unspin.sources.state import Event, RunState

__all__ = ["take_in_contrast_tails"]

_NEGATION = re.compile(r"\b(?:not|never|no)\b|n['’]t\b", re.I)
_BUT = re.compile(r"\s*,?\s*but\s+(?:rather\s+|instead\s+)?", re.I)
#: The longest tail taken in, in characters; after "not only", whose "but" half is a
#: clause of the same statement ("not only is it known that A, but it is also known that B").
_MOST = 80
_MOST_PAIRED = 300
_NOT_ONLY = re.compile(r"\s*not\s+(?:only|just|merely|simply)\b", re.I)
_FIRST = re.compile(r"\s*(?:at\s+)?first\b", re.I)


def take_in_contrast_tails(st: RunState, events: list[Event]) -> None:
    """Run a negated content on over its ", but B" tail (see the module)."""
    if not st.has_parse:
        return
    for e in events:
        if e.content is None or e.pieces or e.in_quote is not None:
            continue
        c0, c1 = e.content
        first = _FIRST.match(st.text, c0) is not None  # "first A, but B" with B's modal
        if e.cue[0] >= c0 or not (first or _NEGATION.search(st.text, c0, c1)):
            continue  # only a content after its cue, and one that denies something
        but = _BUT.match(st.text, c1)
        if but is None:
            continue
        end = _sentence_end(st, c1)
        tail = st.text[but.end() : end].rstrip(" .!?\"'”’")
        paired = _NOT_ONLY.match(st.text, c0) is not None  # "not only A, but (also) B"
        if not tail or len(tail) > (_MOST_PAIRED if paired else _MOST) or "\n" in tail:
            continue
        tail_end = but.end() + len(tail)
        toks = st.parsed.tokens_in(but.end(), tail_end)
        if first and not paired:
            paired = _modals(toks) & _modals(st.parsed.tokens_in(c0, c1)) != set()
            if not paired and not _NEGATION.search(st.text, c0, c1):
                continue
        if not toks or any(t.pos in ("VERB", "AUX") and (not paired or _says(st, t)) for t in toks):
            continue  # a clause of its own: "but Lund said ...", "but it failed"
        e.content = (c0, _closing_mark(st.text, c0, tail_end, end))


def _modals(toks: Sequence[Token]) -> set[str]:
    return {t.lower for t in toks if t.tag == "MD"}


def _says(st: RunState, t: Token) -> bool:
    """``t`` is a verb of saying with a subject of its own ("but Lund said ..."), not a
    passive one ("but he was told ...")."""
    return t.lower in VERB_FORMS and st.ix is not None and bool(st.ix.kids(t.i, "nsubj"))


def _closing_mark(text: str, start: int, end: int, limit: int) -> int:
    """``end``, or past the closing quotation mark (and the stop before it) of a quotation
    the content ``[start, end)`` opens and leaves open ('that he was “told ... decision.”')."""
    if text.count("“", start, end) <= text.count("”", start, end):
        return end
    close = text.find("”", end, limit)
    return close + 1 if close >= 0 and not text[end:close].strip(" .!?") else end


def _sentence_end(st: RunState, pos: int) -> int:
    """Where the sentence holding ``pos`` ends."""
    k = st.sentence_at(pos)
    sentences = st.parsed.sentences
    return sentences[k].end if sentences else len(st.text)
