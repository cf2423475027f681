"""Names a pronoun cannot stand for because they lie inside the participial clause fronted
before it: "Asked whether Lund would win the vote, she replied ...".
The fronted clause's understood subject is the pronoun's own referent (the one asked), so
a name inside it (what she was asked about) is not what "she" stands for; the pronoun goes
on to whom the text was telling of before. Nor does a pronoun that says something stand
for the subject of what it says when it is inserted there ("Lund, she said, was using
his phone": she is not Lund; in "Lund's remarks, she said, were ..." and "Lund was
tired, she said" she may be).
"""

from __future__ import annotations

from collections.abc import Iterable

from unspin.sources.resolver import Known
from unspin.sources.speakers import Mention
from unspin.sources.state import Event, RunState

__all__ = ["fronted_names"]

#: Pronouns this applies to: one person, or a group.
_PRONOUNS = frozenset({"he", "she", "they"})


def fronted_names(
    st: RunState, m: Mention, knowns: Iterable[Known], events: Iterable[Event] = ()
) -> frozenset[str]:
    """The names of ``knowns`` inside a participial clause with no subject of its own
    ("Asked about ...", "Pressed on ...", "Speaking of ...") that opens the clause whose
    subject is the pronoun ``m``, or the subjects of the content of ``events`` that ``m``
    says, inserted into it."""
    ix = st.ix
    if ix is None or (m.head_word or "").lower() not in _PRONOUNS:
        return frozenset()
    said = [  # what the pronoun says around it: "Lund, she said, was ..."
        e.content
        for e in events
        if e.speaker is m and e.content is not None and e.content[0] < e.cue[0] < e.content[1]
    ]
    knowns = list(knowns)
    inside = {
        n.name
        for n in knowns
        if n.name
        and any(a <= n.start < b for a, b in said)
        and (_subject_at(st, n.start) or st.text[n.end : m.start].strip() == ",")
    }
    return frozenset(inside) | _fronted(st, m, knowns)


def _subject_at(st: RunState, pos: int) -> bool:
    """Whether the word at ``pos`` is a subject ("Lund, she said, was ...": not "Lund's
    remarks, he said, were ...", where he may well be Lund)."""
    k = st.parsed.token_at(pos)
    if k is None:
        return False
    toks = st.parsed.tokens
    t = toks[k]
    while t.dep == "compound" and t.head != t.i:
        t = toks[t.head]  # "Kim Aberg": the name's head
    return t.dep in ("nsubj", "nsubjpass") and t.pos == "PROPN"  # a name, not "he"


def _fronted(st: RunState, m: Mention, knowns: Iterable[Known]) -> frozenset[str]:
    ix = st.ix
    assert ix is not None
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
