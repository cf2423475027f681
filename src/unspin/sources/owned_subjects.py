"""The subject of a told clause the parse gave the recipient as its owner: in "officials
told her KPTA would close the road", "her" is who was told, but the parse may read "her
KPTA" as one possessed phrase, the verb's object, and leave the clause "would close the
road" with no subject. The content starts at the name, after "her", as it does where
the parse finds the subject ("told him KPTA would ...")."""

from __future__ import annotations

from unspin.sources.clause_edges import RECIPIENT_VERBS
from unspin.sources.state import Event, RunState

__all__ = ["take_in_owned_subjects"]

#: Dependencies of a clause's own subject.
_SUBJECTS = ("nsubj", "nsubjpass", "csubj", "expl")


def take_in_owned_subjects(st: RunState, events: list[Event]) -> None:
    """Start each content that begins with a subjectless clause right after "told her
    <noun phrase>" at the noun phrase (see the module)."""
    if st.ix is None:
        return
    ix = st.ix
    toks = st.parsed.tokens
    for e in events:
        if e.content is None or e.token is None or e.lemma not in RECIPIENT_VERBS:
            continue
        t = toks[e.token]
        for o in ix.kids(t.i, "dobj"):
            o_lo, o_hi = ix.subtree(o.i)
            if o_lo != t.i + 1 or o_hi + 1 >= len(toks) or o.pos not in ("NOUN", "PROPN"):
                continue
            owner = toks[o_lo]
            if owner.lower != "her" or owner.dep != "poss" or owner.head != o.i or o_lo == o.i:
                continue
            first = toks[o_hi + 1]
            if first.start != e.content[0]:
                continue
            clause = next((c for c in ix.kids(t.i, "ccomp") if ix.subtree(c.i)[0] == first.i), None)
            if clause is None or ix.kids(clause.i, *_SUBJECTS):
                continue  # "told her son he would ...": the clause has its own subject
            e.content = (toks[o_lo + 1].start, e.content[1])
