"""A bare title as a speaker ("Pope admits ..."): the one person the text names with that
title, or an unresolved person whose role is the title; never a person named "Pope"."""

from __future__ import annotations

from collections.abc import Iterable

from unspin.lexicon import TITLE_WORDS
from unspin.nlp import Token
from unspin.sources.resolver import Known
from unspin.sources.speakers import PERSON_HEADS, Mention, strip_the

__all__ = ["TitleHolders", "bare_title", "party_titled", "premodifier_role", "title_phrase"]

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
    return title_phrase(m.name.split())


def title_phrase(words: list[str]) -> str | None:
    """The words, "the" left out, when they are a title and no name: title words ("Pope",
    "Deputy Minister"), ranks before a person noun ("Chief Economist", "Senior Adviser")
    or an office's words before a title word ("Press Secretary"); else None."""
    words = strip_the(words)
    low = [w.lower() for w in words]
    if len(low) >= 2 and all(w in _RANKS for w in low[:-1]) and low[-1] in PERSON_HEADS:
        return " ".join(words)
    if not low or low[-1] not in TITLE_WORDS or low[-1] in _NOT_ALONE:
        return None
    if any(w not in TITLE_WORDS and w not in _PORTFOLIOS for w in low[:-1]):
        return None
    return " ".join(words)


#: Words of rank before a person noun in a title ("Senior Adviser", "Chief Economist").
_RANKS = frozenset(
    {"senior", "chief", "special", "deputy", "assistant", "principal", "associate", "lead",
     "executive", "acting", "top"}
)  # fmt: skip
#: An office's words before a title word that are no title alone ("Press Secretary").
_PORTFOLIOS = frozenset(
    {"press", "communications", "campaign", "policy", "budget", "transport", "treasury",
     "security", "labor", "labour", "commerce", "agriculture", "housing", "immigration",
     "culture", "permanent", "managing", "surgeon", "homeland"}
)  # fmt: skip


class TitleHolders:
    """The people the text names with a title ("Pope Ilario" holds "pope")."""

    def __init__(self, people: Iterable[Known | Mention]) -> None:
        self.holders: dict[str, dict[str, tuple[int, int]]] = {}
        self.role_words: dict[str, set[str]] = {}
        for p in people:
            if p.entity_type != "person" or not p.name or not p.role:
                continue
            if isinstance(p, Mention) and p.resolved_from:
                continue
            words = p.role.lower().replace(";", " ").split()
            self.role_words.setdefault(p.name, set()).update(words)
            for w in words:
                if w in TITLE_WORDS and w not in _NOT_ALONE:
                    self.holders.setdefault(w, {}).setdefault(p.name, (p.start, p.end))

    def resolve(self, m: Mention, title: str) -> None:
        """Give ``m`` the one holder of ``title`` (of the same office: "the Foreign
        Minister" is no "Prime Minister"), else make it an unresolved person."""
        words = set(title.lower().split())
        head = title.split()[-1].lower()
        names = {
            name: where
            for name, where in self.holders.get(head, {}).items()
            if _same_office(words, self.role_words[name])
        }
        m.entity_type, m.role = "person", title
        if len(names) == 1:
            ((name, where),) = names.items()
            m.name, m.source_type = name, "named_person"
            m.resolved_from, m.antecedent = "alias", where
            m.rule, m.score = "speaker.title-alias", 0.7
            m.reason = f"a bare title: the {title.lower()} named in the text, {name}"
            return
        m.name, m.source_type = None, "unresolved"
        m.rule, m.score = "speaker.title-unresolved", 0.4
        why = "no one" if not names else "more than one person"
        m.reason = f'a bare title; the text names {why} as "{title.lower()}"'


#: Words that make a title another, lesser office ("Vice President", "Deputy Minister").
_LESSER = frozenset({"vice", "deputy", "assistant", "associate", "acting", "former"})


def _same_office(title: set[str], role: set[str]) -> bool:
    """Whether a title's words (``title``) may name the holder of a role (``role``): all
    in the role, or only words the role lacks that make no lesser office ("Father
    General" for a "General") while the role has no office word the title lacks ("Prime"
    of "Prime Minister" for "the Foreign Minister")."""
    if title <= role:
        return True
    office = TITLE_WORDS | _RANKS | _PORTFOLIOS
    return not (role - title) & office and not (title - role) & _LESSER
