"""More checks on a responsibility reading (round 12 of the precision audit), beside
:mod:`unspin.claims.responsibility`:

* :func:`duty`: "responsible for" names a charge, not a deed: the event is a field of
  care ("responsible for the security of the plants", "for the safety of workers"), or
  the charge is one to come ("would be responsible for improving schools": a bill's
  plan; "may be responsible for the attack" keeps its reading);
* :func:`no_evidence`: the cue sits in what a sentence says there is no evidence of
  ("did not provide evidence that X was behind the hack", "there is little evidence
  that X was behind it", "saw no proof that ...");
* :func:`own_funding`: a verb of paying whose object is the actor's own ("was
  self-funding his campaign", "financed her own race") or names no deed ("we fund
  education", "sponsored the legislation"): spending, no deed pinned;
* :func:`make_up`: an accusation about what a group is made of ("accused the audience
  of consisting of donors"), no deed;
* :func:`possessor`: the event is a possessor cut from what it owns ("blamed the media
  for Lee's 'Vik founded the gang' flap" offers "Lee's");
* :func:`comparison_end`: where the event stops before a comparison it carries
  ("blamed the network for its reporting more than his own campaign for ..." ->
  "its reporting").
"""

from __future__ import annotations

from unspin.claims.lexicon import EVENT_NOUNS
from unspin.nlp import Parsed, Token

__all__ = ["comparison_end", "duty", "make_up", "no_evidence", "own_funding", "possessor"]

#: Nouns of a field someone is in charge of ("responsible for the security of ...").
DUTY_NOUNS = frozenset(
    (
        "security", "safety", "oversight", "supervision", "maintenance", "upkeep",
        "management", "administration", "protection", "care", "enforcement", "welfare",
        "defense", "defence", "implementation", "logistics", "coordination", "regulation",
        "custody", "training", "recruitment", "budget",
    )
)  # fmt: skip
#: Modals of a charge to come ("would be responsible for"): "may", "might", "could" keep
#: a hedged claim of a deed ("the group may be responsible for the attack").
_FUTURE_MODALS = frozenset(("will", "would", "shall", "'ll"))
#: Gerunds of a task one is charged with ("responsible for improving schools").
DUTY_GERUNDS = frozenset(
    ("improve", "implement", "enforce", "regulate", "inspect", "operate", "safeguard", "defend")
)
#: Nouns of evidence, and words that say there is none or little of it.
_EVIDENCE = frozenset(("evidence", "proof", "sign", "indication"))
_NONE = frozenset(("no", "little", "scant", "scarce", "insufficient"))
#: Verbs of paying for something.
_PAY_VERBS = frozenset(("fund", "finance", "bankroll", "sponsor"))
#: Verbs of what a group is made of ("accused the audience of consisting of donors").
_MAKE_UP = frozenset(("consist", "comprise", "contain"))
#: Adverbs that open a comparison after the event ("more than", "rather than").
_COMPARE = frozenset(("more", "rather", "less"))


def duty(parsed: Parsed, cue: Token, event: Token) -> bool:
    """ "responsible for" names a charge: a field of care ("the security of the plants")
    or a task ("improving schools"), or a charge to come ("would be responsible for")."""
    if cue.lower not in ("responsible", "responsibility"):
        return False
    lemma = event.lemma.lower()
    if (event.pos == "NOUN" and lemma in DUTY_NOUNS) or (
        event.tag == "VBG" and lemma in DUTY_GERUNDS
    ):
        return True
    verb = parsed.tokens[cue.head]
    return verb.lemma.lower() == "be" and any(
        c.dep == "aux" and c.lower in _FUTURE_MODALS for c in parsed.children(verb.i)
    )


def no_evidence(parsed: Parsed, cue: Token) -> bool:
    """The cue's clause is what a sentence says there is no (or little) evidence of: "did
    not provide evidence that X was behind the hack", "saw no proof in the report that
    ...", "there is little evidence that ...", "without evidence that ..."."""
    verb = cue if cue.pos in ("VERB", "AUX") else parsed.tokens[cue.head]
    if verb.dep not in ("acl", "ccomp"):
        return False
    noun = parsed.tokens[verb.head]
    if noun.lemma.lower() not in _EVIDENCE and noun.dep == "pobj":  # "evidence in the report"
        up = parsed.tokens[parsed.tokens[noun.head].head]
        objects = [c for c in parsed.children(up.i) if c.dep == "dobj"]  # "saw evidence in"
        noun = next((o for o in objects if o.lemma.lower() in _EVIDENCE), up)
    if noun.lemma.lower() not in _EVIDENCE:
        return False
    if any(c.dep in ("det", "amod") and c.lower in _NONE for c in parsed.children(noun.i)):
        return True
    gov = parsed.tokens[noun.head]
    if noun.dep == "pobj" and gov.lower == "without":
        return True
    return gov.i != noun.i and any(c.dep == "neg" for c in parsed.children(gov.i))


def own_funding(parsed: Parsed, cue: Token, event: Token) -> bool:
    """A verb of paying whose object is the payer's own ("self-funding his campaign",
    "financed her own race") or no deed named in :data:`EVENT_NOUNS` ("we fund
    education", "sponsored the legislation": a noun ending like a deed is not one here):
    spending, not a deed pinned on anyone. "funded the riots" keeps its reading."""
    if cue.lemma.lower() not in _PAY_VERBS:
        return False
    if event.lemma.lower() not in EVENT_NOUNS:
        return True
    kids = parsed.children(event.i)
    own = any(c.dep == "poss" and c.pos == "PRON" for c in kids)
    own = own or any(c.dep == "amod" and c.lower == "own" for c in kids)
    return own or any(c.lower == "self" for c in parsed.children(cue.i))


def make_up(parsed: Parsed, cue: Token, event: Token) -> bool:
    """An accusation about what a group is made of ("accused the audience of consisting
    of donors"): a description, not a deed."""
    return cue.lemma.lower() == "accuse" and event.lemma.lower() in _MAKE_UP


def possessor(parsed: Parsed, event: Token) -> bool:
    """The event is a possessor cut from what it owns ("blamed the media for Lee's 'Vik
    founded the gang' flap" offers "Lee's": the parse took the quoted words and the
    noun elsewhere): no deed to show."""
    return any(c.dep == "case" and c.lower in ("'s", "’s", "'") for c in parsed.children(event.i))


def comparison_end(parsed: Parsed, event: Token) -> int | None:
    """Where the event stops before a comparison it carries ("its reporting more than his
    own campaign ..." -> before "more"); None when it carries none."""
    for c in parsed.children(event.i):
        after = c.i > event.i and c.lower in _COMPARE and c.dep in ("advmod", "amod")
        if after and any(g.lower == "than" for g in parsed.children(c.i)):
            return c.start
    return None
