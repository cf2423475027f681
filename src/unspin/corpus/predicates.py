"""Predicate words: which word of a sentence says what happened, for slot extraction.

The lexicon :mod:`unspin.corpus.slots` reads a figure's or a date's predicate from:
:data:`PREDICATES` (word form -> predicate class: killed, died and death toll are all
"die"), the lexicon entries that are nouns of a count, predicates whose counts are
people, light verbs ("will take place"), predicates that date no event ("there are"),
update cues ("rose to", "now") and phrases that name a predicate in more than one word
("walked out"). And the per-word tests built on it: a lexicon predicate or verb, a generic
past-tense predicate ("destroyed": "destroy"), a verb a date attaches to, and a content
word a dated verb is about. Finding the nearest such word in a sentence stays in
:mod:`unspin.corpus.slots`.
"""

from __future__ import annotations

import re

from unspin.corpus.words import STOPWORDS, Word, is_reporting, stem, word_set

__all__ = [
    "DIMENSIONS",
    "DIMENSION_CLASSES",
    "LIGHT_VERBS",
    "NOT_EVENTS",
    "NOUN_FORMS",
    "PERSON_PREDICATES",
    "PREDICATES",
    "UPDATE_RE",
    "dimension_predicate",
    "generic_predicate",
    "lexicon_predicate",
    "lexicon_verb",
    "phrase_predicate",
    "subject_word",
    "verbish",
]


def _lex(table: dict[str, str]) -> dict[str, str]:
    return {form: cls for cls, forms in table.items() for form in forms.split()}


#: Word form -> predicate class. Generic verbs and nouns of counting outcomes; anything
#: else falls back to the stem of the nearest past-tense verb.
PREDICATES: dict[str, str] = _lex(
    {
        "die": "kill killed killing kills die died dies dying dead death deaths fatality "
        "fatalities toll lives perish perished perishing slain drowned",
        "injure": "injure injured injuring injures injury injuries wound wounded wounding "
        "wounds hurt",
        "casualty": "casualty casualties",
        "arrest": "arrest arrested arresting arrests detain detained detaining detention "
        "detentions custody",
        "missing": "missing unaccounted",
        "displace": "displace displaced evacuate evacuated evacuation evacuations homeless "
        "flee fled",
        "rescue": "rescue rescued rescuing",
        "charge": "charge charged charges indict indicted indictment",
        "pay": "pay paid paying pays payment payments fine fined fines spend spent spending "
        "cost costs costing award awarded compensation donate donated donation",
        "vote": "vote votes voted ballot ballots",
        "strike": "strike strikes striking striker strikers walkout walkouts",
    }
)
#: Lexicon entries that are nouns: they name a count, not an event a date could date.
NOUN_FORMS = word_set(
    """death deaths fatality fatalities toll lives injury injuries wounds casualty casualties
    arrests detention detentions custody evacuation evacuations charges indictment payment
    payments fines costs compensation donation votes ballot ballots strike strikes striker
    strikers walkout walkouts"""
)
#: Predicates whose counts are people even when no noun says so ("the toll rose to 70").
PERSON_PREDICATES = frozenset(
    ("die", "injure", "casualty", "arrest", "missing", "displace", "rescue", "charge", "strike")
)
#: Past participles that name no event ("based", "expected", "reported").
_NOT_PREDICATES = word_set(
    """based used called named aged expected estimated believed feared thought considered
    concerned involved needed related located scheduled planned supposed alleged reported
    confirmed announced recorded listed added included excluded compared"""
)
#: Words that give a figure as an update of an earlier one ("rose to", "now").
UPDATE_RE = re.compile(
    r"\b(?:rose|risen|rises|rising|climbed|climbs|increased|jumped|grew|grown|reached|"
    r"revised|updated|now|latest|new\s+toll|raised|lowered|fell\s+to|dropped\s+to|up\s+from|"
    r"down\s+from|has\s+since)\b",
    re.I,
)

#: Phrases that name a predicate class in more than one word.
_PHRASES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\bwalk(?:ed|s|ing)?\s+out\b", re.I), "strike"),
    (
        re.compile(
            r"\b(?:forced|driven|moved|fled|evacuated)\s+(?:[\w,.-]+\s+){0,3}?(?:out\s+)?"
            r"(?:of|from)\s+(?:their|his|her|the)?\s*homes?\b",
            re.I,
        ),
        "displace",
    ),
)
#: Verbs that only say an event is scheduled or takes place: the event is their subject.
LIGHT_VERBS = word_set(
    "take hold plan schedule due open begin start happen occur place held planned "
    "scheduled opened begun started"
)
#: Predicates that date no event ("there *are* unknowns on Sunday").
NOT_EVENTS = word_set(
    "be have do seem appear become remain look feel want need know think believe see use "
    "give put keep let try get make come go say"
)


def lexicon_predicate(w: Word) -> str | None:
    """The predicate class of a lexicon word, verb or noun ("deaths": "die")."""
    return PREDICATES.get(w.lower)


def lexicon_verb(w: Word) -> str | None:
    """:func:`lexicon_predicate`, for verbs only (not "deaths", "toll")."""
    return None if w.lower in NOUN_FORMS else lexicon_predicate(w)


def generic_predicate(w: Word) -> str | None:
    """The stem of a lower-case past-tense verb outside the lexicon ("destroyed": "destroy"),
    not a word of saying, an update cue or a participle that names no event."""
    low = w.lower
    if (
        len(low) > 4
        and low.endswith("ed")
        and w.text[:1].islower()
        and low not in _NOT_PREDICATES
        and not is_reporting(low)
        and not UPDATE_RE.fullmatch(low)
    ):
        return stem(low)
    return None


def phrase_predicate(text: str, lo: int, hi: int, at: int) -> tuple[str, str] | None:
    """A predicate class named by a phrase in ``text[lo:hi]`` ("walked out"), nearest
    to ``at``."""
    best: tuple[int, str, str] | None = None
    for pattern, cls in _PHRASES:
        for m in pattern.finditer(text, lo, hi):
            dist = abs(m.start() - at)
            if best is None or dist < best[0]:
                best = (dist, cls, m.group())
    return (best[1], best[2]) if best else None


def verbish(w: Word) -> str | None:
    """A verb of an event or of saying: what a date attaches to."""
    if is_reporting(w.lower) and w.text[:1].islower():
        return "say"
    if w.lower in NOUN_FORMS:
        return None
    return lexicon_predicate(w) or generic_predicate(w)


def subject_word(w: Word) -> str | None:
    """A content word: what a dated verb is about ("the bridge collapsed", "Brackenford
    Academy will reopen")."""
    low = w.lower
    if (
        low not in STOPWORDS
        and low not in PREDICATES
        and low not in LIGHT_VERBS
        and not low.isdigit()
        and not UPDATE_RE.fullmatch(low)
    ):
        return low
    return None


#: What a measure measures, by the adjective after it ("2.4 metres high") or the noun
#: before it ("a depth of 1.2 metres"): the measure's predicate class.
DIMENSIONS: dict[str, str] = _lex(
    {
        "height": "high tall height",
        "depth": "deep depth",
        "length": "long length",
        "width": "wide broad width",
        "thickness": "thick thickness",
    }
)
#: The dimension classes ("height", "depth", ...).
DIMENSION_CLASSES = frozenset(DIMENSIONS.values())
_DIMENSION_AFTER = re.compile(r"[\s-]*([a-z]+)\b", re.I)
_DIMENSION_BEFORE = re.compile(
    r"\b([a-z]+)\s+of\s+(?:(?:about|around|nearly|almost|some|up\s+to|more\s+than|over)\s+)?$",
    re.I,
)


def dimension_predicate(text: str, start: int, end: int) -> tuple[str, str] | None:
    """(dimension class, the word as written) of the measure at ``text[start:end]``: the
    adjective right after it ("3 metres high", "a 3-metre-high wall") or the noun of
    "a depth of" right before it; ``None`` when neither names a dimension."""
    after = _DIMENSION_AFTER.match(text, end)
    if after and after.group(1).lower() in DIMENSIONS:
        return DIMENSIONS[after.group(1).lower()], after.group(1)
    before = _DIMENSION_BEFORE.search(text[max(0, start - 40) : start])
    if before and before.group(1).lower() in DIMENSIONS:
        return DIMENSIONS[before.group(1).lower()], before.group(1)
    return None
