"""Where a reported content ends at the sayer's own next act, a verb the parse joined to
the content's clause: "Pilkvist said the plan will fail and left the hall", "he said the
mill is closed and walked out".

A past verb joined by "and" to a clause in the present may go on with that clause's
subject ("said his brother is ill and lived with them": the brother lived there), so a
past tense alone is no cut. It is one where the clause's subject could not be the past
verb's: a clause under a modal ("will fail") shares its modal with a verb joined to it,
never a past tense; and a clause whose subject is a thing, no person or body ("the mill",
"the plan"), cannot go on with a deed of the sayer's.
"""

from __future__ import annotations

from unspin.nlp import Token
from unspin.sources.mentions import mention_from_token
from unspin.sources.sayers import can_speak
from unspin.sources.state import RunState

__all__ = ["sayers_own_act"]

_MODALS = frozenset({"will", "would", "can", "could", "may", "might", "shall", "should", "must"})
#: Dependencies of a clause inside the content, before the past verb: the past verb may be
#: that clause's ("it would make Lund, who was born in Westby and moved ...": Lund moved).
_CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "conj", "xcomp", "pcomp"})


def sayers_own_act(st: RunState, t: Token, c: Token, d: Token) -> bool:
    """True when ``d``, a verb in the past tense joined by "and" to the content clause
    ``c`` of the verb of saying ``t`` (in the past too, with a subject), is the sayer's
    own next act: ``d`` has no subject or auxiliary of its own, its form is no bare form
    the tagger may have read as a past ("would come and put"), no other clause stands
    between ``c`` and it, it is outside any quotation, and ``c`` is under a modal only or
    in the present with a thing for its subject."""
    assert st.ix is not None
    ix, toks = st.ix, st.parsed.tokens
    if d.dep != "conj" or d.tag != "VBD" or t.tag != "VBD" or not d.i > c.i > t.i:
        return False
    if d.lower == d.lemma.lower() or not ix.kids(t.i, "nsubj"):
        return False
    if ix.kids(d.i, "nsubj", "nsubjpass", "expl", "csubj", "aux", "auxpass"):
        return False
    d_lo = ix.subtree(d.i)[0]
    if toks[d_lo - 1].lower != "and" or st.top_quote_index(d.start) is not None:
        return False
    if any(
        x.dep in _CLAUSES and x.pos in ("VERB", "AUX") and x.i != c.i for x in toks[c.i + 1 : d_lo]
    ):
        return False
    auxes = ix.kids(c.i, "aux", "auxpass")
    if auxes and all(a.dep == "aux" and a.lower in _MODALS for a in auxes):
        return True  # "said the plan will fail and left": no past tense shares "will"
    present = (c.tag in ("VBZ", "VBP") and c.lemma.lower() != "have" and not auxes) or (
        len(auxes) == 1 and auxes[0].dep == "auxpass" and auxes[0].lower in ("is", "are", "am")
    )
    # the subject, hung on the clause or on its auxiliary ("the mill is closed")
    subjects = [s for h in (c, *auxes) for s in ix.kids(h.i, "nsubj", "nsubjpass")]
    if not present or len(subjects) != 1:
        return False
    s = subjects[0]
    return (
        s.pos == "NOUN" and ix.entity_at(s.i) is None and not can_speak(mention_from_token(ix, s))
    )
