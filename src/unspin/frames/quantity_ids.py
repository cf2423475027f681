"""Bare numbers that label or name something and count nothing (precision audit, round
11): what :func:`unspin.frames.quantity_refs.bare_reference` also drops when a number
stands with no unit and no counted noun.

- a piece of a stamp written as three or more hyphenated groups of digits ("12-29-2014",
  "10-45-07"), never a range;
- a piece of a phone number: a group with a leading zero ("0800 123 456") or one of three
  or more groups of digits set apart by single spaces, or the number after a verb of
  calling ("called 911", "dial 999");
- the number of a floor, a room, a gate or a channel ("floors 25 and 26", "gate 4",
  "channel 5"), or the number after a broadcaster's capitalised call letters and a dash
  ("WXYZ - 5");
- the number of a street address ("at 12 Elm Street", "7 W 40th Avenue");
- the day of a date whose month is glued to a word before it ("LeaderJUNE 3, 2014");
- a number before a grade word of a model's name ("the Phone 6 and 6 Plus") or before a
  capitalised abbreviation that is no unit ("around 1 WTC");
- a run of five or more digits alone on its own line (an image's or a page's id).

:func:`identifier_number` tries them together.
"""

from __future__ import annotations

import re

__all__ = ["identifier_number"]

#: The run of digit groups joined by hyphens around a number.
_HYPHEN_RUN = re.compile(r"\d+(?:-\d+)+")
#: The run of digit groups joined by single spaces or hyphens around a number.
_PHONE_RUN = re.compile(r"\d+(?:[ -]\d+)+")
#: A verb of calling a number right before it.
_CALL_BEFORE = re.compile(r"\b(?:call(?:s|ed|ing)?|dial(?:s|ed|led|ing|ling)?)[ \t]+$", re.I)
#: A noun of a numbered place, or a broadcaster's call letters and a dash, right before.
_PLACE_BEFORE = re.compile(
    r"(?:\b(?:[Ff]loors?|[Rr]ooms?|[Ss]uites?|[Gg]ates?|[Pp]latforms?|[Tt]erminals?|"
    r"[Cc]hannels?|[Aa]partments?|[Aa]pt\.)|(?<![\w-])[A-Z]{3,5}[ \t]*[-\u2013])"
    r"[ \t]*(?:\d+(?:,[ \t]*\d+)*,?[ \t]+(?:and|or|to)[ \t]+)?$"
)
_STREET_AFTER = re.compile(
    r"[ \t]+(?:[NSEW]\.?[ \t]+|(?:North|South|East|West)[ \t]+)?"
    r"(?:[A-Z][\w'.-]*|\d+(?:st|nd|rd|th))(?:[ \t]+[A-Z][\w'.-]*){0,3}[ \t]+"
    r"(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.?|Lane|Drive|Place|Court)\b"
)
#: A month's abbreviation or name right before a day, then the year.
_MONTH_BEFORE = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?[ \t]+$", re.I
)
_YEAR_AFTER = re.compile(r",[ \t]*(?:1\d|20)\d\d\b")
#: A grade word of a model's name, or a capitalised abbreviation, right after.
_NAME_AFTER = re.compile(r"[ \t]+(?:(?:Plus|Pro|Mini|Ultra|Lite)\b|[A-Z]{2,6}\b(?![-.']?[a-z]))")


def _run_around(run: re.Pattern[str], text: str, start: int, end: int) -> re.Match[str] | None:
    """The match of ``run`` that holds ``start:end`` (searched from a little before)."""
    for m in run.finditer(text, max(0, start - 40), min(len(text), end + 40)):
        if m.start() <= start and end <= m.end():
            return m
    return None


def _stamp(text: str, start: int, end: int) -> bool:
    m = _run_around(_HYPHEN_RUN, text, start, end)
    return m is not None and m.group().count("-") >= 2


def _phone(text: str, start: int, end: int) -> bool:
    if _CALL_BEFORE.search(text, max(0, start - 12), start):
        return True
    m = _run_around(_PHONE_RUN, text, start, end)
    if m is None or (m.start() > 0 and text[m.start() - 1] in ",."):
        return False
    groups = re.split(r"[ -]", m.group())
    if any(len(g) > 1 and g.startswith("0") for g in groups):
        return True
    return len(groups) >= 3 and "-" not in m.group()


def _lone_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return end - start >= 5 and line.strip() == text[start:end]


def identifier_number(text: str, start: int, core_end: int, end: int) -> bool:
    """The digits at ``start:core_end`` (reaching ``end`` with what was read after them)
    label or name something: a stamp, a phone number, a numbered place, an address, the
    day of a date, a model, or an id on its own line."""
    if _stamp(text, start, max(core_end, end)) or _phone(text, start, core_end):
        return True
    if _PLACE_BEFORE.search(text, max(0, start - 40), start):
        return True
    if _STREET_AFTER.match(text, core_end):
        return True
    if _MONTH_BEFORE.search(text, max(0, start - 12), start) and _YEAR_AFTER.match(text, core_end):
        return True
    if _NAME_AFTER.match(text, core_end):
        return True
    return _lone_line(text, start, core_end)
