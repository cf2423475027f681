"""The year a month and day told without one takes from the text around it, over the
dates :func:`unspin.frames.dates.find_dates` chose (before the publication date or a
date told before, which the scanner tried first):

* a year stated in the day's own clause as its time ("in 2017", or a whole date), nearest
  first ("on June 5 ... in the year 2017", "died on Jan. 18, in the year of our Lord
  2018"), or one that names the occasion the clause happened at ("gave a speech at the
  2015 awards on Feb. 4", "during the Games (2012) on June 5"); a year in another clause
  ("said on May 8 that it was lifted in 2015") or one that dates another noun ("on June 5
  he cited a 2012 report", "in the 2003 film") tells nothing of the day;
* a year that opens the day's sentence or the one before, as a scene for a past-tense
  telling ("In 2015 the plant closed. On June 3 the owners sold it."): June 3 of 2015,
  not of the year of publication.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from unspin.frames.date_context import past_at, verb_above
from unspin.frames.date_patterns import MONTHS, PATTERNS
from unspin.frames.date_scanner import DateMatch
from unspin.nlp import Parsed

__all__ = ["anchor_years"]

#: The rules of a month and day, and the pattern each was matched by.
_DAY_RULES = {"date.month-day": "mdy", "date.day-month": "dmy"}
_PATTERN = dict(PATTERNS)
#: A date's whole ISO value with a year: "2015", "2015-03", "2015-03-05".
_STATED_ISO = re.compile(r"(\d{4})(?:-\d\d){0,2}")
#: Words before a year that make it the time of the clause ("in 2017", "in the year of our
#: Lord 2018", "of 2017"), not a noun's ("cited a 2012 report", "in the 2003 film").
_TIME_OF_CLAUSE = re.compile(
    r"\b(?:in|of|during)\s+(?:the\s+year\s+(?:of\s+\w+\s+\w+\s+)?)?$", re.I
)
#: What may open a sentence before a year that sets its scene: "In 2015", "In March 2015",
#: "In the year 2015" (after an opening quote or bracket).
_SCENE_OPENER = re.compile(r"[\W_]*In\s+(?:the\s+year\s+)?(?:early\s+|late\s+|mid-?)?$")


def _yearless(d: DateMatch) -> bool:
    """A month and day the text gave without a year ("June 3", "3 June")."""
    base = d.rule.removesuffix(".year-before")
    return base in _DAY_RULES and (d.needs_publication or base != d.rule)


def _stated_year(text: str, d: DateMatch) -> int | None:
    """The year a date states in its own words ("in 2015", "March 2015", "June 5, 2017")."""
    if d.label != "date" or d.relative or d.needs_publication or d.iso is None:
        return None
    if ".year-" in d.rule or not re.search(r"\d{4}", text[d.start : d.end]):
        return None
    m = _STATED_ISO.fullmatch(d.iso)
    return int(m.group(1)) if m else None


#: Prepositions whose object is the occasion a clause happened at ("at the 2015 awards").
_OCCASION = frozenset({"at", "during"})


def _names_occasion(parsed: Parsed, char: int) -> bool:
    """Whether the year at ``char`` dates the occasion of its clause: it modifies the
    object of "at" or "during" ("at the 2015 awards", "at the Awards (2015) event")."""
    k = parsed.token_at(char)
    if k is None or not parsed.has_parse:
        return False
    year = parsed.tokens[k]
    if year.dep not in {"nummod", "appos", "compound", "amod"} or year.head == k:
        return False
    noun = parsed.tokens[year.head]
    for _ in range(3):  # "the Awards (2015) event": the year on a name in apposition
        if noun.dep not in {"appos", "compound"} or noun.head == noun.i:
            break
        noun = parsed.tokens[noun.head]
    return noun.dep == "pobj" and parsed.tokens[noun.head].lower in _OCCASION


def _clause_verb(parsed: Parsed, char: int) -> int | None:
    """The verb (else the root) the word at ``char`` hangs on."""
    k = parsed.token_at(char)
    return verb_above(parsed, k, reach=10) if k is not None and parsed.has_parse else None


def _anchor(
    text: str, parsed: Parsed, dates: Sequence[DateMatch], d: DateMatch
) -> tuple[DateMatch, str] | None:
    """The stated-year date the year-less day ``d`` takes its year from, and how
    (``clause`` or ``scene``), if any."""
    sentence = parsed.sentence_of(d.start)
    if sentence is None:
        return None
    verb = _clause_verb(parsed, d.start)
    same = [
        a
        for a in dates
        if sentence.start <= a.start < sentence.end
        and _stated_year(text, a) is not None
        and verb is not None
        and _clause_verb(parsed, a.start) == verb
        and (
            a.granularity == "day"
            or _TIME_OF_CLAUSE.search(text, max(0, a.start - 40), a.start)
            or _names_occasion(parsed, a.start)
        )
    ]
    if same:
        return min(same, key=lambda a: abs(a.start - d.start)), "clause"
    k = parsed.sentences.index(sentence)
    # a headline sums up the whole story: its year sets no scene for the lines under it
    opens = [s.start for s in parsed.sentences[max(0, k - 1) : k + 1] if s.block != "title"]
    scenes = [
        a
        for a in dates
        if a.end <= d.start
        and _stated_year(text, a) is not None
        and any(_SCENE_OPENER.fullmatch(text, o, a.start) for o in opens)
    ]
    if scenes and past_at(text, parsed, d.start, d.end):
        return scenes[-1], "scene"
    return None


def anchor_years(text: str, parsed: Parsed, dates: Sequence[DateMatch]) -> list[DateMatch]:
    """``dates`` with each year-less month and day given the year of its anchor
    (:func:`_anchor`): rule ``<rule>.year-clause`` or ``<rule>.year-scene``, and
    ``relative_to`` the anchor's words."""
    out: list[DateMatch] = []
    for d in dates:
        found = _anchor(text, parsed, dates, d) if _yearless(d) else None
        resolved = _with_year(text, d, *found) if found else None
        out.append(resolved or d)
    return out


def _with_year(text: str, d: DateMatch, anchor: DateMatch, how: str) -> DateMatch | None:
    base = d.rule.removesuffix(".year-before")
    m = _PATTERN[_DAY_RULES[base]].match(text, d.start)
    year = _stated_year(text, anchor)
    if m is None or year is None:
        return None
    try:
        day = date(year, MONTHS[m["mon"].rstrip(".").lower()], int(re.sub(r"\D", "", m["day"])))
    except ValueError:
        return None  # February 29 of a year that has none
    return replace(
        d, iso=day.isoformat(), rule=f"{base}.year-{how}", score=0.85,
        relative_to=text[anchor.start : anchor.end], needs_publication=False,
    )  # fmt: skip
