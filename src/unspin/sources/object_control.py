"""Who speaks in a clause controlled by an object that the verb of saying addresses.

"Lund got Berg and Ross to join the panel by telling them that ...": the parse hangs
"by telling" on "join", whose understood subject is the object of "got" (Berg and Ross),
but the one telling cannot be those told: a plain object pronoun ("them", "him", "her")
never stands for its own verb's subject. When the pronoun agrees with the controlling
object, the speaker is found from the verb that governs the object (Lund):
:func:`past_bound_object`.
"""

from __future__ import annotations

from unspin.nlp import Token
from unspin.sources.parse_index import ParseIndex

__all__ = ["past_bound_object"]

#: Object pronouns and the number they need of the noun they would stand for.
_OBJECT_PRONOUNS = {"them": True, "him": False, "her": False}


def _plural(ix: ParseIndex, t: Token) -> bool:
    return t.tag in ("NNS", "NNPS") or bool(ix.kids(t.i, "conj"))


def past_bound_object(ix: ParseIndex, verb: Token, up: Token) -> Token:
    """The verb whose subject speaks for ``verb`` (a verb of saying with no subject of
    its own, reached through ``up``): ``up``, or, when ``up`` is a clause controlled by
    the object of the verb above it and ``verb`` addresses that object with an agreeing
    pronoun ("got Berg and Ross to join ... by telling them"), the verb above."""
    if up.dep != "xcomp" or up.head == up.i:
        return up
    above = ix.parsed.tokens[up.head]
    objects = [o for o in ix.kids(above.i, "dobj") if o.i < up.i and o.pos in ("NOUN", "PROPN")]
    if not objects:
        return up
    for p in ix.kids(verb.i, "dobj", "dative"):
        plural = _OBJECT_PRONOUNS.get(p.lower)
        if plural is not None and plural == _plural(ix, objects[-1]):
            return above
    return up
