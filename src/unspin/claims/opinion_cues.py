"""Main clauses whose only content is a view, a belief or an intention (round 15 of the
precision audit), asked by :func:`unspin.claims.nothing.nothing_to_check` for the main
clause and the one clause a verb of saying reports:

* a belief someone tells themselves ("the faction continues to tell itself that ...");
* a reading of a narrative ("her support pushes back on the narrative that ...");
* an inference about intentions ("the letter suggests they have no intention of ...");
* criticism for what someone is ("blasted the rivals for being sore losers"): name-calling,
  no deed;
* an evaluation under a condition ("If they want to argue that ..., that's fine").

Each is told by its cue words in the parse, never by the topic; a deed in the clause
("blasted the rivals for cutting the budget") keeps its score.
"""

from __future__ import annotations

from unspin.claims.lexicon import SUBJECTIVE
from unspin.nlp import Parsed, Token

__all__ = ["opinion_only"]

_REFLEXIVES = frozenset(
    ("itself", "themselves", "himself", "herself", "ourselves", "myself", "yourself")
)
#: Nouns of a story told about something ("the narrative that ...").
_NARRATIVE = frozenset(("narrative", "perception", "notion", "myth", "impression"))
#: Verbs of an inference from a thing ("the letter suggests ...").
_INFER = frozenset(("suggest", "signal", "indicate", "hint"))
#: Words of an intention.
_INTENT = frozenset(("intention", "intent", "intend", "willingness", "desire", "eagerness"))
#: Verbs of criticism.
_CRITICISE = frozenset(
    (
        "blast", "slam", "criticize", "criticise", "rip", "knock", "lambaste", "deride",
        "mock", "ridicule", "chide", "scold", "berate", "bash", "excoriate", "pillory",
    )
)  # fmt: skip
#: Adjectives of an evaluation ("that's fine").
_EVALUATIVE = SUBJECTIVE | {"fine", "okay", "ok", "good", "great", "bad", "wrong", "right"}


def opinion_only(parsed: Parsed, pred: Token) -> str | None:
    """Why the clause of ``pred`` only holds a view, a belief or an intention; None when
    no cue says so."""
    kids = parsed.children(pred.i)
    lemma = pred.lemma.lower()
    for verb in (pred, *(c for c in kids if c.dep == "xcomp")):
        if verb.lemma.lower() == "tell" and any(
            c.dep in ("dobj", "dative") and c.lower in _REFLEXIVES for c in parsed.children(verb.i)
        ):
            return "a belief someone tells themselves"
    if _narrative(parsed, pred):
        return "a reading of a narrative"
    if lemma in _INFER and _thing_subject(parsed, pred):
        for c in kids:
            if c.dep == "ccomp" and any(
                t.lemma.lower() in _INTENT for t in parsed.tokens_in(*parsed.subtree_span(c.i))
            ):
                return "an inference about intentions"
    if lemma in _CRITICISE:
        for p in kids:
            being = (c.dep == "pcomp" and c.lemma.lower() == "be" for c in parsed.children(p.i))
            if p.dep == "prep" and p.lower == "for" and any(being):
                return "criticism of what someone is"
    if _conditional_evaluation(parsed, pred):
        return "an evaluation under a condition"
    return None


def _narrative(parsed: Parsed, pred: Token) -> bool:
    """``pred``'s object (or the object of its preposition) is a narrative noun with a
    "that" clause of its content ("pushes back on the narrative that ...")."""
    nouns = [c for c in parsed.children(pred.i) if c.dep == "dobj"]
    for c in parsed.children(pred.i):
        if c.dep in ("prep", "advmod"):
            for p in [c, *parsed.children(c.i)]:
                nouns += [o for o in parsed.children(p.i) if o.dep == "pobj"]
    for n in nouns:
        if n.lemma.lower() not in _NARRATIVE:
            continue
        clauses = [c for c in parsed.children(n.i) if c.dep in ("acl", "ccomp")]
        clauses += [c for c in parsed.children(pred.i) if c.dep == "ccomp" and c.i > n.i]
        for c in clauses:
            if any(m.dep == "mark" and m.lower == "that" for m in parsed.children(c.i)):
                return True
    return False


def _thing_subject(parsed: Parsed, pred: Token) -> bool:
    """The subject of ``pred`` is a thing, not a person or a pronoun ("the letter")."""
    subjects = [c for c in parsed.children(pred.i) if c.dep == "nsubj"]
    return bool(subjects) and all(
        s.pos == "NOUN" and s.ent_type not in ("PERSON", "NORP", "ORG") for s in subjects
    )


def _conditional_evaluation(parsed: Parsed, pred: Token) -> bool:
    """``pred`` is "that/this/it is" an evaluative adjective ("that's fine") and an "if"
    clause hangs on it or on the verb of saying above it."""
    if pred.lemma.lower() != "be":
        return False
    kids = parsed.children(pred.i)
    if not any(c.dep == "nsubj" and c.lower in ("that", "this", "it") for c in kids):
        return False
    if not any(c.dep == "acomp" and c.lower in _EVALUATIVE for c in kids):
        return False
    above = parsed.tokens[pred.head]
    for v in (pred, above):
        for c in parsed.children(v.i):
            if c.dep == "advcl" and any(
                m.dep == "mark" and m.lower == "if" for m in parsed.children(c.i)
            ):
                return True
    return False
