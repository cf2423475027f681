"""Date, time and duration expressions, normalised to ISO 8601 where they can be.

Private helper of the ``claims`` analyzer. :func:`find_dates` scans a text with a
small set of precompiled patterns (tried together, longest match wins) and returns
:class:`DateMatch` objects. Nothing here guesses a year or a day it was not given:

* absolute dates with a year ("March 5, 2024", "5 March 2024", "2024-03-05",
  "March 2024", "in 2019") resolve on their own;
* year-less dates ("March 5", "in March") and relative ones ("yesterday", "on Monday",
  "last week", "two days ago", "this year") resolve only against the publication date;
  without one their ``iso`` is ``None``;
* numeric dates like "05/03/2024" resolve only when the order is unambiguous (one part
  above 12); "05.03.2024" (dots) is read day-first, as it is written where dots are used;
* durations ("for three years", "a 10-year plan") become ISO durations ("P3Y").

Conventions for relative dates, all relative to the publication date P:
"on Monday" is the latest Monday on or before P, or the next on or after P when the
sentence is in the future tense; "last Monday" is strictly before P, "next Monday"
strictly after; "last March" is the latest March before P's month; "in March" is
March of P's year; "last week" is the ISO week before P's; "the past week" is the
interval from P minus one week to P.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from unspin.claims.spans import SpanIndex
from unspin.nlp import Parsed

__all__ = ["DateMatch", "find_dates", "parse_published"]

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3,
    "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
SMALL_NUMBERS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "a": 1, "an": 1, "a couple of": 2, "half a": 0, "half an": 0,
}  # fmt: skip

_MONTH_FULL = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
)
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_WEEKDAY = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_NUMW = (
    r"\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|sixty"
)
_UNIT = r"seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies)"

# Each pattern is (name, compiled regex); all are tried, overlaps keep the longest.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "iso",
        re.compile(
            r"(?<![\w/.-])(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
            r"(?:[T ](?P<H>[0-2]\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d))?"
            r"(?P<tz>Z|[+-][0-2]\d:?[0-5]\d)?)?(?![\w/-])"
        ),
    ),
    (
        "mdy",
        re.compile(
            rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?P<mon>{_MONTH})\s+(?P<day>{_DAY})\b"
            rf"(?!\s*(?:%|percent|per\s+cent|[:.]\d))(?:,?\s+(?P<year>\d{{4}})\b)?"
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{_DAY})\s+(?:of\s+)?"
            rf"(?P<mon>{_MONTH})(?![\w])(?:,?\s+(?P<year>\d{{4}})\b)?"
        ),
    ),
    ("my", re.compile(rf"\b(?P<mon>{_MONTH})\s+(?:of\s+)?(?P<year>\d{{4}})\b")),
    (
        "month",
        re.compile(
            r"\b(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id-?|[Ii]n|[Ss]ince|"
            r"[Uu]ntil|[Bb]y|[Ff]rom|[Tt]hrough|[Dd]uring|[Bb]efore|[Aa]fter|[Oo]f)\s+)?"
            rf"(?P<mon>{_MONTH_FULL})\b"
        ),
    ),
    (
        "numeric",
        re.compile(
            r"(?<![\w./-])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)"
            r"(?P<y>\d{4}|\d{2})(?![\w/]|\.\d)"
        ),
    ),
    (
        "year_range",
        re.compile(
            r"(?<![\w$£€.,-])(?P<y1>1[6-9]\d\d|20\d\d)\s?[-–]\s?(?P<y2>1[6-9]\d\d|20\d\d|\d\d)\b"
            r"|\b(?:[Bb]etween|[Ff]rom)\s+(?P<y3>1[6-9]\d\d|20\d\d)\s+(?:and|to|until|till)\s+"
            r"(?P<y4>1[6-9]\d\d|20\d\d)\b"
        ),
    ),
    (
        "year",
        re.compile(
            r"(?:\b(?P<pre>[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Dd]uring|[Bb]efore|"
            r"[Aa]fter|[Oo]f|[Ee]arly|[Ll]ate|[Mm]id-?|[Tt]hrough|[Tt]o|[Tt]he|[Ss]ummer|"
            r"[Ww]inter|[Ss]pring|[Aa]utumn|[Ff]all)\s+)?"
            r"(?<![\w$£€.,-])(?P<year>1[6-9]\d\d|20\d\d)\b(?![,.]\d|\s*(?:%|percent|per\s+cent))"
        ),
    ),
    (
        "century",
        re.compile(r"\b(?:the\s+)?(?P<n>1\d|2[01]|[1-9])(?:st|nd|rd|th)\s+century\b", re.I),
    ),
    (
        "decade",
        re.compile(r"\b(?:the\s+)?(?P<dec>(?:1[6-9]|20)\d0)s\b|\b[Tt]he\s+'(?P<short>[3-9]0)s\b"),
    ),
    (
        "time12",
        re.compile(
            r"(?<![\w:.])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s?(?P<ampm>[ap]\.m\.|[ap]\.m\b|[ap]m\b)"
            r"(?:\s+(?P<tz>GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|local\s+time))?"
        ),
    ),
    (
        "time24",
        re.compile(
            r"(?<![\w:.,])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::(?P<s>[0-5]\d))?(?![\d:])"
            r"(?:\s*(?P<tz>GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|local\s+time|hrs|h\b))?"
        ),
    ),
    ("timeword", re.compile(r"\b(?:at\s+)?(?P<w>noon|midday|midnight)\b", re.I)),
    (
        "relword",
        re.compile(
            r"\b(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|"
            r"yesterday|tomorrow|tonight|this\s+morning|this\s+afternoon|this\s+evening|"
            r"last\s+night|yesterday\s+(?:morning|afternoon|evening))\b",
            re.I,
        ),
    ),
    (
        "relweekday",
        re.compile(
            rf"\b(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming|[Pp]ast|[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil)\s+)?"
            rf"(?P<wd>{_WEEKDAY})(?:\s+(?:morning|afternoon|evening|night))?\b"
        ),
    ),
    (
        "relunit",
        re.compile(
            r"\b(?:(?P<when>earlier|later)\s+)?(?P<mod>last|next|this|past|coming|previous|current)"
            r"\s+(?P<unit>week|weekend|month|year|decade)\b",
            re.I,
        ),
    ),
    (
        "ago",
        re.compile(
            rf"\b(?P<n>{_NUMW}|an?|a\s+couple\s+of|a\s+few|several|some)\s+(?P<unit>{_UNIT})\s+ago\b",
            re.I,
        ),
    ),
    (
        "duration",
        re.compile(
            rf"(?<![\w.,])(?P<n>{_NUMW}|an?|half\s+an?)[\s-](?P<unit>{_UNIT})\b"
            r"(?!-old|\s+old|\s+ago|\s+(?:later|earlier|before|after)\b)",
            re.I,
        ),
    ),
)

_FUTURE_RE = re.compile(r"\b(?:will|shall|going\s+to|'ll|next|upcoming|scheduled)\b", re.I)
_PUB_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_UNIT_CODE = {
    "second": ("S", True, 1),
    "minute": ("M", True, 1),
    "hour": ("H", True, 1),
    "day": ("D", False, 1),
    "week": ("W", False, 1),
    "fortnight": ("W", False, 2),
    "month": ("M", False, 1),
    "year": ("Y", False, 1),
    "decade": ("Y", False, 10),
    "century": ("Y", False, 100),
}
_DURATION_CONTEXT = re.compile(
    r"\b(?:for|over|within|during|lasted|lasting|took|taking|spent|after|in|nearly|almost|"
    r"about|around|than|least|just|up\s+to|some)\s+$",
    re.I,
)
_NOT_DURATION_BEFORE = re.compile(r"\b(?:per|once|twice|times|every)\s+$", re.I)


@dataclass(frozen=True)
class DateMatch:
    """One date, time or duration expression found in a text."""

    start: int
    end: int
    label: str  # "date" | "time" | "datetime" | "relative" | "duration"
    iso: str | None
    granularity: str
    relative: bool
    rule: str
    score: float
    ambiguous: bool = False
    timezone: str | None = None
    #: the publication date (ISO) this expression was resolved against, if any
    relative_to: str | None = None
    #: True when the expression can only be resolved against a publication date
    needs_publication: bool = False


def parse_published(value: str | None) -> date | None:
    """The calendar date of an ISO publication date or timestamp; ``None`` if unreadable."""
    if not value:
        return None
    m = _PUB_RE.match(value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _unit_key(unit: str) -> str:
    u = unit.lower()
    if u.startswith("centur"):
        return "century"
    return u[:-1] if u.endswith("s") else u


def _small_number(word: str) -> float | None:
    w = " ".join(word.lower().split())
    if w in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[w]) if not w.startswith("half") else 0.5
    try:
        return float(w)
    except ValueError:
        return None


def _fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _shift_months(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + d.month - 1 + months
    return total // 12, total % 12 + 1


class _Scanner:
    """Matches every pattern over one text and turns each match into a DateMatch."""

    def __init__(self, text: str, parsed: Parsed, published: date | None) -> None:
        self.text = text
        self.parsed = parsed
        self.pub = published
        self.pub_iso = published.isoformat() if published else None
        self._sent_starts = [s.start for s in parsed.sentences]

    # -- helpers --------------------------------------------------------------------

    def _token_tag(self, char: int) -> str:
        k = self.parsed.token_at(char)
        return self.parsed.tokens[k].tag if k is not None else ""

    def _token_ent(self, char: int) -> str:
        k = self.parsed.token_at(char)
        return self.parsed.tokens[k].ent_type if k is not None else ""

    def _sentence_text(self, char: int) -> str:
        for s in self.parsed.sentences:
            if s.start <= char < s.end:
                return self.text[s.start : s.end]
        return self.text[max(0, char - 200) : char + 200]

    def _future(self, char: int) -> bool:
        return bool(_FUTURE_RE.search(self._sentence_text(char)))

    def _rel(
        self, start: int, end: int, rule: str, iso: str | None, gran: str, score: float
    ) -> DateMatch:
        rel = self.pub_iso if iso else None
        return DateMatch(
            start, end, "relative", iso, gran, True, rule, score,
            relative_to=rel, needs_publication=True,
        )  # fmt: skip

    # -- handlers -------------------------------------------------------------------

    def handle(self, name: str, m: re.Match[str]) -> DateMatch | None:
        handler: Callable[[re.Match[str]], DateMatch | None] = getattr(self, f"_h_{name}")
        return handler(m)

    def _h_iso(self, m: re.Match[str]) -> DateMatch | None:
        d = _safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if d is None:
            return None
        if m["H"]:
            t = f"{m['H']}:{m['M']}" + (f":{m['S']}" if m["S"] else "")
            iso = f"{d.isoformat()}T{t}{m['tz'] or ''}"
            gran = "second" if m["S"] else "minute"
            return DateMatch(m.start(), m.end(), "datetime", iso, gran, False, "date.iso", 0.97)
        return DateMatch(m.start(), m.end(), "date", d.isoformat(), "day", False, "date.iso", 0.97)

    def _month_ok(self, m: re.Match[str]) -> bool:
        """False for "may" the modal and for months that are people's names."""
        pos = m.start("mon")
        if m["mon"] == "May" and self._token_tag(pos) == "MD":
            return False
        return self._token_ent(pos) not in ("PERSON", "ORG")

    def _day_month(self, m: re.Match[str], rule: str) -> DateMatch | None:
        if not self._month_ok(m):
            return None
        month = MONTHS[m["mon"].rstrip(".").lower()]
        day = int(re.sub(r"\D", "", m["day"]))
        if m["year"]:
            d = _safe_date(int(m["year"]), month, day)
            if d is None:
                return None
            return DateMatch(m.start(), m.end(), "date", d.isoformat(), "day", False, rule, 0.95)
        if _safe_date(2000, month, day) is None:  # 2000 is a leap year: Feb 29 passes
            return None
        d = _safe_date(self.pub.year, month, day) if self.pub else None
        iso = d.isoformat() if d else None
        rel = self.pub_iso if iso else None
        return DateMatch(
            m.start(), m.end(), "date", iso, "day", False, rule, 0.9,
            relative_to=rel, needs_publication=True,
        )  # fmt: skip

    def _h_mdy(self, m: re.Match[str]) -> DateMatch | None:
        return self._day_month(m, "date.month-day")

    def _h_dmy(self, m: re.Match[str]) -> DateMatch | None:
        return self._day_month(m, "date.day-month")

    def _h_my(self, m: re.Match[str]) -> DateMatch | None:
        if not self._month_ok(m):
            return None
        month = MONTHS[m["mon"].rstrip(".").lower()]
        iso = f"{int(m['year']):04d}-{month:02d}"
        return DateMatch(m.start(), m.end(), "date", iso, "month", False, "date.month-year", 0.95)

    def _h_month(self, m: re.Match[str]) -> DateMatch | None:
        mod = (m["mod"] or "").lower().rstrip("-")
        if m["mon"] == "May" and not mod:
            return None  # a bare capitalised "May" is too often the modal or a name
        if not self._month_ok(m):
            return None
        month = MONTHS[m["mon"].lower()]
        start = (
            m.start("mon")
            if mod not in ("last", "next", "this", "early", "late", "mid")
            else m.start()
        )
        iso: str | None = None
        if mod in ("last", "next", "this"):
            if self.pub:
                year = self.pub.year
                if mod == "last":
                    year -= 1 if month >= self.pub.month else 0
                elif mod == "next":
                    year += 1 if month <= self.pub.month else 0
                iso = f"{year:04d}-{month:02d}"
            return self._rel(start, m.end(), "date.relative-month", iso, "month", 0.85)
        if self.pub:
            iso = f"{self.pub.year:04d}-{month:02d}"
        return DateMatch(
            start, m.end(), "date", iso, "month", False, "date.month", 0.8,
            relative_to=self.pub_iso if iso else None, needs_publication=True,
        )  # fmt: skip

    def _h_numeric(self, m: re.Match[str]) -> DateMatch | None:
        a, b = int(m["a"]), int(m["b"])
        y = int(m["y"])
        if len(m["y"]) == 2:
            y += 2000 if y < 50 else 1900
        ambiguous = False
        if m["sep"] == "." or a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a
        elif a == b:
            day, month = a, b
        else:
            ambiguous = True
            day, month = 0, 0
        if ambiguous:
            if a > 12 or b > 12 or a == 0 or b == 0:
                return None  # not a date at all
            return DateMatch(
                m.start(), m.end(), "date", None, "day", False, "date.numeric", 0.6, ambiguous=True
            )
        d = _safe_date(y, month, day)
        if d is None:
            return None
        return DateMatch(
            m.start(), m.end(), "date", d.isoformat(), "day", False, "date.numeric", 0.85
        )

    def _h_year_range(self, m: re.Match[str]) -> DateMatch | None:
        y1 = int(m["y1"] or m["y3"])
        y2s = m["y2"] or m["y4"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if y2 <= y1 or y2 - y1 > 100:
            return None
        iso = f"{y1:04d}/{y2:04d}"
        return DateMatch(m.start(), m.end(), "date", iso, "year", False, "date.year-range", 0.85)

    def _h_year(self, m: re.Match[str]) -> DateMatch | None:
        pos = m.start("year")
        ent = self._token_ent(pos)
        pre = (m["pre"] or "").lower()
        if ent in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") and not pre:
            return None
        after = self.text[m.end() : m.end() + 30]
        if re.match(r"\s*(?:people|persons|[a-z]+s\b)", after) and pre in ("", "the"):
            k = self.parsed.token_at(pos)
            nxt = (
                self.parsed.tokens[k + 1]
                if k is not None and k + 1 < len(self.parsed.tokens)
                else None
            )
            if nxt is not None and nxt.tag == "NNS" and ent != "DATE":
                return None  # "1999 people": a count
        if pre and pre != "the":
            score, start = 0.9, pos
        elif ent == "DATE":
            score, start = 0.8, pos
        elif pre == "the":
            score, start = 0.7, pos
        else:
            return None
        return DateMatch(start, m.end(), "date", m["year"], "year", False, "date.year", score)

    def _h_century(self, m: re.Match[str]) -> DateMatch | None:
        n = int(m["n"])
        iso = f"{(n - 1) * 100 + 1:04d}/{n * 100:04d}"
        return DateMatch(m.start(), m.end(), "date", iso, "century", False, "date.century", 0.85)

    def _h_decade(self, m: re.Match[str]) -> DateMatch | None:
        y = int(m["dec"]) if m["dec"] else 1900 + int(m["short"])
        return DateMatch(
            m.start(), m.end(), "date", f"{y:04d}/{y + 9:04d}", "decade", False, "date.decade", 0.85
        )

    def _time(
        self, m: re.Match[str], hour: int, minute: int, second: int | None, rule: str
    ) -> DateMatch:
        iso = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second is not None else "")
        tz = m.groupdict().get("tz")
        tz = tz if tz and tz not in ("hrs", "h") else None
        if tz in ("GMT", "UTC"):
            iso += "Z"
        gran = "second" if second is not None else "minute"
        return DateMatch(m.start(), m.end(), "time", iso, gran, False, rule, 0.9, timezone=tz)

    def _h_time12(self, m: re.Match[str]) -> DateMatch | None:
        h = int(m["h"]) % 12
        if m["ampm"].lower().startswith("p"):
            h += 12
        return self._time(m, h, int(m["m"] or 0), None, "time.12h")

    def _h_time24(self, m: re.Match[str]) -> DateMatch | None:
        before = self.text[max(0, m.start() - 12) : m.start()]
        if re.search(r"(?:score|won|lost|beat|ratio|verse|chapter)\s*$", before, re.I):
            return None
        sec = int(m["s"]) if m["s"] else None
        return self._time(m, int(m["h"]), int(m["m"]), sec, "time.24h")

    def _h_timeword(self, m: re.Match[str]) -> DateMatch | None:
        w = m["w"].lower()
        iso = "00:00" if w == "midnight" else "12:00"
        return DateMatch(m.start("w"), m.end(), "time", iso, "minute", False, "time.word", 0.8)

    def _h_relword(self, m: re.Match[str]) -> DateMatch | None:
        w = " ".join(m["w"].lower().split())
        offsets = {
            "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
            "yesterday": -1, "last night": -1, "yesterday morning": -1,
            "yesterday afternoon": -1, "yesterday evening": -1, "tomorrow": 1,
            "the day before yesterday": -2, "the day after tomorrow": 2,
        }  # fmt: skip
        iso = (self.pub + timedelta(days=offsets[w])).isoformat() if self.pub else None
        score = 0.7 if w == "today" else 0.9
        return self._rel(m.start(), m.end(), "date.relative-word", iso, "day", score)

    def _h_relweekday(self, m: re.Match[str]) -> DateMatch | None:
        mod = (m["mod"] or "").lower()
        wd = WEEKDAYS[m["wd"].lower()]
        start = m.start() if mod in ("last", "next", "this", "coming", "past") else m.start("wd")
        iso: str | None = None
        if self.pub:
            back = (self.pub.weekday() - wd) % 7
            fwd = (wd - self.pub.weekday()) % 7
            if mod in ("last", "past"):
                d = self.pub - timedelta(days=back or 7)
            elif mod == "next":
                d = self.pub + timedelta(days=fwd or 7)
            elif mod in ("this", "coming") or self._future(m.start()):
                d = self.pub + timedelta(days=fwd)
            else:
                d = self.pub - timedelta(days=back)
            iso = d.isoformat()
        return self._rel(start, m.end(), "date.relative-weekday", iso, "day", 0.85)

    def _h_relunit(self, m: re.Match[str]) -> DateMatch | None:
        mod = m["mod"].lower()
        unit = m["unit"].lower()
        gran = "week" if unit == "weekend" else unit
        step = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(mod, 0)
        iso: str | None = None
        p = self.pub
        if p is not None:
            if mod == "past":
                span = {"week": timedelta(days=7), "weekend": timedelta(days=7)}.get(unit)
                if span is not None:
                    iso = f"{(p - span).isoformat()}/{p.isoformat()}"
                elif unit == "month":
                    y, mo = _shift_months(p, -1)
                    back = _safe_date(y, mo, min(p.day, 28)) or p
                    iso = f"{back.isoformat()}/{p.isoformat()}"
                elif unit == "year":
                    back = _safe_date(p.year - 1, p.month, min(p.day, 28)) or p
                    iso = f"{back.isoformat()}/{p.isoformat()}"
            elif unit in ("week", "weekend"):
                iso = _iso_week(p + timedelta(weeks=step))
            elif unit == "month":
                y, mo = _shift_months(p, step)
                iso = f"{y:04d}-{mo:02d}"
            elif unit == "year":
                iso = f"{p.year + step:04d}"
            elif unit == "decade":
                d0 = (p.year // 10 + step) * 10
                iso = f"{d0:04d}/{d0 + 9:04d}"
        return self._rel(m.start(), m.end(), "date.relative-unit", iso, gran, 0.85)

    def _h_ago(self, m: re.Match[str]) -> DateMatch | None:
        n = _small_number(m["n"])
        unit = _unit_key(m["unit"])
        gran = {"second": "day", "minute": "day", "hour": "day"}.get(unit, unit)
        iso: str | None = None
        if self.pub and n is not None and n == int(n):
            k = int(n)
            p = self.pub
            if unit in ("second", "minute", "hour", "day"):
                days = {"day": k}.get(unit, 0 if unit != "hour" else k // 24)
                iso = (p - timedelta(days=days)).isoformat()
            elif unit in ("week", "fortnight"):
                iso = _iso_week(p - timedelta(weeks=k * (2 if unit == "fortnight" else 1)))
                gran = "week"
            elif unit == "month":
                y, mo = _shift_months(p, -k)
                iso = f"{y:04d}-{mo:02d}"
            elif unit in ("year", "decade", "century"):
                years = k * {"year": 1, "decade": 10, "century": 100}[unit]
                iso = f"{p.year - years:04d}"
                gran = "year"
        score = 0.9 if n is not None else 0.6
        return self._rel(m.start(), m.end(), "date.ago", iso, gran, score)

    def _h_duration(self, m: re.Match[str]) -> DateMatch | None:
        n_text = m["n"].lower()
        n = _small_number(n_text)
        if n is None:
            return None
        before = self.text[max(0, m.start() - 30) : m.start()]
        if _NOT_DURATION_BEFORE.search(before):
            return None  # "once a year", "per day": a frequency
        vague_article = n_text in ("a", "an")
        if vague_article and not _DURATION_CONTEXT.search(before):
            return None
        unit = _unit_key(m["unit"])
        code, is_time, mult = _UNIT_CODE[unit]
        value = n * mult
        iso = f"PT{_fmt_num(value)}{code}" if is_time else f"P{_fmt_num(value)}{code}"
        score = 0.75 if vague_article else 0.85
        return DateMatch(m.start(), m.end(), "duration", iso, unit, False, "date.duration", score)


def _merge_datetimes(text: str, found: list[DateMatch]) -> list[DateMatch]:
    """Join "March 5, 2024 at 3 p.m." (and "3 p.m. on March 5") into one datetime."""
    out: list[DateMatch] = []
    i = 0
    while i < len(found):
        a = found[i]
        if i + 1 < len(found):
            b = found[i + 1]
            gap = text[a.end : b.start]
            pair = None
            if (
                a.granularity == "day"
                and b.label == "time"
                and re.fullmatch(r",?\s*(?:at\s+)?", gap)
            ):
                pair = (a, b)
            elif (
                a.label == "time"
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


_ENTITY_SKIP = re.compile(
    r"^(?:annual|annually|daily|weekly|monthly|yearly|quarterly|\d+|the\s+day|a\s+day|"
    r"one\s+day|some\s+day|the\s+year|the\s+years?)$|year-old|years?\s+old|-year\b",
    re.I,
)
_TIME_WORD = re.compile(
    r"\b(?:centur|decade|year|month|week|day|night|morning|afternoon|evening|spring|summer|"
    r"autumn|fall|winter|season|quarter|hour|minute|era|period|dawn|dusk|"
    r"(?:jan|febr)uary|march|april|may|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
    re.I,
)
_RELATIVE_HINT = re.compile(
    r"\b(?:this|last|next|past|recent|recently|ago|coming|previous|earlier|later|current|"
    r"now|today|yesterday|tomorrow)\b",
    re.I,
)


def find_dates(text: str, parsed: Parsed, published: date | None) -> list[DateMatch]:
    """Every date, time and duration expression in ``text``, in text order, non-overlapping.

    Spans spaCy marked DATE or TIME that no pattern covers are kept with ``iso=None``
    and a low score (rule ``date.entity``), so nothing the parser saw is lost.
    """
    scanner = _Scanner(text, parsed, published)
    candidates: list[DateMatch] = []
    for name, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            found = scanner.handle(name, m)
            if found is not None and found.end > found.start:
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
    chosen = _merge_datetimes(text, chosen)
    extra = _entity_dates(parsed, chosen)
    return sorted(chosen + extra, key=lambda d: d.start)


def _entity_dates(parsed: Parsed, chosen: Sequence[DateMatch]) -> list[DateMatch]:
    out: list[DateMatch] = []
    covered = SpanIndex((c.start, c.end) for c in chosen)
    for e in parsed.entities:
        if e.label not in ("DATE", "TIME"):
            continue
        if covered.overlaps(e.start, e.end):
            continue
        if _ENTITY_SKIP.search(e.text.strip()) or not _TIME_WORD.search(e.text):
            continue
        if e.label == "TIME":
            label = "time"
        elif _RELATIVE_HINT.search(e.text):
            label = "relative"
        else:
            label = "date"
        relative = label == "relative"
        out.append(DateMatch(e.start, e.end, label, None, "unknown", relative, "date.entity", 0.5))
    return out
