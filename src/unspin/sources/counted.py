"""A definite count of people ("the two", "the three") that takes up as many people the
text has just named together: "Ann Lund and Bo Vik are reformers. ... The two admit
that ..." - Ann Lund and Bo Vik, named people, not an unresolved description.
"""

from __future__ import annotations

import re
from itertools import pairwise

from unspin.sources.resolver import Known, Resolver
from unspin.sources.speakers import Mention
from unspin.sources.state import RunState

__all__ = ["counted_named_before"]

#: Counts of people a text may take up by number ("the two").
_COUNTS = {"two": 2, "three": 3, "four": 4}
#: What stands between names listed together: "A and B", "A, B and C".
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")
#: How many sentences back the named people may stand.
_REACH = 2


def counted_named_before(st: RunState, resolver: Resolver, m: Mention, s: int) -> None:
    """Resolve ``m`` ("the two") to the people listed together ("A and B") in the nearest
    sentence of the last :data:`_REACH` that names people, when that sentence names
    exactly as many people as the count, one after the other; else leave it."""
    words = st.text[m.start : m.end].lower().split()
    if len(words) != 2 or words[0] != "the" or words[1] not in _COUNTS:
        return
    n = _COUNTS[words[1]]
    people = [
        k
        for k in resolver.before(m.start)
        if k.entity_type == "person" and k.name and s - _REACH <= k.sentence <= s
    ]
    if not people:
        return
    last = max(k.sentence for k in people)
    listed: dict[str, Known] = {}
    for k in sorted((k for k in people if k.sentence == last), key=lambda k: k.start):
        listed.setdefault(k.name, k)
    if len(listed) != n:
        return  # "Ann Lund met Bo Vik and Eva Holm": which two?
    named = list(listed.values())
    if not all(_JOINED.fullmatch(st.text[a.end : b.start]) for a, b in pairwise(named)):
        return  # "Ann Lund said this about Bo Vik": not two listed together
    m.name = " and ".join(k.name for k in named)
    m.source_type, m.entity_type = "named_person", "group"
    m.resolved_from, m.antecedent = "alias", (named[0].start, named[-1].end)
    m.rule, m.score = "speaker.role-alias", 0.6
    m.reason = f"the {words[1]} people named together just before: {m.name}"
