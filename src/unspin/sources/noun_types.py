"""Source types of unnamed noun phrases for the sources analyzer: what kind of source a
common-noun phrase is ("a spokesman": an unnamed person, "the report": a document, "Pentagon
officials": the body they speak for) and why, in words (:func:`noun_reason`).

Both ways of finding mentions (:mod:`~unspin.sources.mentions`,
:mod:`~unspin.sources.plain_mentions`) and :mod:`~unspin.sources.sayers` classify with
:func:`classify_words`; the mention record and names are :mod:`~unspin.sources.speakers`'.
"""

from __future__ import annotations

import re

from unspin.sources.lexicon import (
    ANONYMITY_RE,
    DOCUMENT_NOUNS,
    GOVERNMENT_NOUNS,
    GOVERNMENT_SEATS,
    MEDIA_MODIFIERS,
    MEDIA_NOUNS,
    OFFICIAL_NOUNS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PLATFORMS,
    POSSESSIVE_DETS,
    SOCIAL_NOUNS,
    VAGUE_SOURCE_NOUNS,
)
from unspin.sources.speakers import (
    PLURAL_PRONOUN_HEADS,
    Mention,
    group_name_cue,
    is_plural,
    strip_the,
)
from unspin.sources.works import work_title_cue

__all__ = ["TITLE_ACRONYMS", "classify_words", "noun_reason", "officials_of"]

_PLATFORM_RE = re.compile(
    r"\b(?:" + "|".join(sorted(PLATFORMS, key=len, reverse=True)) + r"|social media|"
    r"social network|(?:her|his|their|its) (?:official )?(?:account|channel|page|feed))\b|@\w{2,}",
    re.I,
)

_PERSON_SUFFIXES = (
    "er",
    "ers",
    "or",
    "ors",
    "ist",
    "ists",
    "ian",
    "ians",
    "ant",
    "ants",
    "ent",
    "ents",
    "man",
    "men",
    "woman",
    "women",
    "ee",
    "ees",
    "person",
    "persons",
    "people",
)


#: Social-media nouns that name a post even without a platform ("a widely shared post").
_POST_NOUNS = frozenset({"post", "posts", "tweet", "tweets", "thread", "reel", "reels"})

#: Words that make a "site" a body's website: "the official site", "its own site".
_SITE_OWNERS = frozenset({"official", "own", "web", "company", "corporate"})

#: Acronyms of a person's title ("the AG said"), not of an organisation.
TITLE_ACRONYMS = frozenset({"PM", "DA", "MP", "VP", "CEO", "CFO", "COO", "CTO", "GM", "SG"})
TITLE_ACRONYMS |= {"IG", "AG", "DG"}  # inspector, attorney, director general


#: Written or filmed works a writer cites ("the article", "background from X").
_WORK_NOUNS = frozenset(
    """
    article articles piece pieces column columns essay essays op-ed op-eds blogs background
    investigations research documentary documentaries newsletter newsletters
    """.split()  # noqa: SIM905 - a word list reads better as one string
)
#: Determiners of a generic statement ("any business", "every company", "no lawyer").
_GENERIC_QUANTIFIERS = frozenset({"any", "every", "each", "no"})
#: Determiners of an organisation left unnamed ("a company", "some businesses").
_INDEFINITE = frozenset({"a", "an", "some", "several", "many", "one", "two", "three"})
#: Words that make "figures" people, not numbers ("establishment figures", "party figures").
_PEOPLE_FIGURES = frozenset(
    {"establishment", "public", "political", "party", "senior", "leading", "prominent"}
    | {"opposition", "religious", "influential", "republican", "democratic", "labour", "tory"}
)


def classify_words(words: list[str], head: str) -> tuple[str, str, float, list[str]]:
    """``(source_type, rule, score, cues)`` for an unnamed noun phrase with head ``head``."""
    text = " ".join(words)
    low_words = [w.lower() for w in words]
    anon = ANONYMITY_RE.search(text)
    head = head.lower()
    if anon:
        return "anonymous", "speaker.anonymous", 0.9, [anon.group(0)]
    if low_words and low_words[0] in _GENERIC_QUANTIFIERS and len(words) > 1:
        # "Any business that ... admits", "No lawyer will tell you": nobody's testimony
        return "unattributed", "speaker.generic", 0.6, [words[0]]
    if head == "record" and low_words[0] in POSSESSIVE_DETS:  # "his record indicates"
        return "unattributed", "speaker.track-record", 0.5, [" ".join(words)]
    bare = strip_the(words)
    if (
        len(bare) == 1
        and bare[0].isalpha()
        and bare[0].isupper()
        and 2 <= len(bare[0]) <= 6
        and bare[0] not in TITLE_ACRONYMS
    ):
        return "named_organisation", "speaker.acronym", 0.6, [bare[0]]
    title = work_title_cue(words)
    if title is not None:  # "the Word of God": a work cited, not a rumour
        return "document", "speaker.work-title", 0.75, [title]
    if head in VAGUE_SOURCE_NOUNS:
        return "unattributed", "speaker.vague", 0.6, [head]
    platform = _PLATFORM_RE.search(text)
    if head in SOCIAL_NOUNS and (platform or head in ("tweet", "tweets", "post", "posts")):
        cues = [head] + ([platform.group(0)] if platform else [])
        return "social_media", "speaker.social-media", 0.85, cues
    if head in ("site", "sites") and platform is not None:
        # "social media sites used by the group": platforms, not a news outlet's site
        return "social_media", "speaker.social-media", 0.8, [head, platform.group(0)]
    if head in ("website", "websites", "site", "sites") and set(low_words) & MEDIA_MODIFIERS:
        return "media_outlet", "speaker.media-outlet", 0.8, [head]
    if head in ("figure", "figures") and set(low_words) & _PEOPLE_FIGURES:
        return "anonymous", "speaker.unnamed-person", 0.75, [head]  # "party figures"
    if head in DOCUMENT_NOUNS:
        return "document", "speaker.document", 0.85, [head]
    if head in ("site", "sites") and (
        set(low_words) & _SITE_OWNERS or any(w[:1].isupper() for w in words[1:-1])
    ):
        # "the official Plovix site", "the firm's own site": a body's website, not a place
        return "document", "speaker.document", 0.75, [head]
    if head in _WORK_NOUNS:  # "Lund's latest article, claiming ...": a written work
        return "document", "speaker.work", 0.7, [head]
    if head in _POST_NOUNS:
        return "social_media", "speaker.social-media", 0.6, [head]
    if head in SOCIAL_NOUNS:  # "a message", "a video": social media only with a platform
        return "document", "speaker.document", 0.6, [head]
    if head in MEDIA_NOUNS:
        if head in ("agency", "wire", "media", "press", "journal") and not (
            set(low_words) & MEDIA_MODIFIERS
        ):
            return "named_organisation", "speaker.organisation", 0.55, [head]
        return "media_outlet", "speaker.media-outlet", 0.8, [head]
    if head in PERSON_NOUNS:
        return "anonymous", "speaker.unnamed-person", 0.75, [head]
    if head in GOVERNMENT_NOUNS or " ".join(strip_the(low_words)) in GOVERNMENT_SEATS:
        return "government", "speaker.government", 0.7, [head]
    group = group_name_cue(words)
    if group is not None:
        return "group", "speaker.group", 0.7, [group]
    if head in ORG_NOUNS:
        if low_words[0] in _INDEFINITE:
            # "a company said", "some businesses say": an organisation left unnamed
            return "anonymous", "speaker.unnamed-organisation", 0.6, [head]
        return "named_organisation", "speaker.organisation", 0.65, [head]
    if head in PLURAL_PRONOUN_HEADS or head in ("someone", "somebody", "everyone", "everybody"):
        return "anonymous", "speaker.unnamed-person", 0.55, [head]
    if len(bare) == 1 and bare[0].isalpha() and bare[0].isupper() and len(bare[0]) > 6:
        # "GAZETTE COMMENT:", a label in capitals: a name, never an unnamed "-ant" person
        return "named_organisation", "speaker.capitals-name", 0.55, [bare[0]]
    if _thing_word(head):
        # "an administrative error revealed", "an agreement that prevents him from
        # revealing": a thing, nobody's words
        return "unattributed", "speaker.thing", 0.3, [head]
    if head.endswith(_PERSON_SUFFIXES) and len(head) > 4:
        # "backbencher", "lobbyist", "strategists": most likely an unnamed person
        return "anonymous", "speaker.unnamed-person", 0.6, [head]
    return "anonymous", "speaker.unknown-noun", 0.4, [head]


#: Endings of nouns for things or acts, never people, though they end like a person's
#: ("agreement", "statement").
_THING_SUFFIXES = ("ment", "ments")
#: Common nouns for things that end like a person's ("error", "sector", "number").
_THING_NOUNS = frozenset(
    """
    error errors terror horror sector sectors factor factors number numbers matter matters
    center centers centre centres border borders power powers water waters mirror mirrors
    humor color colors behavior behaviors favor favors labor honor tremor vigor vapor event
    events content contents incident incidents element elements percent component components
    """.split()  # noqa: SIM905 - a word list reads better as one string
)


def _thing_word(head: str) -> bool:
    """A head noun for a thing or an act that only ends like a person's ("agreement",
    "error"): no unnamed person."""
    return head.endswith(_THING_SUFFIXES) or head in _THING_NOUNS


#: Words that count officials one by one ("two officials"): individuals, not a body's voice.
_COUNTING = frozenset({"a", "an", "one", "two", "three", "four", "several", "some", "few"})
_COUNTING |= {"many", "other", "another", "various", "numerous", "multiple"}


def officials_of(owner: Mention | None, head: str, words: list[str]) -> tuple[str, str, str] | None:
    """``(source_type, rule, reason)`` when ``words`` (headed by ``head``) are the officials
    of a named body speaking as that body ("Pentagon officials", "officials of the Harbor
    Authority"): the body's type. ``None`` for officials counted one by one ("two
    officials", "a Pentagon official": unnamed individuals, anonymous) or of no named body
    ("officials at the port")."""
    if owner is None or owner.kind != "name" or not owner.name or head not in OFFICIAL_NOUNS:
        return None
    if owner.source_type not in ("named_organisation", "government", "media_outlet"):
        return None
    low = {w.lower() for w in words}
    if not is_plural(head) or low & _COUNTING or any(w[:1].isdigit() for w in words):
        return None
    why = f"{head} of {owner.name}, a named {owner.entity_type or 'organisation'}"
    return owner.source_type, "speaker.officials", f"{why}: its institutional voice"


_RULE_REASONS = {
    "speaker.anonymous": "anonymity cue",
    "speaker.acronym": "an acronym: a named organisation",
    "speaker.capitals-name": "a word in capitals the lexicon does not know: a name",
    "speaker.definite-unresolved": "a definite description that names no one the text named before",
    "speaker.vague": "vague source noun",
    "speaker.social-media": "lexicon: social-media post",
    "speaker.document": "lexicon: document or publication",
    "speaker.work": "a written or filmed work",
    "speaker.work-title": "the title of a work",
    "speaker.media-outlet": "lexicon: outlet",
    "speaker.unnamed-person": "unnamed person",
    "speaker.government": "lexicon: government",
    "speaker.group": "lexicon: political or social group",
    "speaker.organisation": "lexicon: organisation",
    "speaker.unnamed-organisation": "an organisation left unnamed",
    "speaker.generic": "a generic subject, nobody's testimony",
    "speaker.thing": "a thing or an act, nobody who speaks",
    "speaker.track-record": "a person's record: evidence about them, not a source",
    "speaker.unknown-noun": "common noun not in the lexicon, taken as an unnamed source",
}


def noun_reason(rule: str, cues: list[str]) -> str:
    """Why a common-noun phrase has its source type ("lexicon: outlet (newspaper)")."""
    base = _RULE_REASONS.get(rule, "")
    cue = next((c for c in cues if c), None)
    return f"{base} ({cue})" if base and cue else base
