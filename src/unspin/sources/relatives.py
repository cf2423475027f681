"""The person a "who" takes up when the parse hangs it on a thing ("one member familiar
with the talks, who added ...": the member, not the talks) (:func:`who_antecedent`)."""

from __future__ import annotations

from unspin.nlp import Token
from unspin.sources.lexicon import GROUP_NOUNS
from unspin.sources.parse_index import ParseIndex
from unspin.sources.speakers import PERSON_HEADS

__all__ = ["who_antecedent"]


def who_antecedent(ix: ParseIndex, n: Token) -> Token:
    """``n``, or, when ``n`` is a common noun for no person nor group that a preposition
    governs ("familiar with the talks"), the person's word that phrase hangs on
    ("member", "Democrat"), up over the preposition and an adjective."""
    toks = ix.parsed.tokens
    if n.pos != "NOUN" or n.lower in PERSON_HEADS or n.lower in GROUP_NOUNS:
        return n
    if n.dep != "pobj" or n.head == n.i:
        return n
    up = toks[toks[n.head].head]  # the preposition's head: "familiar" or "member"
    steps = 0
    while up.pos == "ADJ" and up.head != up.i and steps < 2:
        up, steps = toks[up.head], steps + 1
    if up.pos == "PROPN" or (up.pos == "NOUN" and up.lower in PERSON_HEADS):
        return up
    return n
