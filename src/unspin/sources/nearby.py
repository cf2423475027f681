"""Unnamed-sounding speakers the text names a few sentences away.

"A lawyer for the party says ..." and two sentences on "Ann Lund, the party's lawyer,
...": the description is the named person's role, so the speaker is Ann Lund, not an
anonymous source. "A senior official said ..." followed at once by "Jens Holm, the deputy
minister, told ..." is most likely Holm, though the text does not say so: an unresolved
speaker, not an anonymous one. A description with an anonymity cue ("who asked not to be
named") is never matched: that rule (``speaker.anonymous``) is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from unspin.lexicon import ORG_NOUNS
from unspin.sources.lexicon import OFFICIAL_NOUNS
from unspin.sources.resolver import Known
from unspin.sources.rivals import rival_words
from unspin.sources.speakers import Mention
from unspin.sources.state import RunState

__all__ = ["NAMES_JOINED", "resolve_nearby"]

#: How many sentences before or after a description its named holder may stand.
REACH = 3
_UNNAMED = frozenset({"speaker.unnamed-person", "speaker.unknown-noun"})
#: Words a description and a role share without saying who ("a senior lawyer for the").
_FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "this", "that", "his", "her", "their", "its", "our", "my", "one"}
    | {"another", "other", "of", "for", "at", "by", "to", "in", "on", "with", "from"}
    | {"and", "or", "who", "which", "senior", "top", "former", "chief", "local"}
)


@dataclass(frozen=True)
class _Person:
    start: int
    end: int
    name: str
    role: str
    sentence: int


def resolve_nearby(st: RunState, speakers: list[Mention]) -> None:
    """Give each unnamed singular person description among ``speakers`` the one person
    named within :data:`REACH` sentences whose role has the description's head noun;
    failing that, an "official" whose very next sentence opens with a named speaker
    with a role that fits the description ("a senior Norvian official" ... "Jens Holm, a Norvian
    deputy minister") is unresolved."""
    people = _people(st, speakers)
    for m in speakers:
        if m.rule == "speaker.unnamed-organisation" and m.source_type == "anonymous":
            _body_named_next(st, m, speakers)
        if m.source_type != "anonymous" or m.kind != "noun" or m.rule not in _UNNAMED:
            continue
        if not m.head_word or st.top_quote_index(m.start) is not None:
            continue
        s = st.sentence_at(m.start)
        head = m.head_word.lower()
        said = _content_words(st.text[m.start : m.end]) - {head}
        counted = _counted_named_next(st, st.text[m.start : m.end].split()[0].lower(), s)
        if counted:  # "two men from Westby say ... . Ali Karim and Omar Said allege ..."
            m.source_type, m.rule = "unresolved", "speaker.named-next"
            m.score = min(m.score, 0.4)
            m.reason = f"the next sentence opens on as many people, named: {', '.join(counted)}"
            continue
        if m.plural:
            _plural_named_next(st, m, said, people, speakers)
            continue
        near = [
            p
            for p in people
            if abs(p.sentence - s) <= REACH
            and head in _content_words(p.role)
            and _agrees(said, _content_words(f"{p.role} {p.name}"))
        ]
        if len({p.name for p in near}) == 1:
            p = min(near, key=lambda p: (abs(p.sentence - s), p.start))
            m.name, m.role = p.name, p.role
            m.source_type, m.entity_type = "named_person", "person"
            m.resolved_from, m.antecedent = "alias", (p.start, p.end)
            m.rule, m.score = "speaker.role-nearby", min(m.score, 0.6)
            m.reason = f'the {head} named {_where(p.sentence - s)}: {p.name}, "{p.role}"'
            continue
        if head in OFFICIAL_NOUNS and not m.definite:
            nxt = next(
                (
                    o
                    for o in speakers
                    if o.source_type == "named_person"
                    and o.kind == "name"
                    and o.role
                    and _agrees(said, _content_words(f"{o.role} {o.name}"))
                    and st.sentence_at(o.start) == s + 1
                    and not st.text[st.sentence_start(o.start) : o.start].strip()
                ),
                None,
            )
            if nxt is not None and nxt.name:
                m.source_type, m.rule = "unresolved", "speaker.named-next"
                m.score = min(m.score, 0.5)
                m.reason = (
                    f"an unnamed {head}; the next sentence opens with a named speaker, "
                    f"{nxt.name}, who may be the same person"
                )


def _body_named_next(st: RunState, m: Mention, speakers: list[Mention]) -> None:
    """ "A large farmers' group says ..." and the next sentence opens on a named
    organisation that speaks, or on a speaker whose role names one ("The Farmers Union
    President Ann Lund says ..."): the group is most likely that body, so the speaker
    is unresolved, not an anonymous source. A plural ("some companies say") is left."""
    if m.kind != "noun" or m.plural or st.top_quote_index(m.start) is not None:
        return
    s = st.sentence_at(m.start)
    for o in speakers:
        if o is m or st.sentence_at(o.start) != s + 1 or not o.name:
            continue
        lead = st.text[st.sentence_start(o.start) : o.start].strip().lower()
        if lead not in ("", "the"):
            continue
        if o.source_type == "named_organisation":
            body = o.name
        elif o.source_type == "named_person" and o.role and _names_a_body(o.role):
            body = o.role
        else:
            continue
        m.source_type, m.rule = "unresolved", "speaker.named-next"
        m.score = min(m.score, 0.5)
        m.reason = f"an unnamed organisation; the next sentence opens on a named one: {body}"
        return


def _names_a_body(role: str) -> bool:
    """Whether a role names an organisation: a capitalised organisation noun in it
    ("Farmers Union National President"), not a bare title ("a union leader")."""
    return any(w[:1].isupper() and w.lower() in ORG_NOUNS for w in role.split())


def _plural_named_next(
    st: RunState, m: Mention, said: set[str], people: list[_Person], speakers: list[Mention]
) -> None:
    """ "religious scholars emphasized ..." then, within :data:`REACH` sentences, a quoted
    speaker "Ann Lund, a professor of religion": a bare plural description (no
    determiner) whose own words fit the roles (given there or before) of speakers named
    right after it stands for them, unresolved."""
    first = st.text[m.start : m.end].split()[0].lower()
    if not said or first in _FUNCTION_WORDS or first[:1].isdigit():
        return
    s = st.sentence_at(m.start)
    roles = {p.name: p.role for p in people}  # "Mr. Lund said": the role given Lund before
    names = sorted(
        {
            o.name
            for o in speakers
            if o.kind == "name"
            and o.source_type == "named_person"
            and o.name
            and 0 < st.sentence_at(o.start) - s <= REACH
            and _agrees(
                said, _content_words(o.role or roles.get(o.name) or _apposition(st.text, o.end))
            )
        }
    )
    if names:
        m.source_type, m.rule = "unresolved", "speaker.named-next"
        m.score = min(m.score, 0.4)
        m.reason = f"people of that description are named after it: {', '.join(names)}"


#: Small counts of people a text goes on to name one by one.
_COUNTS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}
#: What stands between the names of a coordinated subject: "A and B", "A, B and C"; the
#: second may open on words the recogniser left out of its name ("and Ali bin Said").
NAMES_JOINED = re.compile(
    r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:(?:[A-Z][\w'’-]*|bin|ibn|al|de|van|von)\s+){0,3}"
)


def _counted_named_next(st: RunState, first: str, s: int) -> list[str]:
    """ "two men from Westby say ..." and the next sentence opens on two named people
    joined ("Ali Karim and Omar Said, both in their 20s, allege ..."): the names of the
    counted people, or [] (another count, the next sentence not opening on as many names
    joined by commas or "and")."""
    n = _COUNTS.get(first)
    if n is None:
        return []
    names = [
        k
        for k in st.knowns
        if k.entity_type == "person" and k.name and st.sentence_at(k.start) == s + 1
    ]
    if not names or st.text[st.sentence_start(names[0].start) : names[0].start].strip():
        return []
    first_n = sorted({(k.start, k.end, k.name) for k in names})[:n]
    if len({name for _, _, name in first_n}) != n:
        return []
    gaps = [st.text[a[1] : b[0]] for a, b in pairwise(first_n)]
    if not all(NAMES_JOINED.fullmatch(g) for g in gaps):
        return []  # "Ann Lund said this about Jens Holm": not the two, joined
    return [name for _, _, name in first_n]


#: An apposition after a name up to a relative clause: "Ann Lund, a professor of law
#: at Westby who called the plan 'vile'," (a role the mention lost to the quotation).
_APPOSITION = re.compile(r",\s+((?:a|an|the)\s[^,;:\"“”.]{3,80}?)(?=\s+(?:who|whose)\b|[,;.])")


def _apposition(text: str, end: int) -> str:
    m = _APPOSITION.match(text, end)
    return m.group(1) if m else ""


def _content_words(phrase: str) -> set[str]:
    """The lower-case words of ``phrase`` but function words, without a possessive "'s"."""
    out = set()
    for w in phrase.lower().replace("-", " ").split():
        w = w.strip(",;:.()")
        w = w[:-2] if w.endswith(("'s", "’s")) else w.rstrip("'’")
        if w and w not in _FUNCTION_WORDS:
            out.add(w)
    return out


def _agrees(said: set[str], known: set[str]) -> bool:
    """Whether a description's own words (``said``: "party", "hired") fit the named
    person's role and name: every description with words of its own shares one (by its
    first three letters: "Dems'" and "Democratic"); "a lawyer for the city" is not "a
    lawyer for the plaintiffs"."""
    if not said:
        return True
    if rival_words(said, known):
        return False  # "a district judge" is not "Circuit Judge Lund": another court
    return any(a[:3] == b[:3] for a in said for b in known if len(a) >= 3 and len(b) >= 3)


def _people(st: RunState, speakers: list[Mention]) -> list[_Person]:
    """Named people with a role: the recognised entities and the named speakers."""
    out = [
        _Person(k.start, k.end, k.name, k.role or "", k.sentence)
        for k in st.knowns
        if _named_person(k)
    ]
    out.extend(
        _Person(m.start, m.end, m.name, m.role or "", st.sentence_at(m.start))
        for m in speakers
        if m.kind == "name" and m.source_type == "named_person" and m.name and m.role
    )
    return out


def _named_person(k: Known) -> bool:
    return k.entity_type == "person" and bool(k.name) and bool(k.role)


def _where(sentences: int) -> str:
    if sentences == 0:
        return "in the same sentence"
    side = "after" if sentences > 0 else "before"
    n = abs(sentences)
    return f"{n} sentence{'s' if n > 1 else ''} {side}"
