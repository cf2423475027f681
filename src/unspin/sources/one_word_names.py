"""What the text says of a one-word name ("Zandervoort said"): a person's name, a
publication's, or a body's.

A single proper noun is a person's name only when the text gives the person away: a first
name or a full name with it somewhere ("Lena Zandervoort"), a title or honorific
("Mrs. Zandervoort"), or "he"/"she" taking it up. Without any of that it is as likely a
website, a brand or an agency, which :func:`~unspin.sources.named_mentions.named_mention`
then types from its other evidence or as an organisation.
"""

from __future__ import annotations

import re

from unspin.nlp import Parsed, Token
from unspin.sources.lexicon import HONORIFICS, MEDIA_NOUNS, ORG_NAME_WORDS, TITLE_WORDS
from unspin.sources.parse_index import ParseIndex
from unspin.sources.speakers import PERSON_HEADS

__all__ = [
    "BARE_ORG_PERSON",
    "ONE_WORD_ORGANISATION",
    "REPORTS",
    "SITE_NOUNS",
    "WEBSITE",
    "body_evidence",
    "person_evidence",
    "reporting_name",
    "site_named",
    "titled_elsewhere",
]

#: The reason given a one-word name typed an organisation for want of a person.
ONE_WORD_ORGANISATION = "one-word name, no person evidence in the text"

#: A website's name ("Plovix.com", "Plovix.co.uk"): a publication or a company, no person.
WEBSITE = re.compile(r"[A-Za-z][\w-]*\.(?:com|net|org|co\.uk|co|io|info|tv)", re.IGNORECASE)

#: Capitalised words that may stand before a name without being a first name.
_NOT_FIRST_NAMES = frozenset(
    {
        "the", "a", "an", "as", "in", "on", "at", "by", "to", "for", "from", "and", "but",
        "or", "via", "per", "with", "of", "if", "when", "while", "so", "yet", "both",
    }
)  # fmt: skip

#: A first name given by its initials ("K.T.", "J.", "A. J.").
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")

#: Pronouns that give a person away when they take up a name.
_PERSONAL = frozenset({"he", "she"})


def titled_elsewhere(ix: ParseIndex, word: str) -> bool:
    """True when the text gives ``word`` a person's title or honorific somewhere
    ("Vice President Holt", "Mrs. Holt"): a person's surname, whatever the recogniser
    says of it alone."""
    parsed = ix.parsed
    memo = _TITLED[0]  # read once: another thread may replace it
    if memo is None or memo[0] is not parsed:
        toks = parsed.tokens
        titles = (PERSON_HEADS & TITLE_WORDS) | set(HONORIFICS)
        words = [t for t in toks if t.pos != "SPACE"]  # "Fr.\nHunwicke": across a line
        named: set[str] = set()
        for k in range(1, len(words)):
            p = words[k - 1]
            if p.text == "." and k >= 2 and words[k - 2].end == p.start:
                p = words[k - 2]  # "Fr" "." read apart
            if p.text[:1].isupper() and p.lower in titles:
                named.add(words[k].text)
                named.add(_surname_after(words, k))  # "MP Ali al-Badri": Badri too
        memo = (parsed, frozenset(named))
        _TITLED[0] = memo
    return word in memo[1]


#: Lower-case particles inside a full name ("Ali al-Badri", "Ann van Dyke").
_PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "van", "von", "der", "da", "di", "du"})


def _surname_after(words: list[Token], k: int) -> str:
    """The last capitalised word of the full name that starts at ``words[k]`` ("Ali
    al-Badri": "Badri"), at most four words on."""
    last = words[k].text
    for t in words[k + 1 : k + 6]:
        if t.text[:1].isupper() and t.text.isalpha() and t.lower not in ORG_NAME_WORDS:
            last = t.text
        elif t.text != "-" and t.lower not in _PARTICLES:
            break
    return last


#: The cue :func:`reporting_name` gives: the text names the word as a publication.
REPORTS = "news"


def reporting_name(parsed: Parsed, word: str) -> str | None:
    """``REPORTS`` when the text gives ``word`` as a news name or a website ("Harbinger
    News", "Harbinger.com") and never with a capitalised word before it that could be a
    first name: a publication. "Harbinger reported" alone is no cue: reporters report."""
    if not word[:1].isupper() or not word.isalpha():
        return None
    w = re.escape(word)
    text = parsed.text
    cue = re.compile(rf"\b{w}(?:\.com\b| News\b)")
    if cue.search(text) is None:
        return None
    if re.search(
        rf"\b(?!(?:The|A|As|In|On|At|By|To|For|From|And|But)\b)[A-Z][a-z]+\.? {w}\b", text
    ):
        return None  # "Lena Harbinger": a person's name somewhere in the text
    return REPORTS


#: The words the last text read gives a title (its parse, the words): one pass a text.
_TITLED: list[tuple[Parsed, frozenset[str]] | None] = [None]


def person_evidence(ix: ParseIndex, word: str) -> bool:
    """True when the text shows the one-word name ``word`` is a person's: it is part of a
    longer person's name somewhere ("Lena Zandervoort", "Zandervoort" of "Lena
    Zandervoort"), or "he"/"she" takes it up as the next person spoken of."""
    return (
        _in_longer_name(ix, word)
        or _taken_up_by_pronoun(ix, word)
        or any(  # "what God himself is asking": a person's own self
            t.text == word and u.lower in ("himself", "herself")
            for t, u in zip(ix.parsed.tokens, ix.parsed.tokens[1:], strict=False)
        )
    )


def _in_longer_name(ix: ParseIndex, word: str) -> bool:
    parsed = ix.parsed
    for e in parsed.entities:
        inside = any(t.text == word for t in parsed.tokens[e.first : e.last])
        if e.label == "PERSON" and e.last - e.first >= 2 and inside:
            return True
    toks = parsed.tokens
    for t in toks:
        if t.text != word:
            continue
        j = t.i - 1
        while j > 0 and toks[j].pos == "SPACE":
            j -= 1  # a line break between the initials and the surname
        if j >= 0 and _INITIALS.fullmatch(toks[j].text):
            initials = ix.entity_at(j)
            if initials is None or initials.label == "PERSON":
                return True  # "K.T. McFarland": initials for the first name
        for a, b in ((t.i - 1, t.i), (t.i, t.i + 1)):
            if a < 0 or b >= len(toks):
                continue
            p, q = toks[a], toks[b]
            if not all(x.pos == "PROPN" and x.text[:1].isupper() for x in (p, q)):
                continue
            if not (p.text.isalpha() and q.text.isalpha()) or p.lower in _NOT_FIRST_NAMES:
                continue
            ents = [e for e in (ix.entity_at(p.i), ix.entity_at(q.i)) if e is not None]
            if ents and all(e.label == "PERSON" for e in ents):
                return True  # a person's name over the pair: a first name and a surname
            if not ents and q is t and p.dep == "compound" and p.head == t.i:
                return True  # "For Ann Jarvik, ...": a full name the recogniser missed
    return False


def _taken_up_by_pronoun(ix: ParseIndex, word: str) -> bool:
    """ "Holmgaard said ... He added": a subject "he"/"she" in the sentence of the name as
    a subject or the next, with no other person (a person's name, a person noun as
    subject) between."""
    parsed = ix.parsed
    toks = parsed.tokens
    sents = parsed.sentences
    for t in toks:
        if t.text != word or not t.dep.startswith("nsubj"):
            continue  # "supplied by QX7. He alleges": a "he" takes up a subject
        k = ix.sentence_of[t.i]
        stop = sents[min(k + 1, len(sents) - 1)].last
        for u in toks[t.i + 1 : stop]:
            if u.lower in _PERSONAL and u.pos == "PRON" and u.dep.startswith("nsubj"):
                return True
            e = ix.entity_at(u.i)
            if e is not None and e.label == "PERSON" and word not in e.text.split():
                break
            if u.lower in PERSON_HEADS and u.dep.startswith("nsubj"):
                break
    return False


#: Nouns for a website that name the site after them ("the site Tattle Hound").
SITE_NOUNS = frozenset({"site", "website", "blog"})


def site_named(parsed: Parsed, name: str) -> str | None:
    """The website noun when the text names ``name`` as a website somewhere ("the site
    Tattle Hound", "the gossip website Tattle Hound"): the name is a publication's."""
    if not name[:1].isupper():
        return None
    nouns = "|".join(sorted(SITE_NOUNS))
    found = re.search(rf"\b({nouns}),? {re.escape(name)}\b", parsed.text)
    return found.group(1) if found else None


#: The reason given a one-word name the recogniser calls an organisation and nothing in
#: the text shows to be a body.
BARE_ORG_PERSON = (
    "one-word name before a verb of saying; no organisation word, article or other sign of"
    " a body in the text, so a person's surname, whatever the recogniser's label says"
)
#: Modifier dependencies: "the Westby campaign" is a person's campaign as often as not.
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})


def body_evidence(ix: ParseIndex, word: str) -> bool:
    """True when the text shows the one-word name ``word`` to be a body's or a
    publication's, not a person's: somewhere it has an article before it, not as a
    modifier ("the Vatican said", not "the Westby campaign"), it opens a longer name
    ("Mandalay Bay", "Westby Motor"), it is a website's ("Westby.com"), a media noun
    follows it ("Westby magazine"), "itself" takes it up, a text is "according to" it, or
    it reports ("Westby reported that ...")."""
    toks = ix.parsed.tokens
    if re.search(rf"\b{re.escape(word)}\.(?:com|net|org|co)\b", ix.parsed.text):
        return True
    for t in toks:
        if t.text != word:
            continue
        before = toks[t.i - 1].lower if t.i > 0 else ""
        if before == "the" and t.dep not in _MODIFIER_DEPS:
            return True
        after = toks[t.i + 1] if t.i + 1 < len(toks) else None
        if (
            after is not None
            and after.pos == "PROPN"
            and after.text[:1].isupper()
            and t.dep == "compound"
            and t.head == after.i
        ):
            return True  # "Mandalay Bay": the first word of a longer name
        if after is not None and after.lower in MEDIA_NOUNS and t.head == after.i:
            return True  # "Westby magazine": a publication's name
        if after is not None and after.lower == "itself":
            return True
        if before == "to" and t.i > 1 and toks[t.i - 2].lower == "according":
            return True
        head = toks[t.head]
        if t.dep.startswith("nsubj") and head.lemma.lower() == "report":
            return True
    return False
