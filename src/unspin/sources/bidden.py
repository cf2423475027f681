"""A bidding for speech, not a report of it: a verb of saying in the bare form with an
indefinite pronoun as its subject and no auxiliary ("Somebody, anybody, explain how the
council spent it", "Someone tell the mayor that the ferry is late"). An indefinite
pronoun takes the third person singular when it states something ("someone tells"), so
the bare form addresses it: the writer asks for words nobody has said yet.
:func:`~unspin.sources.unreal.hypothetical` asks this for every verb of saying."""

from __future__ import annotations

from unspin.nlp import Token
from unspin.sources.parse_index import ParseIndex

__all__ = ["bidden"]

#: Indefinite pronouns a writer may address ("Somebody, explain ...").
_ADDRESSED = frozenset(
    {"someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody"}
)
#: Tags of a verb's bare form (the tagger gives either to an imperative with a subject).
_BARE = frozenset({"VB", "VBP"})


def bidden(ix: ParseIndex, t: Token) -> bool:
    """Whether the verb of saying ``t`` is bidden of an indefinite pronoun (see the
    module): the main verb of its sentence, or one joined to such a verb by "and"
    ("Someone stop them and tell the mayor ..."), in the bare form with no auxiliary."""
    toks = ix.parsed.tokens
    verb = t
    if t.dep == "conj" and t.tag in _BARE and not ix.kids(t.i, "nsubj"):
        verb = toks[t.head]
    if verb.dep != "ROOT" or verb.tag not in _BARE or t.tag not in _BARE:
        return False
    if ix.kids(verb.i, "aux", "auxpass", "neg"):
        return False  # "Someone should tell ...", "does anyone say ...": not bare
    subj = ix.kids(verb.i, "nsubj")
    return len(subj) == 1 and subj[0].i < verb.i and subj[0].lower in _ADDRESSED
