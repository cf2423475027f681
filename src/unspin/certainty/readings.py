"""Readings that take a hedge or booster word out of the writer's commitment: "clearly"
telling how clear a thing is ("clearly identifiable"), a certainty adverb that concedes
("Certainly, ... But ..."), a hedge in a direct wh-question. :mod:`.cues` asks them."""

from __future__ import annotations

import re

from unspin.certainty.lexicon import COMPARATIVES, DENIALS, ENDLESS, HARMLESS, PERCEPTIBLE
from unspin.nlp import Parsed, Token

__all__ = ["asking", "conceding", "manner_of_degree", "not_held_back"]


def _next(parsed: Parsed, t: Token) -> Token | None:
    return parsed.tokens[t.i + 1] if t.i + 1 < len(parsed.tokens) else None


def asking(parsed: Parsed, t: Token) -> bool:
    """The adverb sits in the main clause of a direct wh-question ("What could conceivably
    be the reason ...?", "Why would anyone possibly ...?"), or "maybe"/"perhaps" opens a
    direct question with no subject ("Maybe let some of them stay if they sign up?": an
    interviewer's suggestion): the sentence asks (or presses a point), it holds back no
    claim of the writer's."""
    sentence = parsed.sentence_of(t.start)
    if sentence is None:
        return False
    words = [w for w in parsed.sentence_tokens(sentence) if w.pos not in ("SPACE", "PUNCT")]
    toks = parsed.sentence_tokens(sentence)
    if not words or not any(w.text == "?" for w in toks[-2:]):
        return False
    if words[0].i == t.i and t.lower in ("maybe", "perhaps"):
        # "Maybe let some of them stay?": an option put forward, no subject; "Maybe the
        # outcry will convince them?" still hedges a guess
        head = parsed.tokens[t.head]
        return not any(c.dep in ("nsubj", "nsubjpass", "expl") for c in parsed.children(head.i))
    if words[0].lower not in ("what", "who", "why", "how", "where", "when", "which"):
        return False
    return parsed.tokens[t.head].dep == "ROOT"


def manner_of_degree(parsed: Parsed, t: Token, prev: Token | None, head: Token) -> bool:
    """'The most clearly identifiable', 'clearly marked', 'has not been clearly outlined':
    graded, on a word of being seen or set out, or under a negation before it, the
    adverb tells how clear something is, not how sure the writer is ("it was clearly
    not a letter" keeps its booster: the negation comes after). So it does in the
    condition of an "if" or "unless" clause ("unless doing so is necessary and is clearly
    cheaper"): a standard to meet, nothing the writer insists on."""
    if prev is not None and prev.lower in COMPARATIVES:
        return True
    if _condition(parsed, t):
        return True
    nxt = _next(parsed, t)
    if nxt is not None and nxt.lower in PERCEPTIBLE:
        return True  # "clearly visible", "plainly worded"
    if head.i > t.i and head.pos in ("ADJ", "VERB") and head.lower in PERCEPTIBLE:
        return True
    return head.i > t.i and any(c.dep == "neg" and c.i < t.i for c in parsed.children(head.i))


def _condition(parsed: Parsed, t: Token) -> bool:
    """The adverb's clause (or one it is joined to by "and") is opened by "if" or "unless"
    ("unless it is necessary and is clearly cheaper", "if the ruling is clearly wrong");
    not "even if" or "as if" (a fact granted, a likeness)."""
    cur = parsed.tokens[t.head]
    for _ in range(4):
        for c in parsed.children(cur.i):
            if c.dep == "mark" and c.lower in ("if", "unless") and c.i < t.i:
                before = parsed.tokens[c.i - 1].lower if c.i > 0 else ""
                return before not in ("even", "as")
        if cur.dep not in ("conj", "acomp", "xcomp", "attr") or cur.head == cur.i:
            return False
        cur = parsed.tokens[cur.head]
    return False


def conceding(parsed: Parsed, t: Token) -> bool:
    """'Certainly, some facts were secret. But ...': the adverb opens its sentence, set
    off by a comma, and the next sentence (or a later clause of this one) opens with a
    contrast: it grants a point ("admittedly") before the writer turns against it."""
    nxt = _next(parsed, t)
    k = parsed.sentence_index(t.start)
    if nxt is None or nxt.text != "," or k is None:
        return False
    sentence = parsed.sentences[k]
    words = [w for w in parsed.sentence_tokens(sentence) if w.pos != "SPACE"]
    if not words or words[0].i != t.i:
        return False
    if any(w.lower in ("but", "yet") and w.dep == "cc" for w in words):
        return True
    if k + 1 >= len(parsed.sentences):
        return False
    after = [w for w in parsed.sentence_tokens(parsed.sentences[k + 1]) if w.pos != "SPACE"]
    return bool(after) and after[0].lower in ("but", "yet", "however", "still")


def not_held_back(parsed: Parsed, t: Token) -> bool:
    """The hedge word holds nothing back here: "seemingly" in the stock hyperbole "a
    seemingly endless stream"; "seemingly" on an adjective of harmlessness before a noun,
    set up to be overturned by a contrast or a colon in its sentence ("a seemingly harmless
    obstacle: stairs"); "unverified" or "unconfirmed" listed beside words that call a
    claim false ("unsourced, unverified and ridiculous": one more charge of a denial). "He
    was seemingly unaware" and "a seemingly innocent man was held" stay hedges."""
    if t.lower in ("maybe", "perhaps") and _advice(parsed, t):
        return True
    nxt = _next(parsed, t)
    if t.lower == "seemingly" and nxt is not None:
        if nxt.lower in ENDLESS:
            return True
        return nxt.lower in HARMLESS and nxt.dep == "amod" and _overturned(parsed, t)
    if t.lower not in ("unverified", "unconfirmed"):
        return False
    top = t
    while top.dep == "conj" and top.head != top.i:
        top = parsed.tokens[top.head]
    group, todo = [top], [top]
    while todo:  # the words coordinated with the top one, however deep the "and" chain
        kids = [c for c in parsed.children(todo.pop().i) if c.dep == "conj"]
        group += kids
        todo += kids
    return any(w.lower in DENIALS for w in group if w.i != t.i)


def _advice(parsed: Parsed, t: Token) -> bool:
    """'We told her that maybe she should run for a smaller seat': "maybe" on a clause of
    "should"/"ought to" softens a piece of advice, it holds back no claim ("maybe it
    should have been seen coming" is a claim of the writer's and stays)."""
    head = parsed.tokens[t.head]
    if t.dep != "advmod" or head.pos not in ("VERB", "AUX"):
        return False
    kids = parsed.children(head.i)
    if any(c.lower == "have" and c.dep == "aux" for c in kids):
        return False  # "should have": a judgement of the past
    return any(c.dep == "aux" and c.lower in ("should", "ought") for c in kids)


#: What overturns a harmless look in the sentence: a contrast, what it "turned out" to be,
#: or a colon or dash that names the thing ("a seemingly harmless obstacle: stairs").
_OVERTURN = re.compile(
    r"\b(?:but|yet|although|though|however|actually|in\s+fact|turn(?:s|ed)?\s+out)\b|[:\u2014\u2013]",
    re.I,
)


def _overturned(parsed: Parsed, t: Token) -> bool:
    sentence = parsed.sentence_of(t.start)
    if sentence is None:
        return False
    return _OVERTURN.search(parsed.text, sentence.start, sentence.end) is not None
