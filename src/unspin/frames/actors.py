"""The actors of a claim frame (:mod:`unspin.frames.frame`): who does or says the main
thing, as whole noun phrases: the subject of the reporting verb or the predicate (with
the subjects coordinated with it: "Lund and Vik", "The police and the army"), the agent
of a passive, or the source of "according to". A subject the sentence rules out ("Not
the guard, but the clerk, ..."), a framing noun ("The fact is ..."), an amount or a
phrase about the story itself ("This news ...") is no actor."""

from __future__ import annotations

from unspin.nlp import Parsed, Sentence, Token

__all__ = ["actors"]


def _children(parsed: Parsed, t: Token) -> list[Token]:
    return parsed.children(t.i)


def _phrase(parsed: Parsed, head: Token) -> str:
    """A noun phrase: the head with its left modifiers (their whole subtrees: "The Pope's
    claim") and the compound or flat names right after it."""
    start, end = _phrase_span(parsed, head)
    return parsed.text[start:end]


def _phrase_span(parsed: Parsed, head: Token) -> tuple[int, int]:
    toks = parsed.tokens
    start = head.start
    for c in _children(parsed, head):
        if c.i < head.i and c.dep in _LEFT_MODIFIERS:
            start = min(start, parsed.subtree_span(c.i)[0])
    hi = head.i
    while hi + 1 < len(toks) and toks[hi + 1].head == head.i and toks[hi + 1].dep in _NAME_PARTS:
        hi += 1
    hi = _named_after(parsed, head, hi)
    after = toks[hi + 1] if hi + 1 < len(toks) else None
    if head.lower in _PARTS and after is not None and after.lower == "of" and after.head == head.i:
        return start, parsed.subtree_span(after.i)[1]  # "The whole of the region", not "The whole"
    return start, toks[hi].end


def _named_after(parsed: Parsed, head: Token, hi: int) -> int:
    """The last token of a person's name right after a common noun, with no comma between,
    that the parser hung on it in apposition ("Local man Joren Vantage", "Harbour pilot
    Edda Pilkvist"): the name belongs to the phrase; else ``hi``."""
    toks = parsed.tokens
    if head.tag != "NN" or head.lower in _FRAMING_NOUNS:
        return hi  # "Democratic candidates Ann Roe and Al Lee", "The only thing Edda ..."
    name = next((c for c in _children(parsed, head) if c.dep == "appos" and c.i > hi), None)
    if name is None or not all(toks[k].ent_type == "PERSON" for k in range(hi + 1, name.i + 1)):
        return hi
    after = toks[name.i + 1] if name.i + 1 < len(toks) else None
    if after is not None and after.text[:1].isupper():
        return hi  # a name the recogniser cut short ("the website Harbour Up With That?")
    return name.i


_LEFT_MODIFIERS = frozenset(
    {"det", "poss", "amod", "compound", "nmod", "nummod", "quantmod", "preconj"}
)
_NAME_PARTS = frozenset({"compound", "flat"})
#: Heads that name a part of what their "of" phrase names: the phrase is the actor
#: ("The whole of the region", "Most of the staff", "The rest of the board").
_PARTS = frozenset(
    {"whole", "rest", "most", "all", "part", "half", "remainder", "bulk", "many", "some"}
    | {"each", "both", "several", "few"}
)
#: Subjects that stand for something said before, not an actor ("This was ...").
_NOT_ACTORS = frozenset({"it", "this", "that", "these", "those", "there", "which", "what"})
#: Subject heads that are amounts, not actors ("84% of people had no power").
_AMOUNTS = frozenset({"%", "percent", "per cent", "percentage", "share", "number", "majority"})


#: Nouns for the news itself ("This news comes a day after ..."): with a demonstrative,
#: a phrase about the text's own story, not an actor.
_DISCOURSE_NOUNS = frozenset(
    {"news", "development", "developments", "story", "revelation", "revelations", "latest"}
    | {"update", "episode", "incident", "situation", "move", "announcement", "article"}
)
_DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "such"})


def _is_actor(parsed: Parsed, head: Token) -> bool:
    if head.lower in _NOT_ACTORS or head.lower in _AMOUNTS or head.pos == "NUM":
        return False
    if head.lower in _DISCOURSE_NOUNS and any(
        c.dep == "det" and c.lower in _DEMONSTRATIVES for c in _children(parsed, head)
    ):
        return False
    return not _phrase(parsed, head)[:1].isdigit()


#: Nouns that frame what follows "is" ("The fact is that ...", "The problem is ...").
_FRAMING_NOUNS = frozenset(
    {"fact", "truth", "point", "problem", "reality", "question", "issue", "thing", "trouble"}
    | {"irony", "answer", "reason", "result", "bottom", "upshot", "catch", "danger"}
)


def _ruled_out(parsed: Parsed, subject: Token) -> bool:
    """A subject the sentence rules out ("Not the guard, but the clerk, ..."); "not only
    X but also Y" rules no one out."""
    k = next((c for c in _children(parsed, subject) if c.lower == "not" and c.i < subject.i), None)
    return k is not None and parsed.tokens[k.i + 1].lower not in _NOT_RULING_OUT


#: After "not" before a subject: no party ruled out ("not only X", "not all X", "not even X").
_NOT_RULING_OUT = frozenset({"only", "all", "even", "just", "merely", "every", "many", "much"})


def _framing(verb: Token, subject: Token) -> bool:
    """``subject`` frames the clause after "is" ("The fact is that ..."): no actor."""
    return verb.lemma == "be" and subject.lower in _FRAMING_NOUNS


def actors(parsed: Parsed, verb: Token, sentence: Sentence) -> tuple[str, ...]:
    """Who does or says the main thing: the reporting verb's or the predicate's subject,
    the agent of a passive, or the source of "according to"."""
    out: list[str] = []
    kids = _children(parsed, verb)
    active = any(c.dep == "nsubj" for c in kids)
    for c, start in _hyphen_joined(parsed, kids):
        ruled_out = _framing(verb, c) or _ruled_out(parsed, c)  # "The fact is", "Not X but Y"
        ruled_out = (
            ruled_out or _line_label(parsed, c, kids, sentence) or _complement(verb, c, kids)
        )
        if c.dep == "nsubj" and _is_actor(parsed, c) and not ruled_out:
            phrase = parsed.text[start : _phrase_span(parsed, c)[1]]
            out.append(phrase + _joined_name(parsed, c))
        elif c.dep == "agent" and not active:  # "had played by the rules": no passive's agent
            out.extend(_phrase(parsed, o) for o in _children(parsed, c) if o.dep == "pobj")
    if not out:
        toks = parsed.tokens[sentence.first : sentence.last]
        for t in toks:
            if t.lower == "according" and t.i + 1 < len(parsed.tokens):
                to = parsed.tokens[t.i + 1]
                out.extend(_phrase(parsed, o) for o in _children(parsed, to) if o.dep == "pobj")
                break
    return tuple(dict.fromkeys(out))


def _complement(verb: Token, subject: Token, kids: list[Token]) -> bool:
    """``subject`` is what a copula says its subject is, which the parser made a second
    subject after the verb ("The only lawyer she could afford was Ann Roe": Ann Roe is
    no actor of the claim, the lawyer is)."""
    return (
        verb.lemma == "be"
        and subject.dep == "nsubj"
        and subject.i > verb.i
        and any(c.dep == "nsubj" and c.i < verb.i for c in kids)
    )


def _line_label(parsed: Parsed, subject: Token, kids: list[Token], sentence: Sentence) -> bool:
    """``subject`` is the label opening a line of a transcript, cut off by its colon ("DB:
    Even the lawyer for the paper happened to mention ..."), which the parser made a
    second subject of the verb: the speaker of the line, not an actor of its claim."""
    if subject.dep != "nsubj":
        return False
    toks = parsed.tokens
    first = next((t for t in toks[sentence.first : sentence.last] if t.text.strip()), None)
    start, end = _phrase_span(parsed, subject)
    colon = next((t for t in toks[subject.i + 1 : sentence.last] if t.start >= end), None)
    return (
        first is not None
        and start == first.start
        and colon is not None
        and colon.text == ":"
        and any(c.dep == "nsubj" and c.i > colon.i for c in kids)
    )


def _hyphen_joined(parsed: Parsed, kids: list[Token]) -> list[tuple[Token, int]]:
    """The children, each with where its phrase starts (a subject's: others keep their own
    start, unused); subjects that the parser cut at a hyphen ("Her ex-husband" read as
    three subjects "Her ex", "-", "husband") are one, the last piece, whose phrase
    starts where the first piece's does."""
    out: list[tuple[Token, int]] = []
    for c in kids:
        if out:
            prev, prev_start = out[-1]
            if (
                c.dep == prev.dep == "nsubj"
                and c.i == prev.i + 1
                and prev.end == c.start
                and (prev.text in "-‐–" or c.text in "-‐–")
            ):
                out[-1] = (c, prev_start)
                continue
        out.append((c, _phrase_span(parsed, c)[0] if c.dep == "nsubj" else c.start))
    return out


def _joined_name(parsed: Parsed, head: Token) -> str:
    """The rest of a subject coordinated with others. A proper noun's proper-noun
    conjunct after "and", to its end ("Harbor and Coast Patrol (HCP)" was the actor
    "Harbor"); else the conjuncts' noun phrases when only commas and "and"/"or"/"nor"
    stand between them ("Lund and Vik", "The police and the army", "Lund, Vik and
    Berg"; not "the report, which cites a letter to X, and Y")."""
    kids = _children(parsed, head)
    conj = next((c for c in kids if c.dep == "conj" and c.pos == "PROPN"), None)
    cc = next((c for c in kids if c.dep == "cc" and c.lower == "and"), None)
    if head.pos == "PROPN" and conj is not None and cc is not None and head.i < cc.i < conj.i:
        end = parsed.subtree_span(conj.i)[1]
        tail = parsed.text[parsed.tokens[cc.i - 1].end : end]
        return (
            tail.rstrip(" ,;:-—–")
            if tail.count("(") == tail.count(")")
            else tail[: tail.find(" (")]
        )
    return _coordinated(parsed, head)


_NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})


def _coordinated(parsed: Parsed, head: Token) -> str:
    chain, todo = [head], [head]
    while todo:
        more = [c for c in _children(parsed, todo.pop()) if c.dep == "conj" and c.i > head.i]
        chain, todo = [*chain, *more], [*todo, *more]
    if len(chain) == 1 or any(t.pos not in _NOMINAL for t in chain):
        return ""
    spans = sorted(_phrase_span(parsed, t) for t in chain)
    glue = [
        t
        for t in parsed.tokens_in(spans[0][1], spans[-1][0])
        if not any(s <= t.start < e for s, e in spans)
    ]
    ccs = [t for t in glue if t.dep == "cc" and t.lower in ("and", "or", "nor", "&")]
    if not ccs or any(t not in ccs and t.text not in (",", ";") for t in glue):
        return ""
    return parsed.text[spans[0][1] : spans[-1][1]]
