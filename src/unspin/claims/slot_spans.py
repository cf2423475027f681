"""Token slots of the claim-type rules: the subtree of a token or a range of characters as
a slot (``text``, ``start``, ``end``) trimmed of punctuation, a token's child by
dependency and the object of its preposition. Shared by the causal rule of
:mod:`unspin.claims.types` and :mod:`unspin.claims.responsibility_reading`.
"""

from __future__ import annotations

from unspin.claims.responsibility import time_phrase
from unspin.model import JSON
from unspin.nlp import Parsed, Sentence, Token

__all__ = ["char_slot", "child", "prep_object", "token_slot"]


def token_slot(
    parsed: Parsed, i: int, sentence: Sentence, skip_first: bool = False
) -> dict[str, JSON]:
    """The subtree of token ``i`` as a slot, clipped to the sentence, trimmed of punctuation."""
    s, e = parsed.subtree_span(i)
    s, e = max(s, sentence.start), min(e, sentence.end)
    text = parsed.text
    toks = parsed.tokens_in(s, e)
    if skip_first and toks:
        toks = toks[1:]
    while toks and (toks[0].pos == "PUNCT" or toks[0].lower in ("that", "because")):
        toks = toks[1:]
    while toks and toks[-1].pos == "PUNCT":
        toks = toks[:-1]
    if not toks:
        return {"text": text[s:e], "start": s, "end": e}
    s, e = toks[0].start, toks[-1].end
    return {"text": text[s:e], "start": s, "end": e}


def char_slot(parsed: Parsed, s: int, e: int) -> dict[str, JSON] | None:
    """The characters ``[s, e)`` as a slot, trimmed to their first and last word; None
    when they hold none."""
    toks = [t for t in parsed.tokens_in(s, e) if t.pos != "PUNCT"]
    if not toks:
        return None
    s, e = toks[0].start, toks[-1].end
    return {"text": parsed.text[s:e], "start": s, "end": e}


def child(parsed: Parsed, i: int, *deps: str, lower: str | None = None) -> Token | None:
    """The first child of token ``i`` by one of ``deps`` (and of the word ``lower``)."""
    for c in parsed.children(i):
        if c.dep in deps and (lower is None or c.lower == lower):
            return c
    return None


def prep_object(parsed: Parsed, i: int, prep: str) -> Token | None:
    """The object of token ``i``'s preposition ``prep``; not a time ("For decades, the
    ministry has blamed X for killing ..." -> "killing ...")."""
    for p in parsed.children(i):
        if p.dep in ("prep", "agent", "dative") and p.lower == prep:
            obj = child(parsed, p.i, "pobj", "pcomp")
            if obj is not None and not time_phrase(obj):
                return obj
    return None
