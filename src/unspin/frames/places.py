"""Places of a claim's frame: the place names of its sentence that say a place (a name
the recogniser cut in two after "and" or "of", "Bosnia and" and "Herzegovina", is read
whole).

NER labels a name GPE, LOC or FAC; some of those say no place of the claim: a source
("according to KVX Bay Area"), the name given to a group ("a group called Centro Vecinal"),
the topic of a probe ("the Norvia probe"), the value of a rating ("a Buy rating"), a
person (a title or first name before the name, or the name of a person elsewhere in the
text) or what an apposition says is no place
("the youngest brother, Tarek, ..."; "Velco, the insurance company, ..."), wherever the
name occurs in the text; a language ("translated into Urdu"); the subject of a verb of
saying ("McFarland had written that ..."). A country's name before another noun says
whose or about what the thing is ("the Russia probe cost ...", "U.S. forces"), unless
that noun is a place ("U.S. soil"); a name at one end of a range whose other end is a
person's ("from Eisenhower to Bush") is a person's; a name that ends in a word for a body
("New Majority", "the Kremlin") is a place only after a preposition of place ("in the
Kremlin"); a name whose head names an event or an age ("the Las Vegas Massacre", "the
Middle Ages"), or an ordinal and a noun of no place ("the Fourth Estate"), is none; so
is a name on an event that a preposition of time makes the claim's time ("after the
Chernobyl disaster", "since the Paris attacks"); nor is an office holder's state ("the
Kansas Senator", "a Republican of Illinois") or a disease's name ("an outbreak of Ebola"),
:mod:`.place_roles`.
"""

from __future__ import annotations

import re

from unspin.frames.countries import is_country
from unspin.frames.per_text import PerText
from unspin.frames.place_roles import disease_name, in_a_title
from unspin.lexicon import ORG_NOUNS, TITLE_WORDS, VERBS
from unspin.nlp import Entity, Parsed, Sentence

__all__ = ["places_in"]


def places_in(parsed: Parsed, sentence: Sentence) -> tuple[str, ...]:
    """The place names of ``sentence`` (NER GPE, LOC, FAC) that say a place."""
    persons, person_tokens = _not_places(parsed)
    found = [
        e.text
        for e in _whole_names(parsed, sentence)
        if not _no_place(parsed, e.first, e.last)
        and not _named_no_place(parsed, e.first, e.last)
        and not _a_person(parsed, e.first, e.text, persons)
        and not _said_of(parsed, e.first, e.last, e.text, person_tokens)
        and not in_a_title(parsed, e.first, e.last)
        and not disease_name(parsed, e)
    ]
    return tuple(dict.fromkeys(found))


#: Words a place's name the recogniser cut in two ends its first part with ("Bosnia and",
#: then "Herzegovina").
_CUT_AT = re.compile(r"\s(?:and|of|&)\Z")


def _whole_names(parsed: Parsed, sentence: Sentence) -> list[Entity]:
    """The place-labelled names of ``sentence``, a name the recogniser cut after "and" or
    "of" joined again to the place-labelled name right after it ("the Bosnia and" and
    "Herzegovina": "Bosnia and Herzegovina")."""
    names = [
        e
        for e in parsed.entities
        if e.label in ("GPE", "LOC", "FAC") and sentence.start <= e.start < sentence.end
    ]
    out: list[Entity] = []
    for e in names:
        last = out[-1] if out else None
        if (
            last is not None
            and _CUT_AT.search(last.text)
            and not parsed.text[last.end : e.start].strip()
        ):
            text = parsed.text[last.start : e.end]
            out[-1] = Entity(last.start, e.end, last.label, text, last.first, e.last)
        else:
            out.append(e)
    return out


#: Nouns a name before them gives the topic of, not the place ("the Norvia probe").
_TOPIC_NOUNS = frozenset(
    {"probe", "probes", "investigation", "inquiry", "deal", "policy", "sanctions", "talks"}
    | {"scandal", "dossier", "hearing", "hearings", "question", "issue", "agreement", "accord"}
)
#: Nouns of a rating or grade a capitalised word before them gives the value of ("a Buy
#: rating", "an Outperform recommendation"), no place.
_RATING_NOUNS = frozenset(
    {"rating", "ratings", "recommendation", "recommendations", "grade", "grades"}
    | {"designation", "designations", "classification", "classifications"}
)
_NAMING_VERBS = frozenset({"call", "name", "dub", "label", "title"})


def _no_place(parsed: Parsed, first: int, last: int) -> bool:
    """A place-labelled name that says no place: the source of "according to" ("according
    to KVX Bay Area"), the name of a thing that is no place ("a group called Centro
    Vecinal"), the topic of a probe or a deal ("the Norvia probe") or the value of a
    rating ("a Buy rating")."""
    toks = parsed.tokens
    head = next((t for t in toks[first:last] if not first <= t.head < last), None)
    if head is None or head.head == head.i:
        return False
    up = toks[head.head]
    if head.dep == "pobj" and up.lower == "to" and up.i > 0 and toks[up.i - 1].lower == "according":
        return True
    if head.dep in ("compound", "nmod") and up.lower in _TOPIC_NOUNS | _RATING_NOUNS:
        return True
    if _a_language(parsed, head.i):
        return True
    if head.dep == "nsubj" and up.lemma.lower() in VERBS:
        return True  # "Vikland said ...", "McFarland had written that ...": a speaker
    named = toks[up.head] if head.dep == "oprd" and up.lemma.lower() in _NAMING_VERBS else None
    return named is not None and named.pos == "NOUN" and named.lower not in _PLACE_NOUNS


#: Head nouns of names of events and ages (and of an event's actor) the recogniser may
#: take for places ("the Las Vegas Massacre", "the Middle Ages", "the Las Vegas Shooter").
_EVENT_HEADS = frozenset(
    {"massacre", "revolution", "recession", "war", "schism", "crisis", "shooting", "bombing"}
    | {"attack", "ages", "era", "supper", "uprising", "riot", "riots", "genocide", "famine"}
    | {"reformation", "renaissance", "shooter"}
)
_ORDINALS = frozenset(
    ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
)
#: Place nouns an ordinal names a place with ("the Fourth Ward", "the Third District").
_ORDINAL_PLACES = frozenset({"ward", "avenue", "floor", "precinct", "arrondissement"})


def _named_no_place(parsed: Parsed, first: int, last: int) -> bool:
    """A place-labelled name that names an event or an age by its head noun ("the Las
    Vegas Massacre", "the Middle Ages"), or an ordinal and a noun of no place ("the
    Fourth Estate", "the Fifth Column"; "the Third District" is a place)."""
    toks = parsed.tokens
    head = next((t for t in toks[first:last] if not first <= t.head < last), None)
    if head is None:
        return False
    lemma = head.lower
    if lemma in _EVENT_HEADS:
        return True
    words = [t for t in toks[first:last] if t.lower != "the"]
    return (
        len(words) == 2
        and words[0].lower in _ORDINALS
        and words[0].text[:1].isupper()
        and words[1].lower not in _PLACE_NOUNS | _ORDINAL_PLACES
    )


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


def _no_places(parsed: Parsed) -> tuple[frozenset[str], frozenset[int]]:
    """The names of ``parsed`` that are never places in it (:func:`_person_words`,
    :func:`_apposed_no_place`) and the tokens of the persons' names it holds."""
    names = _person_words(parsed) | _apposed_no_place(parsed)
    tokens = frozenset(
        i for e in parsed.entities if e.label == "PERSON" for i in range(e.first, e.last)
    )
    return names, tokens


#: :func:`_no_places`, once per text (they depend on the whole text).
_not_places = PerText(_no_places)


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


#: Nouns a country's name before them may say the place of ("U.S. soil", "the U.S.
#: mainland"), beside the common nouns of places.
_COUNTRY_PLACE_NOUNS = frozenset({"soil", "mainland", "territory", "territories", "port", "ports"})
#: The last words of names of bodies ("New Majority", "Labour Party", "the Kremlin"):
#: the organisation nouns, less those that end the names of places ("West Bank", "Soviet
#: Union", "Islamic State" aside, "Ohio State" is a place).
_BODY_WORDS = (ORG_NOUNS - _PLACE_NOUNS - {"bank", "union", "state", "palace", "embassy"}) | {
    "majority",
    "movement",
    "front",
    "caucus",
    "network",
    "society",
    "fund",
    "initiative",
    "forum",
    "trust",
}
#: Prepositions that put a claim at a place ("in the Kremlin", "at Harvard University").
_PLACE_PREPOSITIONS = frozenset(
    {"in", "at", "near", "inside", "outside", "across", "throughout", "within", "around"}
    | {"into", "toward", "towards", "beyond", "along", "on"}
)


def _said_of(
    parsed: Parsed, first: int, last: int, text: str, person_tokens: frozenset[int]
) -> bool:
    """A place-labelled name that here says no place of the claim: a country's name before
    a noun (:func:`_country_modifier`), a name a range joins to a person's
    (:func:`_with_a_person`) or the name of a body that no preposition of place puts the
    claim at."""
    toks = parsed.tokens
    head = next((t for t in toks[first:last] if not first <= t.head < last), None)
    if head is None:
        return False
    if is_country(text) and _country_modifier(parsed, head.i, last):
        return True
    if _with_a_person(parsed, head.i, person_tokens) or _names_a_time(parsed, head.i):
        return True
    if text.split()[-1].lower() not in _BODY_WORDS:
        return False
    up = toks[head.head]
    return not (head.dep == "pobj" and up.lower in _PLACE_PREPOSITIONS)


#: Nouns of events a place's name may name ("the Chernobyl disaster").
_EVENT_NOUNS = _EVENT_HEADS | {"disaster", "accident", "explosion", "earthquake", "fire"}
#: Prepositions that make an event a time ("after the Chernobyl disaster").
_TIME_PREPOSITIONS = frozenset({"after", "before", "since", "following", "until", "till"})


def _names_a_time(parsed: Parsed, i: int) -> bool:
    """The name whose head is token ``i`` modifies a noun of an event that a preposition of
    time makes the time of the claim ("after the Chernobyl nuclear disaster"): it names
    the event, not a place of the claim."""
    toks = parsed.tokens
    t = toks[i]
    if t.dep not in ("compound", "nmod", "amod") or t.head <= i:
        return False
    noun = toks[t.head]
    while noun.dep in ("compound", "amod", "nmod") and noun.head > noun.i:
        noun = toks[noun.head]  # "the Chernobyl nuclear disaster"
    return (
        noun.lemma.lower() in _EVENT_NOUNS
        and noun.dep == "pobj"
        and toks[noun.head].lower in _TIME_PREPOSITIONS
    )


def _country_modifier(parsed: Parsed, i: int, last: int) -> bool:
    """The country's name whose head is token ``i`` (its last token ``last - 1``) modifies
    the common noun after it ("the Russia probe", "U.S. forces"; also where the parser
    made the name an object and the noun its sibling: "to prep Russia probe files"), and
    no locative preposition puts the claim in what that noun names ("in the Chile
    operation" says where, as "in Chile" does)."""
    toks = parsed.tokens
    t = toks[i]
    up = toks[t.head]
    if t.dep in ("compound", "nmod", "amod") and up.i > i and up.pos == "NOUN":
        noun = up
    elif last < len(toks) and t.dep not in ("pobj", "poss", "conj", "appos"):
        noun = toks[last]
        if noun.pos != "NOUN" or not noun.text[:1].islower():
            return False
    else:
        return False
    lemma = noun.lemma.lower()
    if lemma in _PLACE_NOUNS or noun.lower in _COUNTRY_PLACE_NOUNS:
        return False
    while noun.dep in ("compound", "amod", "nmod") and noun.head > noun.i:
        noun = toks[noun.head]  # up to the head of the noun phrase
    return not (noun.dep == "pobj" and toks[noun.head].lower in _LOCATIVE)


#: Prepositions that put a claim inside what their object names ("in the Chile operation",
#: "during the Iraq war").
_LOCATIVE = frozenset({"in", "at", "during", "inside", "within", "throughout"})


def _with_a_person(parsed: Parsed, i: int, person_tokens: frozenset[int]) -> bool:
    """The name whose head is token ``i`` is one end of a "from ... to" range whose other
    end is a person's name ("from Eisenhower to Bush"): a person's name too. (A name
    joined by "and" to a person's is not read so: the recogniser takes places in a list
    for persons, "Athens (1,000), Bramwell (360) and ...".)"""
    toks = parsed.tokens
    t = toks[i]
    if t.dep != "pobj" or t.head == i:
        return False
    prep = toks[t.head]
    other = {"from": "to", "to": "from"}.get(prep.lower)
    if other is None or prep.head == prep.i:
        return False
    return any(
        p.lower == other
        and any(
            o.dep == "pobj" and _a_persons_name(parsed, o.i, person_tokens)
            for o in parsed.children(p.i)
        )
        for p in parsed.children(prep.head)
    )


def _a_persons_name(parsed: Parsed, i: int, person_tokens: frozenset[int]) -> bool:
    """Token ``i`` is a word of a person's name, or heads one ("Bush I")."""
    return i in person_tokens or any(
        c.dep == "compound" and c.i in person_tokens for c in parsed.children(i)
    )
