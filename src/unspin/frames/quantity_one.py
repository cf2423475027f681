""" "one" as the indefinite "a" or "a certain" (precision audit, round 12): no count of one.

- "one" before the subject of a verb of saying ("one local pastor said", "one activist
  tweeted") or after "according to" ("according to one aide"): an unnamed speaker, of
  any noun (round 8 listed a few nouns of persons only);
- "one" before the subject of a clause that gives a figure of its own in its object
  ("one petition has gathered 40,000 names", "one survey found 60 percent ..."): a
  specimen the figure is told of, not a count (a year, a date or a time is no figure).

- "one" before the subject of "be" whose complement is a name or a clause ("one city
  lawyer involved was Jan Smit", "one reason is that ..."), or before a noun of a means
  with "to" and a gerund ("one key to winning the race will be turnout"): it picks out
  a specimen, no count (round 13).

A count word before "one" ("only one senator said"), a number set beside it ("one
doctor and two nurses said") or a figure in a clause of its own ("one person was
killed and three were injured") keep the count.
"""

from __future__ import annotations

import re

from unspin.lexicon import VERBS
from unspin.nlp import Parsed, Token

__all__ = ["indefinite_one"]

#: A count word before "one" that makes it a count: "only one witness", "not one".
_COUNT_WORD = re.compile(r"\b(?:only|just|exactly|merely|than|least|not|single|sole)\s+$", re.I)
#: Dependents of a verb that hold what it does to its object or says.
_OBJECTS = frozenset(("dobj", "attr", "ccomp", "oprd", "xcomp", "acomp"))


def indefinite_one(parsed: Parsed, start: int) -> bool:
    """ "one" at ``start`` introduces an unnamed speaker or a specimen whose own figure
    the clause gives: "a certain", no count."""
    k = parsed.token_at(start)
    if k is None:
        return False
    toks = parsed.tokens
    one = toks[k]
    if one.lower != "one" or one.dep != "nummod" or one.head == one.i:
        return False
    if _COUNT_WORD.search(parsed.text, max(0, start - 12), start):
        return False
    noun = toks[one.head]
    if _beside_number(parsed, noun):
        return False  # "one doctor and two nurses said": a count
    if noun.dep == "pobj" and _according_to(parsed, noun):
        return True
    if _means_to(parsed, noun):
        return True  # "one key to winning the race"
    if noun.dep not in ("nsubj", "nsubjpass") or noun.head == noun.i:
        return False
    verb = toks[noun.head]
    info = VERBS.get(verb.lemma.lower())
    if verb.pos in ("VERB", "AUX") and info is not None and not info.doc_only:
        return True  # "one activist tweeted", "one pastor said" ("one voter showed up" not)
    if verb.lemma == "be" and noun.dep == "nsubj" and _names_or_clause(parsed, verb):
        return True  # "one lawyer involved was Jan Smit", "one reason is that ..."
    return _figure_in_object(parsed, verb)


def _means_to(parsed: Parsed, noun: Token) -> bool:
    """``noun`` takes "to" and a gerund: "one key to winning", "one step to ending"."""
    toks = parsed.tokens
    return any(
        p.head == noun.i and p.lower == "to" and p.dep == "prep"
        and any(g.head == p.i and g.tag == "VBG" and g.dep == "pcomp" for g in toks)
        for p in toks[noun.i + 1 : noun.i + 2]
    )  # fmt: skip


def _names_or_clause(parsed: Parsed, verb: Token) -> bool:
    """ "be" says who or what the subject is: a name ("was Jan Smit") or a clause ("is
    that the budget fell")."""
    return any(
        t.head == verb.i and t.i != verb.i
        and ((t.dep == "attr" and t.pos == "PROPN") or t.dep in ("ccomp", "csubj"))
        for t in parsed.tokens
    )  # fmt: skip


def _according_to(parsed: Parsed, noun: Token) -> bool:
    prep = parsed.tokens[noun.head]
    if prep.lower != "to" or prep.i == 0:
        return False
    return parsed.tokens[prep.i - 1].lower == "according"


def _beside_number(parsed: Parsed, noun: Token) -> bool:
    """A noun joined to ``noun`` by "and"/"or" has a number of its own."""
    toks = parsed.tokens
    joined = [t for t in toks if t.dep == "conj" and t.head == noun.i]
    if noun.dep == "conj":
        joined.append(toks[noun.head])
    return any(c.tag == "CD" and c.head == t.i and c.i != t.i for t in joined for c in toks)


def _subtree(parsed: Parsed, root: Token) -> list[Token]:
    toks = parsed.tokens
    out = [root]
    i = 0
    while i < len(out):
        node = out[i]
        out.extend(t for t in toks if t.head == node.i and t.i != node.i)
        i += 1
    return out


def _figure_in_object(parsed: Parsed, verb: Token) -> bool:
    """The verb's object (or what it says) holds a number: "has gathered 40,000 names",
    "found 60 percent agree", "raised $2 million"."""
    toks = parsed.tokens
    for obj in toks:
        if obj.head != verb.i or obj.i == verb.i or obj.dep not in _OBJECTS:
            continue
        if any(_figure(t) for t in _subtree(parsed, obj)):
            return True
    return False


def _figure(tok: Token) -> bool:
    """A number in digits that is no year, date or time ("40,000", not "2007", "June 23")."""
    if tok.tag != "CD" or not tok.text[:1].isdigit() or tok.ent_type in ("DATE", "TIME"):
        return False
    return not _YEAR.fullmatch(tok.text)


_YEAR = re.compile(r"1\d{3}|20\d{2}")
