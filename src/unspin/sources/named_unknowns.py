"""Speakers taken for unnamed sources that the text names, or that are no sources at all.

The lexicon reads a common noun it does not know as an unnamed source
(``speaker.unknown-noun``). Over resolved speakers, some of those are set right:

* a single capitalised word that is the surname of a person the text gave in full before
  ("Rep. Ann Vik ... Vik said"): that person, named;
* a single capitalised word the recogniser names an organisation elsewhere in the text
  ("the latest app from Maple. Maple informs you ...", the common noun opening a
  sentence): that organisation, named;
* a web address ("the website TradeHub.com said"): a named site, the company behind it;
* an advertisement ("One Farm League ad argues"): a document, whose sponsor the text names;
* pictures ("five old photos telling ..."): things, nobody who speaks;
* a counted set of organisations whose members a later sentence lists ("Eleven groups
  are asking ..." ... "The other groups that signed are A, B, C and D"): named ones;
* grounds for doubt ("there are reasons not to trust reporting that ..."): no source at
  all; the event is dropped;
* the things a speaker cited as reasons ("he said, citing the low prices"): no source of
  the words, which stay the speaker's own.
"""

from __future__ import annotations

import re

from unspin.sources.speakers import Mention
from unspin.sources.state import Event, RunState

__all__ = ["set_right_unknown_nouns"]

_UNKNOWN = "speaker.unknown-noun"
#: A web address used as a name: "TradeHub.com", "news-site.org".
_DOMAIN = re.compile(
    r"\b[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:com|org|net|gov|info|io|co)\b"
)
#: Head nouns of an advertisement: a document its sponsor put out.
_AD_NOUNS = frozenset(
    {"ad", "ads", "advert", "adverts", "advertisement", "advertisements", "commercial"}
    | {"commercials", "mailer", "mailers", "flyer", "flyers", "billboard", "billboards"}
)
#: Head nouns of pictures: things shown, nobody who speaks.
_PICTURE_NOUNS = frozenset(
    {"photo", "photos", "photograph", "photographs", "picture", "pictures", "image"}
    | {"images", "snapshot", "snapshots", "selfie", "selfies"}
)
#: Head nouns of grounds for a stance ("reasons not to trust ..."): nobody who speaks.
_GROUND_NOUNS = frozenset({"reason", "reasons", "ground", "grounds", "cause", "causes"})
_GROUND_NOUNS |= {"doubt", "doubts"}

#: Plural heads of a set of bodies ("eleven groups").
_BODY_PLURALS = frozenset({"organizations", "organisations", "groups", "coalitions"})
#: A later sentence that lists the bodies by name: "The other groups that signed the
#: letter are A, B, C ...".
_LISTED = re.compile(
    r"\b(?:groups|organi[sz]ations|coalitions)\b[^.!?\n]{0,80}?\b(?:are|were|include|included)"
    r"\s+(?P<names>[A-Z](?:[^.!?\n]|\.(?=\S)){10,})"
)


def _listed_later(st: RunState, pos: int) -> bool:
    """A later sentence lists three names or more of the set ("... are A, B, C and D")."""
    for hit in _LISTED.finditer(st.text, pos):
        items = re.split(r",\s*(?:and\s+)?|\s+and\s+", hit.group("names"))
        if sum(1 for w in items if w[:1].isupper()) >= 3:
            return True
    return False


def set_right_unknown_nouns(st: RunState, events: list[Event]) -> None:
    """Retype or drop the unknown-noun speakers of ``events`` the module lists."""
    events[:] = [e for e in events if not _grounds(st, e)]
    for e in events:
        m = e.speaker
        if m is None or m.rule != _UNKNOWN:
            continue
        if e.construction == "citing" and e.outer is not None:
            # "he said, citing the low prices": the reasons cited speak for nobody
            e.speaker, e.outer, e.construction = e.outer, None, "verb"
            continue
        words = st.text[m.start : m.end]
        head = m.head_word.lower()
        site = next((w for w in _DOMAIN.findall(words) if w.lower() == head), None)
        if site is not None:  # "the website TradeHub.com"
            _retype(
                m, "named_organisation", "speaker.web-address", 0.6, "a web address: a named site"
            )
            m.name, m.entity_type, m.kind = site, "organisation", "name"
        elif head in _AD_NOUNS:
            _retype(m, "document", "speaker.advertisement", 0.6, "an advertisement: a document")
        elif head in _PICTURE_NOUNS:
            _retype(m, "unattributed", "speaker.thing", 0.3, "pictures: a thing, nobody who speaks")
        elif head in _BODY_PLURALS and _listed_later(st, m.end):
            why = "organisations the text lists by name later"
            _retype(m, "named_organisation", "speaker.listed-later", 0.6, why)
        else:
            _surname(st, events, m, words)
            if m.rule == _UNKNOWN:
                _named_body(st, m, words)


def _grounds(st: RunState, e: Event) -> bool:
    """An event whose unknown-noun speaker is grounds for a stance followed by its
    infinitive ("reasons not to trust reporting that ..."): no act of reporting."""
    m = e.speaker
    if m is None or m.rule != _UNKNOWN or m.head_word.lower() not in _GROUND_NOUNS:
        return False
    return re.match(r"\s+(?:not\s+)?to\s+\w+", st.text[m.end : m.end + 30]) is not None


def _retype(m: Mention, source_type: str, rule: str, score: float, reason: str) -> None:
    m.source_type, m.rule, m.score, m.reason = source_type, rule, score, reason


def _surname(st: RunState, events: list[Event], m: Mention, word: str) -> None:
    """A capitalised word that is the last word of the full name of one person the text
    named before (an entity, or a speaker named inside a quotation): that person."""
    if not word.isalpha() or not word[:1].isupper() or word.isupper():
        return
    people = [(k.name, k.start, k.end) for k in st.knowns if k.entity_type == "person"]
    for e in events:
        s = e.speaker
        if s is not None and s.kind == "name" and s.source_type == "named_person" and s.name:
            people.append((s.name, s.start, s.end))
    names: dict[str, tuple[int, int]] = {}
    for name, start, end in people:
        parts = name.split()
        if end <= m.start and len(parts) >= 2 and parts[-1] == word:
            names.setdefault(name, (start, end))
    if len(names) != 1:
        return  # nobody, or two people of that surname
    name, span = next(iter(names.items()))
    m.name, m.source_type, m.entity_type, m.kind = name, "named_person", "person", "name"
    m.resolved_from, m.antecedent = "alias", span
    m.rule, m.score = "speaker.surname-earlier", 0.75
    m.reason = f"the surname of {name}, named earlier"


def _named_body(st: RunState, m: Mention, word: str) -> None:
    """A capitalised word that the recogniser reads as the whole name of an organisation
    elsewhere in the text: that organisation (at a sentence's start the tagger may take a
    company's name for the common noun it is spelled like)."""
    if not word.isalpha() or not word[:1].isupper() or word.isupper():
        return
    if not any(
        e.label == "ORG" and e.text == word and not m.start <= e.start < m.end
        for e in st.parsed.entities
    ):
        return
    _retype(m, "named_organisation", "speaker.named-elsewhere", 0.6,
            f"{word}, the name of an organisation elsewhere in the text")  # fmt: skip
    m.name, m.entity_type, m.kind = word, "organisation", "name"
