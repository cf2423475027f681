"""A phrase fronted before a verb of saying with no verb of its own and no subject: a
description of the sayer, not what the sayer said ("Not shy -- nor trying to hide --
Vell replied using her own phone": Vell was not shy; she did not say so). The parser
may make such a phrase the verb's clausal complement; it is no reported content. A
phrase in quotation marks stays a quotation, and a fronted clause with a subject stays
content ("More talks needed, the minister said")."""

from __future__ import annotations

from unspin.nlp import Token
from unspin.sources.parse_index import ParseIndex

__all__ = ["verbless_fronted"]

#: Tags of a finite verb or modal: a clause that can state something.
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: Dependencies of a clause's own subject.
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")
_QUOTES = frozenset("\"“”‘’«»'`")


def verbless_fronted(ix: ParseIndex, cue: Token, c: Token, lo: int, hi: int) -> bool:
    """``c`` (spanning tokens ``lo`` .. ``hi``), before the verb of saying ``cue``, has
    no finite verb, no order, no subject and no quotation mark: a description of the
    sayer."""
    if c.i >= cue.i or ix.kids(c.i, *_SUBJECTS) or _imperative(ix, c):
        return False
    toks = ix.parsed.tokens[max(lo - 1, 0) : cue.i]  # with a quotation mark just before it
    return not any(t.tag in _FINITE or _quote_mark(t.text) for t in toks)


def _quote_mark(text: str) -> bool:
    """A token of quotation marks only: '"', '“', "''" (two apostrophes for one mark)."""
    return bool(text) and all(ch in _QUOTES for ch in text)


def _imperative(ix: ParseIndex, c: Token) -> bool:
    """``c`` is a bare verb with no "to" or auxiliary: an order ("Ask the clerk, she
    said"), which states as much as a finite verb."""
    return c.tag == "VB" and not ix.kids(c.i, "aux", "auxpass")
