"""A "they" whose antecedent the main clause's own plural subject contests.

"Sociologists talk about a society in which citizens trust what they are told by the
elites. They warn that ...": the nearest group the text named ("the elites") sits inside a
subordinate clause, while the sentence's main clause has a plural subject of its own
("Sociologists") that no antecedent list holds. Either could be "they"; the main subject
is the likelier, but it is often no speaker the analyzer knows ("The accusations were
rejected by officials who said Republicans ... . They said ...": the officials). Rather
than guess, such a pronoun stays unresolved: :func:`rival_subject`.
"""

from __future__ import annotations

from unspin.sources.resolver import Known
from unspin.sources.state import RunState

__all__ = ["rival_subject"]

#: Tags of a plural noun.
_PLURAL = frozenset({"NNS", "NNPS"})


def rival_subject(st: RunState, chosen: Known) -> str | None:
    """The text of a plural subject of the main clause of ``chosen``'s sentence that is
    not ``chosen`` itself (so a "they" resolved to ``chosen`` is in doubt), or ``None``.
    A subject is plural when it is a plural noun or joins several ("Ann Lund and Bo
    Vik"). An antecedent that is the main subject, or a sentence whose main subject is
    not plural, raises no doubt."""
    if chosen.main_subject or st.ix is None:
        return None
    sentences = st.parsed.sentences
    if not 0 <= chosen.sentence < len(sentences):
        return None
    s = sentences[chosen.sentence]
    toks = st.parsed.tokens
    for t in toks[s.first : s.last]:
        if not t.dep.startswith("nsubj") or t.head == t.i:
            continue
        if t.tag not in _PLURAL and not st.ix.kids(t.i, "conj"):
            continue  # neither plural nor joined ("Ann Lund and Bo Vik")
        if toks[t.head].dep != "ROOT":
            continue
        if chosen.start <= t.start < chosen.end:
            return None  # the antecedent is that subject after all
        if st.top_quote_index(t.start) is not None:
            continue
        a, b = st.ix.subtree(t.i)
        return st.text[toks[a].start : toks[b].end]
    return None
