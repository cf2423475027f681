"""A count of unnamed sources is who tells, not a figure told.

"according to two people familiar with the matter", "three officials, who asked not to
be named, said": the number only describes the sources a reporter relied on; no claim
states it, so it is no quantity. :func:`unnamed_sources` tells such a count: its noun
stands for the ones telling (the subject of a verb of saying, the object of "according
to" or of "citing") and it is described by their access or their anonymity ("familiar
with", "briefed on", "with knowledge of", "who spoke on condition of anonymity"), or is
"sources" itself. A count of people who say something of their own ("40 residents who
attended said they were never asked") stays a count.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from unspin.frames.lexicon import REPORTING
from unspin.nlp import Parsed, Token

if TYPE_CHECKING:
    from unspin.frames.quantities import QuantityMatch

__all__ = ["unnamed_sources"]

#: Nouns a count of sources is made of ("two people", "three officials", "a source").
_SOURCE_NOUNS = frozenset(
    {
        "people", "person", "persons", "official", "officials", "source", "sources", "aide",
        "aides", "insider", "insiders", "diplomat", "diplomats", "executive", "executives",
        "staffer", "staffers", "lawmaker", "lawmakers",
    }
)  # fmt: skip

#: Words that describe a source by its access or its anonymity, after the noun.
_DESCRIBING = frozenset(
    {
        "familiar", "briefed", "knowledge", "knowledgeable", "close", "aware", "involved",
        "privy", "anonymity", "anonymously", "named", "identified", "identify", "name",
        "authorized", "authorised",
    }
)  # fmt: skip

#: Verbs whose object is the source of what is reported ("citing two officials").
_CITING = frozenset({"cite", "quote"})


def unnamed_sources(parsed: Parsed, q: QuantityMatch) -> bool:
    """True when the count ``q`` counts the unnamed sources of a report (see the module)."""
    if q.label != "count":
        return False
    nouns = [t for t in parsed.tokens_in(q.start, q.end) if t.pos == "NOUN"]
    if not nouns or nouns[-1].lower not in _SOURCE_NOUNS:
        return False
    noun = nouns[-1]
    if not _telling(parsed, noun):
        return False
    if noun.lower in ("source", "sources"):
        return True
    return any(t.lower in _DESCRIBING for t in _right_of(parsed, noun))


def _telling(parsed: Parsed, noun: Token) -> bool:
    """``noun`` stands for the ones telling: the subject of a verb of saying, the object
    of "according to" or of a verb of citing."""
    toks = parsed.tokens
    head = toks[noun.head]
    if noun.dep in ("nsubj", "nsubjpass") and head.lemma.lower() in REPORTING:
        return True
    if noun.dep == "pobj" and head.lower == "to" and toks[head.head].lower == "according":
        return True
    return noun.dep in ("dobj", "pobj") and head.lemma.lower() in _CITING


def _right_of(parsed: Parsed, noun: Token) -> list[Token]:
    """The tokens of ``noun``'s phrase after it (its modifiers and relative clauses)."""
    toks = parsed.tokens
    inside = {noun.i}
    out: list[Token] = []
    for t in toks[noun.i + 1 :]:
        k, seen = t.i, 0
        while k not in inside and toks[k].head != k and seen < len(toks):
            k, seen = toks[k].head, seen + 1
        if k not in inside:
            break
        inside.add(t.i)
        out.append(t)
    return out
