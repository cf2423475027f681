"""Speaker mentions from plain words, without a parse (``FakeBackbone`` and fallbacks).

:func:`mention_from_span` classifies the phrase between two offsets: a pronoun, a
capitalised name (person, organisation or outlet), a role before a name ("ministry
spokeswoman Maria Lund") or a common-noun phrase classified by its head word.
"""

from __future__ import annotations

import re

from unspin.lexicon import BARE_NAME_REASON
from unspin.sources.lexicon import (
    HONORIFICS,
    PRONOUNS,
)
from unspin.sources.noun_types import classify_words, noun_reason
from unspin.sources.roles import role_text
from unspin.sources.speakers import (
    COMMON_SOURCE_NOUNS,
    DETS,
    SMALL_WORDS,
    Mention,
    event_name_cue,
    gender_of,
    government_name_cue,
    group_name_cue,
    is_plural,
    org_name_cue,
    outlet_name_cue,
    platform_name,
    reference_name_cue,
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


#: Last words of a phrase cut before its end: no speaker ends with them.
_CUT_ENDS = frozenset(
    {"to", "except", "but", "than", "of", "for", "and", "or", "with", "other", "another"}
)


def mention_from_span(text: str, start: int, end: int, *, side: str = "end") -> Mention | None:
    """Classify the phrase ``text[start:end]`` without a parse (FakeBackbone, fallbacks).

    A phrase across a line break keeps only its line at ``side`` ("end": the line next to
    a reporting verb after it; "start": the line right after a verb or a dash)."""
    nl_first, nl_last = text.find("\n", start, end), text.rfind("\n", start, end)
    if nl_first >= 0 and text[start:nl_first].strip() and text[nl_last + 1 : end].strip():
        if side == "end":
            start = nl_last + 1
        else:
            end = nl_first
    phrase = text[start:end]
    stripped = phrase.strip(" ,;:\n\t\r\u00a0")
    last = stripped.rsplit(" ", 1)[-1].lower()
    if stripped.endswith(".") and len(last) > 3 and last not in HONORIFICS:
        stripped = stripped[:-1]  # "asked Berg." : the full stop ends the sentence
    if " " in stripped and last in ("who", "which", "that"):
        stripped = stripped.rsplit(" ", 1)[0].rstrip(" ,")  # "People who say": People
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
            "unresolved",
            kind="pronoun",
            head_word=low,
            rule="speaker.pronoun",
            plural=low in ("they", "we"),
            reason=f"pronoun {low}",
        )
    if len(words) > 1 and words[-1].lower() in _CUT_ENDS:
        return None  # "No specifics except to [say]", "many other": a phrase cut mid-way
    bare = strip_the(words)
    if len(bare) == 1 and (
        bare[0].lower() in _NOT_NAMES or bare[0].lower().endswith(("ing", "ly"))
    ):
        return None  # "Having said that", "This says", "Frankly said"
    if len(bare) == 1 and bare[0].lower() in COMMON_SOURCE_NOUNS:
        bare = []  # "Critics said", "Police said": a capitalised common noun
    typed = _typed_name(start, end, bare) if bare else None
    if typed is not None:
        return typed
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
                reason=f"lexicon: outlet ({outlet})",
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
                reason=f"organisation word in the name ({org})",
            )
        name_words, titles, gender = split_person_name(words)
        return Mention(
            start,
            end,
            "named_person",
            name=" ".join(name_words),
            kind="name",
            role=role_text(" ".join(titles)) if titles else None,
            entity_type="person",
            score=0.7,
            rule="speaker.named-person",
            gender=gender,
            reason="title before the name" if titles or gender else BARE_NAME_REASON,
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
    if source_type in ("named_organisation", "government", "group"):
        entity_type = "organisation" if source_type == "named_organisation" else source_type
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
        reason=noun_reason(rule, cues),
    )


def _typed_name(start: int, end: int, bare: list[str]) -> Mention | None:
    """A name typed by the lexicon alone: a reference work, a seat or body of government,
    a political group or a platform ("Wikipedia", "the Ministry of Health", "Democrats")."""
    reference = reference_name_cue(bare)
    government = government_name_cue(bare) if bare[0][:1].isupper() else None
    group = group_name_cue(bare)
    platform = platform_name(bare)
    event = event_name_cue(bare)
    if reference is not None:
        source_type, entity_type, cue, what = "document", "document", reference, "reference work"
    elif government is not None:
        source_type, entity_type, cue, what = "government", "government", government, "government"
    elif group is not None:
        source_type, entity_type, cue, what = "group", "group", group, "political group"
    elif platform is not None:
        source_type, entity_type, cue = "named_organisation", "organisation", platform
        what = "platform, a company"
    elif event is not None:
        source_type, entity_type, cue = "named_organisation", "organisation", event
        what = "an event's name, spoken for by its organisers"
    else:
        return None
    name = bare
    for k, w in enumerate(bare):
        if w.endswith(("'s", "’s")) and k < len(bare) - 1:
            name = [*bare[:k], w[:-2]]  # "Merriam-Webster's definition": the work's name
            break
    return Mention(
        start,
        end,
        source_type,
        name=" ".join(name),
        kind="name",
        entity_type=entity_type,
        cues=[cue],
        score=0.7,
        rule="speaker." + source_type.replace("named_", ""),
        plural=source_type == "group",
        reason=f"lexicon: {what} ({cue})",
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
