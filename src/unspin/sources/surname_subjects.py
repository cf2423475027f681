"""A surname alone as a subject, where the recogniser found no name: still that person.

"Meanwhile, Lund has defended her choice to invite Ann Roe and Bo Vik, but she says ...":
the recogniser may miss "Lund" where it stands alone, and a later "she" then skips it for
a name it did find ("Bo Vik"). :func:`surname_subjects` lists each proper noun that is the
subject of its clause, of one word and no name the recogniser found, as a candidate antecedent;
:func:`~unspin.sources.resolve.resolve_speakers` keeps one only where it is the surname of
a person named before (``Resolver.canonical_known``), so the pronoun finds the subject of
its own sentence as it does when the name is recognised.
"""

from __future__ import annotations

from collections.abc import Iterable

from unspin.sources.resolver import Known
from unspin.sources.state import RunState

__all__ = ["surname_subjects"]

#: The recogniser's labels that make a name an antecedent by itself; a lone surname it
#: labels otherwise ("Greyour" read as a date) or not at all is a candidate here.
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def surname_subjects(st: RunState) -> Iterable[Known]:
    """Lone proper nouns as subjects that the recogniser left out (see the module)."""
    if st.ix is None:
        return
    ix = st.ix
    toks = st.parsed.tokens
    for t in toks:
        if t.pos != "PROPN" or not t.dep.startswith("nsubj"):
            continue
        ent = ix.entity_at(t.i)
        if ent is not None and ent.label in _NAMED:
            continue  # an antecedent of its own (``entity_knowns``)
        if not t.text.isalpha() or not t.text[:1].isupper() or t.text.isupper():
            continue  # not an acronym ("NASA"), nor a handle
        if ix.kids(t.i, "compound", "det") or st.top_quote_index(t.start) is not None:
            continue
        main = toks[t.head].dep == "ROOT"
        yield Known(t.start, t.end, t.text, "person", "named_person", True,
                    st.sentence_at(t.start), None, main_subject=main)  # fmt: skip
