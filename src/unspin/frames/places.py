"""Places of a claim's frame: the place names of its sentence that say a place.

NER labels a name GPE, LOC or FAC; some of those say no place of the claim: a source
("according to KVX Bay Area"), the name given to a group ("a group called Centro Vecinal"),
the topic of a probe ("the Norvia probe"), a person (a title or first name before the
name, or the name of a person elsewhere in the text) or what an apposition says is no place
("the youngest brother, Tarek, ..."; "Velco, the insurance company, ..."), wherever the
name occurs in the text; a language ("translated into Urdu"); the subject of a verb of
saying ("McFarland had written that ...").
"""

from __future__ import annotations

import re

from unspin.lexicon import TITLE_WORDS, VERBS
from unspin.nlp import Parsed, Sentence

__all__ = ["places_in"]


def places_in(parsed: Parsed, sentence: Sentence) -> tuple[str, ...]:
    """The place names of ``sentence`` (NER GPE, LOC, FAC) that say a place."""
    persons = _not_places(parsed)
    found = [
        e.text
        for e in parsed.entities
        if e.label in ("GPE", "LOC", "FAC")
        and sentence.start <= e.start < sentence.end
        and not _no_place(parsed, e.first, e.last)
        and not _a_person(parsed, e.first, e.text, persons)
    ]
    return tuple(dict.fromkeys(found))


#: Nouns a name before them gives the topic of, not the place ("the Norvia probe").
_TOPIC_NOUNS = frozenset(
    {"probe", "probes", "investigation", "inquiry", "deal", "policy", "sanctions", "talks"}
    | {"scandal", "dossier", "hearing", "hearings", "question", "issue", "agreement", "accord"}
)
_NAMING_VERBS = frozenset({"call", "name", "dub", "label", "title"})


def _no_place(parsed: Parsed, first: int, last: int) -> bool:
    """A place-labelled name that says no place: the source of "according to" ("according
    to KVX Bay Area"), the name of a thing that is no place ("a group called Centro
    Vecinal"), or the topic of a probe or a deal ("the Norvia probe")."""
    toks = parsed.tokens
    head = next((t for t in toks[first:last] if not first <= t.head < last), None)
    if head is None or head.head == head.i:
        return False
    up = toks[head.head]
    if head.dep == "pobj" and up.lower == "to" and up.i > 0 and toks[up.i - 1].lower == "according":
        return True
    if head.dep in ("compound", "nmod") and up.lower in _TOPIC_NOUNS:
        return True
    if _a_language(parsed, head.i):
        return True
    if head.dep == "nsubj" and up.lemma.lower() in VERBS:
        return True  # "Vikland said ...", "McFarland had written that ...": a speaker
    named = toks[up.head] if head.dep == "oprd" and up.lemma.lower() in _NAMING_VERBS else None
    return named is not None and named.pos == "NOUN" and named.lower not in _PLACE_NOUNS


_LANGUAGE_NOUNS = frozenset({"language", "dialect", "tongue"})


def _a_language(parsed: Parsed, i: int) -> bool:
    """A name that a text is translated into, or listed with "languages" ("translated into
    Urdu, Pashto and other local languages"): a language, no place."""
    toks = parsed.tokens
    group = {i}
    k = i
    while toks[k].dep == "conj" and toks[k].head != k:  # up to the first conjunct
        k = toks[k].head
        group.add(k)
    todo = [k]
    while todo:  # and down through every conjunct
        for c in parsed.children(todo.pop()):
            if c.dep == "conj" and c.i not in group:
                group.add(c.i)
                todo.append(c.i)
    if any(toks[g].lemma.lower() in _LANGUAGE_NOUNS for g in group):
        return True
    first = toks[k]
    up = toks[first.head]
    return (
        first.dep == "pobj"
        and up.lower == "into"
        and toks[up.head].lemma.lower() in ("translate", "dub")
    )


#: Common nouns for places: "a town called Velmora" names a place.
_PLACE_NOUNS = frozenset(
    {"town", "city", "village", "country", "region", "area", "state", "province", "county"}
    | {"district", "street", "road", "square", "island", "river", "lake", "mountain", "place"}
    | {"neighbourhood", "neighborhood", "suburb", "port", "valley", "hill", "park", "camp"}
    | {"capital", "nation", "republic", "kingdom", "territory", "continent", "border", "coast"}
    | {"municipality", "borough", "township", "site", "venue", "airport", "station"}
    | {"building", "hall", "base", "bridge", "stadium", "hospital", "prison", "home", "land"}
)


#: The names of the last text read that are no places (:func:`_not_places`): the frames of
#: one text are read sentence by sentence, and these depend on the whole text.
_LAST: list[tuple[Parsed, frozenset[str]]] = []


def _not_places(parsed: Parsed) -> frozenset[str]:
    """The names of ``parsed`` that are never places in it (:func:`_person_words`,
    :func:`_apposed_no_place`), computed once per text."""
    last = _LAST[0] if _LAST else None  # one read: another thread may replace it
    if last is not None and last[0] is parsed:
        return last[1]
    names = _person_words(parsed) | _apposed_no_place(parsed)
    _LAST[:] = [(parsed, names)]
    return names


def _apposed_no_place(parsed: Parsed) -> frozenset[str]:
    """Place-labelled names in apposition with a common noun that is no place noun: "the
    youngest brother, Tarek" or "Velco, the insurance company" name a person or a body,
    here and wherever else the name occurs."""
    toks = parsed.tokens
    out: set[str] = set()
    for e in parsed.entities:
        if e.label not in ("GPE", "LOC", "FAC"):
            continue
        head = next((t for t in toks[e.first : e.last] if not e.first <= t.head < e.last), None)
        if head is None:
            continue
        nouns = [c for c in parsed.children(head.i) if c.dep == "appos"]
        if head.dep == "appos" and head.head != head.i:
            nouns.append(toks[head.head])
        if any(t.pos == "NOUN" and t.lemma.lower() not in _PLACE_NOUNS for t in nouns):
            out.add(e.text)
    return frozenset(out)


def _person_words(parsed: Parsed) -> frozenset[str]:
    """The names of the persons of the text and their last words ("George Washington",
    "Washington"), a name after initials counted as a person's."""
    out: set[str] = set()
    toks = parsed.tokens
    for e in parsed.entities:
        # a person, or a name after initials ("K.T. Moran", the initials in it or not)
        before = toks[e.first - 1].text if e.first > 0 else ""
        initials = _INITIALS.fullmatch(before) is not None or (
            e.last - e.first > 1 and _INITIALS.fullmatch(toks[e.first].text) is not None
        )
        if e.label == "PERSON" or initials:
            words = e.text.split()
            out.update({e.text, words[-1]} if words else ())
    return frozenset(out)


_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}")


def _a_person(parsed: Parsed, first: int, text: str, persons: frozenset[str]) -> bool:
    """A person's name read as a place: a title before it ("Senator Ana Kansas") or the
    name of a person of the text ("Washington" after "George Washington")."""
    if text in persons:
        return True
    k = first - 1
    while k >= 0 and first - k <= 2 and parsed.tokens[k].pos == "PROPN":
        if parsed.tokens[k].lower.rstrip(".") in TITLE_WORDS:
            return True
        k -= 1  # a first name between ("Senator Ana Kansas")
    return k >= 0 and parsed.tokens[k].lower.rstrip(".") in TITLE_WORDS
