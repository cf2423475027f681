"""Who a pronoun actor of a responsibility reading stands for (round 15 of the precision
audit: "claiming that he is responsible for ...", "a rival who accused him of ..." were
shown with the actor "he" or "him", the person named before left out).

:func:`resolved_actor` turns the actor slot of a personal pronoun ("he", "him", "she",
"her", "they", "them") into the slot of the person it stands for, with the pronoun kept
as the slot's anchor (``"pronoun"``) and how it was resolved (``"resolved"``):

* the subject of a clause above the pronoun's own ("Lund insisted that he was
  responsible", "Vance thought ... when he won ... after a runoff with Ortiz, who
  accused him of ..."): a subject that is itself such a pronoun is resolved in turn;
* else the only person named before it in the sentence as a subject or object ("the
  party sent Okafor north; there, he carried out attacks");
* else, for a pronoun with no one named before it in its sentence, the subject of the
  previous sentence, or the only person named in it.

The subject a pronoun object shares its clause with is never its antecedent, nor the
subject of a clause above that has none of its own ("Lund cast Ortiz as unfit and
accused him of lying": "him" is Ortiz, not Lund). A reciprocal actor ("lawmakers accused
each other of ...") is the subject of its clause.

A pronoun none of these resolves (two people named before it, no one named, a chain of
pronouns that ends with no name) keeps its own span, with ``"resolved": None``: left
honestly unresolved, not guessed. A name whose honorific tells another gender ("Mrs.
Berg" for "him") is never the antecedent, nor is the subject of the pronoun's own
clause when the pronoun is its object ("Berg accused him": not Berg).
"""

from __future__ import annotations

from unspin.lexicon import HONORIFICS
from unspin.model import JSON
from unspin.nlp import Parsed, Sentence, Token

__all__ = ["resolved_actor"]

#: Personal pronouns an actor may be, and what they need of the antecedent.
PRONOUNS = {
    "he": "male",
    "him": "male",
    "she": "female",
    "her": "female",
    "they": "plural",
    "them": "plural",
}
#: Common nouns of a person ("the Romanian hacker"): the head of an antecedent that is no
#: name; gendered ones say which pronoun fits.
PERSON_NOUNS = frozenset(
    (
        "hacker", "suspect", "gunman", "attacker", "man", "woman", "boy", "girl", "officer",
        "soldier", "leader", "candidate", "official", "president", "senator", "governor",
        "mayor", "minister", "lawmaker", "politician", "activist", "defendant", "prosecutor",
        "judge", "executive", "spokesman", "spokeswoman", "banker", "driver", "pilot",
        "student", "teacher", "doctor", "nurse", "worker", "employee", "contractor", "agent",
        "analyst", "lawyer", "father", "mother", "husband", "wife", "son", "daughter",
        "brother", "sister", "rebel", "militant", "bomber", "shooter", "killer", "thief",
        "player", "coach", "founder", "chief", "director", "commander", "congressman",
        "congresswoman", "nominee", "challenger", "rival", "incumbent", "opponent",
    )
)  # fmt: skip
_FEMALE_NOUNS = frozenset(
    ("woman", "girl", "mother", "wife", "daughter", "sister", "spokeswoman", "congresswoman")
)
_MALE_NOUNS = frozenset(("man", "boy", "father", "husband", "son", "brother", "spokesman"))
#: Entity labels of no person ("the E.P.R.P." is a party whatever the tagger says).
_NOT_PEOPLE = frozenset(
    ("ORG", "GPE", "NORP", "LOC", "FAC", "DATE", "TIME", "MONEY", "PERCENT", "CARDINAL",
     "ORDINAL", "QUANTITY", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE")
)  # fmt: skip
_RELATIVE = frozenset(("who", "whom", "that", "which"))
#: How far a chain of pronouns ("Lund said she ... claiming that she ...") is followed.
_DEPTH = 4

Found = tuple[int, int, str]  # start, end, how


def resolved_actor(
    parsed: Parsed, sentence: Sentence, actor: Token, slot: dict[str, JSON]
) -> dict[str, JSON]:
    """``slot`` (the actor's) as the person the pronoun ``actor`` stands for, the pronoun
    kept as ``"pronoun"`` and ``"resolved"`` saying how; ``"resolved": None`` when it
    cannot be told. ``slot`` unchanged when the actor is no personal pronoun."""
    if _reciprocal(parsed, actor):  # "lawmakers accused each other of ...": the lawmakers
        verb = _clause(parsed, actor)
        subj = next((c for c in parsed.children(verb.i) if c.dep == "nsubj"), None)
        if subj is None or subj.pos == "PRON":
            return slot
        s, e = parsed.subtree_span(subj.i)
        return {
            "text": parsed.text[s:e], "start": s, "end": e,
            "pronoun": {k: slot[k] for k in ("text", "start", "end")},
            "resolved": "the subject of its clause: the parties accuse or blame one another",
        }  # fmt: skip
    if actor.lower not in PRONOUNS or actor.pos != "PRON":
        return slot
    anchor: dict[str, JSON] = {"text": actor.text, "start": actor.start, "end": actor.end}
    found = _resolve(parsed, sentence, actor, 0)
    if found is None:
        return {**anchor, "pronoun": anchor, "resolved": None}
    s, e, how = found
    return {"text": parsed.text[s:e], "start": s, "end": e, "pronoun": anchor, "resolved": how}


def _resolve(parsed: Parsed, sentence: Sentence, pron: Token, depth: int) -> Found | None:
    want = PRONOUNS[pron.lower]
    own = _clause(parsed, pron)
    barred = list(_bound(parsed, pron, own))
    # an object of a clause with no subject of its own ("called him divisive and accused
    # him", "by accusing him"): the first subject above is that clause's too, never him
    implicit = pron.dep not in ("nsubj", "nsubjpass") and not barred
    t = own
    seen = False  # a subject above that names no one it can be: no guess further off
    for _ in range(16):  # the subjects of the clauses above the pronoun's own
        if t.head == t.i:
            break
        t = parsed.tokens[t.head]
        if t.pos not in ("VERB", "AUX"):
            continue
        subjects = [c for c in parsed.children(t.i) if c.dep in ("nsubj", "nsubjpass")]
        if implicit and subjects:
            barred += [c.i for c in subjects]
            implicit = False
            continue
        for s in subjects:
            if s.i == pron.i:
                continue
            if s.lower in _RELATIVE:  # "Berg, who said he ...": the one the clause is about
                span = _about(parsed, t, want) if s.lower == "who" else None
                if span is not None:
                    return *span, "the one the clause it depends on is about"
                continue
            if s.pos == "PRON" and PRONOUNS.get(s.lower) == want and s.i < pron.i:
                if depth >= _DEPTH:
                    return None
                chained = _resolve(parsed, sentence, s, depth + 1)  # "she said she ..."
                if chained is None:
                    return None
                return chained[0], chained[1], f"as the {s.lower!r} before it: {chained[2]}"
            span = _person(parsed, s, want)
            if span is not None:
                return *span, "the subject of the clause it depends on"
            seen = seen or s.pos in ("PROPN", "NOUN")
    before = _named(parsed, sentence, want, pron.start, tuple(barred))
    if len(before) == 1:
        return *before[0], "the only person named before it in the sentence"
    if before or seen or any(parsed.tokens[i].pos == "PRON" for i in barred):
        return None  # two people named, or a "he" it is not and may stand for anyone
    if any(
        t.i < pron.i and (t.pos == "PROPN" or t.lemma.lower() in PERSON_NOUNS)
        for t in parsed.sentence_tokens(sentence)
    ):
        return None  # someone named before it that it cannot be
    k = parsed.sentence_index(sentence.start)
    if not k:
        return None
    prev = parsed.sentences[k - 1]
    root = next((t for t in parsed.sentence_tokens(prev) if t.dep == "ROOT"), None)
    if root is not None:
        for s in parsed.children(root.i):
            span = _person(parsed, s, want) if s.dep in ("nsubj", "nsubjpass") else None
            if span is not None:
                return *span, "the subject of the sentence before"
    named = _named(parsed, prev, want, prev.end, ())
    if len(named) == 1:
        return *named[0], "the only person named in the sentence before"
    return None


def _reciprocal(parsed: Parsed, actor: Token) -> bool:
    """The actor is "each other" or "one another"."""
    pair = {c.lower for c in parsed.children(actor.i) if c.i < actor.i}
    return (actor.lower == "other" and "each" in pair) or (
        actor.lower == "another" and "one" in pair
    )


def _clause(parsed: Parsed, t: Token) -> Token:
    """The verb of the clause ``t`` is a party of."""
    for _ in range(8):
        if t.pos in ("VERB", "AUX") or t.head == t.i:
            return t
        t = parsed.tokens[t.head]
    return t


def _misread(parsed: Parsed, t: Token) -> bool:
    """A one-word name the tagger took for an organisation here ("Lund insisted") that
    it reads as a person's surname elsewhere in the text ("Ana Lund")."""
    if t.ent_type != "ORG" or not t.text.istitle():
        return False
    home = [e for e in parsed.entities if e.first <= t.i < e.last]
    if any(e.last - e.first > 1 for e in home):
        return False  # "Harbor Motors": a name of more words
    return any(e.label == "PERSON" and e.text.split()[-1] == t.text for e in parsed.entities)


def _about(parsed: Parsed, verb: Token, want: str) -> tuple[int, int] | None:
    """The person a "who" clause headed by ``verb`` hangs on ("Ortiz, a county official
    who ..." -> "Ortiz"), when ``verb`` heads a relative clause."""
    if verb.dep != "relcl":
        return None
    noun = parsed.tokens[verb.head]
    span = _person(parsed, noun, want)
    if span is None and noun.dep == "appos":
        span = _person(parsed, parsed.tokens[noun.head], want)
    return span


def _bound(parsed: Parsed, pron: Token, own: Token) -> tuple[int, ...]:
    """The subject of the pronoun's own clause when the pronoun is its object ("Berg
    accused him": "him" is not Berg), as token indices."""
    if pron.dep in ("nsubj", "nsubjpass"):
        return ()
    return tuple(c.i for c in parsed.children(own.i) if c.dep in ("nsubj", "nsubjpass"))


def _named(
    parsed: Parsed, sentence: Sentence, want: str, before: int, barred: tuple[int, ...]
) -> list[tuple[int, int]]:
    """The distinct persons named (a name, not a common noun) in ``sentence`` before
    ``before``, none of ``barred``; one span per name as written ("Grayson" and "Lolita
    Grayson" are two: a family shares a surname)."""
    out: dict[str, tuple[int, int]] = {}
    for t in parsed.sentence_tokens(sentence):
        if t.start >= before or t.dep == "compound" or t.i in barred or t.pos != "PROPN":
            continue
        span = _person(parsed, t, want)
        if span is not None:
            out.setdefault(parsed.text[span[0] : span[1]].lower(), span)
    return list(out.values())


def _person(parsed: Parsed, t: Token, want: str) -> tuple[int, int] | None:
    """The span of the person ``t`` names, when it names one a pronoun of ``want`` can
    stand for: a name (tagged a person, or a proper noun the tagger left untagged) with
    no article before it, or a person noun ("the Romanian hacker"); None otherwise."""
    kids = parsed.children(t.i)
    plural = t.tag in ("NNS", "NNPS")
    if (want == "plural") != plural or (t.ent_type in _NOT_PEOPLE and not _misread(parsed, t)):
        return None
    if t.pos == "PROPN":
        if any(c.dep == "det" for c in kids):
            return None  # "the E.P.R.P.", "the Derg"
        # an honorific that tells a gender ("Mr. Berg"); "Dr" tells none
        gender = next((HONORIFICS[c.lower] for c in kids if HONORIFICS.get(c.lower)), None)
        if gender is not None and gender != want:
            return None
        home = parsed.sentence_of(t.start)
        ents = parsed.entities_in(home.start, home.end) if home is not None else ()
        ent = next((e for e in ents if e.first <= t.i < e.last and e.label == "PERSON"), None)
        if ent is not None:
            return ent.start, ent.end
        names = [c for c in kids if c.dep == "compound" and c.pos == "PROPN" and c.i < t.i]
        return (names[0].start if names else t.start), t.end
    lemma = t.lemma.lower()
    if t.pos != "NOUN" or lemma not in PERSON_NOUNS:
        return None
    if (lemma in _FEMALE_NOUNS and want == "male") or (lemma in _MALE_NOUNS and want == "female"):
        return None
    left = [c for c in kids if c.i < t.i and c.dep in ("det", "amod", "compound", "poss")]
    return (left[0].start if left else t.start), t.end
