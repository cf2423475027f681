"""'who' after a body in a person's description ("Ann Lund, a student at Westby University
who claims ..."): the parser hangs the relative clause on the body, but "who" stands for
a person, the one the description names: the student, and the name she is the student of."""

from __future__ import annotations

from unspin.nlp import Token
from unspin.sources.parse_index import ParseIndex
from unspin.sources.speakers import PERSON_HEADS

__all__ = ["person_before_who"]

_PREPS = frozenset({"at", "of", "from", "for", "with", "in"})


def person_before_who(ix: ParseIndex, h: Token, cue: int | None) -> Token | None:
    """The person a "who" clause on ``h`` speaks of when ``h`` is no person but the object
    of "at"/"of" after a person noun ("a student at Westby University who claims"): that
    noun, or the name it stands in apposition to ("Ann Lund, a student at ..."); else
    ``None``."""
    toks = ix.parsed.tokens
    if cue is None or not 0 <= cue < len(toks):
        return None
    verb = toks[cue]
    if verb.dep != "relcl" or verb.head != h.i:
        return None
    if not any(c.lower == "who" for c in ix.kids(verb.i, "nsubj")):
        return None
    ent = ix.entity_at(h.i)
    if h.dep != "pobj" or (ent is not None and ent.label == "PERSON"):
        return None
    prep = toks[h.head]
    if prep.lower not in _PREPS or prep.head == prep.i:
        return None
    noun = toks[prep.head]
    if noun.pos != "NOUN" or noun.lower not in PERSON_HEADS:
        return None
    if noun.dep == "appos" and toks[noun.head].pos == "PROPN":
        return toks[noun.head]  # "Ann Lund, a student at ...": Ann Lund
    return noun
