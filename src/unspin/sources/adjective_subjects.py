"""A subject the parser hung on its verb of saying as a determiner and an adjective.

"The 22-year-old quipped: ..." or '"...," the 22-year-old quipped': the parser may read
"quipped" as a noun-like head with "the" as its determiner and "22-year-old" as its
adjective, leaving the verb with no subject at all, so nobody said it; with "said" it
reads "22-year-old" as the subject. :func:`with_adjective_subjects` gives the sources
analyzer a parse where such an adjective is the verb's subject and the determiner its
own, as the parser reads "the 22-year-old said" (an adjective used as a noun: "the
elderly", "the 40-year-old").
"""

from __future__ import annotations

from dataclasses import replace

from unspin.nlp import Parsed, Token
from unspin.sources.lexicon import SOURCE_VERB_FORMS, VERB_FORMS

__all__ = ["with_adjective_subjects"]

_DETERMINERS = frozenset({"the", "a", "an", "this", "that"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def with_adjective_subjects(parsed: Parsed) -> Parsed:
    """``parsed``, or a copy in which each verb of saying with no subject whose words right
    before it are a determiner and an adjective, both hung on the verb ("the 22-year-old
    quipped"), has that adjective as its subject and the determiner on the adjective."""
    toks = parsed.tokens
    kids: dict[int, list[Token]] = {}
    for t in toks:
        if t.head != t.i:
            kids.setdefault(t.head, []).append(t)
    fixed: dict[int, Token] = {}
    for t in toks:
        low = t.lower
        if t.pos != "VERB" or (low not in VERB_FORMS and low not in SOURCE_VERB_FORMS):
            continue
        mine = kids.get(t.i, [])
        if any(c.dep in _SUBJECTS for c in mine):
            continue
        adj = next((c for c in mine if c.dep == "amod" and c.tag == "JJ" and c.i < t.i), None)
        if adj is None or _last(kids, adj.i) != t.i - 1:
            continue  # the adjective's words end right before the verb
        first = _first(kids, adj.i)
        det = toks[first - 1] if first > 0 else None
        if det is None or det.head != t.i or det.dep != "det" or det.lower not in _DETERMINERS:
            continue
        fixed[adj.i] = replace(adj, dep="nsubj")
        fixed[det.i] = replace(det, head=adj.i)
    if not fixed:
        return parsed
    return replace(parsed, tokens=tuple(fixed.get(t.i, t) for t in toks))


def _first(kids: dict[int, list[Token]], i: int) -> int:
    return min([i, *(_first(kids, c.i) for c in kids.get(i, ()))])


def _last(kids: dict[int, list[Token]], i: int) -> int:
    return max([i, *(_last(kids, c.i) for c in kids.get(i, ()))])
