"""Two figures that make one quantity (precision audit, rounds 10, 13 and 14), and numbers
in markup that count nothing.

- a vote tally, a court split or a score ("voted 7-2", "approved 88 to 0", "a 5-to-4
  ruling", "a 41-9 vote", "beat them 3-1"): one finding, value the first side and
  ``value_max`` the second, unit ``tally`` (:func:`tallies`). Only a pair whose second
  figure is no larger than the first is a tally, unless a word of voting or deciding
  stands by it ("rejected 45-54"); a word of voting or deciding makes it sure (0.8), a
  bare descending pair stays in the weak layer (0.5), a bare tie or a pair before a
  capitalised word ("a 30-30 rifle", "9 to 5 Mac") is none. A change ("fell from 40 to 30"),
  a run of three figures ("14-3-2016"), a unit after it ("52-48 percent") and "24-7"
  are no tally;
- a dimension ("a 9-by-12-inch flyer", "6 by 8 feet"): one measure, value the first
  side, unit the measure by the second ("ft by 8 ft"), :func:`dimensions`;
- a number inside a markup tag (``<post id="8123...">``) or a markup comment (a page's
  script, ``<!-- ad_width = 468; //-->``), or a run of twelve or more ungrouped digits (a
  post's or an image's id): :func:`markup_spans`, no quantity.
"""

from __future__ import annotations

import re

from unspin.frames.quantity_patterns import MEASURE_WORD_RE, measure_word

__all__ = ["dimensions", "markup_spans", "tallies"]

_SIDE = r"\d{1,3}(?:,\d{3})+|\d{1,4}"
_TALLY = re.compile(
    rf"(?<![\w.,:/$£€%'’-])(?P<a>{_SIDE})"
    rf"(?P<sep>[ \t]*[-–][ \t]*|—|[ \t]+to[ \t]+|-to-)(?P<b>{_SIDE})"
    r"(?![\w.,:/]\d|[ \t]*[-–/][ \t]*\d|\w|[ \t]*%|-year|[ \t]*[ap]\.?m\b)"
)
#: A word of voting, deciding or winning before the pair: "voted 7-2", "confirmed 92 to 0".
_TALLY_BEFORE = re.compile(
    r"\b(?:vot(?:e|es|ed|ing)|ballot(?:s|ed)?|confirm(?:s|ed)?|approv(?:e|es|ed)|"
    r"pass(?:es|ed)?|reject(?:s|ed)?|defeat(?:s|ed)?|uph[eo]ld|rul(?:es|ed)|"
    r"decid(?:es|ed)|split|margin|tally|won|wins?|beat(?:s|en)?|lost|los(?:e|es)|"
    r"led|leads?|score[sd]?|favou?r|against|fail(?:s|ed))\b[^.;:!?\n]{0,30}$",
    re.I,
)
#: A noun of voting or deciding right after the pair: "a 41-9 vote", "a 5-4 decision".
_TALLY_AFTER = re.compile(
    r"[ \t-]+(?P<n>votes?|decisions?|rulings?|majority|margin|split|verdict|tally|"
    r"victory|win|loss|defeat|score|tie|vote\s+count)\b",
    re.I,
)
#: What may follow a tally written low side first: a stop or a preposition ("rejected
#: 45-54 on Monday").
_ENDS = re.compile(
    r"[ \t]*(?:[,.;:)]|$)|[ \t]+(?:in|on|for|against|with|and|at|by|over|after|before|"
    r"last|this|to|the|when|as)\b"
)
_NAME_AFTER = re.compile(r"[ \t]+[A-Z]")
_FROM = re.compile(r"\b(?:from|between|ages?|aged|pp?\.|pages?|chapters?|verses?)[ \t]*$", re.I)
_UNIT_AFTER = re.compile(
    r"[ \t-]*(?:per\s?cent|percent|percentage|points?\b(?![ \t]+(?:win|victory|lead)))", re.I
)


def _value(s: str) -> float:
    return float(s.replace(",", ""))


def tallies(text: str) -> list[tuple[int, int, float, float, float]]:
    """Every tally in ``text``: (start, end, first side, second side, score); the span
    takes in the noun of voting after it ("a 41-9 vote")."""
    out: list[tuple[int, int, float, float, float]] = []
    for m in _TALLY.finditer(text):
        a, b = _value(m["a"]), _value(m["b"])
        start, end = m.start(), m.end()
        if (a, b) == (24, 7) or _FROM.search(text, max(0, start - 12), start):
            continue  # "24-7": always; "from 40 to 30": a change, "ages 18-24": a range
        if _UNIT_AFTER.match(text, end) or MEASURE_WORD_RE.match(text, end):
            continue  # "52-48 percent", "6-8 feet": a range of a measure
        if "," not in m["a"] + m["b"] and 1000 <= a <= 2100 and len(m["a"]) == 4:
            continue  # "2015-16", "1990 to 1994": years
        after = _TALLY_AFTER.match(text, end)
        sure = after is not None or _TALLY_BEFORE.search(text, max(0, start - 40), start)
        if b > a and not (after or (sure and _ENDS.match(text, end))):
            continue  # "300-400 people", "won 3-5 seats": a range
        if not sure and (a == b or _NAME_AFTER.match(text, end)):
            continue  # "a 30-30 rifle", "9 to 5 Mac": a model or a name, no vote
        if after is not None:
            end = after.end()
        out.append((start, end, a, b, 0.8 if sure else 0.5))
    return out


_DIMENSION = re.compile(
    rf"(?<![\w.,])(?P<a>{_SIDE}(?:\.\d+)?)(?:-by-|[ \t]+by[ \t]+|[ \t]*[x×][ \t]*)"
    rf"(?P<b>{_SIDE}(?:\.\d+)?)(?=[ \t-])"
)


def dimensions(text: str) -> list[tuple[int, int, float, str]]:
    """Every two-sided dimension in ``text``: (start, end, first side, unit), the unit
    naming the measure and the second side ("in by 11 in")."""
    out: list[tuple[int, int, float, str]] = []
    for m in _DIMENSION.finditer(text):
        um = MEASURE_WORD_RE.match(text, m.end())
        if um is None:
            continue
        unit = measure_word(um["u"])
        out.append((m.start(), um.end(), _value(m["a"]), f"{unit} by {m['b']} {unit}"))
    return out


#: A markup tag with attributes (``<post id="..." author="...">``), a markup comment (``<!--
#: google_ad_width = 468; //-->``, a page's script left in its text), or a run of twelve
#: or more digits with no separator.
_MARKUP = re.compile(
    r"<[A-Za-z][\w:-]*(?:[ \t]+[\w:-]+=\"[^\"<>\n]*\")+[ \t]*/?>|<!--.*?-->|(?<!\d)\d{12,}",
    re.S,
)


def markup_spans(text: str) -> list[tuple[int, int]]:
    """The spans of markup tags and long digit ids: no quantity is read there."""
    return [(m.start(), m.end()) for m in _MARKUP.finditer(text)]
