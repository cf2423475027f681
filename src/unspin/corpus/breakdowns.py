"""Figures that are one part of a breakdown, the verb a figure belongs to, and when an
update cue or a date says nothing about a figure (link audit round 3, PTC train).

- A bare number that the words around it make an age ("between the ages of 20 and
  53", "in her 50's") counts nothing (:func:`age_figure`).
- A number of two or more written in digits right before a singular noun ("a 911 call",
  "his 87 IQ") names or labels that thing, as a flight or route number does; it counts
  nothing (:func:`number_name`).
- A number in parentheses right after a word, in a sentence listing two or more such
  items ("arrests in these towns: Alder (9), Birch (4) and Cove (1)"), is one part of a
  breakdown: it is no rival of the total nor of another part, and gets no slot
  (:func:`breakdown_item`).
- A sentence opening on a total ("Of the 145 arrested, 86 had ...; 39 were ...", "Of the
  total arrests 135 were men") makes every later figure of the sentence a part of that
  total (:func:`opening_part`); two parts naming no common counted noun are two
  subgroups ("men", "with prior convictions"), not one count (:func:`distinct_parts`).
- The verb that governs a figure, right before it ("infected more than 680 others") or
  right after it past auxiliaries ("66 were infected", "1,300 are left infected"), says
  what was counted, before any counting word elsewhere in the clause ("claimed 57 lives
  and infected 680 others": the 680 were infected, not killed) (:func:`governing_word`).
- An update cue ("now") counts for a figure only when no relative clause stands between
  them ("officials are now warning that the plague, which has killed 140, ...": the
  cue dates the warning) (:func:`update_cue`).
- In one document without a publication date, a figure its text dates ("in May 2017")
  and one it does not date, or one dated by words nothing resolves ("last year"), are
  of unknown times: not one count (no conflict, update or overlap), only a restatement
  when equal (:func:`times_unknown`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from unspin.corpus.model import QuantitySlot
from unspin.corpus.words import GENERIC_PERSON_UNITS, Word, word_set
from unspin.frames.quantity_figures import decade_something
from unspin.frames.quantity_patterns import AGED

__all__ = [
    "age_figure",
    "breakdown_item",
    "distinct_parts",
    "governing_word",
    "number_name",
    "opening_part",
    "times_unknown",
    "update_cue",
]

#: One "Name (N)" item of a breakdown: a word, then a bare whole number in parentheses.
_ITEM = re.compile(r"[^\W\d_][\w.'’-]*\s*\(\s*\d[\d,]*\s*\)")
_OPEN = re.compile(r"[^\W\d_][\w.'’-]*\s*\(\s*$")
_CLOSE = re.compile(r"\s*\)")
#: A sentence opening on the total its figures are parts of: "Of the 145 arrested,",
#: "Among those detained", "Of the total arrests".
_OPENING = re.compile(
    r"\W*(?:Of|Among)\s+(?:the|those|these|all)\s+(?:[\w’'-]+\s+){0,3}?[\w’'-]+",
)
#: Words between a figure and the verb after it: "66 were infected", "had been".
_AUXILIARIES = word_set(
    "had have has been were was are is being left all also later then reportedly"
)
#: The top of an age range after its bottom: "between the ages of 20 and 53".
_AGES_TOP = re.compile(r"\bages?\s+of\s+\d+\s+(?:and|to)\s+$", re.I)
#: Words opening a relative clause between an update cue and a figure.
_RELATIVE = re.compile(r"\b(?:which|who|whom|whose)\b", re.I)


#: Plurals without a final "s", nouns that are their own plural ("300 clergy") and
#: magnitudes ("2 million").
_PLURAL_FORMS = word_set(
    "people men women children folk feet teeth geese mice oxen lice dice criteria "
    "phenomena data media bacteria alumni fungi cacti nuclei stimuli personnel staff "
    "police clergy cattle livestock poultry sheep deer fish swine moose bison aircraft "
    "spacecraft crew offspring faithful militia youth head kin infantry cavalry "
    "hundred thousand million billion trillion dozen score"
)
#: A number written in digits, then one word: "911 call".
_DIGITS_NOUN = re.compile(r"\d[\d,.]*\s+([^\W\d_]+)")


def number_name(text: str, unit: str | None, value: float, after: str = "") -> bool:
    """Whether a figure (its ``text`` and ``unit`` as written) is a number naming or
    labelling a thing: written in digits, two or more, right before the singular noun it
    is read as counting ("a 911 call", "the 11 Number"). A count of two or
    more is written with a plural ("911 calls"); the singular says the number is a
    name. Plurals without a final "s" ("300 clergy", "40 staff"), words in "-ing" ("12
    abstaining") and abbreviations of one or two letters ("238,900 mi") are no such
    noun, nor is the first word of a compound (``after``, the text after the figure,
    opening on a hyphen: "its 99 winner-take-all delegates")."""
    m = _DIGITS_NOUN.fullmatch(text.strip())
    if m is None or value < 2 or not unit or m.group(1).lower() != unit.lower():
        return False
    if after.startswith(("-", "‐", "‑")):
        return False
    noun = unit.lower()
    return len(noun) >= 3 and not noun.endswith(("s", "ing")) and noun not in _PLURAL_FORMS


def age_figure(text: str, start: int, end: int, value: float) -> bool:
    """A bare number that the words around it make an age, as the claim frames read
    them ("aged 19 to 45", "between the ages of 20 and 53", "in her 50's"): also for
    analyses stored before the frames read them so."""
    return bool(
        AGED.search(text, max(0, start - 28), start)
        or _AGES_TOP.search(text, max(0, start - 24), start)
        or decade_something(text, end, value, start) is not None
    )


def breakdown_item(text: str, sent_start: int, sent_end: int, start: int, end: int) -> bool:
    """The figure ``text[start:end]`` is one "Name (N)" item of a sentence that lists
    two or more."""
    if not (_OPEN.search(text, max(sent_start, start - 60), start) and _CLOSE.match(text, end)):
        return False
    return len(_ITEM.findall(text, sent_start, sent_end)) >= 2


def opening_part(text: str, sent_start: int, at: int) -> re.Match[str] | None:
    """The opening "Of the <total> ..." of the sentence when the figure at ``at``
    comes after it (the total itself, "Of the 145", is no part)."""
    m = _OPENING.match(text, sent_start, at)
    return m if m is not None and m.end() <= at and text[m.end() : at].strip() else None


def distinct_parts(a: QuantitySlot, b: QuantitySlot) -> bool:
    """Both figures are parts of a total and do not count one named thing ("including
    17 deaths" twice does): two subgroups of the total ("86 had convictions", "10 were
    women"), not one count given twice."""
    named = _named(a)
    return bool(a.part and b.part) and not (named and named == _named(b))


def _named(s: QuantitySlot) -> str:
    """What a figure counts in so many words, "people" and the like aside."""
    unit = (s.unit or "").lower()
    return (s.noun or ("" if unit in GENERIC_PERSON_UNITS else unit)).lower()


def governing_word(
    words: Sequence[Word],
    text: str,
    span: tuple[int, int],
    clause: tuple[int, int],
    tests: Sequence[Callable[[Word], str | None]],
    events: Collection[str],
) -> tuple[Word, str] | None:
    """The verb right before the figure at ``span`` or right after it (past
    auxiliaries), within ``clause``, for which one of ``tests`` gives a predicate, with
    that predicate. A verb after the figure whose object names the counted event (one
    of the nouns ``events``: "1,200 workers joined the strike") is left to that noun."""

    def ok(w: Word) -> str | None:
        return next((v for t in tests if (v := t(w))), None)

    (start, end), (lo, hi) = span, clause
    before = [w for w in words if lo <= w.start and w.end <= start]
    if before and not text[before[-1].end : start].strip() and (v := ok(before[-1])):
        return before[-1], v
    after = [w for w in words if end <= w.start and w.end <= hi]
    i, at = 0, end
    while i < len(after) and not text[at : after[i].start].strip():
        if after[i].lower not in _AUXILIARIES or i >= 3:
            v = ok(after[i])
            named = any(w.lower in events for w in after[i + 1 :])
            return (after[i], v) if v and not named else None
        at, i = after[i].end, i + 1
    return None


def update_cue(
    cue: re.Pattern[str], text: str, span: tuple[int, int], clause: tuple[int, int]
) -> re.Match[str] | None:
    """The ``cue`` of an update for the figure at ``span`` in its ``clause``: the last
    one before it with no relative clause between, else the first one after it."""
    (start, end), (lo, hi) = span, clause
    before = [m for m in cue.finditer(text, lo, start) if not _RELATIVE.search(
        text, m.end(), start)]  # fmt: skip
    if before:
        return before[-1]
    m = cue.search(text, end, hi)
    return m if m is not None and not _RELATIVE.search(text, end, m.start()) else None


def times_unknown(a: QuantitySlot, b: QuantitySlot) -> bool:
    """Two figures of one document whose times are unknown to be one: one dated by the
    text and the other not dated at all (no publication date), or one dated by words
    nothing resolves ("last year", "last week" with no publication date)."""
    unresolved = (a.dated and a.as_of is None) or (b.dated and b.as_of is None)
    return a.doc_id == b.doc_id and ((a.as_of is None) != (b.as_of is None) or unresolved)
