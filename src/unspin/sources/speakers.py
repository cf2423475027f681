"""Speakers for the sources analyzer: what a source is and what it is called.

A :class:`Mention` is one noun phrase (or pronoun) that says or writes something. This
module holds the mention record and the word-level classification shared by both ways
of finding mentions (:mod:`~unspin.sources.mentions` from the dependency parse,
:mod:`~unspin.sources.plain_mentions` from plain words): source types (:data:`SOURCE_TYPES`;
those of unnamed noun phrases, each with the reason it was given, in
:mod:`~unspin.sources.noun_types`), roles and titles told apart from names, the words that
make a name an outlet's, an organisation's or a body's, genders and plurals (role phrases in
:mod:`~unspin.sources.roles`). Later references are resolved in
:mod:`~unspin.sources.resolver`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from unspin.sources.lexicon import (
    DOCUMENT_NOUNS,
    EVENT_NAME_WORDS,
    FEMALE_WORDS,
    GOVERNMENT_NAME_WORDS,
    GOVERNMENT_SEATS,
    GROUP_NOUNS,
    HONORIFICS,
    JOB_NOUNS,
    MALE_WORDS,
    MEDIA_NOUNS,
    ORG_NAME_WORDS,
    ORG_NOUNS,
    OUTLET_FIRST_WORDS,
    OUTLET_LAST_WORDS,
    OUTLET_WORDS,
    PERSON_NOUNS,
    PLATFORMS,
    REFERENCE_NAME_WORDS,
    REFERENCE_WORKS,
    REPRESENTATIVE_NOUNS,
    SOCIAL_NOUNS,
    TITLE_WORDS,
    VAGUE_SOURCE_NOUNS,
)
from unspin.sources.works import work_title_cue

__all__ = [
    "COMMON_SOURCE_NOUNS",
    "DETS",
    "NAMED_TYPES",
    "PERSON_HEADS",
    "PLURAL_PRONOUN_HEADS",
    "SCRIPTURES",
    "SMALL_WORDS",
    "SOURCE_TYPES",
    "TITLE_HONORIFICS",
    "TYPE_WORDS",
    "Mention",
    "acronym",
    "event_name_cue",
    "gender_of",
    "government_name_cue",
    "group_name_cue",
    "heading_above",
    "is_plural",
    "line_of",
    "org_name_cue",
    "outlet_name_cue",
    "platform_name",
    "reference_name_cue",
    "split_person_name",
    "strip_the",
    "work_title_cue",
]

#: Every source type, in the order the profile lists them.
SOURCE_TYPES = (
    "named_person",
    "named_organisation",
    "government",
    "media_outlet",
    "group",
    "document",
    "anonymous",
    "social_media",
    "unresolved",
    "unattributed",
)
#: What each source type means, in words (explanations, docs).
TYPE_WORDS = {
    "named_person": "a named person",
    "named_organisation": "a named organisation",
    "government": "a government, country or state body",
    "media_outlet": "a media outlet",
    "group": "a group of people named collectively (a party's members, a political camp)",
    "document": "a document or publication (a report, a dictionary, a website)",
    "anonymous": "an unnamed source",
    "social_media": "a social-media post or account",
    "unresolved": "a pronoun or a definite description whose referent is not found",
    "unattributed": "no identifiable source",
}
NAMED_TYPES = frozenset({"named_person", "named_organisation", "media_outlet", "government"})

DETS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_WORD_RE = re.compile(r"[A-Za-z][\w’'.-]*|\d[\w.,]*")
SMALL_WORDS = frozenset({"of", "the", "and", "for", "de", "la", "du", "von", "van", "der", "&"})
PERSON_HEADS = (TITLE_WORDS | PERSON_NOUNS | REPRESENTATIVE_NOUNS | {"ig", "ag", "dg"}) - {
    "state",
    "home",
    "party",
    "opposition",
    "foreign",
    "defence",
    "defense",
    "finance",
    "interior",
    "health",
    "justice",
    "education",
    "trade",
    "energy",
    "environment",
    "former",
    "acting",
    "deputy",
    "vice",
    "prime",
}
TITLE_HONORIFICS = frozenset({"dr", "dr.", "prof", "prof.", "professor"})
PLURAL_PRONOUN_HEADS = frozenset({"many", "some", "others", "several", "few", "both", "all"})


#: Common nouns for sources: capitalised, they are still not names ("Critics said").
COMMON_SOURCE_NOUNS = (
    PERSON_NOUNS | ORG_NOUNS | DOCUMENT_NOUNS | MEDIA_NOUNS | SOCIAL_NOUNS | VAGUE_SOURCE_NOUNS
)


@dataclass
class Mention:
    """A speaker mention. ``start``/``end`` anchor the speaker finding."""

    start: int
    end: int
    source_type: str
    name: str | None = None
    role: str | None = None
    kind: str = "noun"  # "pronoun" | "name" | "noun"
    entity_type: str | None = None  # "person" | "organisation" | "outlet" | None
    resolved_from: str | None = None
    antecedent: tuple[int, int] | None = None
    cues: list[str] = field(default_factory=list)
    score: float = 0.8
    rule: str = "speaker.named"
    gender: str | None = None
    plural: bool = False
    is_subject: bool = True
    #: an outlet spoken to ("told Kestrel News"): the channel, never a speaker finding
    addressee: bool = False
    head_word: str = ""
    affiliation: str | None = None
    definite: bool = False
    #: opens with "the", "this", "that", "these" or "those" (a definite description that
    #: points at someone identifiable, unlike "a spokesman" or "officials")
    pointing: bool = False
    #: why the mention has its source type ("NER PERSON", "lexicon: outlet (news)")
    reason: str = ""
    #: the subject of its sentence's main clause
    main_subject: bool = False
    #: a list of names joined by "and" ("Ann Lund and Bo Vik wrote"): its first name alone,
    #: the antecedent a later surname or pronoun may stand for
    single: Mention | None = None

    @property
    def key(self) -> tuple[int, int]:
        return (self.start, self.end)


# ----------------------------------------------------------------------------------------
# Names


def strip_the(words: list[str]) -> list[str]:
    """``words`` without leading determiners and a trailing possessive "'s"."""
    while words and words[0].lower() in DETS:
        words = words[1:]
    if words and words[-1].lower() in ("'s", "’s"):
        words = words[:-1]
    elif words and words[-1].endswith(("'s", "’s")):
        words = [*words[:-1], words[-1][:-2]]
    return words


#: A short capitalised abbreviation with its full stop ("Det.", "Insp."), before a name.
_ABBREVIATED_TITLE = re.compile(r"[A-Z][a-z]{1,4}\.")


def split_person_name(words: list[str]) -> tuple[list[str], list[str], str | None]:
    """``(name words, title words, gender from an honorific)`` for a person's name."""
    words = strip_the(words)
    titles: list[str] = []
    gender: str | None = None
    if (
        len(words) >= 4
        and words[1].lower() in TITLE_WORDS
        and words[0].lower() not in TITLE_WORDS | set(HONORIFICS)
        and all(w[:1].isupper() for w in words)
    ):
        titles.append(words[0])  # "English Cardinal Ana Maria Roe": a word before the title
        words = words[1:]
    while len(words) > 1:
        low = words[0].lower()
        if (
            _ABBREVIATED_TITLE.fullmatch(words[0])
            and len(words) >= 3
            and low not in HONORIFICS
            and low != "st."  # "St. Thomas Aquinas": part of a saint's name
        ):
            titles.append(words[0])  # "Det. Ann Lund": an abbreviated title
        elif low in HONORIFICS and low not in TITLE_HONORIFICS:
            gender = HONORIFICS[low] or gender
        elif (low in TITLE_WORDS or low in TITLE_HONORIFICS) and words[0][:1].isupper():
            titles.append(words[0])
        elif low in JOB_NOUNS and len(words) >= 3 and all(w[:1].isupper() for w in words):
            titles.append(words[0])  # "Vet Ann Lund": her job, no part of her name
        else:
            break
        words = words[1:]
    return words, titles, gender


def line_of(text: str, pos: int) -> int:
    """The offset of the newline that starts ``pos``'s line (-1 on the first line)."""
    return text.rfind("\n", 0, pos)


def heading_above(text: str, head: int, cue: int) -> bool:
    """True when ``head`` lies on a line above ``cue``'s that reads as a heading (short,
    no closing punctuation), not as a sentence running over a line break."""
    line_start = line_of(text, head)
    if line_start == line_of(text, cue):
        return False
    end = text.find("\n", head)
    line = text[line_start + 1 : end if end >= 0 else len(text)].strip()
    return len(line.split()) <= 14 and not line.endswith((".", ",", ";", "!", "?", ":", "—"))


def outlet_name_cue(words: list[str]) -> str | None:
    """The word that makes a proper name a media outlet's ("Times", "News"), if any."""
    low = [w.lower().strip(".") for w in words if w.lower() not in DETS]
    if not low:
        return None
    for w in low:
        if w in OUTLET_WORDS:
            return w
    if len(low) >= 2 and low[-1] in OUTLET_LAST_WORDS:
        return low[-1]
    if len(low) >= 2 and low[0] in OUTLET_FIRST_WORDS:
        return low[0]
    for w in words:
        parts: list[str] = _CAMEL_PARTS.findall(w)
        if (
            len(parts) >= 2
            and "".join(parts) == w
            and len(parts[0]) >= 4  # not a surname's prefix ("McPost", "LeDaily")
            and parts[-1].lower() in _CAMEL_OUTLET_TAILS
        ):
            return parts[-1].lower()  # "WestbyOnline", "HarborDaily": one word, an outlet's
    return None


#: The parts of a word written in camel case ("Westby" + "Online").
_CAMEL_PARTS = re.compile(r"[A-Z][a-z]+")
#: Outlet words that end a camel-case name as its last part (not "Star" or "Record",
#: which end a company's or a product's as well).
_CAMEL_OUTLET_TAILS = frozenset(
    {"online", "daily", "news", "times", "post", "media", "wire", "press", "today"}
    | {"weekly", "radio", "gazette", "herald", "journal", "tribune", "reporter"}
)


def org_name_cue(words: list[str]) -> str | None:
    """The word that makes a proper name an organisation's ("Ministry", "Ltd"), if any."""
    for w in words:
        low = w.lower()
        if low in ORG_NAME_WORDS and (w[:1].isupper() or low.endswith(".")):
            return w
    if len(words) >= 2 and any(w.lower() == "of" for w in words[1:-1]):
        return "of"
    if len(words) == 1 and len(words[0]) >= 2 and words[0].isupper() and words[0].isalpha():
        return words[0]  # an acronym
    return None


def government_name_cue(words: list[str]) -> str | None:
    """The word that makes a proper name a government body's ("Ministry", "Kremlin")."""
    low = [w.lower().strip(".,") for w in strip_the(words)]
    joined = " ".join(low)
    if joined in GOVERNMENT_SEATS:
        return joined
    for w, lw in zip(strip_the(words), low, strict=True):
        if lw in GOVERNMENT_NAME_WORDS and w[:1].isupper():
            return w
    return None


#: Holy books and scripture quoted as saying something: a document, never a body.
SCRIPTURES = frozenset(
    {
        "bible", "scripture", "scriptures", "koran", "quran", "qur'an", "qur’an", "torah",
        "talmud", "gospel", "gospels", "psalms", "vedas", "upanishads", "catechism",
    }
)  # fmt: skip


def reference_name_cue(words: list[str]) -> str | None:
    """The word that makes a proper name a reference work's ("Dictionary", "Wikipedia") or
    a work's title ("the Epistle of James"), if any."""
    low = [w.lower().strip(".,") for w in strip_the(words)]
    for w in low:
        if w in REFERENCE_WORKS or w in REFERENCE_NAME_WORDS or w in SCRIPTURES:
            return w
        if w.endswith(("'s", "’s")) and w[:-2] in REFERENCE_WORKS:
            return w[:-2]
    return work_title_cue(words)


#: Event words that are also surnames ("Doris Day"): an event only with a possessive
#: inside the name ("Founders' Day") when the recogniser says PERSON.
_SURNAME_LIKE = frozenset({"day", "days", "week", "weeks", "fair", "gala", "cup"})


def event_name_cue(words: list[str], person: bool = False) -> str | None:
    """The last word of an event's name ("Founders' Day", "Harbour Festival"), if any;
    ``person``: the recogniser called the name a person's."""
    bare = strip_the(words)
    if len(bare) < 2 or not bare[-1][:1].isupper():
        return None
    last = bare[-1].lower().rstrip(".,")
    if last not in EVENT_NAME_WORDS:
        return None
    possessive = any(w.endswith(("'s", "’s", "s'", "s’")) for w in bare[:-1])
    return None if person and last in _SURNAME_LIKE and not possessive else last


def group_name_cue(words: list[str]) -> str | None:
    """A collective political label ("Democrats", "the left"), if ``words`` is one."""
    bare = [w.lower() for w in strip_the(words)]
    if len(bare) == 1 and bare[0] in GROUP_NOUNS:
        return bare[0]
    if len(bare) == 2 and bare[0] in ("far", "radical", "hard") and bare[1] in GROUP_NOUNS:
        return " ".join(bare)
    return None


def platform_name(words: list[str]) -> str | None:
    """A social-media platform named on its own ("Twitter"): a company, not a person."""
    bare = [w.lower() for w in strip_the(words)]
    return bare[0] if len(bare) == 1 and bare[0] in PLATFORMS else None


def acronym(words: list[str]) -> str | None:
    """The acronym of a name of two or more capitalised words ("NFA"), if any."""
    caps = [w for w in strip_the(words) if w[:1].isupper() and w.lower() not in SMALL_WORDS]
    return "".join(w[0] for w in caps).upper() if len(caps) >= 2 else None


def gender_of(words: list[str]) -> str | None:
    """ "female" / "male" from the first gendered word ("spokeswoman", "Mr"), if any."""
    for w in words:
        low = w.lower()
        if low in FEMALE_WORDS:
            return "female"
        if low in MALE_WORDS:
            return "male"
    return None


def is_plural(head_word: str) -> bool:
    """True for a plural head noun ("officials", "police")."""
    low = head_word.lower()
    return (low.endswith("s") and not low.endswith("ss")) or low in ("people", "police", "staff")
