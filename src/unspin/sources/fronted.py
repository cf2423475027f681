"""Names a pronoun cannot stand for because they lie inside the participial clause fronted
before it: "Asked whether Lund would win the vote, she replied ...".
The fronted clause's understood subject is the pronoun's own referent (the one asked), so
a name inside it (what she was asked about) is not what "she" stands for; the pronoun goes
on to whom the text was telling of before.
"""

from __future__ import annotations

from collections.abc import Iterable

from unspin.sources.resolver import Known
from unspin.sources.speakers import Mention
from unspin.sources.state import RunState

__all__ = ["fronted_names"]

#: Pronouns this applies to: one person, or a group.
_PRONOUNS = frozenset({"he", "she", "they"})


def fronted_names(st: RunState, m: Mention, knowns: Iterable[Known]) -> frozenset[str]:
    """The names of ``knowns`` inside a participial clause with no subject of its own
    ("Asked about ...", "Pressed on ...", "Speaking of ...") that opens the clause whose
    subject is the pronoun ``m``."""
    ix = st.ix
    if ix is None or (m.head_word or "").lower() not in _PRONOUNS:
        return frozenset()
    k = st.parsed.token_at(m.start)
    if k is None:
        return frozenset()
    p = st.parsed.tokens[k]
    if not p.dep.startswith("nsubj") or p.head == p.i:
        return frozenset()
    spans = []
    for c in ix.kids(p.head, "advcl"):
        lo, hi = ix.subtree(c.i)
        if (
            c.i < p.i
            and hi < p.i
            and c.tag in ("VBN", "VBG")
            and not ix.kids(c.i, "nsubj", "nsubjpass")
        ):
            spans.append((st.parsed.tokens[lo].start, st.parsed.tokens[hi].end))
    return frozenset(n.name for n in knowns if n.name and any(a <= n.start < b for a, b in spans))
