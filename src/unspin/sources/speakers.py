"""Speaker mentions for the sources analyzer: what a source is, what it is called, who "she" is.

A :class:`Mention` is one noun phrase (or pronoun) that says or writes something. This
module builds mentions from the dependency parse or from plain words, classifies them
into source types (named person, named organisation, media outlet, anonymous, social
media, document, unattributed), separates roles and titles from names, and resolves
later references: surnames and acronyms to the full name seen earlier ("Lund" ->
"Maria Lund"), definite role nouns to the named person who holds the role ("the
spokeswoman"), and pronouns to the nearest fitting antecedent.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from unspin.nlp import Entity, Parsed, Token
from unspin.sources.lexicon import (
    ANONYMITY_RE,
    DOCUMENT_NOUNS,
    FEMALE_WORDS,
    HONORIFICS,
    MALE_WORDS,
    MEDIA_MODIFIERS,
    MEDIA_NOUNS,
    ORG_NAME_WORDS,
    ORG_NOUNS,
    OUTLET_FIRST_WORDS,
    OUTLET_LAST_WORDS,
    OUTLET_WORDS,
    PERSON_NOUNS,
    PLATFORMS,
    PRONOUNS,
    REPRESENTATIVE_NOUNS,
    SOCIAL_NOUNS,
    TITLE_WORDS,
    VAGUE_SOURCE_NOUNS,
)

__all__ = [
    "NAMED_TYPES",
    "SOURCE_TYPES",
    "Mention",
    "Resolver",
    "classify_words",
    "mention_from_span",
    "mention_from_token",
]

SOURCE_TYPES = (
    "named_person",
    "named_organisation",
    "media_outlet",
    "anonymous",
    "social_media",
    "document",
    "unattributed",
)
NAMED_TYPES = frozenset({"named_person", "named_organisation", "media_outlet"})

_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "WORK_OF_ART", "PRODUCT", "LOC"})
_ORG_LABELS = frozenset({"ORG", "GPE", "FAC", "NORP", "LOC"})
_DETS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
_EDGE_PUNCT = frozenset(",;:—–-()[]\"'“”‘’«»")
_WORD_RE = re.compile(r"[A-Za-z][\w’'.-]*|\d[\w.,]*")
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "de", "la", "du", "von", "van", "der", "&"})
_PLATFORM_RE = re.compile(
    r"\b(?:" + "|".join(sorted(PLATFORMS, key=len, reverse=True)) + r"|social media|"
    r"social network|(?:her|his|their|its) (?:official )?(?:account|channel|page|feed))\b|@\w{2,}",
    re.I,
)
_PERSON_HEADS = (TITLE_WORDS | PERSON_NOUNS | REPRESENTATIVE_NOUNS) - {
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
)
_TITLE_HONORIFICS = frozenset({"dr", "dr.", "prof", "prof.", "professor"})
_PLURAL_PRONOUN_HEADS = frozenset({"many", "some", "others", "several", "few", "both", "all"})


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
    head_word: str = ""
    affiliation: str | None = None
    definite: bool = False

    @property
    def key(self) -> tuple[int, int]:
        return (self.start, self.end)


# ----------------------------------------------------------------------------------------
# Names


def _strip_the(words: list[str]) -> list[str]:
    while words and words[0].lower() in _DETS:
        words = words[1:]
    if words and words[-1].lower() in ("'s", "’s"):
        words = words[:-1]
    elif words and words[-1].endswith(("'s", "’s")):
        words = [*words[:-1], words[-1][:-2]]
    return words


def split_person_name(words: list[str]) -> tuple[list[str], list[str], str | None]:
    """``(name words, title words, gender from an honorific)`` for a person's name."""
    words = _strip_the(words)
    titles: list[str] = []
    gender: str | None = None
    while len(words) > 1:
        low = words[0].lower()
        if low in HONORIFICS and low not in _TITLE_HONORIFICS:
            gender = HONORIFICS[low] or gender
        elif (low in TITLE_WORDS or low in _TITLE_HONORIFICS) and words[0][:1].isupper():
            titles.append(words[0])
        else:
            break
        words = words[1:]
    return words, titles, gender


def outlet_name_cue(words: list[str]) -> str | None:
    """The word that makes a proper name a media outlet's ("Times", "News"), if any."""
    low = [w.lower().strip(".") for w in words if w.lower() not in _DETS]
    if not low:
        return None
    for w in low:
        if w in OUTLET_WORDS:
            return w
    if len(low) >= 2 and low[-1] in OUTLET_LAST_WORDS:
        return low[-1]
    if len(low) >= 2 and low[0] in OUTLET_FIRST_WORDS:
        return low[0]
    return None


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


def acronym(words: list[str]) -> str | None:
    caps = [w for w in _strip_the(words) if w[:1].isupper() and w.lower() not in _SMALL_WORDS]
    return "".join(w[0] for w in caps).upper() if len(caps) >= 2 else None


def _gender_of(words: list[str]) -> str | None:
    for w in words:
        low = w.lower()
        if low in FEMALE_WORDS:
            return "female"
        if low in MALE_WORDS:
            return "male"
    return None


# ----------------------------------------------------------------------------------------
# Classification of common-noun phrases


def classify_words(words: list[str], head: str) -> tuple[str, str, float, list[str]]:
    """``(source_type, rule, score, cues)`` for an unnamed noun phrase with head ``head``."""
    text = " ".join(words)
    low_words = [w.lower() for w in words]
    anon = ANONYMITY_RE.search(text)
    head = head.lower()
    if anon:
        return "anonymous", "speaker.anonymous", 0.9, [anon.group(0)]
    if head in VAGUE_SOURCE_NOUNS:
        return "unattributed", "speaker.vague", 0.6, [head]
    platform = _PLATFORM_RE.search(text)
    if head in SOCIAL_NOUNS and (platform or head in ("tweet", "tweets", "post", "posts")):
        cues = [head] + ([platform.group(0)] if platform else [])
        return "social_media", "speaker.social-media", 0.85, cues
    if head in DOCUMENT_NOUNS:
        return "document", "speaker.document", 0.85, [head]
    if head in SOCIAL_NOUNS:
        return "social_media", "speaker.social-media", 0.6, [head]
    if head in MEDIA_NOUNS:
        if head in ("agency", "wire", "media", "press", "journal") and not (
            set(low_words) & MEDIA_MODIFIERS
        ):
            return "named_organisation", "speaker.organisation", 0.55, [head]
        return "media_outlet", "speaker.media-outlet", 0.8, [head]
    if head in PERSON_NOUNS:
        return "anonymous", "speaker.unnamed-person", 0.75, [head]
    if head in ORG_NOUNS:
        return "named_organisation", "speaker.organisation", 0.65, [head]
    if head in _PLURAL_PRONOUN_HEADS or head in ("someone", "somebody", "everyone", "everybody"):
        return "anonymous", "speaker.unnamed-person", 0.55, [head]
    if head.endswith(_PERSON_SUFFIXES) and len(head) > 4:
        # "backbencher", "lobbyist", "strategists": most likely an unnamed person
        return "anonymous", "speaker.unnamed-person", 0.6, [head]
    return "anonymous", "speaker.unknown-noun", 0.4, [head]


def _is_plural(head_word: str) -> bool:
    low = head_word.lower()
    return (low.endswith("s") and not low.endswith("ss")) or low in ("people", "police", "staff")


# ----------------------------------------------------------------------------------------
# Mentions from the parse


class ParseIndex:
    """Token-level lookups over a :class:`Parsed` built once per document."""

    def __init__(self, parsed: Parsed) -> None:
        self.parsed = parsed
        n = len(parsed.tokens)
        self.entity_of: list[int] = [-1] * n
        for k, e in enumerate(parsed.entities):
            for i in range(e.first, min(e.last, n)):
                self.entity_of[i] = k
        self.sentence_of: list[int] = [0] * n
        for k, s in enumerate(parsed.sentences):
            for i in range(s.first, min(s.last, n)):
                self.sentence_of[i] = k
        self.children: dict[int, list[Token]] = {}
        for t in parsed.tokens:
            if t.head != t.i:
                self.children.setdefault(t.head, []).append(t)

    def kids(self, i: int, *deps: str) -> list[Token]:
        return [c for c in self.children.get(i, ()) if not deps or c.dep in deps]

    def subtree(self, i: int) -> tuple[int, int]:
        """Token index range ``[lo, hi]`` of the subtree of ``i`` (inclusive)."""
        lo = hi = i
        stack = [i]
        seen = 0
        while stack and seen < 400:
            j = stack.pop()
            seen += 1
            lo, hi = min(lo, j), max(hi, j)
            stack.extend(c.i for c in self.children.get(j, ()))
        return lo, hi

    def entity_at(self, i: int) -> Entity | None:
        k = self.entity_of[i] if 0 <= i < len(self.entity_of) else -1
        return self.parsed.entities[k] if k >= 0 else None

    def trimmed(self, lo: int, hi: int) -> tuple[int, int] | None:
        """Shrink the inclusive token range ``[lo, hi]`` past punctuation at either end."""
        toks = self.parsed.tokens
        while lo <= hi and (toks[lo].text in _EDGE_PUNCT or not toks[lo].text.strip()):
            lo += 1
        while hi >= lo and (toks[hi].text in _EDGE_PUNCT or not toks[hi].text.strip()):
            hi -= 1
        return (lo, hi) if lo <= hi else None


def _span_text(parsed: Parsed, lo: int, hi: int) -> str:
    return parsed.text[parsed.tokens[lo].start : parsed.tokens[hi].end]


_SENTENCE_CUT = re.compile(r"\.\s+(?=[A-Z])")


def _role_text(words: str) -> str | None:
    words = _SENTENCE_CUT.split(words, maxsplit=1)[0].strip(" ,;:.")
    parts = words.split()
    while parts and parts[0].lower() in _DETS:
        parts = parts[1:]
    return " ".join(parts) or None


def mention_from_token(ix: ParseIndex, h: Token, *, person_hint: bool = False) -> Mention | None:
    """The speaker mention headed by token ``h`` (a subject, agent or object of "to")."""
    parsed = ix.parsed
    toks = parsed.tokens
    low = h.lower
    if not any(ch.isalnum() for ch in h.text):
        return None
    if low in PRONOUNS and h.pos == "PRON":
        return Mention(
            h.start,
            h.end,
            "unattributed",
            kind="pronoun",
            head_word=low,
            rule="speaker.pronoun",
            plural=low in ("they", "we"),
            is_subject=h.dep.startswith("nsubj"),
        )
    if h.pos in ("PRON", "DET") and low not in _PLURAL_PRONOUN_HEADS | {
        "someone",
        "somebody",
        "everyone",
        "everybody",
        "one",
    }:
        return None
    ent = ix.entity_at(h.i)
    if ent is not None and ent.label not in _NAME_LABELS:
        ent = None
    if ent is None and h.pos == "PROPN":
        # a proper noun the recogniser missed: take the run of proper nouns around it
        lo = hi = h.i
        while lo - 1 >= 0 and toks[lo - 1].pos == "PROPN" and toks[lo - 1].head in (h.i, lo):
            lo -= 1
        while hi + 1 < len(toks) and toks[hi + 1].pos == "PROPN" and toks[hi + 1].head == h.i:
            hi += 1
        ent = Entity(toks[lo].start, toks[hi].end, "", _span_text(parsed, lo, hi), lo, hi + 1)
    sub = ix.subtree(h.i)
    if ent is not None:
        return _named_mention(ix, h, ent, sub, person_hint)
    return _noun_mention(ix, h, sub)


def _named_mention(
    ix: ParseIndex, h: Token, ent: Entity, sub: tuple[int, int], person_hint: bool
) -> Mention:
    parsed = ix.parsed
    toks = parsed.tokens
    words = ent.text.split()
    # left modifiers outside the entity: "ministry spokeswoman Maria Lund"
    role_left = ""
    honorific_gender: str | None = None
    anchor_lo = ent.first
    lo = sub[0]
    if lo < ent.first:
        left = [t for t in toks[lo : ent.first] if t.dep not in ("punct",)]
        while left and (left[0].lower in _DETS or left[0].dep in ("det", "poss", "case")):
            left = left[1:]
        honorific = [t for t in left if t.lower in HONORIFICS and t.lower not in _TITLE_HONORIFICS]
        if honorific:
            honorific_gender = HONORIFICS[honorific[-1].lower] or None
            person_hint = True
        left_role = [t for t in left if t not in honorific]
        if left and all(
            t.dep in ("compound", "amod", "nmod", "poss", "case", "nummod") for t in left
        ):
            if left_role:
                role_left = _span_text(parsed, left_role[0].i, left_role[-1].i)
                person_hint = person_hint or left_role[-1].lower in _PERSON_HEADS
            anchor_lo = left[0].i
    role_right = ""
    name_heads = {ent.first + k for k in range(ent.last - ent.first)} | {h.i}
    for j in name_heads:
        for c in ix.kids(j, "appos"):
            a_lo, a_hi = ix.subtree(c.i)
            if a_lo == a_hi and (toks[a_lo].pos in ("NUM", "PROPN") or toks[a_lo].text.isupper()):
                continue  # "Lund, 54," / "the Authority (NFA)": an age or an acronym
            role_right = _span_text(parsed, a_lo, a_hi)
            break
    label = ent.label
    outlet_cue = outlet_name_cue(words)
    org_cue = org_name_cue(_strip_the(words))
    # a media noun right after the name: "the Daily Harbor newspaper"
    if h.i >= ent.last and h.lower in MEDIA_NOUNS:
        outlet_cue = outlet_cue or h.lower
    for c in ix.kids(h.i, "appos", "compound"):
        if c.lower in MEDIA_NOUNS and (c.lower not in ("agency", "press") or role_right):
            outlet_cue = outlet_cue or c.lower
    if role_right and outlet_cue is None:
        role_words = role_right.lower().split()
        if (
            role_words
            and role_words[-1] in MEDIA_NOUNS
            and (
                role_words[-1] not in ("agency", "press", "media", "journal")
                or set(role_words) & MEDIA_MODIFIERS
            )
        ):
            outlet_cue = role_words[-1]
    cues: list[str] = []
    gender: str | None = None
    if (outlet_cue is not None and label != "PERSON") or (outlet_cue in OUTLET_WORDS):
        source_type, entity_type, rule = "media_outlet", "outlet", "speaker.media-outlet"
        name_words = _strip_the(words)
        cues.append(outlet_cue or "")
        score = 0.85
    elif (label in _ORG_LABELS and not (person_hint and outlet_cue is None)) or org_cue:
        source_type, entity_type, rule = (
            "named_organisation",
            "organisation",
            "speaker.organisation",
        )
        name_words = _strip_the(words)
        score = 0.85 if label in _ORG_LABELS else 0.7
        if org_cue:
            cues.append(org_cue)
    else:
        name_words, titles, gender = split_person_name(words)
        if titles:
            role_left = " ".join([role_left, *titles]).strip()
        source_type, entity_type, rule = "named_person", "person", "speaker.named-person"
        score = 0.9 if label == "PERSON" else 0.75 if person_hint else 0.6
    gender = gender or honorific_gender or _gender_of((role_left + " " + role_right).split())
    if role_left and not role_right and entity_type == "person":
        gender = gender or _gender_of(role_left.split())
    role = "; ".join(r for r in (_role_text(role_left), _role_text(role_right)) if r) or None
    start = toks[anchor_lo].start
    end = toks[ent.last - 1].end
    if h.i >= ent.last and entity_type == "outlet":
        end = h.end  # "the Daily Harbor newspaper"
    affiliation: str | None = None
    if entity_type == "person":
        # "Peter Vasko of the Norvian Fisheries Authority"
        for p in ix.kids(h.i, "prep"):
            if p.lower in ("of", "from", "at", "with"):
                for o in ix.kids(p.i, "pobj"):
                    org = ix.entity_at(o.i)
                    if org is not None and org.label in _ORG_LABELS - {"GPE", "LOC"}:
                        affiliation = " ".join(_strip_the(org.text.split()))
    return Mention(
        start,
        end,
        source_type,
        name=" ".join(name_words) or ent.text,
        role=role,
        kind="name",
        entity_type=entity_type,
        cues=cues,
        score=score,
        rule=rule,
        gender=gender,
        is_subject=h.dep.startswith("nsubj"),
        head_word=h.lower,
        affiliation=affiliation,
    )


def _noun_mention(ix: ParseIndex, h: Token, sub: tuple[int, int]) -> Mention | None:
    parsed = ix.parsed
    toks = parsed.tokens
    lo, hi = sub
    if hi - lo > 24:  # a very long phrase: keep the head and what precedes it
        hi = h.i
        for c in ix.kids(h.i, "prep", "amod", "acl", "relcl"):
            if c.i > h.i:
                hi = max(hi, min(ix.subtree(c.i)[1], h.i + 18))
    trimmed = ix.trimmed(lo, hi)
    if trimmed is None:
        return None
    lo, hi = trimmed
    words = [t.text for t in toks[lo : hi + 1]]
    # the owner: "the ministry's spokeswoman", "a spokesman for the Fisheries Authority"
    owner: Mention | None = None
    for c in ix.kids(h.i, "poss"):
        owner = _owner(ix, c)
    if owner is None:
        for p in ix.kids(h.i, "prep"):
            if p.lower in ("for", "of", "at", "from", "with", "by", "in"):
                for o in ix.kids(p.i, "pobj"):
                    owner = _owner(ix, o)
            if owner is not None:
                break
    # "the chairwoman, Ingrid Holm,": the name in apposition is the speaker
    for c in ix.kids(h.i, "appos"):
        ent = ix.entity_at(c.i)
        personal = h.lower in _PERSON_HEADS
        if (ent is not None and (ent.label == "PERSON" or personal)) or (
            c.pos == "PROPN" and ent is None
        ):
            named = mention_from_token(ix, c, person_hint=personal)
            if named is not None and named.kind == "name":
                role_lo = lo
                while role_lo < h.i and toks[role_lo].lower in _DETS:
                    role_lo += 1
                head_role = _role_text(_span_text(parsed, role_lo, h.i))
                named.role = "; ".join(r for r in (head_role, named.role) if r) or None
                named.gender = named.gender or _gender_of(words)
                named.is_subject = h.dep.startswith("nsubj")
                return named
    compounds = [c for c in ix.kids(h.i, "compound") if c.i < h.i]
    media_mod = any(c.lower in MEDIA_MODIFIERS for c in compounds)
    head = h.lower if h.pos != "PROPN" else h.lemma.lower()
    source_type, rule, score, cues = classify_words(words, head)
    if media_mod and head in MEDIA_NOUNS | {"agency", "service", "site", "outlet"}:
        source_type, rule, score, cues = "media_outlet", "speaker.media-outlet", 0.8, [head]
    name: str | None = None
    role: str | None = None
    entity_type: str | None = None
    affiliation: str | None = None
    if source_type == "anonymous" and rule == "speaker.anonymous":
        if owner is not None and owner.name:
            affiliation = owner.name
    elif head in REPRESENTATIVE_NOUNS and owner is not None and owner.name:
        # a spokesperson speaks for the organisation (or person) they represent
        source_type, rule = owner.source_type, "speaker.representative"
        name, entity_type, role, score = owner.name, owner.entity_type, h.text, 0.8
        cues = [h.text]
    elif source_type in ("document", "social_media") and owner is not None and owner.name:
        affiliation = owner.name
        name = owner.name
    elif source_type == "media_outlet":
        ents = [ix.entity_at(c.i) for c in compounds] + [
            ix.entity_at(c.i) for c in ix.kids(h.i, "appos")
        ]
        ent = next((e for e in ents if e is not None), None)
        proper = [c for c in toks[lo : h.i] if c.pos == "PROPN"]
        if ent is not None:
            name, entity_type = " ".join(_strip_the(ent.text.split())), "outlet"
            score = 0.85
        elif proper:  # "the Kestrel Wire news agency"
            name, entity_type = _span_text(parsed, proper[0].i, proper[-1].i), "outlet"
            score = 0.8
    elif source_type == "anonymous" and owner is not None and owner.name:
        affiliation = owner.name
    elif source_type == "named_organisation" and rule == "speaker.organisation":
        entity_type = "organisation"
        name = _generic_name(words, h)
    definite = toks[lo].lower == "the" or any(c.dep == "poss" for c in ix.kids(h.i))
    gender = _gender_of(words)
    if source_type == "anonymous" and rule == "speaker.unnamed-person":
        # an unnamed "senior official": keep the description as the role, not as a name
        described = [t for t in toks[lo : hi + 1] if t.dep not in ("det", "nummod", "punct")]
        if len(described) >= 2 or (described and head in TITLE_WORDS):
            role = _role_text(_span_text(parsed, described[0].i, described[-1].i))
    return Mention(
        toks[lo].start,
        toks[hi].end,
        source_type,
        name=name,
        role=role,
        kind="noun",
        entity_type=entity_type,
        cues=cues,
        score=score,
        rule=rule,
        gender=gender,
        plural=_is_plural(h.text),
        is_subject=h.dep.startswith("nsubj"),
        head_word=head,
        affiliation=affiliation,
        definite=definite,
    )


def _generic_name(words: list[str], h: Token) -> str:
    """The phrase up to the head in lower case ("the ministry", "police"); acronyms kept."""
    out: list[str] = []
    for w in words:
        out.append(w if w.isupper() and len(w) > 1 else w.lower())
        if w == h.text:
            break
    return " ".join(out)


def _owner(ix: ParseIndex, t: Token) -> Mention | None:
    if t.pos == "PRON":
        return None
    m = mention_from_token(ix, t)
    if m is None or m.kind == "pronoun":
        return None
    if m.name is None and m.source_type == "named_organisation":
        m.name = _generic_name([x.text for x in ix.parsed.tokens[ix.subtree(t.i)[0] : t.i + 1]], t)
    return m


# ----------------------------------------------------------------------------------------
# Mentions from plain words (no parse)

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
    bare = _strip_the(words)
    if len(bare) == 1 and (
        bare[0].lower() in _NOT_NAMES or bare[0].lower().endswith(("ing", "ly"))
    ):
        return None  # "Having said that", "This says", "Frankly said"
    if len(bare) == 1 and bare[0].lower() in _COMMON_NOUNS:
        bare = []  # "Critics said", "Police said": a capitalised common noun
    if bare and all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in bare):
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
            inner.role = _role_text(
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
        name = " ".join(w.lower() if w.lower() in _DETS else w for w in words)
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
        plural=_is_plural(head),
        head_word=head.lower(),
        definite=words[0].lower() == "the",
        gender=_gender_of(words),
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


@dataclass
class _Known:
    start: int
    end: int
    name: str
    entity_type: str  # "person" | "organisation" | "outlet" | "group" (unnamed, plural)
    source_type: str
    is_subject: bool
    sentence: int
    role: str | None
    gender: str | None = None


class Resolver:
    """Canonical names for later references: surnames, acronyms, role nouns and pronouns.

    It is fed named mentions (entities and speakers) in text order; lookups only see
    what was fed before the position asked about.
    """

    def __init__(self, author: str | None = None) -> None:
        self.author = author
        self.known: list[_Known] = []
        self._starts: list[int] = []
        self.gender: dict[str, str] = {}

    def add(self, k: _Known) -> None:
        pos = bisect_left(self._starts, k.start)
        if pos < len(self._starts) and self._starts[pos] == k.start:
            return
        self._starts.insert(pos, k.start)
        self.known.insert(pos, k)
        if k.gender and k.entity_type == "person":
            self.gender.setdefault(k.name, k.gender)

    def add_mention(self, m: Mention, sentence: int) -> None:
        if m.source_type == "anonymous" and m.plural and m.kind == "noun":
            self.add(
                _Known(m.start, m.end, "", "group", m.source_type, m.is_subject, sentence, m.role)
            )
            return
        if m.name and m.entity_type in ("person", "organisation", "outlet"):
            self.add(
                _Known(
                    m.start,
                    m.end,
                    m.name,
                    m.entity_type,
                    m.source_type,
                    m.is_subject,
                    sentence,
                    m.role,
                )
            )
            if m.gender and m.entity_type == "person":
                self.gender.setdefault(m.name, m.gender)

    def before(self, pos: int) -> list[_Known]:
        return self.known[: bisect_left(self._starts, pos)]

    # -- names ---------------------------------------------------------------------

    def canonical(self, m: Mention) -> None:
        """Map a surname or acronym to the full name seen earlier (sets ``resolved_from``)."""
        if not m.name or m.kind != "name":
            return
        words = m.name.split()
        if len(words) == 1 and not (m.entity_type != "person" and words[0].isupper()):
            # a surname ("Lund") maps to the full name; the recogniser's label (it often
            # takes a lone surname for an organisation) gives way to the earlier person
            target = words[0].lower()
            for k in reversed(self.before(m.start)):
                kw = k.name.split()
                if k.entity_type == "person" and len(kw) >= 2 and kw[-1].lower() == target:
                    self._alias(m, k)
                    return
        if m.entity_type in ("organisation", "outlet") and len(words) == 1 and words[0].isupper():
            for k in reversed(self.before(m.start)):
                if (
                    k.entity_type in ("organisation", "outlet")
                    and acronym(k.name.split()) == words[0]
                ):
                    self._alias(m, k)
                    return

    def _alias(self, m: Mention, k: _Known) -> None:
        m.name = k.name
        m.resolved_from = "alias"
        m.rule = "speaker.alias"
        m.antecedent = (k.start, k.end)
        m.role = m.role or k.role
        m.score = min(m.score, 0.85)
        if k.entity_type == "outlet":
            m.source_type, m.entity_type = "media_outlet", "outlet"
        elif k.entity_type == "person":
            m.source_type, m.entity_type = "named_person", "person"
        else:
            m.source_type, m.entity_type = "named_organisation", "organisation"

    def definite_noun(self, m: Mention) -> None:
        """ "the spokeswoman" / "the authority": the named holder of that role or name."""
        if m.kind != "noun" or not m.definite or not m.head_word or (m.name and m.resolved_from):
            return
        head = m.head_word
        if (m.source_type in ("anonymous",) and m.rule in ("speaker.unnamed-person",)) or (
            head in REPRESENTATIVE_NOUNS and m.name is None
        ):
            for k in reversed(self.before(m.start)[-30:]):
                if k.entity_type == "person" and k.role and head in k.role.lower().split():
                    m.name, m.role = k.name, k.role
                    m.source_type, m.entity_type = "named_person", "person"
                    m.resolved_from, m.antecedent = "alias", (k.start, k.end)
                    m.score = 0.65
                    m.rule = "speaker.role-alias"
                    return
        if m.source_type == "named_organisation" and m.rule == "speaker.organisation":
            for k in reversed(self.before(m.start)[-30:]):
                if k.entity_type == "organisation" and head in k.name.lower().split():
                    m.name = k.name
                    m.resolved_from, m.antecedent = "alias", (k.start, k.end)
                    m.score = 0.7
                    m.rule = "speaker.name-alias"
                    return

    # -- pronouns ------------------------------------------------------------------

    def pronoun(self, m: Mention, sentence: int) -> None:
        """Resolve a pronoun speaker to the nearest fitting antecedent, or leave it open."""
        low = m.head_word
        want = PRONOUNS.get(low)
        m.resolved_from = "pronoun"
        if want == "first":
            if self.author:
                m.name, m.source_type, m.entity_type = self.author, "named_person", "person"
                m.score, m.rule = 0.6, "speaker.author"
            else:
                m.score, m.rule = 0.4, "speaker.first-person"
            return
        candidates: list[_Known] = []
        for k in reversed(self.before(m.start)):
            if sentence - k.sentence > 3:
                break
            if want in ("male", "female"):
                if k.entity_type != "person":
                    continue
                g = self.gender.get(k.name)
                if g and g != want:
                    continue
            elif want == "thing":
                if k.entity_type not in ("organisation", "outlet"):
                    continue
            elif (want == "plural" and k.entity_type == "person") or (
                want != "plural" and k.entity_type == "group"
            ):
                continue
            candidates.append(k)
        if not candidates:
            m.score, m.rule = 0.35, "speaker.pronoun-unresolved"
            return
        # the nearest sentence holding a candidate; its subject if it has one
        nearest_sentence = candidates[0].sentence
        pool = [k for k in candidates if k.sentence == nearest_sentence]
        chosen = next((k for k in pool if k.is_subject), pool[0])
        rivals = {k.name for k in candidates if sentence - k.sentence <= 1} - {chosen.name}
        m.name = chosen.name or None
        m.source_type = chosen.source_type
        m.entity_type = chosen.entity_type
        m.antecedent = (chosen.start, chosen.end)
        m.role = chosen.role
        m.score = 0.75 if not rivals else 0.5
        if want in ("male", "female") and self.gender.get(chosen.name) == want:
            m.score = 0.8 if not rivals else 0.65
        if want in ("male", "female"):
            self.gender.setdefault(chosen.name, want)
