"""Text helpers shared by the corpus comparisons: words, stems, anchors, sentences.

Everything here reads an :class:`~unspin.model.Analysis` (text and findings) only: the
parse is not stored with an analysis, so the comparisons work on what a store keeps.
The word lists are generic English (function words, verbs of dying, arresting and
paying, kinds of event such as "flood" or "crash", kinds of occasion such as "press
conference"); no topic, person, place or event is named anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from unspin.frames.date_patterns import MONTHS, WEEKDAYS
from unspin.lexicon import ORG_NOUNS, TITLE_WORDS, VERB_FORMS
from unspin.model import Analysis

__all__ = [
    "CALENDAR_WORDS",
    "EVENT_NOUNS",
    "GENERIC_PERSON_UNITS",
    "OCCASION_NOUNS",
    "Anchor",
    "Word",
    "anchors_in",
    "content_words",
    "days_apart",
    "event_nouns_in",
    "normalise_quote",
    "parse_when",
    "person_spans",
    "proper_words",
    "sentence_spans",
    "stem",
    "word_set",
    "words",
]


def word_set(text: str) -> frozenset[str]:
    """A word list written as one string (easier to read and extend than a literal)."""
    return frozenset(text.split())


_WORD_RE = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)


@dataclass(frozen=True)
class Word:
    """A word with its offsets in the document text."""

    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """The words of ``text[start:end]`` with document offsets."""
    end = len(text) if end is None else end
    return [
        Word(m.start() + start, m.end() + start, m.group())
        for m in _WORD_RE.finditer(text[start:end])
    ]


def stem(word: str) -> str:
    """A crude, deterministic stem: enough to equate "floods", "flooding" and "flood"."""
    w = word.lower().replace("’", "'")
    for suffix in ("'s", "s'"):
        if w.endswith(suffix):
            w = w[: -len(suffix)] if suffix == "'s" else w[:-1]
    if len(w) > 4 and w.endswith("ies"):
        w = w[:-3] + "y"
    elif len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        w = w[:-1]
    if len(w) > 3 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":  # "stopp(ed)" -> "stop"
        w = w[:-1]
    return w


STOPWORDS: frozenset[str] = word_set(
    """
    a an the and or but nor so yet if then than that this these those there here of in on
    at to from by for with without within into onto over under about above below after
    before during since until while as per via among amid between against across through
    throughout around near is are was were be been being am has have had having do does did
    will would shall should can could may might must not no it its it's they them their he
    him his she her we us our you your i me my who whom whose which what when where why how
    all any both each few more most other some such only own same too very just also again
    still even ever now once up down out off away back new old said says say told according
    one two three four five six seven eight nine ten least last first next many much several
    """
)

#: Days and months, written out or abbreviated ("Feb", "Sept"): capitalised, never names
#: (the date tables of :mod:`unspin.frames.date_patterns`, with short weekdays and the
#: days named relative to today).
CALENDAR_WORDS: frozenset[str] = (
    frozenset(MONTHS)
    | frozenset(WEEKDAYS)
    | word_set("today yesterday tomorrow mon tue tues wed thu thur thurs fri sat sun")
)
#: Capitalised words that are not names: days, months, titles and generic nouns.
_NOT_NAMES: frozenset[str] = (
    word_set(
        """
        mr mrs ms dr st north south east west northern southern eastern western central
        national international federal regional local city state province county district
        region river bay lake mount island islands street road avenue square bridge airport
        port station hospital university school ministry department office agency police
        government council court army navy police party
        """
    )
    | CALENDAR_WORDS
    | STOPWORDS
    | TITLE_WORDS
    | ORG_NOUNS
)

#: Kinds of event (generic types, never a particular event): two mentions naming
#: disjoint kinds ("fire" vs "flood") are about different events.
EVENT_NOUNS: frozenset[str] = frozenset(
    stem(w)
    for w in word_set("""
    attack attacks bombing bombings blast blasts explosion explosions fire fires blaze wildfire
    flood floods flooding earthquake quake storm storms hurricane typhoon cyclone tornado
    landslide landslides mudslide avalanche tsunami eruption drought heatwave crash crashes
    collision derailment shipwreck sinking capsizing shooting shootings stabbing stabbings
    riot riots protest protests demonstration demonstrations strike strikes raid raids clash
    clashes fighting battle siege ambush massacre assault airstrike airstrikes shelling
    collapse outbreak epidemic pandemic stampede poisoning kidnapping hijacking robbery heist
    election elections referendum trial hearing auction sale merger takeover bailout
    """)
)

#: Kinds of occasion on which something is said.
OCCASION_NOUNS: dict[str, str] = {
    stem(w): w
    for w in word_set("""
    conference briefing interview speech statement rally visit trip tour summit meeting
    hearing debate podcast broadcast post tweet video letter email ceremony session sidelines
    address appearance event forum parliament press
    """)
}

#: Units that count people without saying which people.
GENERIC_PERSON_UNITS: frozenset[str] = word_set(
    "people person persons individual individuals human humans"
)


# -- sentences ---------------------------------------------------------------------------

_SENT_END_RE = re.compile(r"(?<=[.!?])[\"'”’»)]*\s+(?=[\"'“‘«(]?[A-Z0-9])|\n\s*\n")


def sentence_spans(analysis: Analysis) -> list[tuple[int, int]]:
    """Sentence offsets: the ``claim`` findings (one per sentence) when the claims
    analyzer ran, else a split on terminal punctuation and blank lines."""
    claims = sorted((f.start, f.end) for f in analysis.by_kind("claim"))
    if claims:
        return claims
    text = analysis.document.text
    out: list[tuple[int, int]] = []
    cursor = 0
    for b in [m.start() for m in _SENT_END_RE.finditer(text)] + [len(text)]:
        chunk = text[cursor:b]
        s = cursor + len(chunk) - len(chunk.lstrip())
        e = cursor + len(chunk.rstrip())
        if s < e:
            out.append((s, e))
        cursor = b
    return out


def sentence_of(spans: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """The sentence span containing ``start`` (the spans joined when ``end`` runs over)."""
    first = last = None
    for s, e in spans:
        if s <= start < e or (first is None and start < s):
            first = (s, e) if first is None else first
        if first is not None and s < end:
            last = (s, e)
    if first is None:
        return (start, end)
    return (min(first[0], start), max((last or first)[1], end))


# -- names ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """A name-like word in a sentence (a place, an organisation, a person)."""

    key: str  # normalised: lower-cased, possessive removed
    text: str
    start: int
    end: int


def _strip_possessive(text: str) -> str:
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix) and len(text) > len(suffix):
            return text[: -len(suffix)]
    return text


def norm_name(text: str) -> str:
    """A name as a key: lower-cased, possessive removed, spacing collapsed."""
    return " ".join(_strip_possessive(text.strip()).lower().replace("’", "'").split())


def _capitalised(word: Word) -> bool:
    return word.text[:1].isupper() and (
        len(word.text) > 1 and (word.text[1:2].islower() or word.text.isupper())
    )


def proper_words(text: str, spans: Sequence[tuple[int, int]]) -> frozenset[str]:
    """Lower-cased words written capitalised somewhere other than at a sentence start
    and never written in lower case: the document's own evidence that they are names."""
    capital: set[str] = set()
    lower: set[str] = set()
    starts = {s for s, _ in spans}
    ws = words(text)
    for k, w in enumerate(ws):
        key = norm_name(w.text)
        if w.text[:1].islower():
            lower.add(key)
        elif _capitalised(w) and w.start not in starts and not _after_opening(text, w.start):
            capital.add(key)
        elif _capitalised(w) and k + 1 < len(ws) and _starts_name(text, w, ws[k + 1]):
            capital.add(key)  # "Brackenford Academy will ...": a name opening a sentence
    return frozenset(capital - lower)


def _starts_name(text: str, w: Word, nxt: Word) -> bool:
    """``w`` opens a sentence and a capitalised non-title word follows it directly."""
    return (
        text[w.end : nxt.start] == " "
        and _capitalised(nxt)
        and nxt.lower not in TITLE_WORDS
        and w.lower not in TITLE_WORDS
        and w.lower not in STOPWORDS
    )


def _after_opening(text: str, start: int) -> bool:
    """True when the word opens a quotation or a line (its capital proves nothing)."""
    before = text[max(0, start - 2) : start].rstrip(" ")
    return not before or before[-1:] in '"“‘«\n(>:'


def anchors_in(
    text: str,
    start: int,
    end: int,
    proper: frozenset[str],
    exclude: Iterable[tuple[int, int]] = (),
) -> list[Anchor]:
    """Name-like words in ``text[start:end]``, outside the ``exclude`` spans.

    A capitalised word counts when it is not a generic word (days, titles, "City") and
    either stands mid-sentence or is known from elsewhere in the document as a name.
    """
    skip = list(exclude)
    out: list[Anchor] = []
    seen: set[str] = set()
    for w in words(text, start, end):
        if not _capitalised(w) or len(w.text) < 2:
            continue
        key = norm_name(w.text)
        if key in _NOT_NAMES or key in seen or any(s <= w.start < e for s, e in skip):
            continue
        opening = w.start == start or _after_opening(text, w.start)
        if opening and key not in proper:
            continue
        seen.add(key)
        out.append(Anchor(key, _strip_possessive(w.text), w.start, w.end))
    return out


#: Event kinds that name one kind of event ("a fire" and "the blaze").
_EVENT_SYNONYMS: dict[str, str] = {
    stem(w): stem(head)
    for head, forms in (
        ("fire", "blaze wildfire"),
        ("explosion", "blast"),
        ("earthquake", "quake"),
        ("crash", "collision"),
        ("strike", "walkout"),
    )
    for w in forms.split()
}


#: Nouns after "fire" that make it a body, not an event ("the fire service said").
_FIRE_BODIES = word_set(
    "service services department brigade brigades chief station authority officials officer "
    "officers marshal"
)


def event_nouns_in(ws: Iterable[Word]) -> frozenset[str]:
    """Stems of the generic event kinds named among ``ws`` (synonyms as one kind); "fire"
    naming a body ("the fire service", "fire officials") is none: it is at floods too."""
    ws = list(ws)
    return frozenset(
        _EVENT_SYNONYMS.get(s, s)
        for w, after in zip(ws, [*ws[1:], None], strict=True)
        if (s := stem(w.text)) in EVENT_NOUNS
        and not (w.lower == "fire" and after is not None and after.lower in _FIRE_BODIES)
    )


#: Words that say nothing about what a statement is about.
_NOT_CONTENT = STOPWORDS | word_set(
    """
    million billion thousand hundred dollars dollar euros euro pounds percent per cent
    people person number total figure figures day days week weeks month months year years
    hour hours minute minutes morning afternoon evening night time times about around
    roughly nearly almost some further more less than least other others another later
    earlier already yet since still being made make makes put puts get got going gone
    """
)


def content_words(ws: Iterable[Word]) -> frozenset[str]:
    """Stems of the lower-case content words among ``ws`` (not function words, reporting
    verbs, units of time or money, or numbers written as words)."""
    return frozenset(
        stem(w.text)
        for w in ws
        if w.text[:1].islower()
        and len(w.text) > 2
        and w.lower not in _NOT_CONTENT
        and not w.text.isdigit()
        and not is_reporting(w.lower)
    )


def is_reporting(word: str) -> bool:
    """A verb of saying ("said", "told", "announced")."""
    return word.lower() in VERB_FORMS


# -- quotations ------------------------------------------------------------------------

_QUOTE_MARKS = re.compile(r"[\"“”„‟«»‹›「」『』]|(?<!\w)['‘’]|['‘’](?!\w)")
_PUNCT = re.compile(r"[^\w\s']+")


def normalise_quote(text: str) -> str:
    """Lower-case words of a quotation: marks, punctuation and spacing dropped."""
    t = _QUOTE_MARKS.sub(" ", text.replace("’", "'")).lower()
    t = _PUNCT.sub(" ", t)
    return " ".join(t.split())


# -- dates ------------------------------------------------------------------------------


def parse_when(value: str | None) -> datetime | date | None:
    """An ISO date or date-time (a publication date, a resolved date); ``None`` if unreadable."""
    if not value:
        return None
    v = value.strip()
    try:
        if len(v) > 10:
            return datetime.fromisoformat(v.replace("Z", "+00:00")).replace(tzinfo=None)
        return date.fromisoformat(v[:10])
    except ValueError:
        return None


def later(a: str | None, b: str | None) -> int:
    """1 when ``a`` is later than ``b``, -1 when earlier, 0 when equal or unknown.

    A bare date and a date-time on the same day are not ordered.
    """
    wa, wb = parse_when(a), parse_when(b)
    if wa is None or wb is None:
        return _later_partial(a, b)
    if isinstance(wa, datetime) and isinstance(wb, datetime):
        return (wa > wb) - (wa < wb)
    da = wa.date() if isinstance(wa, datetime) else wa
    db = wb.date() if isinstance(wb, datetime) else wb
    return (da > db) - (da < db)


_PARTIAL_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def _bounds(value: str | None) -> tuple[str, str] | None:
    """The first and last day an ISO year, month or day covers, as "YYYY-MM-DD"."""
    m = _PARTIAL_RE.match(value.strip()) if value else None
    if not m:
        return None
    y, mo, d = m.groups()
    if d:
        return (f"{y}-{mo}-{d}",) * 2
    if mo:
        return (f"{y}-{mo}-01", f"{y}-{mo}-31")
    return (f"{y}-01-01", f"{y}-12-31")


def _later_partial(a: str | None, b: str | None) -> int:
    """:func:`later` for a year or a month: ordered only when the spans do not overlap."""
    ba, bb = _bounds(a), _bounds(b)
    if ba is None or bb is None:
        return 0
    if ba[0] > bb[1]:
        return 1
    if ba[1] < bb[0]:
        return -1
    return 0


def days_apart(a: str | None, b: str | None) -> int | None:
    """Days between two ISO dates (or date-times); ``None`` when either is unreadable."""
    wa, wb = parse_when(a), parse_when(b)
    if wa is None or wb is None:
        return None
    da = wa.date() if isinstance(wa, datetime) else wa
    db = wb.date() if isinstance(wb, datetime) else wb
    return abs((da - db).days)


def person_spans(analysis: Analysis) -> list[tuple[int, int]]:
    """Spans of speakers who are people: their names say who spoke, not where or what
    happened ("police in Oskar Bay" keeps its place)."""
    return [
        (f.start, f.end)
        for f in analysis.by_kind("speaker")
        if f.label == "named_person" or f.attributes.get("entity_type") == "person"
    ]
