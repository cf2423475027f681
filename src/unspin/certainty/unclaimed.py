"""Groups that carry no claim after all, or are named a sentence or two on: a negated
source ("no official has confirmed"), a crowd that is the subject of a passive ("five
people are confirmed to have ..."), a crowd thinking about a thing rather than holding a
view, a view a crowd may not hold ("many may not feel ..."), experts telling one person
in the story, things that show something, a group weighing an action, one analyst or
official the next sentence names with an affiliation, reports an outlet the next
sentence names reported, and one report whose outlet the sentence before or after names.
:func:`.bodies.not_vague` asks :func:`unclaimed` before it answers."""

from __future__ import annotations

from collections.abc import Sequence

from unspin.certainty.lexicon import ATTR_VERBS, NAME_ENTS
from unspin.nlp import Parsed, Token

__all__ = ["next_sentences", "quotes_itself", "unclaimed"]

_CLAUSES = frozenset(("ccomp", "xcomp", "parataxis"))
_ABOUT = frozenset(("about", "over"))
#: Source or expert nouns one person holds ("an official", "one analyst").
_ONE = frozenset(("a", "an", "one"))
#: Participles that name who holds a document ("a memo obtained by <Outlet>").
_GOT = frozenset(("obtain", "publish", "see", "acquire", "leak", "release", "broadcast"))
#: Verbs that say where a piece of news came out ("revealed on <Outlet>").
_CAME_OUT = frozenset(("reveal", "report", "publish", "broadcast", "air", "break", "carry"))
#: Prepositions before who carried or gave a report ("comes from ... via <Outlet>").
_FROM = frozenset(("by", "from", "via", "in", "at"))
_PLACES = frozenset(("GPE", "LOC", "NORP"))
_NOT_NAMES = frozenset(("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"))
#: Words that leave even one report unknown ("an unverified report").
_UNCHECKED = frozenset(("unverified", "unconfirmed", "unsourced", "anonymous", "unnamed"))
#: The one person a narrated exchange is with ("doctors told her she was ...").
_ONE_PERSON = frozenset(("her", "him", "me"))
#: Verbs of what a thing shows, not of what a crowd says ("some others show a car").
_SHOWING = frozenset(("show", "depict", "feature"))
#: Verbs of weighing an action ("officials are considering issuing tickets").
_WEIGHING = frozenset(("consider", "weigh", "discuss", "debate", "plan"))


def unclaimed(parsed: Parsed, t: Token, group: str, verb: Token | None) -> str | None:
    """Why the group ``t`` (subject of ``verb``, if any) carries no unnamed claim."""
    kids = parsed.children(t.i)
    if any(c.dep == "det" and c.lower == "no" for c in kids):
        return "A negation ('no official has confirmed'): no claim is pinned on anyone."
    if group == "vague_crowd" and t.dep == "nsubjpass":
        return "The group is what a passive verb reports on, not the source of a claim."
    if verb is not None and (why := _no_claim(parsed, group, verb)) is not None:
        return why
    if verb is not None:
        vkids = parsed.children(verb.i)
        clause = any(c.dep in _CLAUSES for c in vkids)
        preps = {c.lower for c in vkids if c.dep == "prep"}
        if not clause and preps & _ABOUT and "as" not in preps:
            return "A group thinking about a thing, not holding a view."
        if any(c.dep == "aux" and c.lower in ("may", "might") for c in vkids) and any(
            c.dep == "neg" for c in vkids
        ):
            return "A view the group may not hold, not a claim pinned on it."
    dets = {c.lower for c in kids if c.dep in ("det", "nummod")}
    if t.tag == "NN" and dets & _ONE and not quotes_itself(parsed, t) and _named_next(parsed, t, 1):
        return "The source is named, with an affiliation, a sentence or two on."
    if group == "vague_research" and t.lemma.lower() == "report" and _outlet_next(parsed, t):
        return "The report's outlet is named in the next sentence."
    if group == "vague_research" and t.lemma.lower() == "report" and _one_report_named(parsed, t):
        return "One report whose outlet the text names just before or after."
    return None


def _no_claim(parsed: Parsed, group: str, verb: Token) -> str | None:
    """Verbs that put no claim on the group: experts telling one person in the story
    ("doctors told her she was ..."), a crowd of things that shows something, the group
    a passive participle reports on ("with some reported to ..."), and a group weighing
    an action ("officials are considering issuing ...")."""
    vkids = parsed.children(verb.i)
    clause = any(c.dep in _CLAUSES for c in vkids)
    told = any(c.dep in ("dobj", "dative") and c.lower in _ONE_PERSON for c in vkids)
    if group == "vague_expert" and verb.lemma == "tell" and told:
        return "Experts telling a person in the story, not a claim pinned on them."
    if group == "vague_crowd" and verb.lemma in _SHOWING and not clause:
        return "Things that show something, not a crowd carrying a claim."
    have = any(c.dep == "aux" and c.lemma == "have" for c in vkids)
    if group == "vague_crowd" and verb.tag == "VBN" and verb.dep in ("advcl", "acl") and not have:
        return "The group is what a passive participle reports on, not a source."
    gerund = any(c.dep == "xcomp" and c.tag == "VBG" for c in vkids)
    said = any(c.dep in ("ccomp", "parataxis") for c in vkids)
    if verb.lemma in _WEIGHING and gerund and not said:
        return "A group weighing an action, not a claim pinned on it."
    return None


def next_sentences(parsed: Parsed, t: Token, window: int) -> list[Token]:
    """The tokens of the ``window`` sentences after ``t``'s."""
    k = parsed.sentence_index(t.start)
    if k is None:
        return []
    return [n for s in parsed.sentences[k + 1 : k + 1 + window] for n in parsed.sentence_tokens(s)]


def quotes_itself(parsed: Parsed, t: Token) -> bool:
    """The group's sentence quotes it: the unnamed voice has words of its own, and a
    name in the next sentence is as likely another voice."""
    sentence = parsed.sentence_of(t.start)
    if sentence is None:
        return False
    return any(q in parsed.text[sentence.start : sentence.end] for q in '"“”')


def _named_next(parsed: Parsed, t: Token, window: int) -> bool:
    """A person named, with an affiliation or a description beside the name, as the
    subject of a reporting verb in the next sentences ("Jane Roe of <Firm> expects",
    '"...," said Jane Roe, who is part of <Body>')."""
    toks = parsed.tokens
    for n in next_sentences(parsed, t, window):
        if n.ent_type != "PERSON" or n.dep != "nsubj" or toks[n.head].lemma not in ATTR_VERBS:
            continue
        s, e = parsed.subtree_span(n.i)
        lo, hi = parsed.token_at(s), parsed.token_at(e - 1)
        if lo is None or hi is None:
            continue
        beside = [w for w in toks[lo : hi + 1] if w.ent_type != "PERSON"]
        if any(w.ent_type in NAME_ENTS or w.pos == "PROPN" for w in beside):
            return True
    return False


def _outlet_next(parsed: Parsed, t: Token) -> bool:
    """'Reports indicate ...' and a sentence or two on a name "reports" (its subject), or
    the next sentence names who obtained or published the document ("A document obtained
    by <Outlet> contains ...")."""
    toks = parsed.tokens
    if any(
        n.dep == "nsubj"
        and (n.pos == "PROPN" or n.ent_type in NAME_ENTS)
        and toks[n.head].lemma == "report"
        for n in next_sentences(parsed, t, 2)
    ):
        return True
    for n in next_sentences(parsed, t, 1):
        if n.dep != "agent" or toks[n.head].lemma not in _GOT or toks[n.head].dep != "acl":
            continue
        for a in parsed.children(n.i):
            s, e = parsed.subtree_span(a.i)
            lo, hi = parsed.token_at(s), parsed.token_at(e - 1)
            if lo is not None and hi is not None and _names(toks[lo : hi + 1]):
                return True
    return False


def _one_report_named(parsed: Parsed, t: Token) -> bool:
    """'..., reports <Outlet>. ..., according to a report.': one report ("a report", "a new
    report"), whose outlet the sentence before names as the subject of "report", or the
    next sentence says where it came out ("News of it was revealed on <Outlet>", "The
    report comes from sources at <Body> via <Outlet>"). Plural reports stay vague."""
    kids = parsed.children(t.i)
    if t.tag != "NN" or not any(c.dep == "det" and c.lower in _ONE for c in kids):
        return False
    if any(c.lower in _UNCHECKED for c in kids):
        return False
    toks = parsed.tokens
    k = parsed.sentence_index(t.start)
    if k is None:
        return False
    if k > 0:
        for n in parsed.sentence_tokens(parsed.sentences[k - 1]):
            if n.dep == "nsubj" and _name(n) and toks[n.head].lemma == "report":
                return True
    if k + 1 >= len(parsed.sentences):
        return False
    words = parsed.sentence_tokens(parsed.sentences[k + 1])
    for w in words:
        if w.dep != "ROOT":
            continue
        subj = [c for c in parsed.children(w.i) if c.dep in ("nsubj", "nsubjpass")]
        about = any(
            s.lemma.lower() in ("report", "story")
            and any(c.dep == "det" and c.lower in ("the", "this") for c in parsed.children(s.i))
            for s in subj
        )
        for p in parsed.children(w.i):
            if p.dep != "prep" or not ((about and p.lower in _FROM) or w.lemma in _CAME_OUT):
                continue
            if p.lower not in _FROM | {"on"}:
                continue
            lo, hi = _span(parsed, p)
            if any(_name(x) and x.ent_type not in _PLACES for x in toks[lo : hi + 1]):
                return True
    return False


def _span(parsed: Parsed, w: Token) -> tuple[int, int]:
    s, e = parsed.subtree_span(w.i)
    lo, hi = parsed.token_at(s), parsed.token_at(e - 1)
    return (w.i if lo is None else lo), (w.i if hi is None else hi)


def _name(w: Token) -> bool:
    return (w.pos == "PROPN" and w.ent_type not in _NOT_NAMES) or w.ent_type in NAME_ENTS


def _names(words: Sequence[Token]) -> bool:
    return any(w.pos == "PROPN" or w.ent_type in NAME_ENTS for w in words)
