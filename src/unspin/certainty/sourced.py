"""Vague attributions whose source the text identifies or that pin no claim on anyone
(precision audit, round 13 and 14): a poll the text names nearby ("a poll shows ..." and
then "The <Outlet> poll found ...", a headline's "polls suggest" and the body's named
polls, "One poll shows ... [<Pollster>]"); the spokesperson of a named officeholder
("<Name>'s spokesman", and "the spokesman" after it) or of a body named by its acronym
("an <ACRONYM> spokeswoman"); a press pool's report; "benchmark sources" (reference
data, no people); "the aide" after a sentence that names him ("<Name> said ... .
'...,' said the former top aide"); a condition ("if people think ..."). :func:`sourced`
is asked by :func:`.identified.identified`."""

from __future__ import annotations

import re

from unspin.certainty.lexicon import ATTR_VERBS, NAME_ENTS, SPOKESPEOPLE
from unspin.nlp import Parsed, Token
from unspin.segment import BODY

__all__ = ["KNOWING", "knowing", "sourced"]

#: Nouns of a poll, and of one of a list of them ("three polls, including one from <Name>").
_POLLS = frozenset(("poll", "polls", "survey", "surveys", "polling"))
#: Nouns of data, not people, before "sources" ("benchmark sources indicate").
_DATA = frozenset(("benchmark", "reference", "data", "census"))
#: Roles a story names once and then calls by the role alone ("the aide said").
_ROLES = frozenset(("aide", "adviser", "advisor", "strategist", "official", "staffer"))
#: Words after "people"/"sources" that make them insiders: "familiar with", "close to".
KNOWING = frozenset(("familiar", "close", "briefed"))
#: Determiners of "the people said" that point back to the insiders named before.
_BACK = frozenset(("the", "these", "those"))
_NOT_NAMES = frozenset(("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"))
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_TAG = re.compile(r"[ \t]*\[[A-Z][^\]\n]{1,40}\]")


def sourced(parsed: Parsed, t: Token, group: str, verb: Token | None) -> str | None:
    """Why the group ``t`` (subject of ``verb``, if any) is identified or no source."""
    low = t.lemma.lower()
    kids = parsed.children(t.i)
    compounds = {c.lower for c in kids if c.dep in ("compound", "amod", "nmod")}
    if verb is not None and any(
        c.dep == "mark" and c.lower in ("if", "unless") for c in parsed.children(verb.i)
    ):
        return "A condition ('if people think ...'), not a claim pinned on a group."
    if verb is not None and _across_quote(parsed, t, verb):
        return "Words inside a quotation the parser tied to the teller's verb outside it."
    if group == "vague_research" and t.lower in _POLLS and _poll_named(parsed, t):
        return "The poll is named nearby (its pollster or outlet)."
    if group == "vague_research" and low == "report" and "pool" in compounds:
        return "The press pool's report, a standard record of the event, not a vague source."
    if low == "source" and compounds & _DATA:
        return "Reference data ('benchmark sources'), not unnamed people."
    if low in SPOKESPEOPLE and _officeholder(parsed, t):
        return "The spokesperson of a named officeholder or body, on the record."
    if low in _ROLES and t.tag == "NN" and _named_before(parsed, t, verb):
        return "The role of a person the text has just named."
    return None


def _across_quote(parsed: Parsed, t: Token, verb: Token) -> bool:
    """'"The people who stand up and said ... -- that's as good as ...," Roe told a
    reporter': the group opens a quotation that closes before the verb it was parsed as
    the subject of; the named teller speaks, the group (talked about) claims nothing."""
    sentence = parsed.sentence_of(t.start)
    if sentence is None or verb.i < t.i:
        return False
    text = parsed.text
    before, between = text[sentence.start : t.start], text[t.end : verb.start]
    if "\u201c" in before or "\u201d" in between:
        opened = before.count("\u201c") > before.count("\u201d")
        return opened and "\u201d" in between
    return before.count('"') % 2 == 1 and '"' in between


def _name(w: Token) -> bool:
    return (w.pos == "PROPN" and w.ent_type not in _NOT_NAMES) or w.ent_type in NAME_ENTS


def _poll_named(parsed: Parsed, t: Token) -> bool:
    """A bracketed pollster's tag right after the sentence's poll ("One poll shows ...
    [<Pollster>]"), or a poll with a name in the next two sentences, or anywhere in the
    body for a headline's poll ("The <Outlet> poll found ...", "polls, including one from
    <Name>")."""
    sentence = parsed.sentence_of(t.start)
    k = parsed.sentence_index(t.start)
    if sentence is None or k is None:
        return False
    line_end = parsed.text.find("\n", sentence.end)
    tail = parsed.text[sentence.end : line_end if line_end >= 0 else len(parsed.text)]
    if _TAG.match(tail) or _TAG.search(parsed.text, t.end, sentence.end):
        return True
    # a headline's or its subtitle's poll: all before the first blank line, or no body
    heading = sentence.block not in BODY or k == 0 or "\n\n" not in parsed.text[: t.start]
    sentences = parsed.sentences[k + 1 :] if heading else parsed.sentences[k + 1 : k + 3]
    if heading:
        sentences = sentences[:40]
    toks = parsed.tokens
    for s in sentences:
        for w in parsed.sentence_tokens(s):
            if w.i == t.i:
                continue
            if w.lower in _POLLS and any(
                _name(x) and x.text[:1].isupper() for x in toks[max(s.first, w.i - 4) : w.i]
            ):
                return True  # "The <Outlet> poll", "the <Name>/<University> poll"
            if w.lower in _POLLS or w.lower == "one":
                after = toks[w.i + 1 : w.i + 4]
                if (
                    after
                    and after[0].lower in ("by", "from")
                    and any(_name(x) and x.text[:1].isupper() for x in after[1:])
                ):
                    return True  # "one from <University>", "a poll by <Outlet>"
    return False


def _officeholder(parsed: Parsed, t: Token) -> bool:
    """'<Name>'s spokesman', 'an <ACRONYM> spokeswoman'; or 'the spokesman' after such a
    spokesperson earlier in the text (the same one)."""
    if _of_named(parsed, t):
        return True
    dets = {c.lower for c in parsed.children(t.i) if c.dep == "det"}
    if "the" not in dets:
        return False
    return any(
        w.lemma.lower() == t.lemma.lower() and _of_named(parsed, w) for w in parsed.tokens[: t.i]
    )


def _of_named(parsed: Parsed, t: Token) -> bool:
    for c in parsed.children(t.i):
        if c.i > t.i:
            continue
        if c.dep == "poss" and (c.ent_type == "PERSON" or c.pos == "PROPN"):
            return True  # "<Name>'s spokesman"
        if c.dep in ("compound", "nmod", "amod") and _ACRONYM.fullmatch(c.text):
            return True  # "an <ACRONYM> spokeswoman": the body, by its acronym
    return False


def _named_before(parsed: Parsed, t: Token, verb: Token | None) -> bool:
    """'the (former top) aide' after a sentence that names him: the same noun beside a
    name ("<Body> aide Jon Doe told ..."), or a named person who spoke in the sentence
    before and whose quotation this one goes on with ("<Name> said ... . '...,' said the
    former top aide")."""
    if not any(c.dep == "det" and c.lower == "the" for c in parsed.children(t.i)):
        return False
    k = parsed.sentence_index(t.start)
    if k is None or k == 0:
        return False
    toks = parsed.tokens
    for s in parsed.sentences[max(0, k - 2) : k]:
        for w in parsed.sentence_tokens(s):
            if w.lemma.lower() == t.lemma.lower() and any(
                x.ent_type == "PERSON" for x in toks[max(0, w.i - 3) : w.i + 4]
            ):
                return True
    if verb is None:
        return False
    here = parsed.sentences[k]
    quoting = any(ch in parsed.text[here.start : here.end] for ch in '"\u201c\u201d')
    return quoting and any(
        w.dep == "nsubj"
        and toks[w.head].lemma in ATTR_VERBS
        and (
            w.ent_type == "PERSON"
            or any(a.dep == "appos" and a.ent_type == "PERSON" for a in parsed.children(w.i))
        )  # "<Name> said", "One of the authors, <Name>, said"
        for w in parsed.sentence_tokens(parsed.sentences[k - 1])
    )


def knowing(parsed: Parsed, t: Token) -> bool:
    """People (or sources) who know of a matter, anonymous sources, not an opinion crowd:
    "people familiar with ...", "people with knowledge of ...", and "the people said"
    after such people in the three sentences before (the same ones; "these people said" too,
    round 16)."""
    if t.lemma.lower() not in ("people", "person", "source"):
        return False
    if _knowing_here(parsed, t):
        return True
    if (
        t.lower != "people"
        or t.dep != "nsubj"
        or parsed.tokens[t.head].lemma not in ATTR_VERBS
        or not any(c.dep == "det" and c.lower in _BACK for c in parsed.children(t.i))
    ):
        return False  # "the/these people said" (speaking), not "the people in the room"
    k = parsed.sentence_index(t.start)
    if k is None:
        return False
    return any(
        w.lower == "people" and _knowing_here(parsed, w)
        for s in parsed.sentences[max(0, k - 3) : k]
        for w in parsed.sentence_tokens(s)
    )


def _knowing_here(parsed: Parsed, t: Token) -> bool:
    for c in parsed.children(t.i):
        if c.lower in KNOWING:
            return True
        if (
            c.dep == "prep"
            and c.lower == "with"
            and any(g.lemma.lower() == "knowledge" for g in parsed.children(c.i))
        ):
            return True
    return False
