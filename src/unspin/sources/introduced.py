"""A definite description of someone the text has just introduced without a name ("A
nun fell ill. Now the nun says ..."): the same unnamed person, an anonymous source,
not a description nobody can place; or, when a news lede names that person in the very
next sentence ("An engineer issued a warning. Ali Marzouk said ... the engineer said"), the
person so named."""

from __future__ import annotations

import re

from unspin.nlp import Token
from unspin.sources.lexicon import (
    DOCUMENT_NOUNS,
    GOVERNMENT_NOUNS,
    GROUP_NOUNS,
    MEDIA_NOUNS,
    ORG_NOUNS,
    PERSON_NOUNS,
    SOCIAL_NOUNS,
)
from unspin.sources.resolver import Known
from unspin.sources.speakers import Mention
from unspin.sources.state import RunState

__all__ = ["called_outlet_near", "introduced_near", "site_named_before"]

#: Heads of no person: a body, an outlet, a site or a text ("a site called X ... the site").
_NOT_PEOPLE = (
    DOCUMENT_NOUNS | GOVERNMENT_NOUNS | GROUP_NOUNS | MEDIA_NOUNS | ORG_NOUNS | SOCIAL_NOUNS
) | {"site", "sites", "website", "websites", "blog", "page", "account"}

#: Indefinite determiners that introduce someone new ("a nun", "an employee").
_INDEFINITE = frozenset({"a", "an"})


def introduced_near(st: RunState, m: Mention, s: int) -> None:
    """``m`` ("the nun") left unresolved becomes the anonymous person a single indefinite
    phrase with the same head noun ("a South American nun") introduced in the same
    sentence before it or in the one before; left as it is when none, when the text
    introduced more than one before it, or when a name stands beside the phrase ("a
    nun, Ann Lund,"). Two sentences back are as near: "He paid a man. He followed him.
    The man said" (the one man the text introduced before). One introduced earlier still
    ("a harbour source said ... A second source told the Ledger ... The source also
    told it ...") leaves the nearest its referent only when that one is in this sentence
    or the one just before. The same description in this sentence or the one before,
    read back the same way, carries it further ("An aide told the Ledger ... The aide also
    noted ... (a sentence) ..., the aide added": the one aide), up to three steps."""
    if st.ix is None or m.rule != "speaker.definite-unresolved" or m.plural or not m.head_word:
        return
    if m.head_word in _NOT_PEOPLE:
        return  # "a site called Plonkwiz ... the site": no unnamed person
    end, at = m.start, s
    for _ in range(3):
        phrase = _introduced_before(st, m.head_word, end, at)
        if phrase is not None or m.head_word not in PERSON_NOUNS:
            break  # a chain of "the ad" is no person's: only a noun of people is read back
        # "An aide said ... The aide also said ... (a sentence) ..., the aide added": the
        # same description just before, read back to the one phrase that introduced it
        earlier = _definite_before(st, m.head_word, end, at)
        if earlier is None:
            return
        end, at = earlier.start, st.sentence_at(earlier.start)
    if not isinstance(phrase, Token):
        return
    named = _named_next(st, phrase, end)
    if named is not None:
        m.name, m.role = named.name, m.role or m.head_word
        m.source_type, m.entity_type = "named_person", "person"
        m.resolved_from, m.antecedent = "alias", (named.start, named.end)
        m.rule, m.score = "speaker.introduced-named", 0.6
        m.reason = (
            f"the {m.head_word} introduced just before without a name, then named in the "
            f"next sentence: {named.name}"
        )
        return
    m.source_type, m.entity_type = "anonymous", "person"
    m.rule, m.score = "speaker.unnamed-person", 0.6
    m.reason = f"the {m.head_word} introduced just before without a name: an unnamed person"


#: Heads of an outlet a text may name by "called" ("a site called Plonkwiz").
_OUTLET_HEADS = frozenset({"site", "website", "blog", "newspaper", "paper", "magazine"})


def called_outlet_near(st: RunState, m: Mention, s: int) -> None:
    """``m`` ("the site") left unresolved is the one outlet of that head noun the same
    sentence or the one before named by "called" or "named" ("A site called Plonkwiz is
    reporting ... According to the site"): that outlet. Left as it is when none, or more
    than one, is named so."""
    if st.ix is None or m.rule != "speaker.definite-unresolved" or m.plural:
        return
    if m.head_word not in _OUTLET_HEADS:
        return
    toks = st.parsed.tokens
    lo = st.sent_starts[max(0, s - 1)] if st.sent_starts else 0
    names: dict[str, tuple[int, int]] = {}
    heads = [t for t in toks if t.start >= lo and t.end <= m.start and t.lower == m.head_word]
    if len(heads) != 1:
        return  # "a site called X and a site called Y ... the site": which one?
    for c in st.ix.kids(heads[0].i, "acl"):
        if c.lower not in ("called", "named"):
            continue
        for o in st.ix.kids(c.i, "oprd", "dobj", "attr", "xcomp"):
            if o.pos == "PROPN":  # the name's own words: "Plonk Wiz", no conjunct
                a = min((k.i for k in st.ix.kids(o.i, "compound") if k.i < o.i), default=o.i)
                names[st.text[toks[a].start : o.end]] = (toks[a].start, o.end)
    if len(names) != 1:
        return
    ((name, span),) = names.items()
    _outlet_named_before(m, name, span)


#: A web address ("HarborReport.net"): a site's own name.
_ADDRESS = re.compile(r"[A-Za-z0-9][\w-]*(?:\.[A-Za-z0-9-]+)*\.(?:com|net|org|info|co|news|tv)")


def site_named_before(st: RunState, m: Mention, s: int) -> None:
    """``m`` ("the website"), a definite site with no name of its own, is the one site the
    text named right after the same head noun in this sentence or the two before ("the
    website HarborReport.net"): that outlet. Left as it is when none, or more than one,
    is named so."""
    if m.plural or m.head_word not in ("website", "site") or m.name or m.affiliation:
        return
    if not m.pointing or m.source_type not in ("document", "unresolved"):
        return
    toks = st.parsed.tokens
    lo = st.sent_starts[max(0, s - 2)] if st.sent_starts else 0
    names: dict[str, tuple[int, int]] = {}
    for t in toks[:-1]:
        if t.start < lo or t.end > m.start or t.lower != m.head_word:
            continue
        n = toks[t.i + 1]
        if _ADDRESS.fullmatch(n.text):
            names[n.text] = (n.start, n.end)
    if len(names) != 1:
        return
    ((name, span),) = names.items()
    _outlet_named_before(m, name, span)


def _outlet_named_before(m: Mention, name: str, span: tuple[int, int]) -> None:
    """``m`` is the outlet ``name`` the text named just before, at ``span``."""
    m.name, m.source_type, m.entity_type = name, "media_outlet", "outlet"
    m.rule, m.score = "speaker.name-alias", 0.6
    m.resolved_from, m.antecedent = "alias", span
    m.reason = f"the {m.head_word} named just before: {name}"


def _introduced_before(st: RunState, head: str, end: int, s: int) -> Token | bool | None:
    """The one indefinite phrase with head noun ``head`` ("a nun") that introduced someone
    before ``end`` in sentence ``s`` or the two before it; ``False`` when a name stands
    beside such a phrase or more than one could be the one, ``None`` when none is there."""
    assert st.ix is not None
    toks = st.parsed.tokens
    lo = st.sent_starts[max(0, s - 2)] if st.sent_starts else 0
    found = []
    for t in toks:
        if t.end > end or t.pos != "NOUN":
            continue
        if t.lower != head and t.lemma.lower() != head:
            continue
        dets = {c.lower for c in st.ix.kids(t.i, "det")}
        if not dets & _INDEFINITE:
            continue
        if any(c.pos == "PROPN" for c in st.ix.kids(t.i, "appos")) or any(
            c.lower in ("called", "named") for c in st.ix.kids(t.i, "acl")
        ):
            return False  # "a nun, Ann Lund,", "a nun called Ann": named, not unnamed
        found.append(t)
    near = [t for t in found if t.start >= lo]
    if not near:
        return None
    if len(near) != 1:
        return False  # "a guard and a nun ... a second nun ... the nun": which one?
    if len(found) > 1 and st.sentence_at(near[0].start) < s - 1:
        return False  # another one before it: only the sentence just before makes it the one
    return near[0]


def _definite_before(st: RunState, head: str, end: int, s: int) -> Token | None:
    """The last singular "the ``head``" ("the aide") before ``end`` in sentence ``s`` or
    the two before it, if any."""
    assert st.ix is not None
    lo = st.sent_starts[max(0, s - 2)] if st.sent_starts else 0
    last = None
    for t in st.parsed.tokens:
        if t.start < lo or t.end > end or t.pos != "NOUN" or t.tag not in ("NN", "NNP"):
            continue
        if t.lower != head and t.lemma.lower() != head:
            continue
        if {c.lower for c in st.ix.kids(t.i, "det")} == {"the"}:
            last = t
    return last


def _named_next(st: RunState, phrase: Token, end: int) -> Known | None:
    """The person a news lede names in the sentence right after introducing them without
    a name ("A senior engineer issued a warning. Ann Lund said ... , the engineer said"):
    the one person named between the phrase and ``end``, for the first time in the text,
    as a subject, with no role of their own; None otherwise."""
    s = st.sentence_at(phrase.start)
    people = [k for k in st.knowns if k.entity_type == "person" and phrase.end <= k.start < end]
    if len({k.name for k in people}) != 1:
        return None
    k = people[0]
    if st.sentence_at(k.start) != s + 1 or k.role or not k.is_subject:
        return None
    if any(o.name == k.name and o.start < phrase.start for o in st.knowns):
        return None  # named before: not the one the lede introduced
    return k
