"""Speaker mentions from plain words, without a parse (``FakeBackbone`` and fallbacks).

:func:`mention_from_span` classifies the phrase between two offsets: a pronoun, a
capitalised name (person, organisation or outlet), a role before a name ("ministry
spokeswoman Maria Lund") or a common-noun phrase classified by its head word.
"""

from __future__ import annotations

import re

from unspin.sources.lexicon import (
    DOCUMENT_NOUNS,
    HONORIFICS,
    MEDIA_NOUNS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PRONOUNS,
    SOCIAL_NOUNS,
    VAGUE_SOURCE_NOUNS,
)
from unspin.sources.speakers import (
    DETS,
    SMALL_WORDS,
    Mention,
    classify_words,
    gender_of,
    is_plural,
    org_name_cue,
    outlet_name_cue,
    role_text,
    split_person_name,
    strip_the,
)

__all__ = ["mention_from_span"]

_NOT_NAMES = frozenset(
    re.findall(
        r"\S+",
        """this that these those there here what which who whom whose when where why how if
        but and or so then also yet still needless suffice let as it its what's nothing
        everything anything something all none much more most less he she they we i you
        one""",
    )
)
_COMMON_NOUNS = (
    PERSON_NOUNS | ORG_NOUNS | DOCUMENT_NOUNS | MEDIA_NOUNS | SOCIAL_NOUNS | VAGUE_SOURCE_NOUNS
)


def mention_from_span(text: str, start: int, end: int) -> Mention | None:
    """Classify the phrase ``text[start:end]`` without a parse (FakeBackbone, fallbacks)."""
    phrase = text[start:end]
    stripped = phrase.strip(" ,;:\n\t\r\u00a0")
    last = stripped.rsplit(" ", 1)[-1].lower()
    if stripped.endswith(".") and len(last) > 3 and last not in HONORIFICS:
        stripped = stripped[:-1]  # "asked Berg." : the full stop ends the sentence
    if not any(ch.isalnum() for ch in stripped):
        return None
    start += phrase.index(stripped)
    end = start + len(stripped)
    words = stripped.split()
    low = stripped.lower()
    if low in PRONOUNS:
        return Mention(
            start,
            end,
            "unattributed",
            kind="pronoun",
            head_word=low,
            rule="speaker.pronoun",
            plural=low in ("they", "we"),
        )
    bare = strip_the(words)
    if len(bare) == 1 and (
        bare[0].lower() in _NOT_NAMES or bare[0].lower().endswith(("ing", "ly"))
    ):
        return None  # "Having said that", "This says", "Frankly said"
    if len(bare) == 1 and bare[0].lower() in _COMMON_NOUNS:
        bare = []  # "Critics said", "Police said": a capitalised common noun
    if bare and all(w[:1].isupper() or w.lower() in SMALL_WORDS for w in bare):
        outlet = outlet_name_cue(bare)
        org = org_name_cue(bare)
        if outlet:
            return Mention(
                start,
                end,
                "media_outlet",
                name=" ".join(bare),
                kind="name",
                entity_type="outlet",
                cues=[outlet],
                score=0.75,
                rule="speaker.media-outlet",
            )
        if org:
            return Mention(
                start,
                end,
                "named_organisation",
                name=" ".join(bare),
                kind="name",
                entity_type="organisation",
                cues=[org],
                score=0.7,
                rule="speaker.organisation",
            )
        name_words, titles, gender = split_person_name(words)
        return Mention(
            start,
            end,
            "named_person",
            name=" ".join(name_words),
            kind="name",
            role=" ".join(titles) or None,
            entity_type="person",
            score=0.7,
            rule="speaker.named-person",
            gender=gender,
        )
    # a role before a name: "ministry spokeswoman Maria Lund"
    m = re.search(r"(?:\b[A-Z][\w’'.-]*)(?:\s+[A-Z][\w’'.-]*)+$", stripped)
    if m and m.start() > 0 and len(words) <= 8:
        inner = mention_from_span(text, start + m.start(), end)
        if inner is not None and inner.kind == "name":
            inner.role = role_text(
                " ".join(filter(None, [stripped[: m.start()], inner.role or ""]))
            )
            inner.start = start
            return inner
    head = _head_word(words)
    source_type, rule, score, cues = classify_words(words, head)
    name = None
    entity_type = None
    if source_type == "named_organisation":
        entity_type = "organisation"
        name = " ".join(w.lower() if w.lower() in DETS else w for w in words)
    return Mention(
        start,
        end,
        source_type,
        name=name,
        kind="noun",
        cues=cues,
        score=score * 0.9,
        rule=rule,
        entity_type=entity_type,
        plural=is_plural(head),
        head_word=head.lower(),
        definite=words[0].lower() == "the",
        gender=gender_of(words),
    )


_STOP_HEAD = frozenset(
    {
        "who",
        "that",
        "which",
        "familiar",
        "close",
        "with",
        "for",
        "of",
        "at",
        "from",
        "in",
        "on",
        "speaking",
        "briefed",
    }
)


def _head_word(words: list[str]) -> str:
    """The head noun of a plain noun phrase: the last word before a modifier starts."""
    head = words[-1] if words else ""
    for k, w in enumerate(words):
        if k > 0 and w.lower().strip(",") in _STOP_HEAD:
            head = words[k - 1]
            break
    return head.strip(",.;:").lower()


# ----------------------------------------------------------------------------------------
# Resolution
