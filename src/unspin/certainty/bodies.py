"""Groups that a vague attribution only seems to leave unnamed: a named body speaking
through its spokesperson or its officials on its own record, a research team the text
names a few sentences away, a crowd inside a situation ("when people say ...") and a
crowd's belief that another, named source describes. The vague cue of :mod:`.vague` asks
:func:`not_vague` before it reports (rules documented in :mod:`unspin.certainty.analyzer`)."""

from __future__ import annotations

from itertools import pairwise

from unspin.certainty.identified import identified
from unspin.certainty.lexicon import (
    ANONYMITY,
    ATTR_VERBS,
    EXPERT_TITLES,
    GROUPS,
    NAME_ENTS,
    ORG_NOUNS,
    RESEARCH_TITLES,
    SPOKESPEOPLE,
    VAGUE_DETS,
)
from unspin.certainty.unclaimed import unclaimed
from unspin.nlp import Parsed, Token

__all__ = ["not_vague"]

_SELF = frozenset(("its", "our", "we", "us"))
_PLACES = frozenset(("GPE", "NORP", "LOC"))
#: Bodies a bare noun identifies in a story ("the government", "the police").
_BODY_KINDS = ORG_NOUNS | frozenset(("government", "family", "campaign", "military", "army"))
_BELIEF = frozenset(("believe", "think", "feel", "fear", "worry", "consider"))


def not_vague(parsed: Parsed, t: Token, group: str, verb: Token | None) -> str | None:
    """Why the group ``t`` (subject of ``verb``, if any) is no unnamed source, or None."""
    low = t.lemma.lower()
    if (why := unclaimed(parsed, t, group, verb)) is not None:
        return why
    if (why := identified(parsed, t, group, verb)) is not None:
        return why
    if group == "vague_source" and low in (*SPOKESPEOPLE, "official") and not _anonymous(parsed, t):
        body = _named_body(parsed, t)
        if body is not None and (low in SPOKESPEOPLE or _on_record(parsed, verb, body)):
            return "A named body speaking on its own record, not an unnamed source."
    if group == "vague_source" and low in SPOKESPEOPLE and _body_kind(parsed, t):
        return "The spokesperson of a body the text makes plain, speaking on its record."
    if group == "vague_source" and low in SPOKESPEOPLE and _speaks_for(parsed, t):
        return "The spokesperson of a body the text names, speaking on its record."
    if group == "vague_source" and t.tag == "NNS" and _body_spoke_before(parsed, t):
        return "Officials of a body the text names speaking before, on its record."
    if group == "vague_expert" and t.tag == "NNS" and _researchers_named(parsed, t):
        return "Researchers the text names nearby (a titled researcher and colleagues)."
    if verb is None:
        return None
    if verb.dep == "advcl" and any(
        c.lower in ("when", "whenever") and c.dep in ("advmod", "mark")
        for c in parsed.children(verb.i)
    ):
        return "A situation ('when people say ...'), not a claim pinned on a group."
    if verb.lemma == "agree" and _to_infinitive(parsed, verb):
        return "Agreeing to an action, not a claim."
    if group == "vague_crowd" and verb.lemma in _BELIEF and _described(parsed, t, verb):
        return "A group's belief that a named source describes, not a claim pinned on it."
    return None


def _anonymous(parsed: Parsed, t: Token) -> bool:
    sentence = parsed.sentence_of(t.start)
    if sentence is None:
        return False
    return any(w.lower in ANONYMITY for w in parsed.sentence_tokens(sentence))


def _named_body(parsed: Parsed, t: Token) -> list[str] | None:
    """The words naming the body in the noun phrase before ``t``: an acronym ("ADL
    official"), an organisation noun with a name before it ("Justice Department
    spokesperson", "<City> police officials"), or a bare organisation noun that a sentence
    just before names ("<City> police said ... a police spokesperson said"). A one-word
    name with neither ("Archdiocesan", "Iranian") names a kind of body, not which."""
    toks = parsed.tokens
    words: list[Token] = []
    j = t.i - 1
    while j >= 0 and toks[j].tag in ("NNP", "NNPS", "NN", "NNS") and toks[j].dep != "nsubj":
        words.insert(0, toks[j])
        j -= 1
    if not words:
        return None
    names = [w for w in words if w.tag in ("NNP", "NNPS") or w.ent_type in NAME_ENTS]
    acronym = any(
        w.text.isupper() and len(w.text) >= 2 and w.text.isalpha() and w.ent_type not in _PLACES
        for w in names
    )  # "NFA", "KVX"; not "US", "UK": a country is no body that speaks on record
    org = [w for w in words if w.lemma.lower() in ORG_NOUNS]
    if acronym or (org and any(w.i < org[-1].i for w in names)):
        return [w.lower for w in words]
    if org and not names and _named_before(parsed, t, org[-1].lower):
        return [w.lower for w in words]
    return None


def _named_before(parsed: Parsed, t: Token, noun: str, window: int = 3) -> bool:
    k = parsed.sentence_index(t.start)
    if k is None:
        return False
    for sentence in parsed.sentences[max(0, k - window) : k]:
        toks = parsed.sentence_tokens(sentence)
        for i, w in enumerate(toks):
            if w.lower == noun and i > 0 and toks[i - 1].tag in ("NNP", "NNPS"):
                return True
    return False


def _body_kind(parsed: Parsed, t: Token) -> bool:
    """'A government spokeswoman said', 'a police spokesman', 'a family spokesperson': the
    voice of the one body of that kind the story is about, on its record (not "an
    unnamed spokesman", nor a kind of body by an adjective, "a regional spokesman")."""
    kids = parsed.children(t.i)
    if any(c.lower in ANONYMITY for c in kids):
        return False
    return any(
        c.dep == "compound" and c.i == t.i - 1 and c.lemma.lower() in _BODY_KINDS for c in kids
    )


def _speaks_for(parsed: Parsed, t: Token, back: int = 2) -> bool:
    """The spokesperson ``t`` speaks for a body the text names: "a spokeswoman for <Name>",
    "a spokesman for the ministry", "a <Name> spokesperson" where the name stands elsewhere
    in the text too (a body the story is about; a one-off adjective-like word, "an
    Archdiocesan spokesman", names a kind of body, not which), or "the spokesperson said"
    after such a spokesperson a sentence or two before."""
    kids = parsed.children(t.i)
    if any(c.lower in ANONYMITY for c in kids):
        return False
    for c in kids:
        if c.dep != "prep" or c.lower not in ("for", "of"):
            continue
        for g in parsed.children(c.i):
            if g.dep != "pobj":
                continue
            if g.pos == "PROPN" or g.ent_type in NAME_ENTS:
                return True
            dets = {d.lower for d in parsed.children(g.i) if d.dep in ("det", "poss")}
            if g.lemma.lower() in _BODY_KINDS and dets & {"the", "its", "their"}:
                return True
    mods = [c for c in kids if c.i < t.i and c.dep not in ("det", "punct")]
    if len(mods) == 1 and _named_elsewhere(parsed, mods[0], t):
        return True
    if back and not mods and any(c.dep == "det" and c.lower == "the" for c in kids):
        return _spokesperson_before(parsed, t, back)
    return False


def _named_elsewhere(parsed: Parsed, m: Token, t: Token) -> bool:
    """A one-word proper name before the spokesperson that the text uses again alone."""
    if m.dep != "compound" or m.tag not in ("NNP", "NNPS") or m.ent_type in _PLACES:
        return False
    if m.i != t.i - 1 or parsed.children(m.i):
        return False
    return any(w.lower == m.lower and w.i != m.i and w.head != t.i for w in parsed.tokens)


def _spokesperson_before(parsed: Parsed, t: Token, back: int) -> bool:
    """'A <Name> spokesperson told ... . "...," the spokesperson said': the definite one
    is the named body's spokesperson of a sentence or two before."""
    k = parsed.sentence_index(t.start)
    if k is None:
        return False
    for sentence in parsed.sentences[max(0, k - back) : k + 1]:
        for w in parsed.sentence_tokens(sentence):
            if w.i >= t.i or w.lemma.lower() not in SPOKESPEOPLE:
                continue
            if _body_kind(parsed, w) or _named_body(parsed, w) is not None:
                return True
            if _speaks_for(parsed, w, back=0):
                return True
    return False


def _body_spoke_before(parsed: Parsed, t: Token) -> bool:
    """'<Norvian Intelligence Service> told lawmakers ... . Intelligence officials also told
    lawmakers ...': the plural's noun modifier is a word of a named body that earlier was
    the subject of a reporting verb; the officials are that body's."""
    toks = parsed.tokens
    mods = {
        c.lower
        for c in parsed.children(t.i)
        if c.dep == "compound" and c.pos in ("NOUN", "PROPN") and c.ent_type not in _PLACES
    }
    if not mods or any(c.dep == "det" or c.lower in ANONYMITY for c in parsed.children(t.i)):
        return False
    for w in toks[: t.i]:
        if w.lower not in mods or w.ent_type != "ORG" or w.start >= t.start:
            continue
        h = w
        while h.dep in ("compound", "poss", "amod") and h.head != h.i:
            h = toks[h.head]
        if h.dep == "nsubj" and h.ent_type == "ORG" and toks[h.head].lemma in ATTR_VERBS:
            return True
    return False


def _on_record(parsed: Parsed, verb: Token | None, body: list[str]) -> bool:
    """The officials speak for the body: "in a statement", or of the body itself in what
    they say ("told reporters the department could not comment", "that its work ...") or
    in the rest of the sentence ("..., but the organization has offered help")."""
    if verb is None:
        return False
    toks = parsed.tokens
    for c in parsed.children(verb.i):
        if (
            c.dep == "prep"
            and c.lower == "in"
            and any(g.lemma.lower() == "statement" for g in parsed.children(c.i))
        ):
            return True
    for c in parsed.children(verb.i):
        if c.dep not in ("ccomp", "parataxis"):
            continue
        s, e = parsed.subtree_span(c.i)
        lo, hi = parsed.token_at(s), parsed.token_at(e - 1)
        if lo is None or hi is None:
            continue
        for j in range(lo, hi + 1):
            w = toks[j]
            if w.lower in _SELF or (w.lower in body and w.text.isupper()):
                return True  # "its work", "we", the acronym itself
            if w.lemma.lower() in ORG_NOUNS and j > 0 and toks[j - 1].lower == "the":
                return True  # "the department could not comment"
    sentence = parsed.sentence_of(verb.start)
    words = parsed.sentence_tokens(sentence) if sentence is not None else []
    return any(  # "<Name> Organization officials said ..., but the organization has ..."
        w.i > verb.i and w.lower in body and w.lemma.lower() in ORG_NOUNS and p.lower == "the"
        for p, w in pairwise(words)
    )


def _researchers_named(parsed: Parsed, t: Token, before: int = 5, after: int = 1) -> bool:
    """'Scientists say ...' beside 'Physicist Jane Roe and two colleagues ...' (or after
    it): the text names the team, a titled researcher with colleagues, unless the group
    is set apart ("other scientists"). One named expert is no team: "an analyst, Jane
    Roe, said ... Analysts say ..." stays vague."""
    if any(c.dep in ("det", "amod") and c.lower in VAGUE_DETS for c in parsed.children(t.i)):
        return False
    k = parsed.sentence_index(t.start)
    if k is None:
        return False
    for j in range(max(0, k - before), min(len(parsed.sentences), k + 1 + after)):
        if j == k:
            continue
        sentence = parsed.sentences[j]
        for w in parsed.sentence_tokens(sentence):
            if w.ent_type != "PERSON" or parsed.tokens[w.head].ent_type == "PERSON":
                continue  # the name's head word
            lo, _ = _name_span(parsed, w)
            around = [parsed.tokens[j] for j in range(max(0, lo - 1), w.i + 1)]
            titled = any(a.lower.rstrip(".") in RESEARCH_TITLES | EXPERT_TITLES for a in around)
            if titled and _with_team(parsed, w):
                return True
    return False


def _name_span(parsed: Parsed, w: Token) -> tuple[int, int]:
    lo = w.i
    while lo > 0 and parsed.tokens[lo - 1].dep == "compound" and parsed.tokens[lo - 1].head == w.i:
        lo -= 1
    return lo, w.i


def _with_team(parsed: Parsed, name: Token) -> bool:
    """'Jane Roe and colleagues', '... and two of her colleagues', 'Roe and her team'."""
    for c in parsed.children(name.i):
        if c.dep != "conj":
            continue
        if c.tag == "NNS" or c.lemma.lower() in ("team", "group"):
            return True
        if c.tag == "CD" and any(
            g.tag == "NNS"
            for p in parsed.children(c.i)
            if p.lower == "of"
            for g in parsed.children(p.i)
        ):
            return True
    return False


def _to_infinitive(parsed: Parsed, verb: Token) -> bool:
    kids = parsed.children(verb.i)
    if any(c.dep == "ccomp" for c in kids):
        return False
    return any(
        c.dep == "xcomp" and any(g.lower == "to" for g in parsed.children(c.i)) for c in kids
    )


def _described(parsed: Parsed, t: Token, verb: Token) -> bool:
    """'The book shows that in every age some of them believed ...': the crowd's belief
    is the content of a claim whose subject names its source (a reporting verb up the
    tree, its subject a noun that is no vague group itself)."""
    if verb.dep == "ROOT":
        return False
    cur = verb
    for _ in range(4):
        if cur.dep == "ROOT":
            break
        cur = parsed.tokens[cur.head]
        if cur.pos != "VERB" or cur.lemma not in ATTR_VERBS:
            continue
        subj = [c for c in parsed.children(cur.i) if c.dep in ("nsubj", "nsubjpass")]
        return any(
            s.pos in ("NOUN", "PROPN") and s.i != t.i and s.lemma.lower() not in GROUPS
            for s in subj
        )
    return False
