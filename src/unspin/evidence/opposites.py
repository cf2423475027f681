"""Opposite words: a claim with one and a passage with the other state opposite things.

A short general list of direction, outcome and judgement words (lemmas), never words of
one topic; :data:`OPPOSITES` maps each word to its opposites (both ways).
"""

from __future__ import annotations

__all__ = ["ANTONYMS", "OPPOSITES", "VERBS_ONLY"]

#: Pairs of opposite words (lemmas): a claim with one and a passage with the other (and
#: not the first) state opposite things. General direction and outcome words only.
ANTONYMS: tuple[tuple[str, frozenset[str]], ...] = tuple(
    (a, frozenset(b.split()))
    for a, b in (
        ("rise", "fall drop decline decrease cut shrink"),
        ("increase", "fall drop decline decrease cut reduce lower freeze"),
        ("raise", "cut lower reduce freeze fall drop"),
        ("grow", "shrink decline fall"),
        ("gain", "lose loss"),
        ("win", "lose"),
        ("accept", "reject refuse decline"),
        ("approve", "reject defeat refuse"),
        ("allow", "reject dismiss ban forbid refuse"),
        ("uphold", "overturn quash"),
        ("permit", "forbid ban"),
        ("open", "close shut"),
        ("reopen", "close shut"),
        ("create", "cut axe lose"),
        ("hire", "fire cut"),
        ("higher", "lower"),
        ("more", "less fewer"),
        ("above", "below"),
        ("upstream", "downstream"),
        ("succeed", "fail"),
        ("pass", "fail defeat reject"),
        ("support", "oppose"),
        ("praise", "criticise criticize"),
        ("confirm", "deny"),
        ("include", "exclude"),
        ("convict", "acquit clear"),
        ("guilty", "innocent"),
        ("buy", "sell"),
        ("survive", "die"),
        ("legal", "illegal"),
        ("best", "worst"),
        ("highest", "lowest"),
        ("strengthen", "weaken"),
        ("expand", "contract shrink"),
    )
)
#: Words of :data:`ANTONYMS` that are verbs whatever the tagger says ("the ban forbids
#: watering", where a small parser can tag "forbids" a noun); "ban" or "cut" can be nouns.
VERBS_ONLY = frozenset(
    str.split(
        """forbid allow approve reject accept refuse dismiss uphold overturn quash acquit
        convict criticise criticize praise oppose confirm deny permit"""
    )
)


def _opposites() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for a, bs in ANTONYMS:
        out[a] = out.get(a, frozenset()) | bs
        for b in bs:
            out[b] = out.get(b, frozenset()) | {a}
    return out


#: Each word of :data:`ANTONYMS` -> its opposites (both ways).
OPPOSITES: dict[str, frozenset[str]] = _opposites()
