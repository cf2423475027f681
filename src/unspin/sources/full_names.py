"""A person's full name the recogniser took for a body's or a place's, and the surname
that takes it up later.

"Metro News' Rory Vantage" (one entity, read as an organisation) names a person of the
outlet: the owner before the possessive, the person after it (:func:`owned_person`).
"Channel Nine host Rory Vantage", "with Metro News' Rory Vantage": the text gives
"Vantage" as the surname of a person's full name, so "Vantage said" later is that
person, whatever the recogniser says of the one word (:func:`person_surname`).
"""

from __future__ import annotations

from unspin.lexicon import VERB_FORMS
from unspin.nlp import Entity, Token
from unspin.sources.clause_edges import RECIPIENT_VERBS
from unspin.sources.lexicon import (
    EVENT_NAME_WORDS,
    HONORIFICS,
    JOB_NOUNS,
    MEDIA_NOUNS,
    ORG_NAME_WORDS,
    OUTLET_WORDS,
    TITLE_WORDS,
)
from unspin.sources.parse_index import ParseIndex
from unspin.sources.roles import role_organisation
from unspin.sources.speakers import PERSON_HEADS

__all__ = [
    "SPOKEN_FULL_NAME",
    "full_name_cue",
    "joined_surname",
    "owned_person",
    "person_surname",
    "speaking_label",
    "spoken_full_name",
    "title_holder",
    "told_someone",
]

#: The possessive marks a tagger splits off an owner's name ("News’", "CNN's").
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})

#: Capitalised words that are no first name, whatever stands around them.
_NO_FIRST = frozenset({"the", "a", "an", "of", "and", "for", "in", "on", "at", "new"})

#: Nouns for the people who present the news on air ("newsreader Rory Vantage").
_NEWS_PEOPLE = frozenset(
    {"newsreader", "newscaster", "presenter", "anchorman", "anchorwoman", "newsman", "newswoman"}
)

#: Words that make a capitalised run a body's or a thing's name, not a person's.
_NOT_NAME = ORG_NAME_WORDS | OUTLET_WORDS | MEDIA_NOUNS | EVENT_NAME_WORDS


def _name_word(t: Token) -> bool:
    """A word a person's name can be made of: capitalised, alphabetic, a proper noun."""
    return (
        t.pos == "PROPN"
        and t.text.isalpha()
        and t.text[:1].isupper()
        and not t.text.isupper()
        and t.lower not in _NOT_NAME
    )


def _full_name_at(toks: tuple[Token, ...] | list[Token], lo: int, hi: int) -> bool:
    """``toks[lo : hi + 1]`` is two or three name words, the first no article."""
    run = toks[lo : hi + 1]
    return 2 <= len(run) <= 3 and all(_name_word(t) for t in run) and run[0].lower not in _NO_FIRST


def owned_person(ix: ParseIndex, ent: Entity) -> tuple[Entity, str] | None:
    """The person named after an owner's possessive inside ``ent`` ("Metro News' Rory
    Vantage": Rory Vantage) and the owner ("Metro News"), when ``ent`` ends with a full
    name of two or three words; else ``None``. A person's name holds no possessive: the
    recogniser's PERSON "Harborpost's Tim Norell" is Tim Norell of Harborpost."""
    toks = ix.parsed.tokens
    marks = [k for k in range(ent.first + 1, ent.last - 1) if toks[k].lower in _POSSESSIVE]
    if not marks:
        return None
    k = marks[-1]
    lo, hi = k + 1, ent.last - 1
    if not _full_name_at(toks, lo, hi):
        return None
    if not toks[k - 1].text[:1].isupper():
        return None  # "the country's Ann Lund": no owner's name
    owner = ix.parsed.text[toks[ent.first].start : toks[k - 1].end]
    text = ix.parsed.text[toks[lo].start : toks[hi].end]
    return Entity(toks[lo].start, toks[hi].end, "PERSON", text, lo, hi + 1), owner


#: Entity labels of a body or a place a title is held to ("Ambassador to Norvia").
_BODY_LABELS = frozenset({"ORG", "GPE", "LOC", "NORP"})


def _office_word(t: Token) -> bool:
    """A capitalised title after "to the" ("the President", "the Prime Minister")."""
    return t.text[:1].isupper() and t.lower in TITLE_WORDS


def _acronym(t: Token) -> bool:
    return t.text.isalpha() and t.text.isupper() and len(t.text) >= 2


def title_holder(ix: ParseIndex, title: int) -> Entity | None:
    """The person named after a capitalised title held to a body or a place ("Ambassador
    to the UN Kay Rowe", "Envoy to Norvia Tom Pell"): the full name of two or three words
    right after the body's acronym or recognised name, even where the recogniser ran the
    body and the name together into one organisation; ``None`` else. A title held to an
    office after "the" ("Senior Adviser to the President Tom Pell", the form of official
    titles) is the named one's too; one held to a person ("Adviser to President Tom
    Pell") is someone else's: no holder."""
    toks = ix.parsed.tokens
    t = toks[title]
    if not (t.text[:1].isupper() and t.lower in PERSON_HEADS) or title + 3 >= len(toks):
        return None
    if toks[title + 1].lower != "to":
        return None
    j = title + 2 + (toks[title + 2].lower == "the")
    k = j
    while k < len(toks) and _acronym(toks[k]):
        k += 1  # "the UN", "the OSCE"
    if k == j and (body := ix.entity_at(j)) is not None and body.label in _BODY_LABELS:
        k = body.last  # "Norvia", "the European Union"
    if k == j and toks[j - 1].lower == "the":
        while k < len(toks) and _office_word(toks[k]):
            k += 1  # "Adviser to the President Tom Pell": an office; Tom Pell the adviser
    if k == j:
        return None
    for hi in (k + 2, k + 1):
        if hi < len(toks) and _full_name_at(toks, k, hi):
            if hi + 1 < len(toks) and _name_word(toks[hi + 1]):
                continue  # "Kay Rowe Foundation": a longer name
            text = ix.parsed.text[toks[k].start : toks[hi].end]
            return Entity(toks[k].start, toks[hi].end, "PERSON", text, k, hi + 1)
    return None


def full_name_cue(ix: ParseIndex, lo: int, hi: int) -> bool:
    """True when ``tokens[lo : hi + 1]`` is a full name of two or three words right after
    a person noun, a job or a student's year ("host Rory Vantage", "Sophomore Rory
    Vantage") or an honorific ("Mrs. Ada Brill") or an owner's
    possessive ("Metro News' Rory Vantage"): a person's name, whatever its entity label."""
    toks = ix.parsed.tokens
    if lo < 1 or hi + 1 > len(toks) or not _full_name_at(toks, lo, hi):
        return False
    if hi + 1 < len(toks) and _name_word(toks[hi + 1]):
        return False  # "Rory Vantage Capital": a longer name
    before = toks[lo - 1]
    if before.lower in _POSSESSIVE:
        return lo >= 2 and toks[lo - 2].text[:1].isupper()  # "Metro News' Rory Vantage"
    if before.pos == "NOUN" and before.lower in PERSON_HEADS:
        return True  # "Channel Nine host Rory Vantage"
    if before.pos in ("NOUN", "PROPN") and before.lower in JOB_NOUNS:
        return True  # "Sophomore Rory Vantage" (a proper noun to the tagger, capitalised)
    if before.lower in _NEWS_PEOPLE or (
        before.lower == "reader" and lo >= 2 and toks[lo - 2].lower == "news"
    ):
        return True  # "Nightly news reader Rory Vantage", "newscaster Rory Vantage"
    return before.lower.rstrip(".") in HONORIFICS  # "Mrs. Ada Brill"


def person_surname(ix: ParseIndex, word: str) -> bool:
    """True when the text gives ``word`` as the last word of a person's full name that
    the recogniser may have typed a body (see :func:`full_name_cue`)."""
    if not word[:1].isupper() or not word.isalpha():
        return False
    return any(
        full_name_cue(ix, lo, t.i)
        for t in ix.parsed.tokens
        if t.text == word
        for lo in (t.i - 1, t.i - 2)
    )


def joined_surname(ix: ParseIndex, word: str) -> bool:
    """True when the text gives ``word`` as the last word of a full name of two words
    joined by "and" or "or" to a person's full name the recogniser found ("Ann Lund and
    Bo Vik prefer it. Lund said ...", with "Bo Vik" a PERSON): a person's surname, though
    the recogniser gave the pair, and the word alone, another label."""
    if not word[:1].isupper() or not word.isalpha():
        return False
    return any(t.text == word and _beside_person(ix, t.i - 1, t) for t in ix.parsed.tokens)


def _beside_person(ix: ParseIndex, lo: int, t: Token) -> bool:
    """``tokens[lo : t.i + 1]``, a full name of two words, is joined by "and" or "or" to
    a person's full name the recogniser found (see :func:`joined_surname`)."""
    toks = ix.parsed.tokens
    if lo < 0 or not _full_name_at(toks, lo, t.i) or toks[lo].head != t.i:
        return False
    others = list(ix.kids(t.i, "conj"))
    if t.dep == "conj" and t.head != t.i:
        others.append(toks[t.head])
    for o in others:
        e = ix.entity_at(o.i)
        if e is not None and e.label == "PERSON" and e.last - e.first >= 2:
            return True
    return False


#: The reason given a full name the recogniser took for a work's, as a person.
SPOKEN_FULL_NAME = (
    "a full name (two or three capitalised names) as the subject of a verb of saying, "
    "though the recogniser took it for a work's title: a work of art does not speak"
)
#: Verbs a publication or a record does as readily as a person: no sign of a speaker.
_RECORD_VERBS = frozenset({"report", "publish", "show", "state", "read", "find", "list"})
#: Quotation marks that set off a title ("the film “Edda Lund”").
_TITLE_MARKS = frozenset("\"“”'‘’")


def spoken_full_name(ix: ParseIndex, h: Token, ent: Entity) -> bool:
    """True when ``ent``, a name the recogniser took for a work's ("Carly Dorne" as
    WORK_OF_ART), has a person's full name's shape and speaks: two or three capitalised
    proper nouns (no article, no body's or outlet's word, no colon, not in quotation
    marks), no longer name after it, the subject ``h`` of a verb of saying that a record
    does not do as well ("said", "told", not "reported", "shows"). A work of art does not
    say; a person named in full does."""
    toks = ix.parsed.tokens
    lo, hi = ent.first, ent.last - 1
    if not _full_name_at(toks, lo, hi) or not lo <= h.i <= hi:
        return False
    if hi + 1 < len(toks) and _name_word(toks[hi + 1]):
        return False
    text = ix.parsed.text
    if (
        text[ent.start - 1 : ent.start] in _TITLE_MARKS
        or text[ent.end : ent.end + 1] in _TITLE_MARKS
    ):
        return False  # "“Edda Lund” says": a title set off by its marks
    if lo > 0 and toks[lo - 1].lower == "the":
        return False
    lemma = VERB_FORMS.get(toks[h.head].lower)
    return h.dep.startswith("nsubj") and lemma is not None and lemma not in _RECORD_VERBS


def told_someone(ix: ParseIndex, h: Token) -> bool:
    """True when ``h`` is the subject of a verb of telling ("told", "informed", "assured")
    with the one told as its object after it ("told reporters", 'told "Morning Desk"'),
    and nothing shows it a body: the clause told does not take it up as "it" or "its"
    ("told the Ledger that it was cooperating"), and the text never puts its word before
    a company noun ("the Whataburger chain")."""
    toks = ix.parsed.tokens
    if not h.dep.startswith("nsubj"):
        return False
    v = toks[h.head]
    if VERB_FORMS.get(v.lower) not in RECIPIENT_VERBS:
        return False
    if not any(c.i > v.i for c in ix.kids(v.i, "dobj", "dative")):
        return False
    for c in ix.kids(v.i, "ccomp"):
        for s in ix.kids(c.i, "nsubj", "nsubjpass"):
            if s.lower == "it" or any(p.lower == "its" for p in ix.kids(s.i, "poss")):
                return False
    return not any(
        t.text == h.text and t.dep == "compound" and role_organisation(toks[t.head].lower)
        for t in toks
    )


def speaking_label(ix: ParseIndex, h: Token, ent: Entity) -> str:
    """The recogniser's label of ``ent``, or none for a one-word name it took for a
    work's title (or a law's) that tells someone something, outside quotation marks
    ('Dorne told "Morning Desk" that ...', "Lund told Vogue ..."): a work tells nobody, so
    what the name is must come from the rest of the text."""
    if ent.label not in ("WORK_OF_ART", "LAW") or ent.last - ent.first != 1:
        return ent.label
    text = ix.parsed.text
    if (
        text[ent.start - 1 : ent.start] in _TITLE_MARKS
        or text[ent.end : ent.end + 1] in _TITLE_MARKS
    ):
        return ent.label
    return "" if told_someone(ix, h) else ent.label
