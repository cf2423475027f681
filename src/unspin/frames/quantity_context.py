"""Contexts that tell :mod:`unspin.frames.quantities` what a number counts, or that
it is no quantity (precision audit, round 3):

- the noun a number counts past modifiers and "and" ("tens of millions of Dutch and
  Belgian voters"): :func:`noun_after`.
"""

from __future__ import annotations

from unspin.nlp import Parsed, Token

__all__ = [
    "noun_after",
]


#: What may stand between a number (or "of") and the noun it counts: adjectives,
#: modifiers of the noun, place names and nationalities, and "and"/"or"/"," between two
#: of these ("Dutch and Belgian voters", "UN relief staff").
def _modifier(toks: tuple[Token, ...], j: int) -> bool:
    t = toks[j]
    if t.pos == "ADJ" or (t.dep in ("amod", "compound") and t.head > j):
        return True
    return t.pos == "PROPN" and t.ent_type in ("GPE", "NORP")


def noun_after(parsed: Parsed, k: int, reach: int = 3) -> Token | None:
    """The noun at or after token ``k`` past up to ``reach`` modifiers and the "and",
    "or" or comma between two of them, or None."""
    toks = parsed.tokens
    j = k
    while j + 1 < len(toks) and j - k < reach:
        between = (
            j > k
            and (toks[j].pos == "CCONJ" or toks[j].text == ",")
            and _modifier(toks, j - 1)
            and _modifier(toks, j + 1)
        )
        if not (between or _modifier(toks, j)):
            break
        j += 1
    return toks[j] if j < len(toks) and toks[j].pos == "NOUN" else None
