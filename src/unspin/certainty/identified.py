"""Vague attributions whose source the text identifies after all (precision audit, round
12): a spokesperson "for the <party>" where a sentence nearby names that party by
apposition ("the new owner, <Name>, ..."), research credited "by <Name>" right after its
noun (the parser often tags the name a plain noun) ("according to a recent poll by <Name>"), and a
quantifier over a group the text has introduced and whose members it quotes by name
("The candidates would ... . Several said ...", "Most of the candidates said ..." beside
"<Name> said ..."). :func:`.bodies.not_vague` asks :func:`identified` before it answers."""

from __future__ import annotations

from unspin.certainty.lexicon import ANONYMITY, ATTR_VERBS, NAME_ENTS, SPOKESPEOPLE
from unspin.certainty.nearby import nearby
from unspin.certainty.sourced import sourced
from unspin.nlp import Parsed, Token

__all__ = ["QUANTIFIERS", "identified"]

#: Quantifiers that stand for a crowd ("some say", "most of the candidates said").
QUANTIFIERS = frozenset(("some", "many", "most", "few", "several"))
#: Determiners of a group the text has introduced ("the candidates", "these voters").
_DEFINITE = frozenset(("the", "these", "those", "their", "its", "our"))
_NOT_NAMES = frozenset(("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"))
_NOT_PERSONS = _NOT_NAMES | frozenset(("GPE", "NORP", "LOC", "FAC"))


def identified(parsed: Parsed, t: Token, group: str, verb: Token | None) -> str | None:
    """Why the group ``t`` (subject of ``verb``, if any) is identified in the text."""
    if (why := sourced(parsed, t, group, verb)) is not None:
        return why
    low = t.lemma.lower()
    if group == "vague_source" and low in SPOKESPEOPLE and _party_named(parsed, t):
        return "The spokesperson of a party the text names nearby, on its record."
    if group == "vague_research" and _credited_after(parsed, t):
        return "The research is credited to a named author or body right after."
    if group == "vague_crowd" and t.lower in QUANTIFIERS and _members_quoted(parsed, t):
        return "Members of a group the text introduces and quotes by name, not a crowd."
    return nearby(parsed, t, group, verb)  # rounds 15 and 16


def _name(w: Token) -> bool:
    return (w.pos == "PROPN" and w.ent_type not in _NOT_NAMES) or w.ent_type in NAME_ENTS


def _party_named(parsed: Parsed, t: Token, window: int = 2) -> bool:
    """'A spokesman for the buyer said ... . But the new owner, <Name>, ...': the
    spokesperson speaks "for"/"of" a definite party, and a sentence nearby gives a
    definite noun phrase a name by apposition (the party, named). "An unnamed spokesman"
    and "a spokesman for a buyer" stay vague."""
    kids = parsed.children(t.i)
    if any(c.lower in ANONYMITY for c in kids):
        return False
    party = [
        g
        for c in kids
        if c.dep == "prep" and c.lower in ("for", "of")
        for g in parsed.children(c.i)
        if g.dep == "pobj"
        and g.pos == "NOUN"
        and any(d.dep == "det" and d.lower == "the" for d in parsed.children(g.i))
    ]
    k = parsed.sentence_index(t.start)
    if not party or k is None:
        return False
    toks = parsed.tokens
    for sentence in parsed.sentences[max(0, k - window) : k + 1 + window]:
        for w in parsed.sentence_tokens(sentence):
            if w.dep != "appos" or not _name(w) or w.i == t.i:
                continue
            head = toks[w.head]
            if head.pos == "NOUN" and any(
                d.dep == "det" and d.lower == "the" for d in parsed.children(head.i)
            ):
                return True
    return False


def _credited_after(parsed: Parsed, t: Token) -> bool:
    """'..., according to a recent poll by <Name>': "by" or "from" and a name follow the
    research noun, though the parser hung them elsewhere (or a no-break space split them)."""
    words = [w for w in parsed.tokens[t.i + 1 : t.i + 6] if w.text.strip()]
    if len(words) < 2 or words[0].lower not in ("by", "from"):
        return False
    w = words[2] if words[1].lower == "the" and len(words) > 2 else words[1]
    # a capitalised word there is a name, whatever the tagger made of it
    return _name(w) or (w.text[:1].isupper() and w.ent_type not in _NOT_NAMES)


def _members_quoted(parsed: Parsed, t: Token) -> bool:
    """A quantifier over a group the text has introduced: "most of the candidates" (a
    definite plural the text used before this sentence) or a bare "several said" after a
    sentence whose subject is that definite plural ("The candidates would also ... .
    Several said ..."); and a member speaks by name in the sentence before or after
    ("<Name> said ..."): the group is identified and on record. "Economists have argued
    ... . Several said ..." (no group introduced, no name) stays vague."""
    k = parsed.sentence_index(t.start)
    if k is None:
        return False
    noun = _partitive(parsed, t)
    sentence = parsed.sentences[k]
    if noun is not None:
        earlier = any(
            w.lemma.lower() == noun.lemma.lower() and w.tag == "NNS"
            for w in parsed.tokens[: noun.i]
            if w.start < sentence.start
        )
        if not earlier:
            return False
    elif parsed.children(t.i) or t.dep != "nsubj" or not _group_before(parsed, k):
        return False
    near = [j for j in (k - 1, k + 1) if 0 <= j < len(parsed.sentences)]
    toks = parsed.tokens
    return any(
        w.dep == "nsubj" and _person(w) and toks[w.head].lemma in ATTR_VERBS
        for j in near
        for w in parsed.sentence_tokens(parsed.sentences[j])
    )


def _person(w: Token) -> bool:
    """A person's name; the recogniser often tags a surname as something else."""
    return w.ent_type == "PERSON" or (w.pos == "PROPN" and w.ent_type not in _NOT_PERSONS)


def _partitive(parsed: Parsed, t: Token) -> Token | None:
    """The plural noun of "most of the candidates" (a definite one), or None."""
    for c in parsed.children(t.i):
        if c.dep != "prep" or c.lower != "of":
            continue
        for g in parsed.children(c.i):
            dets = {d.lower for d in parsed.children(g.i) if d.dep in ("det", "poss")}
            if g.dep == "pobj" and g.tag == "NNS" and dets & _DEFINITE:
                return g
    return None


def _group_before(parsed: Parsed, k: int) -> bool:
    """The sentence before has a definite plural noun as its subject ("The Republican
    candidates would also seek ...")."""
    if k == 0:
        return False
    return any(
        w.dep in ("nsubj", "nsubjpass")
        and w.tag == "NNS"
        and any(d.dep in ("det", "poss") and d.lower in _DEFINITE for d in parsed.children(w.i))
        for w in parsed.sentence_tokens(parsed.sentences[k - 1])
    )
