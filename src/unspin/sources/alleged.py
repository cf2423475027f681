"""Speech that a report alleges: "a claim, first made by the Herald, that she told the
board that ..." - what she told the board is the Herald's allegation, not her own
statement on the record, so the Herald relays it (the event's ``outer``).

The clause may hang on the noun ("claim that she told", ``acl``) or, in a misparse, on
the verb above it, right after the noun's phrase ends; the noun's source is its
possessor ("the Herald's claim"), the agent of a participle on it ("made by the
Herald") or its "from"/"by" phrase ("a report from the Herald").
"""

from __future__ import annotations

from unspin.nlp import Token
from unspin.sources.mentions import mention_from_token
from unspin.sources.parse_index import ParseIndex
from unspin.sources.state import Event

__all__ = ["alleged_by"]

#: Nouns of a claim made about what someone said.
_CLAIM_NOUNS = frozenset(
    """
    claim claims report reports allegation allegations accusation accusations assertion
    assertions charge charges rumor rumors rumour rumours story stories
    """.split()  # noqa: SIM905 - a word list reads better as one string
)
#: How far back (tokens) the noun of a misparsed clause may stand before "that".
_REACH = 20


def alleged_by(ix: ParseIndex, t: Token, e: Event) -> None:
    """Set ``e.outer`` to the source of the claim noun whose "that" clause the verb
    ``t`` heads, when the claim names one (see the module)."""
    if e.outer is not None or e.speaker is None:
        return
    noun = _claim_noun(ix, t)
    if noun is None:
        return
    source = _source(ix, noun)
    if source is None:
        return
    m = mention_from_token(ix, source)
    if m is not None:
        e.outer = m


def _claim_noun(ix: ParseIndex, t: Token) -> Token | None:
    toks = ix.parsed.tokens
    marks = [m for m in ix.kids(t.i, "mark") if m.lower == "that" and m.i < t.i]
    if not marks:
        return None
    head = toks[t.head]
    if t.dep in ("acl", "ccomp") and head.lower in _CLAIM_NOUNS and head.i < t.i:
        return head
    lo = ix.subtree(t.i)[0]
    if lo != marks[0].i:
        return None
    for k in range(lo - 1, max(-1, lo - _REACH), -1):
        n = toks[k]
        if n.lower in _CLAIM_NOUNS and n.pos == "NOUN":
            end = ix.subtree(n.i)[1]
            return n if end == lo - 1 and ix.sentence_of[n.i] == ix.sentence_of[t.i] else None
    return None


def _source(ix: ParseIndex, noun: Token) -> Token | None:
    for p in ix.kids(noun.i, "poss"):
        if p.pos == "PROPN":
            return p  # "the Herald's claim"
    for a in ix.kids(noun.i, "acl"):
        for g in ix.kids(a.i, "agent"):
            for o in ix.kids(g.i, "pobj"):
                return o  # "a claim, first made by the Herald, that"
    for p in ix.kids(noun.i, "prep"):
        if p.lower in ("by", "from"):
            for o in ix.kids(p.i, "pobj"):
                return o  # "a report from the Herald that"
    return None
