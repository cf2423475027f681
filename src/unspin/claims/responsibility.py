"""Checks on a responsibility reading before the ``claims`` analyzer shows it.

:func:`~unspin.claims.responsibility_reading.responsibility_reading` finds a cue
("carried out", "responsible for", "blamed ... for", "accused ... of") with an actor and
an event; these rules, read off the parse, say when that reading is not what the sentence
claims (precision first: no responsibility type rather than a wrong actor):

* :func:`ruled_out`: the sentence negates or denies it ("could not have carried out the
  raid", "denied that its staff carried out the raid", "was not responsible for");
* :func:`own_conduct`: the event is the actor's own conduct ("not responsible for his
  actions": a finding on capacity, not on who did something);
* :func:`habitual`: a routine description ("officers carry out operations daily");
* :func:`time_phrase`: the slot the parse offers is a time ("for decades");
* :func:`generic_act`: the cue is the act a sentence judges, with no one doing it
  ("Blaming the farmers for the floods is offensive", "it is wrong to blame X for Y");
* :func:`bare_pronoun`: the event is a bare pronoun ("the raids that they carried out"
  offers "that"): nothing here resolves it, so no event to show;
* :func:`not_agent`: the actor is a part of the body or a stretch of time ("his small
  nose was to blame for his failed marriage", "the historic moment could be behind the
  move"): nothing that can be answerable for a deed;
* :func:`fragment`: the event is a clause cut at a preposition whose object the parse
  left out ("the man she is accused of sleeping with" offers "sleeping with");
* :func:`no_one`: a slot names no one or nothing ("committed no crime", "nobody
  carried out the raid", "unknown attackers carried out the raid");
* :func:`unasserted`: the cue sits in a clause the sentence does not assert ("if he
  orders it", "before the man has committed any crime", "whether she ordered it"), or
  its verb takes a modal of a deed not done ("fears that militants could carry out an
  attack"; "may have carried out" still tells a deed), or a check that failed says it
  ("was unable to verify that she was responsible for the post"), or its subject is
  anyone at all ("any citizen who swore allegiance could have committed an offence": a
  rule of law, no deed pinned on someone), or "responsible for" names a duty ("became
  responsible for guarding prisoners", "is responsible for running the unit"), or the
  cue's clause is a "whose" clause with its own subject ("Lund, whose company was
  accused of underpaying staff, ...": the company is accused, not the person the clause
  hangs on; no actor rather than the wrong one).

and where the sentence names a different actor, which one:

* :func:`enabler`: "the officials allowed him to commit the crime" makes the officials
  responsible for allowing it, not only the one who committed it;
* :func:`cleft_rebuttal`: "X was accused of softening it ... it was Y who softened it";
* :func:`rebuttal`: "X was blamed for the leak, but Y leaked the file", "X did not start
  it; Y did": a later clause set against the event gives the deed to Y ("but he did not
  carry it out" only takes it from X);
* :func:`ruled_out_actor`: "Not X but Y ordered it" gives it to Y, "Neither X nor Y
  ordered it" to no one;
* :func:`actor_end`: "rogue guards, not the ruling family, carried out ...": the actor
  stops before the party the sentence rules out ("X, rather than Y", "X, and not Y"),
  and runs on through a hyphen the parse cut a name at ("al-Tarek", not "al");
* :func:`than_actor`: "no one is more responsible for X than Y" gives X to Y.

and where the deed is more than the verb's object:

* :func:`directive_end`: "ordered the agency to hold hearings", "ordered the files
  released": the event is the order with its complement, not "the agency".
"""

from __future__ import annotations

from unspin.claims.lexicon import BODY_PARTS, EVENT_NOUNS, RESP_VERBS, TIME_NOUNS
from unspin.nlp import Parsed, Sentence, Token

__all__ = [
    "actor_end",
    "bare_pronoun",
    "cleft_rebuttal",
    "directive_end",
    "enabler",
    "fragment",
    "generic_act",
    "habitual",
    "no_one",
    "not_agent",
    "own_conduct",
    "rebuttal",
    "ruled_out",
    "ruled_out_actor",
    "than_actor",
    "time_phrase",
    "unasserted",
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
#: Words that set a later clause against what came before ("..., but Y did it").
_CONTRAST = frozenset(("but", "yet", ";", "instead", "however", "rather", "actually"))
#: Subjects that may stand for the accused themselves ("but he did not carry it out").
_PRONOUNS = frozenset(("he", "she", "they", "it", "we", "i", "you", *_RELATIVE))
#: Adverbs that add a doer rather than replace one ("..., but Y did too").
_ADDITIVE = frozenset(("too", "also", "well", "again"))
#: Objects of a verb that stand for the deed already named ("Y did it").
_PRO_OBJECTS = frozenset(("it", "so", "that", "this"))
#: Words that open a party the sentence rules out after the actor ("X, rather than Y").
_RULED_OUT_OPENERS = frozenset(("not", "rather", "instead", "nor"))
#: Pronouns that stand for a deed named elsewhere ("ordered that", "did this"; not "all",
#: "all of this filth": that one names it).
_BARE_WORDS = frozenset(
    ("it", "this", "that", "these", "those", "which", "what", "whom", "them", "so")
)
#: Verbs whose object is told to do the deed ("ordered the agency to hold hearings").
_DIRECTIVE_VERBS = frozenset(("order", "incite"))
#: Endings of a noun that names a deed itself ("ordered the declassification to show
#: ...": a purpose, not a complement).
_DEED_ENDINGS = ("ing", "tion", "sion")
#: Words that name no one or nothing, and determiners that make a noun do so ("no crime").
_NONE_WORDS = frozenset(("nobody", "nothing", "none", "noone", "neither"))
_NONE_DETS = frozenset(("no", "neither"))
#: Adjectives that leave a doer unknown: "unknown parties carried out air strikes".
_UNKNOWN_ADJS = frozenset(("unknown", "unidentified"))
#: Verbs that check a claim: "could not verify that she was responsible" asserts nothing.
_CHECK_VERBS = frozenset(("verify", "confirm", "establish", "prove", "corroborate"))
#: Subordinators of a clause the sentence does not assert ("if he orders it", "unless",
#: "whether she ordered it", "before the man has committed any crime").
_UNASSERTED_MARKS = frozenset(("if", "unless", "whether", "lest", "before"))
#: Words of a subject that is anyone at all: "any citizen who ...", "anyone who ...".
_ANYONE = frozenset(("any", "anyone", "anybody", "whoever", "every", "everyone"))
#: Verbs of a duty a person is "responsible for" ("responsible for guarding prisoners"),
#: no deed done; and the verbs that give the duty ("became responsible for").
_DUTY_VERBS = frozenset(
    (
        "guard", "oversee", "manage", "run", "supervise", "maintain", "protect", "monitor",
        "coordinate", "handle", "ensure", "organise", "organize", "administer", "police",
        "train", "recruit", "lead", "direct", "look", "keep", "secure", "care",
    )
)  # fmt: skip


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


def generic_act(parsed: Parsed, cue: Token) -> bool:
    """The cue is a gerund or infinitive with no subject of its own that a sentence
    judges ("Blaming the farmers for the floods is offensive", "To accuse them of it is
    unfair", "It is wrong to blame the farmers for the floods"): a statement about the
    act, not that anyone did it or that its object is to blame. A subjectless gerund
    that someone's record or words hold ("his remarks include blaming X for Y") is not
    judged so and keeps its reading."""
    if cue.pos != "VERB" or _children(parsed, cue.i, "nsubj", "nsubjpass", "poss"):
        return False
    be = parsed.tokens[cue.head]
    judged = bool(_children(parsed, be.i, "acomp", "attr"))
    if cue.dep in ("csubj", "csubjpass"):
        return judged
    expletive = any(c.lower == "it" for c in _children(parsed, be.i, "nsubj"))
    to = any(a.lower == "to" for a in _children(parsed, cue.i, "aux"))
    return cue.dep in ("xcomp", "ccomp") and to and expletive and judged and be.lemma == "be"


def bare_pronoun(token: Token) -> bool:
    """The slot is a pronoun standing alone ("that", "which", "it", "them"): what it
    stands for is elsewhere, and an event shown as "that" tells a reader nothing."""
    return token.lower in _BARE_WORDS


def not_agent(actor: Token) -> bool:
    """The actor is a part of the body ("his small nose", "his short legs") or a stretch of
    time ("the historic moment", "that day"): no one is made answerable for the deed."""
    return actor.pos == "NOUN" and actor.lemma.lower() in BODY_PARTS | TIME_NOUNS


def fragment(parsed: Parsed, event: Token) -> bool:
    """The event ends in a preposition with no object of its own ("sleeping with", from
    "the man she is accused of sleeping with"): the rest of the deed is the noun the
    clause hangs on, elsewhere, and the slot shows a cut piece."""
    last = max(parsed.tokens_in(*parsed.subtree_span(event.i)), key=lambda t: t.i, default=None)
    return (
        last is not None
        and last.dep == "prep"
        and last.head == event.i
        and not _children(parsed, last.i, "pobj", "pcomp")
    )


def no_one(parsed: Parsed, slot: Token) -> bool:
    """The slot names no one or nothing: "committed no crime", "nobody carried out the
    raid", "no one ordered it", "none of them"."""
    if slot.lower in _NONE_WORDS:
        return True
    return any(
        (c.dep == "det" and c.lower in _NONE_DETS)
        or (c.dep == "amod" and c.lower in _UNKNOWN_ADJS)  # "unknown parties"
        for c in parsed.children(slot.i)
    )


def unasserted(parsed: Parsed, cue: Token, event: Token) -> bool:
    """The cue sits in a clause (its own or one above it) that the sentence does not
    assert: a condition ("if he orders the raid", "unless", "whether"), a gerund after
    "without", or a "before" clause that is not a past narration ("before the man has
    committed any crime", "before committing any crime"; "before he committed the theft,
    he ..." and "before making the claim that ..." tell that it was done)."""
    if cue.pos == "VERB" and cue.lemma.lower() != "be":
        aux = _children(parsed, cue.i, "aux", "auxpass")
        if any(a.tag == "MD" for a in aux) and not any(a.lemma.lower() == "have" for a in aux):
            return True  # "militants could carry out an attack": a deed not done
    if _anyone(parsed, cue) or _duty(parsed, cue, event) or _whose_clause(parsed, cue):
        return True  # "any citizen who ... could have committed"; "responsible for guarding"
    any_ = any(d.dep == "det" and d.lower == "any" for d in parsed.children(event.i))
    t = cue if cue.pos in ("VERB", "AUX") else parsed.tokens[cue.head]
    for _ in range(8):
        if _unverified(parsed, t):
            return True
        for c in parsed.children(t.i):
            if c.dep != "mark" or c.lower not in _UNASSERTED_MARKS:
                continue
            if c.lower != "before" or t.tag != "VBD" or any_:
                return True
        head = parsed.tokens[t.head]
        if t.dep == "pcomp" and (head.lower == "without" or (head.lower == "before" and any_)):
            return True
        if head.i == t.i:
            return False
        t = head
    return False


def _anyone(parsed: Parsed, cue: Token) -> bool:
    """The subject of the cue's verb is anyone at all ("any citizen who swore allegiance
    could have committed an offence", "anyone who ordered it"): a rule, no one named."""
    verb = cue if cue.pos in ("VERB", "AUX") else parsed.tokens[cue.head]
    for s in _children(parsed, verb.i, "nsubj", "nsubjpass"):
        if s.lower in _ANYONE or any(
            d.dep == "det" and d.lower in _ANYONE for d in parsed.children(s.i)
        ):
            return True
    return False


def _whose_clause(parsed: Parsed, cue: Token) -> bool:
    """The cue's verb heads a relative clause whose subject a "whose" owns ("Lund, whose
    company was accused of underpaying staff"): the subject is the company, and the
    person the clause hangs on is not the one accused. The parse may make the clause's
    verb the root, the person a second subject: a subject owned by "whose" tells it."""
    verb = cue if cue.pos in ("VERB", "AUX") else parsed.tokens[cue.head]
    return any(
        d.dep == "poss" and d.lower == "whose"
        for s in _children(parsed, verb.i, "nsubj", "nsubjpass")
        for d in parsed.children(s.i)
    )


def _duty(parsed: Parsed, cue: Token, event: Token) -> bool:
    """ "responsible for" names a duty: its event is a gerund of a duty ("responsible for
    guarding prisoners") or the person became responsible ("became responsible for the
    prisoners"); "responsible for killing" keeps its deed."""
    if cue.lower not in ("responsible", "responsibility"):
        return False
    if event.tag == "VBG" and event.lemma.lower() in _DUTY_VERBS:
        return True
    return parsed.tokens[cue.head].lemma.lower() == "become"


def _unverified(parsed: Parsed, verb: Token) -> bool:
    """``verb`` checks a claim and the sentence says it could not ("was unable to verify
    that she was responsible", "could not confirm that they carried it out")."""
    if verb.lemma.lower() not in _CHECK_VERBS:
        return False
    head = parsed.tokens[verb.head]
    unable = verb.dep == "xcomp" and (
        head.lemma.lower() in ("unable", "fail")
        or (head.lemma.lower() == "able" and _negated(parsed, head.head))
    )
    return _negated(parsed, verb.i) or unable


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
    deeds = _deeds(parsed, event)
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


def _deeds(parsed: Parsed, event: Token) -> set[str]:
    """The lemmas of the event's verbs and nouns ("softening the report" -> soften, report)."""
    return {
        t.lemma.lower()
        for t in parsed.tokens_in(*parsed.subtree_span(event.i))
        if t.pos in ("VERB", "NOUN")
    }


def rebuttal(
    parsed: Parsed, sentence: Sentence, cue: Token, actor: Token, event: Token
) -> tuple[bool, tuple[Token, Token] | None]:
    """A clause after the event, set against it ("but", "yet", ";", "instead"), that takes
    the deed from the actor. One whose verb is a word of the event (or the cue's verb on
    the same deed, or a bare "did") with another subject gives it to that subject: "X was
    blamed for the leak, but Y leaked the file", "X did not order the raid; Y did" ->
    (True, (Y, its verb)). One that negates the deed with a pronoun or the actor as its
    subject only takes it away: "X was blamed for the raid, but he did not carry it out"
    -> (True, None). (False, None) otherwise."""
    deeds = _deeds(parsed, event)
    after = parsed.subtree_span(event.i)[1]
    contrast = denied = False
    for t in parsed.sentence_tokens(sentence):
        if t.start < after:
            continue
        if t.lower in _CONTRAST:
            contrast = True
        lemma = t.lemma.lower()
        if not contrast or t.pos not in ("VERB", "AUX") or t.dep in ("aux", "auxpass"):
            continue
        objects = _children(parsed, t.i, "dobj")
        same = all(o.lower in _PRO_OBJECTS or o.lemma.lower() in deeds for o in objects)
        if not (lemma in deeds or (lemma in (cue.lemma.lower(), "do", *RESP_VERBS) and same)):
            continue
        subjects = _children(parsed, t.i, "nsubj")
        if not subjects or any(c.lower in _ADDITIVE for c in parsed.children(t.i)):
            continue  # "but Y did too": another one, not instead
        own = subjects[0].lower in _PRONOUNS or subjects[0].lemma.lower() == actor.lemma.lower()
        if _negated(parsed, t.i):
            denied = denied or own
        elif not own:
            return True, (subjects[0], t)
    return denied, None


def ruled_out_actor(parsed: Parsed, actor: Token) -> tuple[bool, Token | None]:
    """The actor is a party the sentence rules out: "Not X but Y ordered the raid" ->
    (True, Y: the actor's conjunct or the verb's next subject); "Neither X nor Y ordered
    it" -> (True, None). "Not only X but also Y" rules no one out."""
    kids = parsed.children(actor.i)
    if any(c.dep == "preconj" and c.lower == "neither" for c in kids):
        return True, None
    neg = next((c for c in kids if c.dep == "neg" and c.i < actor.i), None)
    if neg is None or parsed.tokens[neg.i + 1].lower in ("only", "just", "merely", "simply"):
        return False, None
    for c in [*kids, *parsed.children(actor.head)]:
        if c.i > actor.i and c.dep in ("conj", "nsubj", "nsubjpass"):
            return True, c
    return True, None


def actor_end(parsed: Parsed, actor: Token, end: int) -> int:
    """Where the actor's phrase stops: before a negated alternative it carries ("rogue
    guards, not the ruling family" -> "rogue guards"; "the clerk, and not the guard";
    "the guard, rather than the clerk")."""
    cut = end
    for c in parsed.children(actor.i):
        if c.i <= actor.i:
            continue
        first = parsed.token_at(parsed.subtree_span(c.i)[0])
        opener = first is not None and parsed.tokens[first].lower in _RULED_OUT_OPENERS
        if c.dep == "neg" or opener:
            cut = min(cut, parsed.subtree_span(c.i)[0])
    toks = parsed.tokens_in(actor.start, cut)
    if cut == end and toks and toks[-1].dep == "cc":  # "Not only X but also Y": both
        more = [c for c in parsed.children(actor.head) if c.dep == actor.dep and c.i > actor.i]
        return parsed.subtree_span(more[0].i)[1] if more else end
    while cut < end and len(toks) > 1 and (toks[-1].pos == "PUNCT" or toks[-1].dep == "cc"):
        toks = toks[:-1]  # "the clerk, and" -> "the clerk"
    if cut < end:
        return toks[-1].end if toks else cut
    return _hyphen_end(parsed, cut)


def _hyphen_end(parsed: Parsed, end: int) -> int:
    """``end`` moved past a hyphen and the word glued to it ("al" -> "al-Tarek"): the
    parse made the pieces of one hyphenated name three siblings."""
    text = parsed.text
    while text[end : end + 1] == "-":
        k = parsed.token_at(end + 1)
        if k is None or parsed.tokens[k].start != end + 1 or not text[end + 1].isalpha():
            break
        end = parsed.tokens[k].end
    return end


def than_actor(parsed: Parsed, sentence: Sentence, cue: Token, actor: Token) -> Token | None:
    """For an actor that names no one set against a comparison ("no two people are more
    responsible for the failures than X and Y", "nobody is more to blame for it than X"):
    the "than" whose object is the one the sentence makes responsible. None otherwise."""
    if not no_one(parsed, actor):
        return None
    near = [*parsed.children(cue.i), *parsed.children(cue.head)]
    if not any(c.lower in ("more", "most") for c in near):
        return None
    for t in parsed.sentence_tokens(sentence):
        if t.i > cue.i and t.lower == "than" and _children(parsed, t.i, "pobj"):
            return t
    return None


def directive_end(parsed: Parsed, cue: Token, event: Token) -> int | None:
    """Where the event ends when the cue directs its object to the deed ("ordered the
    agency to hold hearings", "ordered the files released by the office and the
    council", "incited his followers to attack the depot", "incited the crowd to
    violence"): after the complement and every object, so the event (from the cue) is
    the order itself. None when the object is the deed ("ordered the raid"; in "ordered
    the declassification to show ..." the clause is a purpose)."""
    if cue.lemma.lower() not in _DIRECTIVE_VERBS or event.dep != "dobj" or event.head != cue.i:
        return None
    if event.lemma.lower() in EVENT_NOUNS or event.lemma.lower().endswith(_DEED_ENDINGS):
        return None
    done = [
        c
        for c in parsed.children(cue.i)
        if c.i > event.i
        and (
            c.dep in ("xcomp", "oprd")
            or (c.dep == "advcl" and _to_clause(parsed, c))
            or (c.dep == "prep" and c.lower == "to")  # "incited the crowd to violence"
        )
    ]
    done += [c for c in parsed.children(event.i) if c.dep == "acl" and c.tag == "VBN"]
    if not done:
        return None
    objects = [c for c in parsed.children(cue.i) if c.dep == "dobj"]
    return max(parsed.subtree_span(c.i)[1] for c in [*done, *objects])


def _to_clause(parsed: Parsed, verb: Token) -> bool:
    return any(a.lower == "to" for a in _children(parsed, verb.i, "aux"))
