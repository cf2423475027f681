"""Place-labelled names that describe someone or name a disease, not where a claim is.

* a state or city in an office holder's or a party member's description: before the
  title ("the Kansas Senator", "the Ohio governor", "Illinois Democrat Joren Vantage"),
  after it with "of" or "from" ("a Republican of Illinois", "the senator from Kansas") or
  in a party label ("Rep. Edda Pilkvist (R-Calif.)");
* a name the text uses as a disease's ("an outbreak of Ebola", "the Zika virus",
  "infected with Ebola"): no place wherever it occurs in the text, unless a preposition
  of place puts it there ("in Marburg").
"""

from __future__ import annotations

import re

from unspin.frames.per_text import PerText
from unspin.lexicon import TITLE_WORDS
from unspin.nlp import Entity, Parsed

__all__ = ["disease_name", "in_a_title"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Nouns of an office a state's or a city's name describes the holder of (one holder:
#: "Ohio lawmakers passed a bill" may say where), and of a delegation.
_OFFICES = _words(
    "senator sen. rep. representative congressman congresswoman lawmaker legislator "
    "governor gov. mayor treasurer comptroller delegate delegation sheriff prosecutor "
    "commissioner assemblyman assemblywoman councilman councilwoman"
)
#: A member of a party ("Nevada Republicans chose ... in a caucus" may say where).
_PARTY = _words("republican democrat democratic gop independent libertarian")
_DESCRIBED = _OFFICES | _PARTY
_MODIFIERS = frozenset({"compound", "nmod", "amod"})
#: A party's letter and a hyphen before a state's name, in brackets or between commas
#: after a lawmaker's name ("(R-Calif.)", ", D-Texas,").
_PARTY_LABEL = re.compile(r"[(,]\s*(?:R|D|I)\s?[-\u2013]\s?\Z")
#: Verbs an office is sought or won with: "ran for governor of Oregon", "was elected
#: governor of Maine", "became mayor of Duluth" say where.
_SEEKING = frozenset({"elect", "become", "appoint", "name", "nominate", "swear"})


def in_a_title(parsed: Parsed, first: int, last: int) -> bool:
    """The name of tokens ``first:last`` describes an office holder or a party member:
    it modifies an office or party noun that is, or stands before, a person ("the Kansas
    Senator", "Kansas Attorney General Edda Pilkvist", "Illinois Democrat Joren Vantage";
    not "the Ohio Democratic caucuses") or is the object of "of" or "from" after one ("a
    Republican of Illinois", "the senator from Kansas"); not an office sought or won ("ran
    for governor of Oregon", "was elected governor of Maine")."""
    toks = parsed.tokens
    if _PARTY_LABEL.search(parsed.text, max(0, toks[first].start - 6), toks[first].start):
        return True  # "Rep. Edda Pilkvist (R-Calif.)": the party and the state she serves
    head = next((t for t in toks[first:last] if not first <= t.head < last), None)
    if head is None or head.head == head.i:
        return False
    if head.dep == "pobj":
        prep = toks[head.head]
        owner = toks[prep.head]
        return (
            prep.lower in ("of", "from")
            and prep.head < prep.i
            and _described(parsed, owner.i)
            and not _sought(parsed, owner.i)
        )
    t = head
    while t.dep in _MODIFIERS and t.head > t.i:  # up to the head of the phrase it modifies
        t = toks[t.head]
    a_person = t.ent_type == "PERSON" or t.lower.rstrip(".") in TITLE_WORDS
    return (
        t.i >= last
        and (_described(parsed, t.i) or a_person)
        and any(_described(parsed, k) for k in range(last, t.i + 1))
        and not _sought(parsed, t.i)
    )


def _described(parsed: Parsed, i: int) -> bool:
    """Token ``i`` is an office or party noun ("General" after "Attorney" counts)."""
    toks = parsed.tokens
    low = toks[i].lower
    return low in _DESCRIBED or (low == "general" and i > 0 and toks[i - 1].lower == "attorney")


def _sought(parsed: Parsed, i: int) -> bool:
    """The office noun ``i`` names an office sought or won: the object of "for" ("ran for
    governor of Oregon", "the primary for Vermont attorney general") or the complement
    of "elect", "become" ... ("was elected governor of Maine")."""
    toks = parsed.tokens
    t = toks[i]
    up = toks[t.head]
    if t.dep == "pobj":  # a bare office noun: "for the Vermont senator" is for a person
        return up.lower == "for" and _described(parsed, i) and not _determined(parsed, i)
    return t.dep in ("oprd", "attr", "xcomp", "dobj") and up.lemma.lower() in _SEEKING


def _determined(parsed: Parsed, i: int) -> bool:
    return any(c.dep in ("det", "poss") for c in parsed.children(i))


#: Words before a disease's name: "an outbreak of", "infected with", "died of".
_BEFORE = re.compile(
    r"\b(?:outbreaks?\s+of|epidemics?\s+of|cases\s+of|strains?\s+of|symptoms\s+of|"
    r"infected\s+with|died\s+(?:of|from)|diagnosed\s+with|tested\s+positive\s+for|"
    r"vaccines?\s+(?:against|for)|vaccinated\s+against)\s+(?:the\s+)?\Z",
    re.I,
)
#: Words after a disease's name: "the Zika virus", "Lassa fever".
_AFTER = re.compile(r"[\s-]+(?:virus|viruses|fever|vaccines?|infections?)\b", re.I)
#: Prepositions that put a name at a place even where the text names a disease by it.
_AT = frozenset({"in", "at", "near", "inside", "outside", "within", "throughout", "across"})


def disease_name(parsed: Parsed, e: Entity) -> bool:
    """The place-labelled name ``e`` is one the text uses as a disease's somewhere, and no
    preposition of place puts it at a place here."""
    if e.text not in _disease_names(parsed):
        return False
    toks = parsed.tokens
    head = next((t for t in toks[e.first : e.last] if not e.first <= t.head < e.last), None)
    return not (head is not None and head.dep == "pobj" and toks[head.head].lower in _AT)


def _diseases(parsed: Parsed) -> frozenset[str]:
    text = parsed.text
    return frozenset(
        e.text
        for e in parsed.entities
        if e.label in ("GPE", "LOC", "FAC")
        and (_BEFORE.search(text, max(0, e.start - 32), e.start) or _AFTER.match(text, e.end))
    )


#: The disease names of a text, once per text.
_disease_names = PerText(_diseases)
