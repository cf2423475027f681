"""The scanner behind :func:`unspin.frames.dates.find_dates`: one handler per pattern of
:mod:`unspin.frames.date_patterns`, each turning a match into a :class:`DateMatch`
(conventions in :mod:`unspin.frames.dates`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from unspin.frames.date_calendar import (
    ago_iso,
    day_month_order,
    day_of_month,
    relative_month_year,
    relative_unit_iso,
    safe_date,
    weekday_date,
    weekday_fits,
)
from unspin.frames.date_context import (
    PLAIN_FUTURE_AUX,
    future_at,
    past_at,
    same_day_before,
    scheduled_at,
    year_before,
)
from unspin.frames.date_patterns import (
    DURATION_BOTTOM,
    DURATION_CONTEXT,
    MONTH_JOINED,
    MONTHS,
    NOT_DURATION_BEFORE,
    PAIR_TIME_BEFORE,
    SEASON_BEFORE,
    SMALL_NUMBERS,
    SPACED_PAIR,
    UNIT_ABBREVIATIONS,
    UNIT_CODE,
    WEEKDAYS,
)
from unspin.frames.quantity_mixed import mixed_value
from unspin.frames.quantity_patterns import YEAR
from unspin.nlp import Parsed

__all__ = ["DateMatch", "DateScanner"]


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


#: Words after the noun "march" that say where it goes ("resumes March to the border").
_MARCH_WAY = frozenset(
    ("to", "on", "toward", "towards", "through", "across", "against", "from", "into")
)


def _unit_key(unit: str) -> str:
    u = unit.lower()
    if u.startswith("centur"):
        return "century"
    u = u[:-1] if u.endswith("s") else u
    return UNIT_ABBREVIATIONS.get(u, u)  # "yrs": year


def _small_number(word: str) -> float | None:
    w = " ".join(word.lower().split())
    if w in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[w]) if not w.startswith("half") else 0.5
    try:
        return float(w)
    except ValueError:
        return mixed_value(w)  # "4 1/2", "4½"


def _fmt_num(n: float) -> str:
    return str(int(n)) if n == int(n) else f"{n:g}"


def _told_year(m: re.Match[str]) -> int | None:
    """The year a month or day states: four digits, or two after an apostrophe ("Sept. 28
    '17"), 19xx from 50 on and 20xx below, as a numeric date's two-digit year."""
    found = m.groupdict()
    if found.get("year") or found.get("cyear"):
        return int(found.get("year") or found["cyear"])
    return _century(int(found["ayear"])) if found.get("ayear") else None


def _century(y: int) -> int:
    """The year of a two-digit year: 19xx from 50 on, else 20xx."""
    return y + (2000 if y < 50 else 1900)


#: How far before the publication a day told in the simple present of a planned event
#: must lie to be next year's: a day just passed ("reopens on March 3", told on March 10)
#: is as often a headline's present of what happened.
_PRESENT_REACH = timedelta(days=45)


def _month_year(
    text: str, parsed: Parsed, pub: date, month: int, span: tuple[int, int, int]
) -> int:
    """The year of a month told without one (``span``: where its name starts, where its
    words start, "early March", and where they end): the publication year,
    the next one when the month has passed and its clause is about the future ("will
    reopen in January", told in November) or a verb in the simple present plans it two
    months back or more ("closes three libraries in March"), the one before when it is
    still ahead and a past-tense verb tells it ("was held in December", told in November)."""
    name, start, end = span
    if month < pub.month and future_at(text, parsed, name, PLAIN_FUTURE_AUX):
        return pub.year + 1
    if month < pub.month - 1 and scheduled_at(text, parsed, start, end):
        return pub.year + 1  # "closes three libraries in March", told in November
    if month > pub.month and past_at(text, parsed, start, end):
        return pub.year - 1
    return pub.year


def _tag_at(parsed: Parsed, char: int) -> str:
    k = parsed.token_at(char)
    return parsed.tokens[k].tag if k is not None else ""


def _ent_at(parsed: Parsed, char: int) -> str:
    k = parsed.token_at(char)
    return parsed.tokens[k].ent_type if k is not None else ""


def _month_ok(parsed: Parsed, m: re.Match[str]) -> bool:
    """False for "may" the modal and for months that are people's names."""
    pos = m.start("mon")
    if m["mon"] == "May" and _tag_at(parsed, pos) == "MD":
        return False
    return _ent_at(parsed, pos) not in ("PERSON", "ORG")


def _noun_march(parsed: Parsed, char: int) -> bool:
    """A bare "March" that has its own determiner ("a March on City Hall"), or is a
    verb's object that a preposition of way follows ("resumes March to the Capital"):
    the noun march. "spent March in Spain" keeps the month."""
    k = parsed.token_at(char)
    if k is None:
        return False
    toks = parsed.tokens
    way = k + 1 < len(toks) and toks[k + 1].lower in _MARCH_WAY
    return (toks[k].dep == "dobj" and way) or any(
        c.dep in ("det", "poss") for c in parsed.children(k)
    )


def _score_pair(text: str, start: int, end: int) -> bool:
    """The year at ``start:end`` is the first of a pair joined by a spaced hyphen ("2019 -
    40": a score, two columns of a table) with no word of time before it."""
    return bool(SPACED_PAIR.match(text, end)) and not PAIR_TIME_BEFORE.search(
        text[max(0, start - 16) : start]
    )


#: A run of three or more bare numbers joined by commas and "and" / "or".
_NUMBER_LIST = re.compile(
    r"\b\d+(?:(?:,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+)\d+\b){2,}"
)


def _in_number_list(text: str, start: int, end: int) -> bool:
    """Whether the year at ``start:end`` is one of a list of three or more bare numbers
    of which one is no year ("1200, 1300, 1600 and 1900 Harbour Road", street numbers):
    the list's years are numbers of the same kind."""
    lo = max(0, start - 80)
    for m in _NUMBER_LIST.finditer(text, lo, min(len(text), end + 80)):
        if m.start() <= start and end <= m.end():
            return any(not YEAR.fullmatch(n) for n in re.findall(r"\d+", m.group()))
    return False


#: A weekday written right before a day, in brackets or after a comma: "Sunday (Sept. 7".
_WEEKDAY_BEFORE = re.compile(
    rf"\b(?P<wd>{'|'.join(w.title() for w in WEEKDAYS)})[ \t]*[(,]?[ \t]*\Z"
)


def _weekday_by(text: str, m: re.Match[str]) -> str | None:
    """The weekday the day matched by ``m`` is told with: its own ("Sunday, Sept. 7") or
    one right before its brackets ("on Sunday (Sept. 7)")."""
    if m.groupdict().get("wd"):
        return str(m["wd"])
    before = _WEEKDAY_BEFORE.search(text, max(0, m.start() - 14), m.start())
    return before["wd"] if before else None


def _yearless_day(
    text: str,
    parsed: Parsed,
    pub: date | None,
    m: re.Match[str],
    month_day: tuple[int, int],
    rule: str,
) -> DateMatch:
    """A day told with its month and no year: the year it was told with before in the text
    ("Sept. 11, 2001", then "the Sept. 11 attacks"), else the publication year moved by the
    tense of its clause, else, with no publication date, the year of a date told before,
    unless a weekday told with the day falls on another day in that year."""
    month, day = month_day
    pub_iso = pub.isoformat() if pub else None
    if (same := same_day_before(text, m.start(), month, day)) is not None:
        d = safe_date(same[0], month, day)
        if d is not None:
            return DateMatch(
                m.start(), m.end(), "date", d.isoformat(), "day", False,
                f"{rule}.same-day", 0.85, relative_to=same[1],
            )  # fmt: skip
    d = safe_date(pub.year, month, day) if pub else None
    if d is not None and pub is not None:
        if d < pub and future_at(text, parsed, m.start()):
            d = safe_date(pub.year + 1, month, day)  # "will rise from January 1"
        elif d < pub - _PRESENT_REACH and scheduled_at(text, parsed, m.start(), m.end()):
            d = safe_date(pub.year + 1, month, day)  # "reopens on March 3", told in June
        elif d > pub and past_at(text, parsed, m.start(), m.end()):
            d = safe_date(pub.year - 1, month, day)  # "sold it on June 3": gone by
    if pub is None and (told := year_before(text, m.start(), month)) is not None:
        year, anchor = told
        d = safe_date(year, month, day)
        if d is not None and not weekday_fits(d, _weekday_by(text, m)):
            d = None  # "Sunday (Sept. 7)" after "September 2007": a Friday then, not this day
        if d is not None:
            return DateMatch(
                m.start(), m.end(), "date", d.isoformat(), "day", False,
                f"{rule}.year-before", 0.8, relative_to=anchor,
            )  # fmt: skip
    iso = d.isoformat() if d else None
    rel = pub_iso if iso else None
    return DateMatch(
        m.start(), m.end(), "date", iso, "day", False, rule, 0.9,
        relative_to=rel, needs_publication=True,
    )  # fmt: skip


class DateScanner:
    """Matches every pattern over one text and turns each match into a DateMatch."""

    def __init__(self, text: str, parsed: Parsed, published: date | None) -> None:
        self.text = text
        self.parsed = parsed
        self.pub = published
        self.pub_iso = published.isoformat() if published else None
        self._sent_starts = [s.start for s in parsed.sentences]
        #: Words ruled out as dates (the noun "march"): no parser DATE entity brings them back.
        self.vetoed: list[tuple[int, int]] = []

    # -- helpers --------------------------------------------------------------------

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
        d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
        if d is None:
            return None
        if m["H"]:
            t = f"{m['H']}:{m['M']}" + (f":{m['S']}" if m["S"] else "")
            iso = f"{d.isoformat()}T{t}{m['tz'] or ''}"
            gran = "second" if m["S"] else "minute"
            return DateMatch(m.start(), m.end(), "datetime", iso, gran, False, "date.iso", 0.97)
        return DateMatch(m.start(), m.end(), "date", d.isoformat(), "day", False, "date.iso", 0.97)

    def _day_month(self, m: re.Match[str], rule: str) -> DateMatch | None:
        if not _month_ok(self.parsed, m):
            return None
        month = MONTHS[m["mon"].rstrip(".").lower()]
        day = int(re.sub(r"\D", "", m["day"]))
        last = m.groupdict().get("day2")  # "November 10-13, 2012": a range of days
        if (year := _told_year(m)) is not None:
            d = safe_date(year, month, day)
            d2 = safe_date(year, month, int(re.sub(r"\D", "", last or "0")))
            if d is None:
                return None
            days = f"{d}/{d2}" if d2 is not None and d2 > d else d.isoformat()
            return DateMatch(m.start(), m.end(), "date", days, "day", False, rule, 0.95)
        if safe_date(2000, month, day) is None:  # 2000 is a leap year: Feb 29 passes
            return None
        return _yearless_day(self.text, self.parsed, self.pub, m, (month, day), rule)

    def _h_mdy(self, m: re.Match[str]) -> DateMatch | None:
        return self._day_month(m, "date.month-day")

    def _h_dmy(self, m: re.Match[str]) -> DateMatch | None:
        return self._day_month(m, "date.day-month")

    def _h_my(self, m: re.Match[str]) -> DateMatch | None:
        if not _month_ok(self.parsed, m):
            return None
        month = MONTHS[m["mon"].rstrip(".").lower()]
        iso = f"{_told_year(m) or 0:04d}-{month:02d}"
        return DateMatch(m.start(), m.end(), "date", iso, "month", False, "date.month-year", 0.95)

    def _h_month(self, m: re.Match[str]) -> DateMatch | None:
        mod = (m["mod"] or "").lower().rstrip("-")
        if m["mon"] == "May" and not mod and not MONTH_JOINED.match(self.text, m.end()):
            return None  # a bare capitalised "May" is too often the modal or a name
        if m["mon"] == "March" and not mod and _noun_march(self.parsed, m.start("mon")):
            self.vetoed.append((m.start("mon"), m.end()))
            return None  # "Caravan Resumes March to Border": the walk, not the month
        if not _month_ok(self.parsed, m):
            return None
        month = MONTHS[m["mon"].lower()]
        if m["rel"]:  # "May of this year"
            year = self.pub.year + {"last": -1, "next": 1}.get(m["rel"], 0) if self.pub else 0
            rel_iso = f"{year:04d}-{month:02d}" if self.pub else None
            return self._rel(m.start("mon"), m.end(), "date.relative-month", rel_iso, "month", 0.85)
        start = (
            m.start("mon")
            if mod not in ("last", "next", "this", "early", "late", "mid")
            else m.start()
        )
        iso: str | None = None
        if mod in ("last", "next", "this"):
            if self.pub:
                iso = f"{relative_month_year(self.pub, month, mod):04d}-{month:02d}"
            return self._rel(start, m.end(), "date.relative-month", iso, "month", 0.85)
        if self.pub:
            span = (m.start("mon"), start, m.end())
            year = _month_year(self.text, self.parsed, self.pub, month, span)
            iso = f"{year:04d}-{month:02d}"
        return DateMatch(
            start, m.end(), "date", iso, "month", False, "date.month", 0.8,
            relative_to=self.pub_iso if iso else None, needs_publication=True,
        )  # fmt: skip

    def _h_numeric(self, m: re.Match[str]) -> DateMatch | None:
        a, b = int(m["a"]), int(m["b"])
        y = int(m["y"]) if len(m["y"]) == 4 else _century(int(m["y"]))
        order = day_month_order(a, b, m["sep"])
        if order is None:
            if a > 12 or b > 12 or a == 0 or b == 0:
                return None  # not a date at all
            return DateMatch(
                m.start(), m.end(), "date", None, "day", False, "date.numeric", 0.6, ambiguous=True
            )
        day, month = order
        d = safe_date(y, month, day)
        if d is None:
            return None
        return DateMatch(
            m.start(), m.end(), "date", d.isoformat(), "day", False, "date.numeric", 0.85
        )

    def _h_year_range(self, m: re.Match[str]) -> DateMatch | None:
        if m["y1"] and _score_pair(self.text, m.start("y1"), m.end("y1")):
            return None
        y1 = int(m["y1"] or m["y3"])
        y2s = m["y2"] or m["y4"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if y2 <= y1 or y2 - y1 > 100:
            return None
        iso = f"{y1:04d}/{y2:04d}"
        return DateMatch(m.start(), m.end(), "date", iso, "year", False, "date.year-range", 0.85)

    def _h_year(self, m: re.Match[str]) -> DateMatch | None:
        pos = m.start("year")
        ent = _ent_at(self.parsed, pos)
        pre = (m["pre"] or "").lower()
        if ent in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") and not pre:
            return None
        if _score_pair(self.text, m.start(), m.end()):
            return None  # "2019 - 40"
        if not pre and _in_number_list(self.text, pos, m.end()):
            return None  # "1300, 1600 and 1900 Harbour Road": street numbers
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
        grain = "year"
        if pre and pre != "the":
            score, start = 0.9, pos
        elif ent == "DATE":
            score, start = 0.8, pos
        elif pre == "the":
            score, start = 0.7, pos
        else:
            return None
        if season := SEASON_BEFORE.search(self.text, max(0, pos - 14), pos):
            start, grain = season.start(), "season"  # "Spring of 2015": the season kept
        return DateMatch(start, m.end(), "date", m["year"], grain, False, "date.year", score)

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
            future = mod not in ("last", "past", "next", "this", "coming") and future_at(
                self.text, self.parsed, m.start()
            )
            iso = weekday_date(self.pub, wd, mod, future).isoformat()
        return self._rel(start, m.end(), "date.relative-weekday", iso, "day", 0.85)

    def _h_dayonly(self, m: re.Match[str]) -> DateMatch | None:
        nxt = re.match(r"\s+(?=\w)", self.text[m.end() : m.end() + 3])
        if nxt is not None:
            k = self.parsed.token_at(m.end() + nxt.end())
            if k is not None and self.parsed.tokens[k].pos in ("NOUN", "PROPN", "ADJ", "NUM"):
                return None  # "on the 20th floor", "by the 3rd quarter": an ordinal
        iso: str | None = None
        if self.pub:
            found = day_of_month(
                self.pub, int(m["day"]), future_at(self.text, self.parsed, m.start("the"))
            )
            # "Tuesday the 16": that day only when it falls on a Tuesday
            iso = found.isoformat() if found and weekday_fits(found, m["wd"]) else None
        start = m.start("wd") if m["wd"] else m.start("the")
        return self._rel(start, m.end(), "date.day-of-month", iso, "day", 0.75)

    def _h_relunit(self, m: re.Match[str]) -> DateMatch | None:
        mod = m["mod"].lower()
        unit = m["unit"].lower()
        gran = "week" if unit == "weekend" else unit
        step = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(mod, 0)
        iso = relative_unit_iso(self.pub, mod, unit, step) if self.pub is not None else None
        return self._rel(m.start(), m.end(), "date.relative-unit", iso, gran, 0.85)

    def _h_ago(self, m: re.Match[str]) -> DateMatch | None:
        n = _small_number(m["n"])
        unit = _unit_key(m["unit"])
        gran = {"second": "day", "minute": "day", "hour": "day"}.get(unit, unit)
        iso: str | None = None
        if self.pub and n is not None and n == int(n):
            iso, gran = ago_iso(self.pub, int(n), unit, gran)
        score = 0.9 if n is not None else 0.6
        return self._rel(m.start(), m.end(), "date.ago", iso, gran, score)

    def _h_duration(self, m: re.Match[str]) -> DateMatch | None:
        n_text = m["n"].lower()
        n = _small_number(n_text)
        if n is None:
            return None
        before = self.text[max(0, m.start() - 30) : m.start()]
        if NOT_DURATION_BEFORE.search(before):
            return None  # "once a year", "per day": a frequency
        vague_article = n_text in ("a", "an")
        if vague_article and not DURATION_CONTEXT.search(before):
            return None
        unit = _unit_key(m["unit"])
        one_day = n_text == "one" and unit == "day" and "-" not in m.group(0)
        if one_day and not DURATION_CONTEXT.search(before):
            return None  # "may come forward one day", "One day, she left": no duration
        code, is_time, mult = UNIT_CODE[unit]
        value = n * mult
        prefix = "PT" if is_time else "P"
        iso = f"{prefix}{_fmt_num(value)}{code}"
        score = 0.75 if vague_article else 0.85
        start = m.start()
        low = DURATION_BOTTOM.search(before) if not vague_article else None
        if low and not low["from"] and (lo := _small_number(low["lo"])) is not None and lo < n:
            # "70 to 80 hours", "two or three days": both ends, joined by a slash
            start -= len(before) - low.start()
            iso = f"{prefix}{_fmt_num(lo * mult)}{code}/{iso}"
        return DateMatch(start, m.end(), "duration", iso, unit, False, "date.duration", score)
