"""Vague attributions whose source the same sentence or the text around names, or that
pin no claim on the group (precision audit, rounds 15 and 16): a poll named in its own
noun phrase ("an online <University>/<Outlet> poll", which the parser splits) or later in
its sentence ("Early polls show ...: a <Name> poll found ..."); officials "including
<Name> and <Name>"; the spokesperson of a principal the text names ("the congressman's
spokesman", and "a spokesman" whose quotation speaks of that person); reports the next
sentences credit to a named outlet or reporter; a group that has not said anything ("two
others have not said who ..."); an effect on people ("that will make people think";
"caused some to speculate that ..." keeps its claim); a comparison with what was
expected ("closer than people believed"; "less credit than aides say he deserves" keeps
the aides' claim); and remembering ("supporters think back to ..."); and the one told
(:func:`hearer`). :func:`.identified.identified` asks :func:`nearby` before it answers."""

from __future__ import annotations

from unspin.certainty.lexicon import ANONYMITY, SPOKESPEOPLE
from unspin.nlp import Parsed, Token

__all__ = ["hearer", "nearby"]

#: Nouns of a poll.
_POLLS = frozenset(("poll", "polls", "survey", "surveys"))
#: Entity labels of words that place or date a poll rather than name who took it.
_NO_POLLSTER = frozenset(
    ("GPE", "NORP", "LOC", "DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY")
)
#: Words a pollster's name may hold between its proper nouns ("Rock the Vote").
_NAME_GLUE = frozenset(("of", "the", "/", "-", "&", "and"))
#: Verbs of saying that, negated, credit nothing to the group ("have not said who").
_SAYING = frozenset(("say", "disclose", "reveal", "announce", "specify", "indicate", "comment"))
#: Verbs that cause what the group then does ("that will make people think").
_CAUSING = frozenset(("make", "let", "cause", "help", "force", "get"))
#: Verbs of expecting, which "than" makes a comparison ("closer than people believed");
#: "less credit than aides say he deserves" still credits the aides' claim.
_EXPECTING = frozenset(("believe", "think", "expect", "imagine", "anticipate", "predict", "guess"))
#: Verbs of passing a message to the one told ("telling one person close to her that").
_TELLING = frozenset(("tell", "inform", "assure", "remind", "brief", "confide"))
#: Verbs of reporting whose named subject a few sentences on owns the reports.
_REPORTING = frozenset(("report", "tweet", "write", "publish", "broadcast"))


def nearby(parsed: Parsed, t: Token, group: str, verb: Token | None) -> str | None:
    """Why the group ``t`` (subject of ``verb``, if any) is named nearby or claims nothing."""
    low = t.lemma.lower()
    if group == "vague_research" and t.lower in _POLLS and _pollster_before(parsed, t):
        return "The poll is named in its own noun phrase (its pollster or outlet)."
    if group == "vague_research" and t.lower in _POLLS and _poll_named_after(parsed, t):
        return "The poll is named later in the same sentence."
    reports = group == "vague_research" and t.tag == "NNS" and low == "report"
    if reports and _reporter_next(parsed, t):
        return "The reports are credited to a named outlet or reporter in the next sentences."
    if _including_named(parsed, t):
        return "The group is named in the sentence ('including <Name> and <Name>')."
    if low in SPOKESPEOPLE and _principal(parsed, t, verb):
        return "The spokesperson of a principal the text names, on the record."
    if verb is None:
        return None
    vkids = parsed.children(verb.i)
    if verb.lemma in _SAYING and any(c.dep == "neg" for c in vkids):
        return "The group has not said anything: no claim is pinned on it."
    head = parsed.tokens[verb.head]
    said = any(c.dep in ("ccomp", "parataxis") for c in vkids)
    if verb.dep in ("ccomp", "xcomp") and head.lemma in _CAUSING and head.i < t.i and not said:
        return "An effect on people ('make people think'), not a claim pinned on them."
    expected = verb.lemma in _EXPECTING
    if expected and any(c.dep == "mark" and c.lower == "than" for c in vkids):
        return "A comparison ('closer than people believed'), not a claim pinned on them."
    if verb.lemma in ("think", "look") and any(c.lower == "back" for c in vkids):
        return "Remembering ('think back to ...'), not a claim pinned on the group."
    return None


def hearer(parsed: Parsed, t: Token) -> bool:
    """The group is the one told ("telling one person close to her that ..."): it hears
    the claim, the teller (named) carries it."""
    return t.dep in ("dobj", "dative") and parsed.tokens[t.head].lemma in _TELLING


def _pollster(w: Token) -> bool:
    return w.pos == "PROPN" and w.text[:1].isupper() and w.ent_type not in _NO_POLLSTER


def _pollster_before(parsed: Parsed, t: Token) -> bool:
    """Proper nouns of a pollster or outlet right before the poll noun, however the parser
    hangs them ("an online <University> of <State>/<Outlet> poll", "a new <Outlet>/<Group>
    survey"): a place or a date there ("a Texas poll") names no pollster."""
    toks = parsed.tokens
    k = t.i - 1
    found = False
    while k >= 0 and t.i - k <= 8:
        w = toks[k]
        if _pollster(w):
            found = True
        elif not (w.lower in _NAME_GLUE or w.pos in ("PROPN", "ADJ")):
            break
        k -= 1
    return found


def _poll_named_after(parsed: Parsed, t: Token) -> bool:
    """'Early polls show ...: A <University> poll this month found ...': a poll with its
    pollster later in the same sentence."""
    sentence = parsed.sentence_of(t.start)
    if sentence is None:
        return False
    return any(
        w.i > t.i and w.lower in _POLLS and _pollster_before(parsed, w)
        for w in parsed.sentence_tokens(sentence)
    )


def _reporter_next(parsed: Parsed, t: Token, window: int = 3) -> bool:
    """'According to reports emerging in the news media, ...' and a few sentences on a
    named outlet or reporter reports or tweets it ("<Outlet>'s <Name> tweeted that")."""
    k = parsed.sentence_index(t.start)
    if k is None:
        return False
    toks = parsed.tokens
    for sentence in parsed.sentences[k + 1 : k + 1 + window]:
        for n in parsed.sentence_tokens(sentence):
            if n.dep == "nsubj" and n.pos == "PROPN" and toks[n.head].lemma in _REPORTING:
                return True
    return False


def _including_named(parsed: Parsed, t: Token) -> bool:
    """'Intelligence officials - including <Title> <Name> and <Title> <Name> - have argued':
    the group's own members named in the sentence."""
    for c in parsed.children(t.i):
        if c.dep == "prep" and c.lower in ("including", "like"):
            s, e = parsed.subtree_span(c.i)
            if any(w.ent_type == "PERSON" for w in parsed.tokens if s <= w.start and w.end <= e):
                return True
    return False


def _principal(parsed: Parsed, t: Token, verb: Token | None) -> bool:
    """The spokesperson of a principal the text names: "the congressman's spokesman", "the
    former vice president's spokeswoman" (a definite title the story has named), or "a
    spokesman" whose quotation has the person the story names again as its subject
    ('"Governor <Name> has no plans to ...," a spokesman said')."""
    kids = parsed.children(t.i)
    if any(c.lower in ANONYMITY for c in kids):
        return False
    for c in kids:
        titled = c.dep == "poss" and c.pos == "NOUN"
        if titled and any(d.dep == "det" and d.lower == "the" for d in parsed.children(c.i)):
            return any(w.ent_type == "PERSON" for w in parsed.tokens[: t.i])
    if verb is None or t.tag != "NN":
        return False
    toks = parsed.tokens
    for clause in parsed.children(verb.i):
        if clause.dep not in ("ccomp", "parataxis"):
            continue
        for s in parsed.children(clause.i):
            if s.dep == "nsubj" and s.ent_type == "PERSON":
                mentions = sum(w.text == s.text and w.i != s.i for w in toks)
                if mentions >= 2:
                    return True
    return False
