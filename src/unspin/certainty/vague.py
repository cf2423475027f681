"""Vague attributions of the ``certainty`` analyzer: claims pinned on an unnamed group
("experts say", "according to sources"), found in the parse (rules and scores documented
in :mod:`unspin.certainty.analyzer`)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from unspin.certainty.bodies import not_vague
from unspin.certainty.cues import Cue
from unspin.certainty.identified import QUANTIFIERS
from unspin.certainty.lexicon import (
    ADDRESSED_VERBS,
    ANAPHORIC_DETS,
    ATTR_VERBS,
    EXPERT_TITLES,
    GROUPS,
    NAME_ENTS,
    PUBLICATIONS,
    SPOKESPEOPLE,
    VAGUE_DETS,
)
from unspin.certainty.nearby import hearer
from unspin.certainty.sourced import knowing
from unspin.certainty.unclaimed import next_sentences, quotes_itself
from unspin.nlp import Parsed, Token

__all__ = ["vague_cues"]

_BELIEFS = frozenset(("think", "believe", "feel", "fear", "worry", "consider", "expect", "hope"))
#: Entity types of a date or a number the parser may hang on a noun as ``nmod``.
_WHEN = frozenset(("DATE", "TIME", "CARDINAL", "ORDINAL"))


def vague_cues(parsed: Parsed) -> Iterator[Cue]:
    """Claims pinned on an unnamed group ("experts say", "according to sources")."""
    if not parsed.has_parse:
        return
    toks = parsed.tokens
    for t in toks:
        group = _group_of(t)
        if group is None:
            continue
        head = toks[t.head]
        via_according = (
            t.dep == "pobj"
            and head.lower == "to"
            and head.i > 0
            and toks[head.i - 1].lower == "according"
        )
        via_verb = (
            t.dep in ("nsubj", "nsubjpass") and head.lemma in ATTR_VERBS and head.pos == "VERB"
        )
        # "people familiar with ...": anonymous sources, unless they are the ones told
        familiar = knowing(parsed, t) and not hearer(parsed, t)
        if via_verb and (
            _object_only(parsed, head)
            or _no_claim(parsed, head, group)
            or _addressed(t, head)
            or _share_of(parsed, t, head)
        ):
            via_verb = False  # "many claiming liberal credentials", "people can believe it"
        if not (via_according or via_verb or familiar):
            continue
        if group in ("vague_research", "vague_rumour") and via_verb and head.lemma not in (
            "show", "suggest", "find", "indicate", "say", "claim", "reveal", "warn", "estimate",
        ):  # fmt: skip
            continue
        if t.lemma.lower() == "person" and not familiar:
            continue
        if t.lower in ("others", "some", "many", "most", "few", "several") and t.pos not in (
            "PRON", "DET", "ADJ", "NOUN",
        ):  # fmt: skip
            continue
        cue = _vague_cue(parsed, t, group, head if via_verb else None, via_according, familiar)
        if cue is not None:
            yield cue


def _object_only(parsed: Parsed, verb: Token) -> bool:
    """The verb, in a clause under another (a relative or participle clause), takes a noun
    object and no clause: it states no claim of the group's ("..., many claiming liberal
    credentials", "situations that others might consider too bleak"). A main verb keeps
    its cue: the parser often reads a short clause as an object ("Studies show the drug
    works")."""
    if verb.dep == "ROOT":
        return False
    deps = {c.dep for c in parsed.children(verb.i)}
    return "dobj" in deps and not deps & {"ccomp", "xcomp", "parataxis"}


def _addressed(t: Token, verb: Token) -> bool:
    """'People have been told not to gather', 'residents were warned to leave': the group
    receives the message, it carries no claim."""
    return t.dep == "nsubjpass" and verb.lemma in ADDRESSED_VERBS


def _share_of(parsed: Parsed, t: Token, verb: Token) -> bool:
    """'... were some of the other gunmen reported that night': a quantifier over a group
    ("some of the ...") whose verb says nothing (no clause, no object) counts members of
    the group; it credits no claim to them (the parser's subject is often a mis-read)."""
    if t.lower not in ("some", "many", "most", "few", "several"):
        return False
    if not any(c.dep == "prep" and c.lower == "of" for c in parsed.children(t.i)):
        return False
    deps = {c.dep for c in parsed.children(verb.i)}
    return not deps & {"ccomp", "xcomp", "dobj", "parataxis", "oprd", "advcl", "prep"}


def _no_claim(parsed: Parsed, verb: Token, group: str) -> bool:
    """The group is free or able to hold a view, not holding one ("people can believe it
    or not"), goes through something ("many are finding life too hard", "some find it
    hard to cope", "everyone should feel safe") or turns up ("studies showed up"): no
    claim is pinned on it. A crowd "finds" a claim only with a clause ("many find that the
    rules changed"); experts and studies also find a thing ("a link"). A crowd that
    "feels" a state (an adjective or participle, no clause: "many feel safe", "some felt
    betrayed") tells how it fares, not a view ("many feel the fees are too high", "many
    feel like ...")."""
    kids = parsed.children(verb.i)
    if any(c.dep == "aux" and c.lower in ("can", "ca", "could") for c in kids):
        return True
    if verb.lemma == "feel" and any(c.dep in ("acomp", "oprd") for c in kids):
        return not any(c.dep in ("ccomp", "parataxis") or _as_if(parsed, c) for c in kids)
    if verb.lemma == "show" and any(c.dep == "prt" and c.lower == "up" for c in kids):
        return True  # "rumours showed up online": they appeared, and claimed nothing
    if verb.lemma != "find":
        return False
    if any(c.dep in ("ccomp", "xcomp", "oprd", "acomp") and c.pos == "ADJ" for c in kids):
        return True
    return group == "vague_crowd" and not any(
        c.dep in ("ccomp", "xcomp") and c.pos in ("VERB", "AUX") for c in kids
    )


def _as_if(parsed: Parsed, clause: Token) -> bool:
    """``clause`` is a view a feeling opens ("feel like ...", "feel as if / as though
    ..."), not a clause of time or manner ("when the fees rose", "just as they are")."""
    return clause.dep == "advcl" and any(
        c.dep == "mark" and c.lower in ("like", "if", "though") for c in parsed.children(clause.i)
    )


def _named_beside(parsed: Parsed, t: Token, verb: Token | None) -> bool:
    """The source is named in the sentence after all: a name set beside the group noun
    ("the political scientist Jane Roe said", "an analyst, Jane Roe, said"), or the
    publication the verb cites ("scientists reported in a study in <Journal>")."""
    toks = parsed.tokens
    j = t.i + 1
    if j < len(toks) and toks[j].text == ",":
        j += 1
    if j < len(toks) and toks[j].ent_type == "PERSON":
        return True
    if any(c.dep == "appos" and c.ent_type == "PERSON" for c in parsed.children(t.i)):
        return True
    if verb is None:
        return False
    for c in parsed.children(verb.i):
        if c.dep != "prep":
            continue
        lo, hi = _subtree_tokens(parsed, c.i)
        words = toks[lo : hi + 1]
        if any(w.lemma.lower() in PUBLICATIONS for w in words) and any(
            w.pos == "PROPN" or w.ent_type in NAME_ENTS for w in words
        ):
            return True
    return False


def _named_later(parsed: Parsed, t: Token, window: int = 6) -> bool:
    """'..., a scientist has warned.' and, a few sentences on, 'Dr Jane Roe told ...': a
    lead that names one expert later, as the subject of a reporting verb, with a title
    or an expert noun beside the name."""
    k = parsed.sentence_index(t.start)
    if k is None:
        return False
    for sentence in parsed.sentences[k + 1 : k + 1 + window]:
        for n in parsed.sentence_tokens(sentence):
            if n.ent_type != "PERSON" or n.dep != "nsubj":
                continue
            verb = parsed.tokens[n.head]
            if verb.lemma not in ATTR_VERBS:
                continue
            lo, _ = _subtree_tokens(parsed, n.i)
            if any(
                w.lower.rstrip(".") in EXPERT_TITLES
                or GROUPS.get(w.lemma.lower()) == "vague_expert"
                for w in parsed.tokens[lo : n.i + 1]
            ):
                return True
    return False


def _study_named_next(parsed: Parsed, t: Token) -> bool:
    """'New research suggests ...' and the next sentence is about "the study" (its
    subject), naming a person or a body after "in" or "by": where it was published or
    who led it ("the report said <Name> went ..." names no author)."""
    k = parsed.sentence_index(t.start)
    if k is None or k + 1 >= len(parsed.sentences):
        return False
    words = parsed.sentence_tokens(parsed.sentences[k + 1])
    about = any(
        w.dep in ("nsubj", "nsubjpass")
        and w.lemma.lower() in PUBLICATIONS
        and any(c.dep == "det" and c.lower in ("the", "this") for c in parsed.children(w.i))
        for w in words
    )
    toks = parsed.tokens
    return (
        about
        and any(  # "published in <Journal>", "led by <Name>", not "said <Name>"
            w.ent_type in ("PERSON", "ORG", "WORK_OF_ART")
            and any(p.lower in ("by", "in") for p in toks[max(0, w.i - 3) : w.i])
            for w in words
        )
    )


def _group_of(t: Token) -> str | None:
    low = t.lower
    if low in (
        "people",
        "others",
        "many",
        "some",
        "most",
        "few",
        "several",
        "everyone",
        "everybody",
    ):
        return "vague_crowd"
    lemma = t.lemma.lower()
    group = GROUPS.get(lemma) or GROUPS.get(low)
    if group is None:
        return None
    if t.pos not in ("NOUN", "PRON", "ADJ", "DET"):
        return None
    return group


def _vague_cue(
    parsed: Parsed,
    t: Token,
    group: str,
    verb: Token | None,
    via_according: bool,
    familiar: bool,
) -> Cue | None:
    toks = parsed.tokens
    kids = parsed.children(t.i)
    pre = [
        c
        for c in kids
        if c.i < t.i
        and (
            c.dep in ("det", "amod", "compound", "nummod", "poss", "quantmod", "advmod")
            or (c.dep == "nmod" and c.ent_type not in _WHEN)  # "U.S. officials", not "May 3"
        )
    ]
    post = [c for c in kids if c.i > t.i and c.dep in ("amod", "acl", "prep")]
    score = 0.85
    detail = "A claim attributed to an unnamed group, so a reader cannot check who said it."
    if group == "vague_rumour":
        detail = "A claim resting on rumour: no one is named who spreads or vouches for it."
    # anything named in the noun phrase makes the attribution (partly) checkable
    pre_named = any(
        toks[j].ent_type in NAME_ENTS or toks[j].pos == "PROPN"
        for c in pre
        for j in range(_subtree_lo(parsed, c.i), c.i + 1)
    )
    post_named = False
    for c in post:
        lo, hi = _subtree_tokens(parsed, c.i)
        if any(toks[j].ent_type in NAME_ENTS or toks[j].pos == "PROPN" for j in range(lo, hi + 1)):
            post_named = True
    if pre_named:
        if group in ("vague_source", "vague_crowd"):
            score = 0.5
            detail = "Attributed to an unnamed member of a named group or institution."
        else:
            return None
    if post_named:
        if group == "vague_source" and any(
            c.lower in ("close", "familiar", "briefed") for c in post
        ):
            pass  # "sources close to <name>" are still anonymous
        elif group == "vague_source":
            score = min(score, 0.55)
        else:
            return None  # "experts at Halden University", "a study by the Orlen Institute"
    if _named_beside(parsed, t, verb):
        return None
    dets = {c.lower for c in pre if c.dep in ("det", "poss", "amod", "nummod")}
    if group == "vague_research" and t.tag == "NN" and dets & ANAPHORIC_DETS:
        return None  # "the preliminary report indicated": one known document
    one_expert = group == "vague_expert" and t.tag == "NN" and dets & {"a", "an", "one"}
    if one_expert and _named_later(parsed, t):
        return None  # "a scientist has warned" in a lead that names her below
    if group == "vague_research" and not dets & ANAPHORIC_DETS and _study_named_next(parsed, t):
        return None  # "new research suggests ..." and then "The study, in <Journal>, ..."
    experts = group == "vague_expert" and t.tag == "NNS" and not dets
    if experts and _named_later(parsed, t, window=1):
        return None  # "Experts warn ..." and the next sentence names the one who does
    plural = t.tag == "NNS" and not dets & (VAGUE_DETS | {"some", "many", "other"})
    if (
        plural
        and group in ("vague_expert", "vague_source")
        and not familiar
        and not pre_named  # "American officials said ...": a kind, not one of them, named
        and not post  # "officials at the hospital say ...": placed; another body's voice next
        and _named_next(parsed, t)
    ):
        return None  # "Experts said ... ." then "Jane Roe, a fellow at <Body>, said ..."
    if group == "vague_research" and t.lemma.lower() == "report" and _told_outlet_next(parsed, t):
        score = min(score, 0.5)  # "..., according to a new report. Sources told <Outlet>"
    if not familiar and _quoted_again(parsed, t):
        score = min(
            score, 0.5
        )  # 'an official says it is "unwise"' and later '<Name> said "unwise"'
    if verb is not None and not familiar and _within_named_speech(parsed, verb):
        score = min(score, 0.5)  # "<Name> said that officials believed ...": on his record
    elif not familiar and (
        (plural and not dets and _same_group_before(parsed, t))
        or (t.lemma.lower() in SPOKESPEOPLE and dets <= {"a", "an"} and _body_before(parsed, t))
    ):
        score = min(score, 0.5)  # "doctors battled ... . Doctors feared": the same group
    if dets & ANAPHORIC_DETS and not familiar:
        score = min(score, 0.5)
        detail = "A group introduced earlier or only loosely identified; check who it is."
        if group == "vague_expert" and verb is not None:
            # "the researchers say": the team the text has named already ("the source
            # said" stays, still unnamed; so does "the reports suggested": news reports)
            score = min(score, 0.4)
    elif group == "vague_crowd" and t.lower == "people" and not dets & VAGUE_DETS and not familiar:
        score = min(score, 0.6)
    if familiar:
        score = max(score, 0.9) if not post_named or group == "vague_source" else score
        group = "vague_source"
    elif (why := not_vague(parsed, t, group, verb)) is not None:
        score, detail = min(score, 0.3), why
    # span: the noun phrase (with "familiar with ..."/"close to ..." modifiers), plus the verb
    lo = min([t.i, *(_subtree_lo(parsed, c.i) for c in pre if not _dashed(parsed, c, t))])
    hi = t.i
    crowd = t.lower in QUANTIFIERS  # "few on either side of the debate think": the group
    for c in post:
        if c.lower in ("familiar", "close", "briefed") or ((familiar or crowd) and c.dep == "prep"):
            _, h = _subtree_tokens(parsed, c.i)
            if h - t.i <= 8:
                hi = max(hi, h)
    start, end = toks[lo].start, toks[hi].end
    cue_words = [t.text]
    if via_according and lo > 1:
        start = toks[t.head - 1].start
    if verb is not None:
        if 0 < verb.i - hi <= 3 and all(
            toks[j].pos in ("AUX", "ADV", "PART") for j in range(hi + 1, verb.i)
        ):
            end = verb.end
            cue_words.append(verb.text)
        elif 0 < lo - verb.i <= 2:
            start = verb.start
            cue_words.append(verb.text)
    if group == "vague_research" and t.tag == "NN" and not dets & VAGUE_DETS:
        score = min(score, 0.6)
    elif group == "vague_research" and any(c.dep == "compound" for c in pre):
        score = min(score, 0.7)  # "a police report": the kind of source is known, not which
    return Cue(start, end, "vague_attribution", group, score, "vague.parse", detail)


def _named_next(parsed: Parsed, t: Token) -> bool:
    """The next sentence (the group's own quoting nothing) opens on a person named with an
    affiliation or a description as the subject of a reporting verb: "Experts said ... .
    Jane Roe, an associate fellow with <Body>, said ...", "..., officials said. Jane Roe,
    director of <Office>, said ..." (one of them, named)."""
    if quotes_itself(parsed, t):
        return False
    toks = parsed.tokens
    # "scientists said ... . Jane Roe from <Institute> said": one of them; not after what
    # a field "thought" (a belief of many, one named expert no member of it)
    spoke = toks[t.head].lemma not in _BELIEFS
    for n in next_sentences(parsed, t, 1):
        if n.ent_type != "PERSON" or n.dep != "nsubj" or toks[n.head].lemma not in ATTR_VERBS:
            continue
        beside = [
            c
            for c in parsed.children(n.i)
            if (c.dep == "appos" and c.pos == "NOUN")
            or (c.dep == "prep" and c.lower in ("from", "of", "at", "with") and spoke)
        ]  # "Jane Roe, director of <Office>, said", "said Jane Roe from <Institute>"
        for a in beside:
            lo, hi = _subtree_tokens(parsed, a.i)
            if any(w.ent_type in NAME_ENTS or w.pos == "PROPN" for w in toks[lo : hi + 1]):
                return True
        if t.lemma.lower() != "source" and _titled(parsed, n):
            return True  # "sources say" stay: a named spokesperson after is another voice
    return False


def _titled(parsed: Parsed, n: Token) -> bool:
    """The name's own title says whose it is: "<Body> vice president Jane Roe said" (a
    name before a title noun) or "Spokesman Jon Roe said" (the body's voice); not a bare
    rank ("President Jane Roe")."""
    pre = [w for w in parsed.tokens[_subtree_lo(parsed, n.i) : n.i] if w.ent_type != "PERSON"]
    if any(w.lemma.lower() in SPOKESPEOPLE for w in pre):
        return True
    nouns = [w.i for w in pre if w.tag == "NN"]
    return bool(nouns) and any(w.tag in ("NNP", "NNPS") and w.i < nouns[0] for w in pre)


def _within_named_speech(parsed: Parsed, verb: Token) -> bool:
    """The group's verb sits in the clause a named source reports ("<Name>, the director,
    said in May that officials believed ..."): the named source vouches for it."""
    toks = parsed.tokens
    v = verb
    for step in range(3):
        # "<X> reported A, but sources confirmed B": a conjunct of the verb, not its clause
        if v.dep not in (("ccomp",) if step == 0 else ("ccomp", "conj")) or v.head == v.i:
            return False
        v = toks[v.head]
        if v.lemma in ATTR_VERBS and v.pos == "VERB":
            return any(
                c.dep == "nsubj" and c.ent_type in ("PERSON", "ORG") for c in parsed.children(v.i)
            )
    return False


def _told_outlet_next(parsed: Parsed, t: Token) -> bool:
    """The next sentence tells whose report it is: its reporting verb has a named outlet as
    the one told ("Sources told <Outlet> that ...")."""
    toks = parsed.tokens
    for w in next_sentences(parsed, t, 1):
        if w.dep in ("dobj", "dative") and toks[w.head].lemma == "tell":
            lo, hi = _subtree_tokens(parsed, w.i)
            if any(x.ent_type in ("ORG", "WORK_OF_ART") for x in toks[lo : hi + 1]):
                return True
    return False


_QUOTED = re.compile(r"[\"“]([^\"“”]{3,80})[\"”]")


def _quoted_again(parsed: Parsed, t: Token) -> bool:
    """The words the group's sentence quotes come back in quotation marks later, in a
    sentence with a named person ('an official says it would be "unwise"', then '<Name>
    said it would be "unwise"'): the source is named after all."""
    sentence = parsed.sentence_of(t.start)
    if sentence is None:
        return False
    text = parsed.text
    words = {
        m.group(1).strip(" ,.").lower()
        for m in _QUOTED.finditer(text, sentence.start, sentence.end)
    }
    words.discard("")
    if not words:
        return False
    k = parsed.sentence_index(t.start)
    assert k is not None
    for later in parsed.sentences[k + 1 :]:
        quoted = {
            m.group(1).strip(" ,.").lower() for m in _QUOTED.finditer(text, later.start, later.end)
        }
        if words & quoted and any(
            w.ent_type == "PERSON" or (w.pos == "PROPN" and w.dep == "nsubj")
            for w in parsed.sentence_tokens(later)
        ):  # "However, Oster said ...": a surname the recogniser may miss
            return True
    return False


def _same_group_before(parsed: Parsed, t: Token) -> bool:
    """The same bare plural noun in the sentence before, doing something other than
    speaking ("as doctors battled to save him ... . Although doctors feared ..."): the
    group the story follows, not a source. Not after "sources confirmed ..." (the same
    unnamed voice again) or "ICE officials caught ..." (the body named there)."""
    k = parsed.sentence_index(t.start)
    if k is None or k == 0:
        return False
    toks = parsed.tokens
    for w in parsed.sentence_tokens(parsed.sentences[k - 1]):
        if w.lower != t.lower or w.tag != "NNS" or any(True for _ in parsed.children(w.i)):
            continue
        verbs = [toks[w.head]] + [c for c in parsed.children(w.head) if c.dep == "conj"]
        if not any(v.lemma in ATTR_VERBS for v in verbs):
            return True
    return False


def _body_before(parsed: Parsed, t: Token) -> bool:
    """A named organisation speaks in the sentence before ("<Body> said it is ... . A
    spokesman said: ..."), or a named person or body is its main subject ("Lund did not
    back down. '...,' a spokesperson said"): the spokesman of that one."""
    k = parsed.sentence_index(t.start)
    if k is None or k == 0:
        return False
    toks = parsed.tokens
    for w in parsed.sentence_tokens(parsed.sentences[k - 1]):
        if w.dep != "nsubj":
            continue
        lo, hi = _subtree_tokens(parsed, w.i)
        ents = {x.ent_type for x in toks[lo : hi + 1]}
        if toks[w.head].lemma in ATTR_VERBS and "ORG" in ents:
            return True
        if toks[w.head].dep == "ROOT" and (w.ent_type in ("PERSON", "ORG") or w.pos == "PROPN"):
            return True
    return False


def _dashed(parsed: Parsed, c: Token, t: Token) -> bool:
    """A dash set off by spaces between the modifier and its noun: the parser's misreading
    of an aside that ends just before ("... the odd pie - an old treat - others say"); a
    hyphen inside a word ("a well-placed source") is none."""
    text = parsed.text
    return any(
        w.pos == "PUNCT"
        and w.text in ("-", "\u2013", "\u2014", "--")
        and text[w.start - 1 : w.start].isspace()
        and text[w.end : w.end + 1].isspace()
        for w in parsed.tokens[c.i + 1 : t.i]
    )


def _subtree_tokens(parsed: Parsed, i: int) -> tuple[int, int]:
    s, e = parsed.subtree_span(i)
    lo = parsed.token_at(s)
    hi = parsed.token_at(e - 1)
    return (lo if lo is not None else i), (hi if hi is not None else i)


def _subtree_lo(parsed: Parsed, i: int) -> int:
    return _subtree_tokens(parsed, i)[0]
