"""Roles of speakers: the phrase in apposition to a name ("Ann Lund, the mayor of Westby")
told apart from a clause, a participle or a time, cut to its role, and its head noun.

Split from :mod:`~unspin.sources.speakers` (the word-level classification of a mention).
"""

from __future__ import annotations

import re

from unspin.nlp import Token
from unspin.sources.lexicon import PERSON_NOUNS, _words
from unspin.sources.parse_index import ParseIndex
from unspin.sources.speakers import DETS, PERSON_HEADS

__all__ = [
    "is_role_phrase",
    "place_only",
    "quoted_apposition",
    "role_head",
    "role_organisation",
    "role_text",
    "verb_above_next",
]


#: Nouns that, heading an apposition, say a name is a company or another non-state body.
_COMPANY_NOUNS = frozenset(
    _words(
        """
    company firm bank insurer corporation manufacturer retailer chain startup charity
    nonprofit university school hospital club team association foundation institute union
    airline carrier publisher developer operator supplier contractor
    """
    )
)


#: Words that end the head of a role ("co-director | of the institute").
_ROLE_HEAD_END = frozenset({"of", "at", "for", "in", "with", "from", "on", "to", "who", "and"})


def role_head(role: str) -> str | None:
    """The head noun of a role phrase in lower case, the part after a hyphen for a hyphened
    one: "director" of "the co-director of the Wenlow Institute"."""
    words: list[str] = []
    for w in role.lower().replace(",", " ").split():
        if w in _ROLE_HEAD_END:
            break
        words.append(w)
    return words[-1].rsplit("-", 1)[-1] if words else None


def role_organisation(role: str) -> str | None:
    """The company noun heading an apposition ("the life insurance company"), if any."""
    head = role_head(role)
    return head if head in _COMPANY_NOUNS else None


_ROLE_STARTS = frozenset({"a", "an", "the", "his", "her", "their", "its", "our", "my", "former"})
_NOT_ROLE_STARTS = frozenset(
    re.findall(
        r"\S+",
        """who which that when where while as after before in on at to for from with by
        during and but or because if although though adding saying according last this
        next yesterday today tonight earlier later also then however too now still monday
        tuesday wednesday thursday friday saturday sunday both all each either neither
        himself herself themselves""",
    )
)
_ING_TITLES = frozenset({"acting", "managing", "outgoing", "ruling", "leading", "presiding"})


def is_role_phrase(phrase: str) -> bool:
    """True when ``phrase`` can be a role in apposition ("the mayor of Westby", "a former
    banker", "Fox News host", "accused assassin"), not a clause, a participle or a time
    ("defining gaslighting", "speaking to reporters", "who said ...", "on Monday", "54")."""
    if any(c in phrase for c in '"“”«»'):
        return False  # a quotation is not a role
    words = [w.strip(",;:()'‘’") for w in phrase.split()]
    low = [w.lower() for w in words if w]
    if not low or not low[0][:1].isalpha():
        return False
    first = low[0]
    if first in _NOT_ROLE_STARTS:
        return False
    if first in _ROLE_STARTS or any(w in PERSON_HEADS or w in PERSON_NOUNS for w in low):
        return True
    if first.endswith("ing") and first not in _ING_TITLES:
        return False  # "speaking to reporters", "defining gaslighting"
    if first.endswith("ed") and (len(low) == 1 or low[1] in _NOT_ROLE_STARTS | DETS):
        return False  # "based in Oslo", "quoted by the agency"
    return len(low) <= 10


#: A sentence break, not after an abbreviation ("a spokeswoman for Mr. Vik").
_SENTENCE_CUT = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bSen)(?<!\bRep)(?<!\bGov)"
    r"(?<!\bGen)(?<!\bLt)(?<!\bCol)(?<!\bJr)(?<!\bSr)(?<!\bProf)(?<![A-Z])"
    r"(?<!\bMaj)(?<!\bCapt)(?<!\bSgt)(?<!\bAdm)(?<!\bCpl)(?<!\bBrig)(?<!\bCmdr)(?<!\bSupt)"
    r"(?<!\bInsp)(?<!\bDet)(?<!\bPvt)(?<!\bCdr)(?<!\bLieut)\.\s+(?=[A-Z])"
)
#: A relative clause inside an apposition: the role ends before it ("an anarchist who ...").
_RELATIVE_CUT = re.compile(r",?\s+(?:who|whom|whose|which)\s.*$", re.S)


def role_text(words: str) -> str | None:
    """A role phrase cut at a sentence break, without edge punctuation or determiners."""
    words = _SENTENCE_CUT.split(words, maxsplit=1)[0]
    words = _RELATIVE_CUT.sub("", words)
    words = re.split(r"[—–]|\s-\s", words, maxsplit=1)[0].strip(" ,;:.")  # "X—the organ—said"
    parts = words.split()
    while parts and parts[0].lower() in DETS:
        parts = parts[1:]
    if parts and (
        parts[0].lower() in _NOT_ROLE_STARTS or _CLAUSE_WORDS & {p.lower() for p in parts}
    ):
        return None  # "in Argentina before he became Pope": a clause, not a role
    if len(parts) > _ROLE_WORDS or (len(parts) == 1 and parts[0].startswith("(")):
        return None  # a role is a short phrase; a long one is a misparsed clause
    if parts and all(p.lower().rstrip(".") in _BARE_HONORIFICS for p in parts):
        return None  # "Dr", "Mr": a form of address, not a function
    low = [p.lower().strip(",;:") for p in parts]
    if len(low) == 3 and low[1] == "of" and low[2] in _PARTITIVE_PRONOUNS:
        return None  # "One of them", "some of us": who among a group, not a function
    return " ".join(parts) or None


#: Honorifics that are a form of address, never a role ("Dr" says no function).
_BARE_HONORIFICS = frozenset({"dr", "mr", "mrs", "ms", "miss", "mx", "sir", "dame"})


_ROLE_WORDS = 14

#: Pronouns after "of" that make a phrase a bare partitive ("one of them", "two of us").
_PARTITIVE_PRONOUNS = frozenset({"them", "us", "you", "these", "those", "theirs", "ours"})


#: Words that make a phrase a clause rather than a role ("before he became ...").
_CLAUSE_WORDS = frozenset(
    {"he", "she", "they", "it", "we", "i", "became", "become", "was", "were", "is", "are"}
)


def verb_above_next(ix: ParseIndex, i: int, hi: int) -> bool:
    """True when the token right after an apposition ending at ``hi`` is a verb that
    governs the apposition's head ``i``, a bare plural ("the Project, women and men
    represented ..."): the parse hung a clause's subject on the name before it."""
    toks = ix.parsed.tokens
    nxt = hi + 1
    if nxt >= len(toks) or toks[nxt].pos not in ("VERB", "AUX"):
        return False
    if toks[i].tag not in ("NNS", "NNPS") or ix.kids(i, "det"):
        return False  # "Ann Lund, secretary of the party told ...": a comma left out
    for _ in range(40):
        if i == nxt:
            return True
        if toks[i].head == i:
            return False
        i = toks[i].head
    return False


def place_only(ix: ParseIndex, words: list[Token]) -> bool:
    """True when ``words`` before a name are a place name alone ("in Oslo Mr Holm"):
    where the person is, not a function they hold."""
    ents = {ix.entity_at(t.i) for t in words}
    return len(ents) == 1 and all(e is not None and e.label in ("GPE", "LOC") for e in ents)


#: Quotation marks that open a quoted phrase (the tagger's forms of them included).
_OPENING_MARKS = frozenset({'"', "“", "‘", "'", "``", "«"})


def quoted_apposition(ix: ParseIndex, lo: int) -> bool:
    """True when the apposition starting at token ``lo`` opens inside quotation marks
    ('Ann Lund, "the best mayor we ever had," ...', 'said Ann Lund, "a true leader"'):
    someone's words about the name, praise or blame, not the writer's account of her
    role."""
    toks = ix.parsed.tokens
    return lo > 0 and toks[lo - 1].text in _OPENING_MARKS and toks[lo - 1].end == toks[lo].start
