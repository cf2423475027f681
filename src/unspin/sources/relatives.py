"""What a relative pronoun takes up when the parse hangs it on the wrong noun: the person
a "who" takes up when the parse hangs it on a thing ("one member familiar with the talks,
who added ...": the member, not the talks; "questioned fishermen at a cafe who claimed":
the residents; :func:`who_antecedent`), and the document a
"that" takes up when the parse hangs it on the person the document was sent to ("a letter
from the ministry to Sen. Pell that contended ...": the letter; :func:`relative_antecedent`)."""

from __future__ import annotations

from unspin.nlp import Token
from unspin.sources.lexicon import DOCUMENT_NOUNS, GROUP_NOUNS
from unspin.sources.parse_index import ParseIndex
from unspin.sources.speakers import PERSON_HEADS

__all__ = ["relative_antecedent", "who_antecedent"]


def who_antecedent(ix: ParseIndex, n: Token) -> Token:
    """``n``, or, when ``n`` is a common noun for no person nor group that a preposition
    governs ("familiar with the talks"), the person's word that phrase hangs on
    ("member", "Democrat"), up over the preposition and an adjective, or the person a
    verb the phrase hangs on has as its object ("questioned fishermen at a cafe")."""
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
    if up.pos == "VERB" and steps == 0:
        # "questioned fishermen at a cafe who claimed ...": the phrase hangs on the verb,
        # whose object before it is the person
        prep = toks[n.head]
        objs = [o for o in ix.kids(up.i, "dobj") if o.i < prep.i]
        if objs and (objs[-1].pos == "PROPN" or objs[-1].lower in PERSON_HEADS):
            return objs[-1]
    return n


def relative_antecedent(ix: ParseIndex, n: Token, pronoun: str) -> Token:
    """The antecedent of the relative ``pronoun`` ("who", "which", "that") the parse hangs
    on ``n``: for "that" and "which" on a person named after a preposition in a phrase
    about a document ("a letter from the ministry to Sen. Pell, that contended ...", "cites
    a letter to Ana Roe which said ..."), the document: a person takes "who"; otherwise
    :func:`who_antecedent`."""
    if pronoun != "who" and n.dep == "pobj" and (n.pos == "PROPN" or n.lower in PERSON_HEADS):
        document = _document_over(ix, n)
        if document is not None:
            return document
    return who_antecedent(ix, n)


def _document_over(ix: ParseIndex, n: Token) -> Token | None:
    """The document noun whose phrase names ``n`` after a preposition: up the chain of
    prepositions and their objects ("letter from the ministry to Pell"), or the object
    before the preposition of the verb it hangs on ("cites a letter ... to Pell")."""
    toks = ix.parsed.tokens
    t = n
    for _ in range(6):
        if t.head == t.i:
            return None
        prep = toks[t.head] if t.dep == "pobj" else None
        if prep is None or prep.pos != "ADP" or prep.head == prep.i:
            return None
        up = toks[prep.head]
        if up.pos == "NOUN" and up.lemma.lower() in DOCUMENT_NOUNS:
            return up
        if up.pos in ("VERB", "AUX"):
            objs = [o for o in ix.kids(up.i, "dobj") if o.i < prep.i]
            return next((o for o in objs if o.lemma.lower() in DOCUMENT_NOUNS), None)
        t = up
    return None
