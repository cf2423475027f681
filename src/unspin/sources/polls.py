"""People a poll breakdown classifies by their answer, who are no source of it.

"Holm is winning by 6 in 10 voters who say taxes matter most": the share of voters is
the object of the writer's comparison, and "who say" only names the class of voters the
poll counted; the sentence reports no one's statement. A share of people that is a
preposition's object with a relative clause of saying yields no event (a subject such
as "Voters who say X were divided", or "Four in 10 voters say X", keeps its event).
"""

from __future__ import annotations

from unspin.nlp import Token
from unspin.sources.parse_index import ParseIndex

__all__ = ["poll_class"]

_RELATIVES = frozenset({"who", "that"})
_SHARE_WORDS = frozenset(
    {"percent", "%", "majority", "minority", "half", "third", "thirds", "quarter", "quarters"}
)


def poll_class(ix: ParseIndex, t: Token) -> bool:
    """Whether the verb ``t`` is "say" in a relative clause on a share of people that
    is a preposition's object (see the module)."""
    if t.dep != "relcl" or not any(s.lower in _RELATIVES for s in ix.kids(t.i, "nsubj")):
        return False
    toks = ix.parsed.tokens
    noun = toks[t.head]
    if noun.dep != "pobj":
        return False
    lo = ix.subtree(noun.i)[0]
    words = [w.lower for w in toks[lo : noun.i + 1]]
    if any(w in _SHARE_WORDS for w in words):
        return True
    # "6 in 10 voters", "four out of 10 voters"; "6 [in [10 voters]]" parsed as a chain
    if lo >= 2 and toks[lo - 1].lower in ("in", "of") and toks[lo - 2].pos == "NUM":
        return True
    return any(
        toks[k].pos == "NUM" and words[k - lo + 1] in ("in", "of", "out") for k in range(lo, noun.i)
    )
