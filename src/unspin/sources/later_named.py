"""Unnamed-sounding speakers that the text names: in the next sentence, or inside the
speaker's own words.

* "A local man claims he found ... Thirty-year-old Ann Lund's husband Bo Vik says ...":
  a lone person introduced with "a"/"an" (or a relative with "his"/"her": "..., his
  sister has said. Ann Lund told ...") in one sentence, whose story the next sentence
  goes on with a person named there for the first time as its first speaker (no role
  before the name but an age), is that person (named later);
* "According to Kenyan Member of Parliament Ravi al-Tomar, ...": a role written in
  capitals before a full name is a named person, the name being the capitalised words
  after the role's last word.
"""

from __future__ import annotations

import re

from unspin.sources.lexicon import (
    GOVERNMENT_NOUNS,
    JOB_NOUNS,
    OFFICIAL_NOUNS,
    PERSON_NOUNS,
    REPRESENTATIVE_NOUNS,
)
from unspin.sources.speakers import Mention
from unspin.sources.state import Event, RunState

__all__ = ["name_later_named"]

#: Heads of a lone person the story introduces ("a local man", "an Irish woman").
_LONE_HEADS = frozenset(
    {"man", "woman", "boy", "girl", "teen", "teenager", "mother", "father", "grandmother"}
    | {"grandfather", "student", "pensioner", "mum", "mom", "dad", "husband", "wife"}
)
_GENDER = {"man": "m", "boy": "m", "father": "m", "grandfather": "m", "dad": "m"}
_GENDER |= {"husband": "m", "woman": "f", "girl": "f", "mother": "f", "grandmother": "f"}
_GENDER |= {"mum": "f", "mom": "f", "wife": "f"}
#: Kin nouns after an owner's "his", "her" or "their" ("his sister has said"), each with its
#: gender: a relative the story names in the next sentence.
_KIN = {"sister": "f", "brother": "m", "son": "m", "daughter": "f", "aunt": "f", "uncle": "m"}
_KIN |= {"niece": "f", "nephew": "m", "mother": "f", "father": "m", "wife": "f", "husband": "m"}
_KIN |= {"grandmother": "f", "grandfather": "m", "widow": "f", "widower": "m"}
_OWNERS = frozenset({"his", "her", "their"})
#: The most characters before the named speaker in the next sentence ("Twenty-one-year-old").
_LEAD = 40
#: Role and institution words a name never holds ("Member of Parliament").
_ROLE_WORDS = PERSON_NOUNS | JOB_NOUNS | OFFICIAL_NOUNS | REPRESENTATIVE_NOUNS | GOVERNMENT_NOUNS
_ROLE_WORDS |= {"parliament", "congress", "assembly", "senate", "council", "house", "deputy"}
_ROLE_WORDS |= {"secretary", "president", "chairman", "chairwoman", "chief", "head"}
#: A word of a name: capitalised, or a lower-case particle joined to one ("al-Tomar").
_NAME_WORD = re.compile(
    r"[A-Z][\w’'.-]*|(?:al|el|bin|ibn|abu|van|von|de|da|del|di|le|la)-[A-Z][\w’'-]*"
)
_WORD = re.compile(r"\S+")
#: A description of age, the one role that may stand before the name ("Thirty-year-old").
_AGE = re.compile(r"\d|year-old|years? old|aged", re.IGNORECASE)


def name_later_named(st: RunState, events: list[Event]) -> None:
    """Name the unnamed-sounding speakers of ``events`` the module lists."""
    for e in events:
        m = e.speaker
        if m is None or m.source_type != "anonymous" or m.kind == "pronoun":
            continue
        if not _named_inside(st, m):
            _named_next(st, events, e, m)


def _named_inside(st: RunState, m: Mention) -> bool:
    """A capitalised role before a full name ("Kenyan Member of Parliament Ravi Tomar")."""
    words = [(w.start(), w.end(), w.group()) for w in _WORD.finditer(st.text, m.start, m.end)]
    if len(words) < 3 or words[0][2].lower() in ("a", "an", "the", "some", "several"):
        return False
    k = len(words)
    while k > 0 and _NAME_WORD.fullmatch(words[k - 1][2].strip(",")) and not _role(words[k - 1]):
        k -= 1
    name = words[k:]
    if len(name) < 2 or k == 0 or not _role(words[k - 1]):
        return False
    m.name = st.text[name[0][0] : name[-1][1]].rstrip(",")
    m.role = st.text[words[0][0] : words[k - 1][1]]
    m.source_type, m.entity_type, m.kind = "named_person", "person", "name"
    m.rule, m.score = "speaker.named-person", 0.75
    m.reason = "a full name after a role written in capitals"
    return True


def _role(word: tuple[int, int, str]) -> bool:
    return word[2].lower().strip(",") in _ROLE_WORDS


def _named_next(st: RunState, events: list[Event], e: Event, m: Mention) -> None:
    """A lone person the story introduces ("a local man", "his sister"), named as the next
    sentence's first speaker."""
    words = st.text[m.start : m.end].split()
    if len(words) < 2:
        return
    head = m.head_word.lower() or words[-1].lower()
    if words[0].lower() in _OWNERS and len(words) == 2 and head in _KIN:
        gender: str | None = _KIN[head]  # "..., his sister has said. Ann Lund told ..."
    elif words[0].lower() in ("a", "an") and head in _LONE_HEADS:
        gender = _GENDER.get(head)
    else:
        return
    if st.sentence_at(m.start) != st.sentence_at(e.cue[0]):
        return
    nxt = st.sentence_at(m.start) + 1
    if nxt >= len(st.sent_starts) or st.paragraph_at(st.sent_starts[nxt]) != st.paragraph_at(
        m.start
    ):
        return
    later = [
        o.speaker
        for o in events
        if o.speaker is not None and st.sentence_at(o.cue[0]) == nxt and o.in_quote is None
    ]
    if not later:
        return
    first = min(later, key=lambda s: s.start)
    if (
        first.source_type != "named_person"
        or first.kind != "name"
        or not first.name
        or first.start - st.sent_starts[nxt] > _LEAD
    ):
        return
    if first.role and not _AGE.search(first.role):
        return  # "Sheriff Tom Vik said": an official, someone else
    surname = first.name.split()[-1]
    if re.search(rf"\b{re.escape(surname)}\b", st.text[: first.start]):
        return  # named before: a person the story already had, not the one it introduces
    if gender and first.gender and first.gender[:1].lower() != gender:
        return
    end = st.sent_starts[nxt + 1] if nxt + 1 < len(st.sent_starts) else len(st.text)
    if gender and not _own_pronoun(st, first.end, end, gender):
        return  # "A woman said ... Tom Vik said the road was shut": nothing ties them
    m.name, m.source_type, m.entity_type, m.kind = first.name, "named_person", "person", "name"
    m.resolved_from, m.antecedent = "alias", (first.start, first.end)
    m.rule, m.score = "speaker.named-next", 0.7
    m.reason = f"the person the next sentence names, {first.name}"


def _own_pronoun(st: RunState, lo: int, hi: int, gender: str) -> bool:
    """Whether the words after the named speaker speak of him or her with the lone
    person's gender, and never with the other ("says he was on holiday")."""
    words = {w.lower() for w in re.findall(r"[A-Za-z]+", st.text[lo:hi])}
    own, other = ({"he", "his", "him"}, {"she", "her"})[:: 1 if gender == "m" else -1]
    return bool(words & own) and not words & other
