"""Date, time and duration expressions, normalised to ISO 8601 where they can be.

Private helper of the ``claims`` analyzer (patterns in :mod:`.date_patterns`, one
handler each in :mod:`.date_scanner`). :func:`find_dates` scans a text with a
small set of precompiled patterns (tried together, longest match wins) and returns
:class:`DateMatch` objects. Nothing here guesses a year or a day it was not given:

* absolute dates with a year ("March 5, 2024", "5 March 2024", "2024-03-05",
  "March 2024", "in 2019") resolve on their own;
* year-less dates ("March 5", "in March") and relative ones ("yesterday", "on Monday",
  "last week", "two days ago", "this year") resolve only against the publication date;
  without one their ``iso`` is ``None``; but a month and day take a year stated in their
  own clause ("on June 5 ... in the year 2017") or one that opens the sentence before as
  the scene of a past-tense telling ("In 2015 ... On June 3 ... sold"), whatever the
  publication date (:mod:`.date_anchors`);
* numeric dates like "05/03/2024" resolve only when the order is unambiguous (one part
  above 12); "05.03.2024" (dots) is read day-first, as it is written where dots are used;
* durations ("for three years", "a 10-year plan") become ISO durations ("P3Y"); a range
  of them ("70 to 80 hours", "two or three days") its two ends joined by a slash
  ("PT70H/PT80H"), never its top alone.

Conventions for relative dates, all relative to the publication date P:
"on Monday" is the latest Monday on or before P, or the first one on or after P when its
clause is in the future tense ("will", "would", "is due to" ...: "will speak late Tuesday",
told on a Tuesday, is that day, as news style writes the day of publication); a
year-less "January 1" is in P's year, or the next year when it has passed and the clause
is in the future tense, or the year before when it is still ahead and the past-tense verb
it hangs on tells it ("was held on June 3"; not "the June 7 primary", "adjourned until
June 3");
"last Monday" is strictly before P, "next Monday" strictly after; "last March" is the
latest March before P's month; "in March" is March of P's year, the next year's when it
has passed and the clause is in the future tense ("will reopen in January"), the year
before's when it is still ahead and a past-tense verb tells it; "last week" is the ISO
week before P's; "the past week" is the interval from P minus one week to P; "a week ago"
and "two weeks ago" count days back, as "two days ago" does (P minus 7 or 14 days).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date

from unspin.frames.date_anchors import anchor_years
from unspin.frames.date_indefinite import indefinite_unit, inside_name, quoted_title
from unspin.frames.date_ordinals import ordinal_series, possessive_year
from unspin.frames.date_patterns import (
    ENTITY_SKIP,
    PATTERNS,
    PUB_RE,
    RELATIVE_HINT,
    TIME_WORD,
    weekday_in_name,
)
from unspin.frames.date_posts import last_timestamp, post_days
from unspin.frames.date_scanner import DateMatch, DateScanner
from unspin.frames.spans import SpanIndex, notice_spans, reference_spans, web_spans
from unspin.nlp import Parsed

__all__ = ["DateMatch", "dateline_date", "find_dates", "parse_published"]


def parse_published(value: str | None) -> date | None:
    """The calendar date of an ISO publication date or timestamp; ``None`` if unreadable."""
    if not value:
        return None
    m = PUB_RE.match(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


#: Blocks at the top of a text that may give its date, and how many sentences from the
#: top one may stand.
_DATED_BLOCKS = frozenset({"dateline", "byline"})
_TOP_SENTENCES = 8


def dateline_date(parsed: Parsed, dates: Sequence[DateMatch]) -> date | None:
    """The full calendar date a dateline or byline near the top of ``parsed`` gives
    ("WASHINGTON, February 12, 2018 (Reuters) -", "By Ann Roe | 12 March 2024"), from
    ``dates`` found there without a publication date: the text's own date, for a text
    whose publication date is unknown; ``None`` when no such block gives a whole date."""
    tops = [s for s in parsed.sentences[:_TOP_SENTENCES] if s.block in _DATED_BLOCKS]
    for d in dates:
        whole = (d.label == "date" and d.granularity == "day") or d.label == "datetime"
        if not whole or d.relative or ".year-" in d.rule:
            continue  # a month, a year, "Monday" or a date whose year was told elsewhere
        if d.iso and any(s.start <= d.start and d.end <= s.end for s in tops):
            return parse_published(d.iso)
    return None


#: A blank line: a day over it and a clock time under it are two blocks (a live blog's
#: day heading and its first post's time), not one datetime.
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _merge_datetimes(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """Join "March 5, 2024 at 3 p.m." (and "3 p.m. on March 5") into one datetime, never
    across a blank line."""
    out: list[DateMatch] = []
    i = 0
    while i < len(found):
        a = found[i]
        if i + 1 < len(found):
            b = found[i + 1]
            gap = text[a.end : b.start]
            pair = None
            one_block = not _BLANK_LINE.search(gap)
            if (
                one_block
                and a.granularity == "day"
                and b.label == "time"
                and re.fullmatch(r",?\s*(?:at\s+)?", gap)
            ):
                pair = (a, b)
            elif (
                one_block
                and a.label == "time"
                and b.granularity == "day"
                and re.fullmatch(r",?\s*(?:on\s+)?", gap)
            ):
                pair = (b, a)
            if pair is not None and pair[0].label in ("date", "relative"):
                d, t = pair
                iso = f"{d.iso}T{t.iso}" if d.iso and t.iso else None
                out.append(
                    DateMatch(
                        a.start,
                        b.end,
                        "datetime",
                        iso,
                        t.granularity,
                        d.relative,
                        f"{d.rule}+{t.rule}",
                        min(d.score, t.score),
                        d.ambiguous,
                        t.timezone,
                        d.relative_to,
                        d.needs_publication,
                    )
                )
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def find_dates(
    text: str, parsed: Parsed, published: date | None, before: str = ""
) -> list[DateMatch]:
    """Every date, time and duration expression in ``text``, in text order, non-overlapping.

    Spans spaCy marked DATE or TIME that no pattern covers are kept with ``iso=None``
    and a low score (rule ``date.entity``), so nothing the parser saw is lost. In a text
    of dated posts (:mod:`.date_posts`) each post's relative dates are told from the day
    of its timestamp; ``before`` is the text above ``text`` when it is a window of a
    longer one, whose last timestamp dates the post the window starts in.
    """
    found = _scan(text, parsed, lambda _: published)
    above = last_timestamp(before, _line_dates) if before else None
    day_at = post_days(text, parsed, found, above)
    if day_at is None:
        return found
    return _scan(text, parsed, lambda offset: day_at(offset) or published)


def _line_dates(line: str) -> list[DateMatch]:
    """The dates of one short line of text, read without a parse (the rule-based stand-in's
    tokens): enough for a timestamp line, "10 November 2026 08:15 GMT"."""
    from unspin.nlp import FakeBackbone

    return _scan(line, FakeBackbone().parse(line), lambda _: None)


def _scan(text: str, parsed: Parsed, reference: Callable[[int], date | None]) -> list[DateMatch]:
    """:func:`find_dates`, each match resolved against the day ``reference`` gives at its
    start."""
    vetoed: list[tuple[int, int]] = []
    scanners: dict[date | None, DateScanner] = {}

    def scanner_at(offset: int) -> DateScanner:
        day = reference(offset)
        if day not in scanners:
            scanners[day] = DateScanner(text, parsed, day)
            scanners[day].vetoed = vetoed
        return scanners[day]

    # "example.com/2024/05/12/story", "Proverbs 6:17" and "Copyright 2015" hold no date
    web_list = [*web_spans(text), *reference_spans(text), *notice_spans(text)]
    web = SpanIndex(web_list)
    candidates: list[DateMatch] = []
    for name, pattern in PATTERNS:
        for m in pattern.finditer(text):
            scanner = scanner_at(m.start())
            if name == "relweekday" and weekday_in_name(
                parsed, m.start("wd"), m.end("wd"), bare=m["mod"] is None
            ):
                vetoed.append((m.start("wd"), m.end("wd")))  # "the Sunday Times"
                continue
            if name == "decade" and possessive_year(text, m.start(), m.end()):
                continue  # "2000's Blue Harbor": the year, read by the year pattern
            if name == "dayonly" and ordinal_series(text, parsed, m.end()):
                vetoed.append((m.start(), m.end()))  # "the 31st and 32nd floors"
                continue
            if name == "duration" and (
                indefinite_unit(text, m.start(), m.end())
                or quoted_title(text, m.start(), m.end())
                or inside_name(text, parsed, m.start(), m.end())
            ):
                vetoed.append((m.start(), m.end()))  # "in a year when ...": no length
                continue
            found = scanner.handle(name, m)
            if (
                found is not None
                and found.end > found.start
                and not web.overlaps(found.start, found.end)
            ):
                candidates.append(found)
    candidates.sort(key=lambda d: (-(d.end - d.start), -d.score, d.start))
    chosen: list[DateMatch] = []
    taken: set[int] = set()
    for c in candidates:
        if any(i in taken for i in range(c.start, c.end)):
            continue
        chosen.append(c)
        taken.update(range(c.start, c.end))
    chosen.sort(key=lambda d: d.start)
    chosen = [d for d in chosen if not _promotion(text, parsed, d)]
    names = [d for d in chosen if _not_a_day(text, d) or _designation(text, d)]
    vetoed.extend((d.start, d.end) for d in names)
    chosen = [d for d in chosen if d not in names]
    chosen = _merge_datetimes(text, anchor_years(text, parsed, chosen))
    ruled_out = SpanIndex([*web_list, *vetoed])
    extra = [d for d in _entity_dates(parsed, chosen) if not ruled_out.overlaps(d.start, d.end)]
    return sorted(chosen + extra, key=lambda d: d.start)


#: A line that sells a newsletter or a sign-up: "Get the digest in your inbox".
_PROMOTION = re.compile(r"\b(?:inbox|newsletter|subscribe|sign[ -]?up|e-?mail)\b", re.I)


def _promotion(text: str, parsed: Parsed, d: DateMatch) -> bool:
    """A relative word ("today", "yesterday's news") in an imperative sentence on a line
    that sells a newsletter ("Get the news today in your inbox"): boilerplate, no time
    of the story."""
    if d.rule != "date.relative-word":
        return False
    line_end = text.find("\n", d.end)
    line = text[text.rfind("\n", 0, d.start) + 1 : line_end if line_end >= 0 else len(text)]
    sentence = parsed.sentence_of(d.start)
    if sentence is None or not _PROMOTION.search(line):
        return False
    return parsed.tokens[sentence.first].tag == "VB"


#: "<Network>'s Today show", "told Today": a programme's name, not a day.
_PROGRAMME_BEFORE = re.compile(r"(?:['’]s|\bthe|\btold)\s+$")
_PROGRAMME_AFTER = re.compile(r"\s+(?:show|programme|program|podcast)\b", re.I)
#: "the trend of today", "the youth of today": the present age, no day.
_NOWADAYS = re.compile(r"\bthe\s+[a-z]+\s+of\s+$")


def _not_a_day(text: str, d: DateMatch) -> bool:
    """'Today' capitalised inside a sentence as a programme's name ("NBC's Today show")
    and "today" after "the <noun> of" (the present age): no day of the story."""
    if d.rule != "date.relative-word" or text[d.start : d.end].lower() != "today":
        return False
    before = text[max(0, d.start - 24) : d.start]
    after = text[d.end : d.end + 16]
    inside = before.strip() and not re.search(r"[.!?\"“:]\s*$", before)
    if (
        text[d.start] == "T"
        and inside
        and (_PROGRAMME_BEFORE.search(before) or _PROGRAMME_AFTER.match(after))
    ):
        return True
    return bool(_NOWADAYS.search(before)) and not re.match(r"\s*['’]s\b", after)


#: One to three capitals (digits may follow) after a year, then a comma, a full stop, a
#: bracket or a quote: a catalogue designation ("the rock 2019 KT, ...", "dubbed '2004
#: MN4'"); "the 1983 CIC canon" goes on into its noun.
_DESIGNATION_AFTER = re.compile(r" [A-Z]{1,3}\d{0,3}(?=[,.;:)\"'\u201d\u2019]|$)")
#: Capitals after a year that are a place or body, not a designation ("the 2014 US vote").
_INITIALISMS = frozenset(("US", "UK", "EU", "UN", "NY", "LA", "DC", "TV", "AD", "BC", "AM", "PM"))
#: A preposition or determiner right before a year: "in 2014", "since 2019", "the 1983
#: code": a date, or a year that dates the noun.
_YEAR_PREPOSITION = re.compile(
    r"\b(?:in|since|by|from|until|till|of|during|before|after|the|a|an|its|his|her|their)\s+$",
    re.I,
)


def _designation(text: str, d: DateMatch) -> bool:
    """A bare year followed by a code of capitals that ends there, no preposition or
    determiner before it ("the rock 2019 KT,"): the digits belong to a catalogue name,
    no date."""
    if d.rule != "date.year" or d.end - d.start != 4:
        return False
    m = _DESIGNATION_AFTER.match(text, d.end)
    if m is None or m.group().strip().rstrip("0123456789") in _INITIALISMS:
        return False
    return not _YEAR_PREPOSITION.search(text, max(0, d.start - 8), d.start)


def _entity_dates(parsed: Parsed, chosen: Sequence[DateMatch]) -> list[DateMatch]:
    out: list[DateMatch] = []
    covered = SpanIndex((c.start, c.end) for c in chosen)
    for e in parsed.entities:
        if e.label not in ("DATE", "TIME"):
            continue
        if covered.overlaps(e.start, e.end):
            continue
        if ENTITY_SKIP.search(e.text.strip()) or not TIME_WORD.search(e.text):
            continue
        if e.label == "TIME":
            label = "time"
        elif RELATIVE_HINT.search(e.text):
            label = "relative"
        else:
            label = "date"
        relative = label == "relative"
        out.append(DateMatch(e.start, e.end, label, None, "unknown", relative, "date.entity", 0.5))
    return out
