"""A bare title as a speaker ("Pope admits ..."): the one person the text names with that
title, or an unresolved person whose role is the title; never a person named "Pope"."""

from __future__ import annotations

from collections.abc import Iterable

from unspin.lexicon import TITLE_WORDS
from unspin.nlp import Token
from unspin.sources.resolver import Known
from unspin.sources.speakers import PERSON_HEADS, Mention, strip_the

__all__ = ["TitleHolders", "bare_title", "party_titled", "premodifier_role"]

#: Title words that are no title alone ("former", "state", "party").
_NOT_ALONE = frozenset(
    {
        "vice", "foreign", "defence", "defense", "finance", "interior", "health", "justice",
        "education", "trade", "energy", "environment", "home", "state", "acting", "former",
        "opposition", "party", "deputy", "then-president", "then-minister",
    }
)  # fmt: skip


def premodifier_role(left: list[Token]) -> bool:
    """Words before a name are its role only when headed by a title or a role noun of the
    lexicon ("ministry spokeswoman", "Senator"), or a proper noun; never an evaluative
    description ("Islamic apologist H. R. Castell")."""
    head = left[-1]
    return head.pos == "PROPN" or head.lower in PERSON_HEADS or head.lemma.lower() in PERSON_HEADS


#: Party words that stand before an office in a headline ("GOP Rep Lund").
_PARTY_WORDS = frozenset({"gop", "democratic", "democrat", "dem", "republican", "labour", "tory"})
#: Offices a party word and a surname frame, written with or without a point ("Rep").
_OFFICES = frozenset(
    {"rep", "sen", "gov", "senator", "congressman", "congresswoman", "representative"}
    | {"governor", "lawmaker", "mayor", "delegate", "assemblyman", "assemblywoman"}
)


def party_titled(words: list[str]) -> list[str]:
    """The party word and office of a three-word name "GOP Rep Lund" (a headline's way
    with a person: no point after the office), else no words: a person, no body."""
    bare = strip_the(words)
    if len(bare) != 3 or not bare[2][:1].isupper() or not bare[2][1:].replace("'", "").isalpha():
        return []
    if bare[0].lower() in _PARTY_WORDS and bare[1].lower().rstrip(".") in _OFFICES:
        return bare[:2]
    return []


def bare_title(m: Mention) -> str | None:
    """The title when a name mention is only a title ("Pope", "the President"), or a
    rank before a person noun ("Senior Adviser", "Chief Strategist": no name either)."""
    if m.kind != "name" or not m.name or m.resolved_from:
        return None
    words = strip_the(m.name.split())
    low = [w.lower() for w in words]
    if len(low) >= 2 and all(w in _RANKS for w in low[:-1]) and low[-1] in PERSON_HEADS:
        return " ".join(words)
    if not low or any(w not in TITLE_WORDS for w in low) or low[-1] in _NOT_ALONE:
        return None
    return " ".join(words)


#: Words of rank before a person noun in a title ("Senior Adviser", "Chief Economist").
_RANKS = frozenset(
    {"senior", "chief", "special", "deputy", "assistant", "principal", "associate", "lead",
     "executive", "acting", "top"}
)  # fmt: skip


class TitleHolders:
    """The people the text names with a title ("Pope Ilario" holds "pope")."""

    def __init__(self, people: Iterable[Known | Mention]) -> None:
        self.holders: dict[str, dict[str, tuple[int, int]]] = {}
        for p in people:
            if p.entity_type != "person" or not p.name or not p.role:
                continue
            if isinstance(p, Mention) and p.resolved_from:
                continue
            for w in p.role.lower().replace(";", " ").split():
                if w in TITLE_WORDS and w not in _NOT_ALONE:
                    self.holders.setdefault(w, {}).setdefault(p.name, (p.start, p.end))

    def resolve(self, m: Mention, title: str) -> None:
        """Give ``m`` the one holder of ``title``, else make it an unresolved person."""
        head = title.split()[-1].lower()
        names = self.holders.get(head, {})
        m.entity_type, m.role = "person", title
        if len(names) == 1:
            ((name, where),) = names.items()
            m.name, m.source_type = name, "named_person"
            m.resolved_from, m.antecedent = "alias", where
            m.rule, m.score = "speaker.title-alias", 0.7
            m.reason = f"a bare title: the {head} named in the text, {name}"
            return
        m.name, m.source_type = None, "unresolved"
        m.rule, m.score = "speaker.title-unresolved", 0.4
        why = "no one" if not names else "more than one person"
        m.reason = f'a bare title; the text names {why} as "{head}"'
