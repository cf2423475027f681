"""A country's authorities left unnamed ("Peruvian authorities say"): the nationality
adjective names no body, so the speaker is that country's government, unnamed."""

from __future__ import annotations

from unspin.sources.parse_index import ParseIndex

__all__ = ["national_only"]


def national_only(ix: ParseIndex, lo: int, head: int) -> bool:
    """True when ``tokens[lo:head]``, the words before the head noun, are an optional
    "the" and one nationality adjective the recogniser marks NORP ("Peruvian", "the
    Peruvian"): no name of any body."""
    toks = ix.parsed.tokens
    words = [t for t in toks[lo:head] if t.lower != "the"]
    if len(words) != 1:
        return False
    t = words[0]
    ent = ix.entity_at(t.i)
    return (
        ent is not None
        and ent.label == "NORP"
        and ent.last - ent.first == 1
        and t.tag == "JJ"
        and t.dep == "amod"
    )
