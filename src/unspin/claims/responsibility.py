"""Checks on a responsibility reading before the ``claims`` analyzer shows it.

:func:`unspin.claims.types._responsibility` finds a cue ("carried out", "responsible
for", "blamed ... for", "accused ... of") with an actor and an event; these rules, read
off the parse, say when that reading is not what the sentence claims (precision first:
no responsibility type rather than a wrong actor):

* :func:`ruled_out`: the sentence negates or denies it ("could not have carried out the
  raid", "denied that its staff carried out the raid", "was not responsible for");
* :func:`own_conduct`: the event is the actor's own conduct ("not responsible for his
  actions": a finding on capacity, not on who did something);
* :func:`habitual`: a routine description ("officers carry out operations daily");
* :func:`time_phrase`: the slot the parse offers is a time ("for decades").

and where the sentence names a different actor, which one:

* :func:`enabler`: "the officials allowed him to commit the crime" makes the officials
  responsible for allowing it, not only the one who committed it;
* :func:`cleft_rebuttal`: "X was accused of softening it ... it was Y who softened it";
* :func:`actor_end`: "rogue guards, not the ruling family, carried out ...": the actor
  stops before the party the sentence rules out.
"""

from __future__ import annotations

from unspin.nlp import Parsed, Sentence, Token

__all__ = [
    "actor_end",
    "cleft_rebuttal",
    "enabler",
    "habitual",
    "own_conduct",
    "ruled_out",
    "time_phrase",
]

#: Verbs whose clause says the deed was not done by whom it names.
DENY_VERBS = frozenset(("deny", "reject", "dismiss", "refute", "dispute", "rebut", "debunk"))
#: Verbs that make their subject answerable for what they let another do.
ENABLE_VERBS = frozenset(("allow", "let", "permit", "enable"))
#: Nouns of a person's own conduct ("responsible for his actions").
CONDUCT_NOUNS = frozenset(("action", "conduct", "behaviour", "behavior", "deed", "act"))
#: Adverbs of routine ("carry out operations daily").
ROUTINE_WORDS = frozenset(
    (
        "daily",
        "nightly",
        "weekly",
        "monthly",
        "routinely",
        "regularly",
        "usually",
        "normally",
        "typically",
        "habitually",
        "frequently",
        "often",
    )
)
_RELATIVE = ("who", "that", "which")


def _children(parsed: Parsed, i: int, *deps: str) -> list[Token]:
    return [c for c in parsed.children(i) if c.dep in deps]


def _negated(parsed: Parsed, i: int) -> bool:
    return bool(_children(parsed, i, "neg"))


def ruled_out(parsed: Parsed, cue: Token) -> bool:
    """The cue is negated ("could not have carried out", "not responsible for", "never
    claimed responsibility") or sits in a clause that a verb of denial governs ("denied
    that its staff carried out", "rejected claims it staged")."""
    verb = cue
    if _negated(parsed, cue.i):
        return True
    if cue.pos != "VERB":  # "responsible" / "responsibility" / "behind": their verb
        verb = parsed.tokens[cue.head]
        if _negated(parsed, verb.i):
            return True
    for _ in range(3):
        if verb.dep not in ("ccomp", "xcomp", "pcomp", "dobj", "acl", "relcl", "pobj"):
            return False
        gov = parsed.tokens[verb.head]
        if gov.i == verb.i:
            return False
        if gov.lemma.lower() in DENY_VERBS or (gov.pos == "NOUN" and gov.lemma.lower() == "denial"):
            return not _negated(parsed, gov.i)  # "did not deny" keeps the claim
        verb = gov
    return False


def own_conduct(parsed: Parsed, event: Token) -> bool:
    """The event is the actor's own conduct named by a possessive pronoun ("his
    actions", "their behaviour"): accountability in general, not a deed pinned on them."""
    return event.lemma.lower() in CONDUCT_NOUNS and any(
        c.pos == "PRON" for c in _children(parsed, event.i, "poss")
    )


def habitual(parsed: Parsed, cue: Token, event: Token) -> bool:
    """A present-tense routine ("officers carry out operations daily"): what an agency
    does, not a claim that someone did a deed."""
    if cue.tag not in ("VBP", "VBZ"):
        return False
    near = [*parsed.children(cue.i), *parsed.children(event.i)]
    return any(c.lower in ROUTINE_WORDS for c in near)


def time_phrase(token: Token) -> bool:
    """The slot is a date or a span of time ("for decades", "for years")."""
    return token.ent_type in ("DATE", "TIME")


def enabler(parsed: Parsed, cue: Token) -> tuple[Token | None, Token] | None:
    """For a cue in the complement of "allow"/"let"/"permit"/"enable": that verb's subject
    (None when it has none: the reading is then dropped) and the verb itself, whose
    clause is the event ("allowed him to commit the crime"). None otherwise."""
    if cue.dep not in ("ccomp", "xcomp"):
        return None
    gov = parsed.tokens[cue.head]
    if gov.lemma.lower() not in ENABLE_VERBS or gov.pos != "VERB":
        return None
    subj = _children(parsed, gov.i, "nsubj")
    return (subj[0] if subj else None), gov


def cleft_rebuttal(
    parsed: Parsed, sentence: Sentence, event: Token
) -> tuple[Token, Token, Token] | None:
    """A cleft later in the sentence that gives the event's deed to someone else: "X was
    accused of softening the report ... it was Y who softened it" -> (Y, the relative
    pronoun, the verb of its clause). The cleft's verb must be a word of the event (same
    lemma: "softening" / "softened", "the leak" / "leaked"), so an unrelated cleft
    changes nothing."""
    deeds = {
        t.lemma.lower()
        for t in parsed.tokens_in(*parsed.subtree_span(event.i))
        if t.pos in ("VERB", "NOUN")
    }
    for t in parsed.sentence_tokens(sentence):
        if t.lower not in _RELATIVE or t.dep != "nsubj" or t.i <= event.i:
            continue
        verb = parsed.tokens[t.head]
        focus = parsed.tokens[verb.head]
        if verb.dep != "relcl" or focus.dep != "attr" or verb.lemma.lower() not in deeds:
            continue
        be = parsed.tokens[focus.head]
        subjects = _children(parsed, be.i, "nsubj")
        if be.lemma.lower() == "be" and any(c.lower == "it" for c in subjects):
            return focus, t, verb
    return None


def actor_end(parsed: Parsed, actor: Token, end: int) -> int:
    """Where the actor's phrase stops: before a negated alternative it carries ("rogue
    guards, not the ruling family" -> "rogue guards")."""
    for c in parsed.children(actor.i):
        if c.i <= actor.i:
            continue
        first = parsed.token_at(parsed.subtree_span(c.i)[0])
        if c.dep == "neg" or (first is not None and parsed.tokens[first].lower == "not"):
            end = min(end, parsed.subtree_span(c.i)[0])
    return end
