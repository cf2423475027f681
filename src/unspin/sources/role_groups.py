"""A definite plural of a role ("the committee chairmen", "the two senators") that takes
up the people the text has named with that role, listed together ("Oversight Committee
Chairman Ann Lund (R-Utah) and Judiciary Committee Chairman Bo Vik (R-Va.) sent ...") -
those named people, not an unresolved description (:func:`role_group_before`).

Only when every person named before with the role stands in that one list: a third
chairman named elsewhere leaves it unresolved.
"""

from __future__ import annotations

import re
from itertools import pairwise

from unspin.sources.resolver import Known, Resolver
from unspin.sources.speakers import Mention
from unspin.sources.state import RunState

__all__ = ["role_group_before"]

#: What stands between names listed together, a party tag after each and a title before
#: each allowed: "A and B", "A (R-Utah) and Judiciary Committee Chairman B", "A, B and C".
_JOINED = re.compile(
    r"\s*(?:\([^()]{1,40}\)\s*)?,?\s*(?:,\s*(?:and\s+)?|and\s+)(?:[A-Z][\w.'’-]*\s+){0,5}"
)
#: How many sentences back the list may stand.
_REACH = 8


def _singular(word: str) -> str:
    """ "chairmen" -> "chairman", "secretaries" -> "secretary", "senators" -> "senator"."""
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def role_group_before(st: RunState, resolver: Resolver, m: Mention, s: int) -> None:
    """Resolve the plural description ``m`` to the people listed together before it whose
    roles all hold its head noun in the singular, when they are all the people named
    before it with that role (two or more); else leave it."""
    if m.kind != "noun" or not m.head_word or not m.definite:
        return
    head = _singular(m.head_word.lower())
    if head == m.head_word.lower():
        return  # not a plural noun
    holders: dict[str, Known] = {}
    for k in resolver.before(m.start):
        if k.entity_type != "person" or not k.name or k.sentence < s - _REACH:
            continue
        if head in re.findall(r"[a-z]+", (k.role or "").lower()):
            holders.setdefault(k.name, k)
    named = sorted(holders.values(), key=lambda k: k.start)
    if len(named) < 2 or len({k.sentence for k in named}) != 1:
        return
    if not all(_JOINED.fullmatch(st.text[a.end : b.start]) for a, b in pairwise(named)):
        return  # "Ann Lund met Chairman Bo Vik": not listed together
    m.name = " and ".join(k.name for k in named)
    m.source_type, m.entity_type = "named_person", "group"
    m.resolved_from, m.antecedent = "alias", (named[0].start, named[-1].end)
    m.rule, m.score = "speaker.role-alias", 0.6
    m.reason = f"the {m.head_word} named together before: {m.name}"
