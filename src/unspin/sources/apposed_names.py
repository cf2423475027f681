"""Names whose role or title the parse or the recogniser ran into them, told apart.

- "said Erin, Tolland’ niece": the parse heads the phrase on the kin noun, the name a
  modifier of it; Erin is the named speaker, "Tolland’ niece" her role
  (:func:`role_named`);
- "said Mary, Tolland’s older sister": the parse hangs the owner and the noun apart, each
  in apposition to Mary ("Tolland’s" | "older sister"): her role is both; where the
  recogniser ran the owner into the name ("Mary, Tolland’s" one PERSON), the name ends at
  the comma;
- "said Sgt at Arms Joren Tolland", "Sergeant-at-Arms Joren Tolland": a title held "at"
  or "of" a capitalised word before the name ("Secretary of State"); the recogniser takes
  the title alone for the name ("Sgt") or the title's last word into it ("Arms Joren
  Tolland"): the name is the full name after the title, the title its role;
- "reports Harbourfeed UK": a country's name after a brand's is the brand's national edition
  ("Westby Mart UK"), an organisation's name, not the country speaking through its government.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from unspin.nlp import Entity, Token
from unspin.sources.lexicon import TITLE_WORDS
from unspin.sources.named_mentions import named_mention
from unspin.sources.parse_index import ParseIndex, span_text
from unspin.sources.roles import role_head, role_text
from unspin.sources.speakers import PERSON_HEADS, Mention, gender_of

__all__ = ["apposed_name", "held_title_word", "role_named"]

#: Prepositions of a title held at or of a place or a body ("Sergeant at Arms").
_HELD = frozenset({"at", "of"})
_HYPHENS = frozenset({"-", "\u2010", "\u2011"})
#: Possessive endings of an owner's name ("Tolland’s", "Tollands’").
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
#: Labels a name's first words may carry and still be a brand's, not a place's.
#: Nouns of kin: one who has them is a person ("Tolland's niece").
_KIN = frozenset(
    """
    father mother husband wife brother sister son daughter uncle aunt nephew niece cousin
    grandfather grandmother grandson granddaughter boyfriend girlfriend fiance fiancee
    fiancé fiancée stepfather stepmother stepson stepdaughter widow widower
    """.split()  # noqa: SIM905 - a word list reads better as one string
)
#: Labels of a name a kin noun may make a person's (not a place's: "Norvia, the son of").
_PERSON_LABELS = frozenset({"PERSON", ""})
#: Labels the recogniser gives a first name before an owner's kin noun ("Edda, Lund's
#: niece" read as an organisation).
_NAME_LABELS = frozenset({"PERSON", "ORG"})
_BRAND_LABELS = frozenset({"", "ORG", "FAC", "PRODUCT", "WORK_OF_ART"})


def apposed_name(
    ix: ParseIndex, h: Token, ent: Entity, sub: tuple[int, int], person_hint: bool
) -> Mention:
    """The mention of the name ``ent`` headed by ``h`` (``sub`` its phrase), with a title
    or a role the parse ran into it set apart (see the module)."""
    toks = ix.parsed.tokens
    titled = _title_alone(ix, ent) or _title_run_in(ix, ent)
    if titled is not None:
        name, title = titled
        m = named_mention(ix, toks[name.last - 1], name, (name.first, name.last - 1), True)
        m.is_subject = h.dep.startswith("nsubj")
        m.role = role_text(span_text(ix.parsed, title, name.first - 1)) or m.role
        return m
    ent = _comma_owner_cut(ix, h, ent)
    owned = _owned_role(ix, ent)
    kin = (owned is not None and _person_role(owned)) or _kin_apposed(ix, ent)
    kin = kin and ent.label in _PERSON_LABELS
    brand = _brand_edition(ix, h, ent)
    m = named_mention(ix, h, brand, sub, person_hint or kin)
    if brand is not ent and m.source_type == "named_organisation":
        m.reason = "a brand's name with a country's after it: the brand's edition there"
    if owned is not None:
        m.role = owned
        m.gender = m.gender or gender_of([role_head(owned) or ""])
    return m


def role_named(ix: ParseIndex, h: Token, sub: tuple[int, int]) -> Mention | None:
    """ "Erin, Tolland’ niece" headed on "niece": the mention of Erin with her role, when
    the phrase opens on a person's name, a comma and an owner's person noun; else None."""
    toks = ix.parsed.tokens
    lo = comma = sub[0]
    while comma < h.i and _capitalised(toks[comma]):
        comma += 1
    if h.pos != "NOUN" or comma == lo or not comma + 2 < h.i <= sub[1]:
        return None
    if toks[comma].text != "," or any(
        (e := ix.entity_at(k)) is not None and e.label not in _NAME_LABELS for k in range(lo, comma)
    ):
        return None  # "Oslo, Lund's home town": a place's name
    person = all(
        (e := ix.entity_at(k)) is not None and e.label == "PERSON" for k in range(lo, comma)
    )
    text = span_text(ix.parsed, lo, comma - 1)
    ent = Entity(toks[lo].start, toks[comma - 1].end, "PERSON" if person else "", text, lo, comma)
    if not any(toks[k].text in _POSSESSIVE for k in range(comma + 2, h.i)):
        return None  # "Erin, a niece": no owner
    role = role_text(span_text(ix.parsed, comma + 1, sub[1]))
    if role is None or not _person_role(role):
        return None
    m = named_mention(ix, toks[ent.last - 1], ent, (ent.first, ent.last - 1), True)
    m.is_subject = h.dep.startswith("nsubj")
    m.role = role
    m.gender = m.gender or gender_of([role_head(role) or ""])
    return m


def _person_role(role: str) -> bool:
    head = role_head(role) or ""
    return head in PERSON_HEADS or head in _KIN


def _title_word(t: Token) -> bool:
    low = t.lower.rstrip(".")
    return t.text[:1].isupper() and (low in TITLE_WORDS or f"{low}." in TITLE_WORDS)


def _capitalised(t: Token) -> bool:
    return t.pos == "PROPN" and t.text[:1].isupper() and t.text.replace(".", "").isalpha()


def _full_name(ix: ParseIndex, lo: int, hi: int, label: str) -> Entity | None:
    """The full name that ends the capitalised run ``[lo, hi]`` after its first word (the
    title's): its last two words, or three with a middle initial ("Joren M. Tolland")."""
    toks = ix.parsed.tokens
    first = hi - 2 if hi - 2 >= lo and toks[hi - 1].text.endswith(".") else hi - 1
    if first <= lo:
        return None
    text = span_text(ix.parsed, first, hi)
    return Entity(toks[first].start, toks[hi].end, label, text, first, hi + 1)


def _title_alone(ix: ParseIndex, ent: Entity) -> tuple[Entity, int] | None:
    """ "Sgt at Arms Joren Tolland" where the recogniser named "Sgt" alone: the full name
    after the held word and the title's token."""
    toks = ix.parsed.tokens
    t = toks[ent.first]
    if ent.last - ent.first != 1 or not _title_word(t) or ent.last + 3 >= len(toks):
        return None
    p = toks[ent.last]
    if p.lower not in _HELD or p.head != t.i:
        return None
    hi = p.i
    while hi + 1 < len(toks) and _capitalised(toks[hi + 1]):
        hi += 1
    if hi - p.i < 3 or ix.subtree(p.i)[1] != hi:
        return None  # "Sgt at Arms Tolland": no full name after the held word
    name = _full_name(ix, p.i + 1, hi, "")  # the recogniser named the title
    return (name, t.i) if name is not None else None


def _title_run_in(ix: ParseIndex, ent: Entity) -> tuple[Entity, int] | None:
    """ "Sgt at | Arms Joren Tolland", "Sergeant-At- | Arms Joren Tolland": a name whose
    first word is the last word of a title held at or of something: the full name after
    it and the title's token."""
    toks = ix.parsed.tokens
    if ent.label not in ("PERSON", "") or ent.last - ent.first < 3:
        return None
    title = held_title_word(toks, ent.first)
    if title is None or not all(_capitalised(t) for t in toks[ent.first : ent.last]):
        return None
    name = _full_name(ix, ent.first, ent.last - 1, ent.label)
    return (name, title) if name is not None else None


def held_title_word(toks: Sequence[Token], k: int) -> int | None:
    """The token of the title when token ``k`` is the capitalised word it is held at or
    of ("Arms" of "Sgt at Arms", "Sergeant-At-Arms"; "State" of "Secretary of State"),
    so no first word of a name after it; ``None`` else."""
    if k < 2 or not toks[k].text[:1].isupper():
        return None
    k -= 1
    glued = toks[k].text in _HYPHENS
    k -= glued
    if k < 1 or toks[k].lower not in _HELD:
        return None
    k -= 1
    if glued != (toks[k].text in _HYPHENS):
        return None  # "Sergeant-At-Arms" glued on both sides, or on neither
    k -= glued
    return k if k >= 0 and _title_word(toks[k]) else None


def _comma_owner_cut(ix: ParseIndex, h: Token, ent: Entity) -> Entity:
    """A PERSON entity run over a comma into an owner's name ("Mary, Tolland’s"): the
    name before the comma."""
    toks = ix.parsed.tokens
    if ent.label != "PERSON" or toks[ent.last - 1].text not in _POSSESSIVE:
        return ent
    for k in range(ent.first + 1, ent.last - 1):
        if toks[k].text == ",":
            if not ent.first <= h.i < k:
                return ent
            text = span_text(ix.parsed, ent.first, k - 1)
            return Entity(ent.start, toks[k - 1].end, ent.label, text, ent.first, k)
    return ent


def _owned_role(ix: ParseIndex, ent: Entity) -> str | None:
    """ "Tolland’s older sister" where the parse hung the owner and the noun each in
    apposition to the name: both, as one role; None else."""
    toks = ix.parsed.tokens
    for j in range(ent.first, ent.last):
        kids = ix.kids(j, "appos")
        for a, b in pairwise(kids):
            a_lo, a_hi = ix.subtree(a.i)
            b_lo, b_hi = ix.subtree(b.i)
            if (
                a.i > j
                and a_lo > ent.last - 1
                and toks[a_hi].text in _POSSESSIVE
                and b_lo == a_hi + 1
                and b.pos == "NOUN"
            ):
                return role_text(span_text(ix.parsed, a_lo, b_hi))
    return None


def _kin_apposed(ix: ParseIndex, ent: Entity) -> bool:
    """Whether a noun of kin with its owner stands in apposition to the name ("Erin,
    Tolland's niece", "Bo, her son"; not "Norvia, the son of ..."): a person's name."""
    return ent.label in _PERSON_LABELS and any(
        c.pos == "NOUN" and c.lower in _KIN and ix.kids(c.i, "poss")
        for j in range(ent.first, ent.last)
        for c in ix.kids(j, "appos")
    )


def _brand_edition(ix: ParseIndex, h: Token, ent: Entity) -> Entity:
    """ "Harbourfeed UK": a country's or place's name with a brand's name before it that the
    parse joined to it: the whole name, an organisation's."""
    toks = ix.parsed.tokens
    if ent.label != "GPE" or ent.last - ent.first != 1 or h.i != ent.first:
        return ent
    lo = ent.first
    while (
        lo > 0
        and toks[lo - 1].dep == "compound"
        and toks[lo - 1].head == h.i
        and _capitalised(toks[lo - 1])
        and toks[lo - 1].ent_type in _BRAND_LABELS
    ):
        lo -= 1
    if lo == ent.first or _title_word(toks[lo]):
        return ent
    text = span_text(ix.parsed, lo, ent.first)
    return Entity(toks[lo].start, ent.end, "ORG", text, lo, ent.last)
