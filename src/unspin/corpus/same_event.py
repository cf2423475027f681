"""How much evidence two statements of two documents give that they fill one slot.

A name shared by two sentences ("both name Harrowmere") is enough in a small corpus of
one town's news; in a corpus of a year's political news one candidate's name is in most
documents, and two figures, dates or places beside it are usually about different polls,
contests and events. Across documents a link therefore also needs the statements to be
close in time and precise:

* **counts** (:func:`counts_comparable`): both documents published at most
  :data:`NEAR_DAYS` days apart (:data:`ONE_NAME_DAYS` when a single name is all they share),
  both figures dated to a day, and shares of a whole (percentages, points, fractions)
  only when the sentences share at least :data:`SHARE_OWN_NAMES` names of their own, both
  say what was done and were published within :data:`STORY_DAYS` days (51 percent of one
  poll's respondents and 8 percent of another poll's Democrats are not one count); two
  figures under :data:`SMALL` only for an outcome (:data:`OUTCOMES`: "two missing") or a
  dimension of one thing ("2.4 metres high" and "3 metres high", of one sea wall);
* **rival or updated counts** (:func:`same_magnitude`): within a factor of
  :data:`MAGNITUDE` of each other;
* **updates** (:func:`update_comparable`): the two figures dated to a day and at most
  :data:`UPDATE_DAYS` days apart (a 2008 margin and a 2016 margin are two contests);
* **event dates** (:func:`dates_comparable`): published within the same windows as
  counts, both dated to a day unless one date contains the other, neither of them a day
  named without a number ("Friday" in one report and "Tuesday" or "Jan. 30" in another
  are usually two events: a candidate holds a rally every Tuesday);
* **one story** (the sentences share no name, their documents do): a sentence says what
  happened to the counted things (a verb: "displaced", "joined"), not only "214 delegates
  at stake" beside "107 delegates at stake";
* **restatements** (equal figures): no time window, but no share of a whole without the
  names above, no magnitude ("millions of"), and a figure under :data:`SMALL` ("two
  states") only with more than one name shared by the sentences themselves (a sentence
  naming nothing, which its lead stands in for, may count anything: "three tests" of
  one column's berths and of another's review of one mayor) or in one story;
* **places** (:func:`places_comparable`): places, not an adjective or a day read after
  "in" ("in Democratic primaries", "on Super Tuesday"), published within
  :data:`STORY_DAYS` days.

Within one document none of this applies (the callers' own rules do). A document whose
publication date is unknown needs :data:`SHARE_NAMES` shared names instead of the time
window.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from unspin.corpus.breakdowns import distinct_parts, times_unknown
from unspin.corpus.context import STORY_DAYS
from unspin.corpus.model import DateSlot, PlaceSlot, QuantitySlot, Slot
from unspin.corpus.place_evidence import (
    holiday,
    months_apart,
    named_in,
    one_spelling,
    same_head,
    shared_nouns,
)
from unspin.corpus.predicates import DIMENSION_CLASSES
from unspin.corpus.words import CALENDAR_WORDS, days_apart, norm_name

__all__ = [
    "MAGNITUDE",
    "NEAR_DAYS",
    "ONE_NAME_DAYS",
    "OUTCOMES",
    "SHARE_NAMES",
    "SHARE_OWN_NAMES",
    "SHARE_UNITS",
    "SMALL",
    "UPDATE_DAYS",
    "counts_comparable",
    "dates_comparable",
    "places_comparable",
    "same_magnitude",
    "shared_nouns",
    "update_comparable",
    "vague_day",
]

#: Outcome classes counted in people (the slot extractor's lexicon).
OUTCOMES = frozenset(
    ("die", "injure", "casualty", "arrest", "missing", "displace", "rescue", "charge", "strike")
)
#: Two documents published further apart than this are not compared on a count.
NEAR_DAYS = 14
#: ... nor on a count or a date when one shared name is all that links them.
ONE_NAME_DAYS = 7
#: Two figures of two documents further apart than this factor are different counts.
MAGNITUDE = 3.0
#: Two figures dated further apart than this are not one figure updated.
UPDATE_DAYS = 10
#: Shares of a whole need this many shared names of the sentences themselves.
SHARE_NAMES = 2
#: Shares of a whole across documents need this many names of the sentences themselves.
SHARE_OWN_NAMES = 3
#: Units that are shares of a whole or differences of shares.
SHARE_UNITS = frozenset(("%", "percent", "fraction", "percentage_point", "point"))
#: Equal figures under this value agree by chance across documents ("two states") unless
#: the sentences share more than one name.
SMALL = 10
_MAGNITUDE = re.compile(
    r"(?i)(?:some\s+|many\s+)?(?:dozens|hundreds|thousands|millions|billions)\b"
)


#: A single capitalised word of an adjective's form ("Democratic", "Republican", "Chinese").
_ADJECTIVE = re.compile(r"(?:ic|ican|ese|ish)$")


def _day(iso: str | None) -> bool:
    """Dated to a day ("2016-03-15"), not a month or a year."""
    return bool(iso) and len(iso or "") >= 10


def _within(a: Slot, b: Slot, days: int, shared: Sequence[str]) -> bool:
    apart = days_apart(a.published, b.published)
    if apart is None:
        return len(shared) >= SHARE_NAMES
    return apart <= days


def _vague(s: QuantitySlot) -> bool:
    """A magnitude, not a figure: "millions of", "hundreds of", "dozens of"."""
    return _MAGNITUDE.match(s.text) is not None


def _own(s: Slot) -> set[str]:
    return {w for x in s.anchors for w in x.lower().split()}


def _own_keys(s: Slot) -> set[str]:
    """The name words of a statement's own sentence (not its lead's, which stands in for
    a sentence naming nothing), as keys."""
    return {w for x in s.anchors for w in norm_name(x).split()} - CALENDAR_WORDS


def counts_comparable(
    a: QuantitySlot,
    b: QuantitySlot,
    shared: Sequence[str],
    *,
    restating: bool = False,
    told: bool = False,
) -> bool:
    """Whether two figures of two documents can be one count (see the module docstring);
    within one document, unless both are parts of a total or their times are unknown to
    be one (:mod:`unspin.corpus.breakdowns`). ``restating``: the two figures are equal,
    and a restatement needs no time window, only a figure that does not agree by chance.
    ``told``: the sentences share no name and only their documents tell one story."""
    if distinct_parts(a, b):
        return False  # "Of the 145, 86 had convictions" and "10 were women": two subgroups
    if a.doc_id == b.doc_id:  # "in May 2017" and an undated figure: which time is whose?
        return restating or not times_unknown(a, b)
    if told and not (a.predicate_text or b.predicate_text):
        return False  # "214 delegates" and "107 delegates" of one night: what happened?
    if _vague(a) or _vague(b):
        return False  # "millions of immigrants": no figure to compare
    share = a.unit_class in SHARE_UNITS or (a.unit or "").lower() in SHARE_UNITS
    if share and not (
        len(_own(a) & _own(b)) >= SHARE_OWN_NAMES
        and _within(a, b, STORY_DAYS, shared)
        and a.predicate_text
        and b.predicate_text
    ):
        return False  # "more than half" of whom, doing what, in which poll?
    if restating:  # "two states" and "two states" a month apart: chance
        return (
            a.value >= SMALL
            or len(_own_keys(a) & _own_keys(b)) >= SHARE_NAMES
            or _within(a, b, STORY_DAYS, ())
        )
    if (
        max(a.value, b.value) < SMALL
        and a.predicate not in OUTCOMES
        and a.predicate not in DIMENSION_CLASSES  # "2.4 metres high": the height of a thing
        and a.unit != "tally"
    ):
        return False  # "six states" then "five states": states of what?
    if not _within(a, b, NEAR_DAYS if len(shared) > 1 else ONE_NAME_DAYS, shared):
        return False
    return _day(a.as_of) and _day(b.as_of)  # "in 2012" and a figure of this week


def same_magnitude(a: QuantitySlot, b: QuantitySlot) -> bool:
    """Whether two figures of two documents are close enough to be one count given twice
    or updated: within a factor of :data:`MAGNITUDE` (66 delegates of one state and 691
    of five states, 12 and 260, $1 million and $167 million are different counts)."""
    if a.doc_id == b.doc_id or a.unit == "tally":
        return True
    lo, hi = sorted((abs(a.value), abs(b.value)))
    return lo > 0 and hi / lo <= MAGNITUDE


def update_comparable(a: QuantitySlot, b: QuantitySlot) -> bool:
    """Whether two figures dated differently can be one figure updated."""
    if not (_day(a.as_of) and _day(b.as_of)):
        return False
    apart = days_apart(a.as_of, b.as_of)
    return apart is not None and apart <= UPDATE_DAYS


def dates_comparable(a: DateSlot, b: DateSlot, shared: Sequence[str]) -> bool:
    """Whether two dates of two documents can date one event."""
    if months_apart(a.iso, b.iso) > 2:
        return False  # "charged in February 2004", "charged in December 2011": two events
    if a.doc_id == b.doc_id:
        return True
    if not _within(a, b, NEAR_DAYS if len(shared) > 1 else ONE_NAME_DAYS, shared):
        return False
    if not (a.iso.startswith(b.iso) or b.iso.startswith(a.iso)) and not (
        _day(a.iso) and _day(b.iso)
    ):
        return False  # "in January" and "on Wednesday": no conflict of one event's day
    return not (vague_day(a) or vague_day(b))


def vague_day(s: DateSlot) -> bool:
    """A day named without a number ("Friday", "Tuesday night"), resolved against the
    publication date."""
    return s.relative and _day(s.iso) and not any(c.isdigit() for c in s.text)


def places_comparable(a: PlaceSlot, b: PlaceSlot, shared: Sequence[str]) -> bool:
    """Whether two places can locate one event: both are places (not "Democratic",
    "French" or "Super Tuesday" read after "in" or "on"), and two documents' places
    were published within one story's days."""
    if _not_a_place(a.place) or _not_a_place(b.place):
        return False
    if one_spelling(a.place, b.place):
        return False  # one place spelled twice
    if a.place_type == "place" and not same_head(a.nouns, b.nouns):
        return False  # "born in X", "grew up in Y": two facts, or one place inside the other
    if a.place_type == "place" and (named_in(a.place, b.context) or named_in(b.place, a.context)):
        return False  # the other document names this place too: maybe one inside the other
    return a.doc_id == b.doc_id or _within(a, b, STORY_DAYS, shared)


def _not_a_place(name: str) -> bool:
    ws = [w.strip(".,’'s").lower() for w in name.split()]
    return (
        bool(set(ws) & CALENDAR_WORDS)
        or holiday(name)
        or (len(ws) == 1 and _ADJECTIVE.search(ws[0]) is not None)
    )
