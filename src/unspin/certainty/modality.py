"""Modals that are not the writer holding back, read from the parse: ability ("could not
immediately be reached"), a rule's permission ("the order may be renewed", a statute's
"(a) ... an alien may be arrested"), a counterfactual ("if it had rained, it might have
..."), a proposition the text discusses ("the idea that he could have ..."), a standard's
wording ("cause to believe that he may ..."), a speech imagined for the reader ("he might
explain to us that ...") and a heading line a colon introduces (the title of a linked
work). The modal cue of :mod:`.cues` asks :func:`non_epistemic` before it reports."""

from __future__ import annotations

import re

from unspin.certainty.lexicon import (
    LEGAL_INSTRUMENTS,
    LEGAL_MARKERS,
    LEGAL_PROCEDURES,
    PROPOSITION_NOUNS,
    REACH_VERBS,
    SPEECH_VERBS,
)
from unspin.certainty.literal import example_kind
from unspin.nlp import Parsed, Token

__all__ = ["ability", "heading_line", "non_epistemic"]

#: An enumerator of a statute's clauses: "(a)", "(iv)" (not "(1)": a numbered list; not
#: "(D)": a party after a name).
_ENUMERATOR = re.compile(r"^(?:[a-z]|[ivx]{1,4})$")


def ability(parsed: Parsed, t: Token) -> bool:
    """'Neither X nor Y could immediately be reached', 'anything that could not be
    rigorously defended': a negated "could" + passive participle (adverbs between them
    allowed; the negation may sit on the subject) is ability, not doubt."""
    if not parsed.has_parse:
        return False
    verb = parsed.tokens[t.head]
    if verb.tag != "VBN" or not any(c.dep == "auxpass" for c in parsed.children(verb.i)):
        return False
    kids = parsed.children(verb.i)
    if any(c.dep == "neg" for c in kids):
        return True
    subj = [c for c in kids if c.dep in ("nsubjpass", "nsubj")]
    for s in subj:
        if s.lower in ("nobody", "none", "nothing") or s.lower == "no one":
            return True
        if any(c.lower in ("neither", "no", "nor") for c in parsed.children(s.i)):
            return True
    return verb.lemma in REACH_VERBS and any(c.lower == "never" for c in kids)


def non_epistemic(parsed: Parsed, t: Token, perfect: bool) -> str | None:
    """Why the modal ``t`` marks no doubt of the writer's, or None when it does."""
    if _legal_register(parsed, t):
        return "a statute's wording: what the law allows, not a doubt"
    if not parsed.has_parse:
        return None
    verb = parsed.tokens[t.head]
    if t.lower in ("may", "might") and _rule_of_instrument(parsed, t, verb):
        return "what a rule allows a legal measure, not a doubt"
    if perfect and _conditional(parsed, verb):
        return "a counterfactual ('if ... might have'), not a doubt about a fact"
    if perfect and _path_not_taken(parsed, t):
        return "a course that was open and not taken ('might have ...; instead ...')"
    if _proposition(parsed, verb):
        return "a proposition the text discusses ('the idea that ... could'), not a doubt"
    if _standard(parsed, verb):
        return "part of a standard's wording ('cause to believe that ... may')"
    if t.lower in ("might", "could") and _imagined_speech(parsed, verb):
        return "a speech imagined for the reader ('he might explain to us'), not a doubt"
    if example_kind(parsed, t):
        return "what can happen to a kind in an example ('for example, a person might')"
    return None


def heading_line(parsed: Parsed, start: int) -> bool:
    """The cue sits in a heading line that a colon introduces ("See the video here:"):
    the title of a linked video or article, naming it, not stating a claim."""
    k = parsed.sentence_index(start)
    if not k or parsed.sentences[k].block != "heading":
        return False  # no sentence, the first one, or no heading
    before, here = parsed.sentences[k - 1], parsed.sentences[k]
    return parsed.text[before.start : here.start].rstrip().endswith(":")


def _legal_register(parsed: Parsed, t: Token) -> bool:
    """A statute's clause before the modal in its sentence: an enumerator "(a)" or a word
    of legal drafting ("subsection", "pursuant", "§")."""
    toks = parsed.tokens
    for j in range(t.i - 1, max(-1, t.i - 31), -1):
        w = toks[j]
        if w.text in (".", ";", "?", "!"):
            break
        if w.lower in LEGAL_MARKERS or w.text == "§":
            return True
        enclosed = 0 < j < len(toks) - 1 and toks[j - 1].text == "(" and toks[j + 1].text == ")"
        if enclosed and _ENUMERATOR.match(w.text) and _opens_clause(toks, j - 1):
            return True
    return False


def _opens_clause(toks: tuple[Token, ...], j: int) -> bool:
    """The "(" at ``j`` opens a line or a clause ("(a) Arrest ...", "General—(1)"), not a
    note after a name ("Jane Roe (D)")."""
    if j == 0:
        return True
    prev = toks[j - 1]
    return prev.pos == "SPACE" or prev.text in (".", ":", ";", "—", "–", "-") or "\n" in prev.ws


def _rule_of_instrument(parsed: Parsed, t: Token, verb: Token) -> bool:
    """'The order lasts a year but may be renewed', 'with the caveat that they (the
    confiscations) may be extended': a legal measure that may be renewed, revoked or
    appealed states what the rule allows."""
    if verb.lemma not in LEGAL_PROCEDURES or verb.tag != "VBN":
        return False
    subj = next((c for c in parsed.children(verb.i) if c.dep == "nsubjpass"), None)
    if subj is None and verb.dep == "conj":  # "lasts a year, but may be renewed"
        first = parsed.tokens[verb.head]
        subj = next((c for c in parsed.children(first.i) if c.dep == "nsubj"), None)
    if subj is not None and subj.tag == "PRP":
        subj = _antecedent(parsed, subj)
    return subj is not None and subj.lemma.lower() in LEGAL_INSTRUMENTS


def _antecedent(parsed: Parsed, pron: Token) -> Token | None:
    """The nearest noun before "they"/"it" in its sentence that agrees in number."""
    sentence = parsed.sentence_of(pron.start)
    first = sentence.first if sentence is not None else 0
    want = ("NNS", "NNPS") if pron.lower in ("they", "them") else ("NN", "NNP")
    for j in range(pron.i - 1, first - 1, -1):
        w = parsed.tokens[j]
        if w.tag in want and w.dep in ("nsubj", "nsubjpass", "dobj", "pobj"):
            return w
    return None


def _conditional(parsed: Parsed, verb: Token) -> bool:
    """'If it had been inspected, the crash might have been avoided': a perfect modal
    with an "if"/"unless" clause (or an inverted "had it ...") on its verb."""
    for c in parsed.children(verb.i):
        if c.dep != "advcl":
            continue
        kids = parsed.children(c.i)
        if any(k.dep == "mark" and k.lower in ("if", "unless") for k in kids):
            return True
        had = [k.i for k in kids if k.dep == "aux" and k.lower == "had"]
        subj = [k.i for k in kids if k.dep in ("nsubj", "nsubjpass")]
        if had and subj and had[0] < subj[0]:
            return True  # inverted: "had it been inspected, ..."
    return False


def _path_not_taken(parsed: Parsed, t: Token) -> bool:
    """'The town might have built a second bridge ... . It chose instead to widen the
    old one': a perfect "might"/"could" whose sentence or one of the next two says what
    was done "instead" (a word of its own, not "instead of"): an option the text sets
    against what happened, not a doubt about what happened."""
    if t.lower not in ("might", "could"):
        return False
    k = parsed.sentence_index(t.start)
    if k is None:
        return False
    toks = parsed.tokens
    for sentence in parsed.sentences[k : k + 3]:
        for w in parsed.sentence_tokens(sentence):
            if w.lower != "instead" or w.start < t.start:
                continue
            nxt = toks[w.i + 1] if w.i + 1 < len(toks) else None
            if nxt is None or nxt.lower != "of":
                return True
    return False


def _proposition(parsed: Parsed, verb: Token) -> bool:
    """'The idea that the clerk could have slipped in unseen (is absurd)': the modal's
    clause is the content of a noun of proposition, which the text then weighs."""
    if verb.dep not in ("acl", "ccomp", "appos"):
        return False
    noun = parsed.tokens[verb.head]
    return noun.pos == "NOUN" and noun.lemma.lower() in PROPOSITION_NOUNS


def _standard(parsed: Parsed, verb: Token) -> bool:
    """'Reasonable cause to believe that the person may pose a risk': the modal sits in
    what an infinitive "to believe/suspect" takes, a test to meet, not a claim."""
    if verb.dep != "ccomp":
        return False
    gov = parsed.tokens[verb.head]
    if gov.lemma not in ("believe", "suspect", "think", "conclude") or gov.tag != "VB":
        return False
    return any(c.dep == "aux" and c.lower == "to" for c in parsed.children(gov.i))


def _imagined_speech(parsed: Parsed, verb: Token) -> bool:
    """'X might explain to us that ...', 'could tell me that ...': a verb of speech with
    the writer or reader as its hearer and a clause said: what someone would say."""
    if verb.lemma not in SPEECH_VERBS:
        return False
    kids = parsed.children(verb.i)
    if not any(c.dep in ("ccomp", "parataxis") for c in kids):
        return False
    hearers = [c for c in kids if c.dep in ("dobj", "dative") and c.lower in ("us", "me")]
    for c in kids:
        if c.dep in ("prep", "dative") and c.lower == "to":
            hearers += [g for g in parsed.children(c.i) if g.lower in ("us", "me", "you")]
    return bool(hearers)
