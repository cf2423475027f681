"""The word tables and patterns that :mod:`unspin.frames.dates` matches dates with, and
:func:`weekday_in_name`, which rules out a weekday that opens a name ("the Sunday Times")."""

from __future__ import annotations

import re

from unspin.frames.quantity_mixed import MIXED_NUMBER
from unspin.nlp import Parsed

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
#: A year of two digits after an apostrophe ("Sept. 28 '17", "March '09"), not a decade
#: ("the '90s"): 19xx from 50 on, else 20xx, as a numeric date's two-digit year.
_SHORT_YEAR = r"['’](?P<ayear>\d\d)\b(?!['’]?s\b)"
_NUMW = (
    r"\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
    r"fifty|sixty"
)
#: Units of time, and their lower-case abbreviations ("10 yrs", "2 hrs", "45 mins").
_UNIT = (
    r"seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies)"
    r"|(?-i:yrs?|hrs?|mins?|secs?|wks?)"
)
#: Another month joined to the one before: "May and June", "May to July", "May-June".
MONTH_JOINED = re.compile(
    rf"[ \t]*(?:[-–]|[ \t](?:and|or|to|through|until))[ \t]*(?:{_MONTH_FULL})\b"
)
#: An abbreviated unit of time -> its unit.
UNIT_ABBREVIATIONS = {"yr": "year", "hr": "hour", "min": "minute", "sec": "second", "wk": "week"}

# Each pattern is (name, compiled regex); all are tried, overlaps keep the longest.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
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
            # the last day of a range: "November 10-13, 2012"
            rf"(?:[-\u2013](?P<day2>{_DAY})\b(?=,?\s+\d{{4}}\b))?"
            rf"(?!\s*(?:%|percent|per\s+cent|[:.]\d))"
            # "June 5, 2017", and "June 5 of 2017" with a year of this era
            rf"(?:(?:,?\s+|\s+of\s+(?=(?:1[6-9]|20)\d\d\b))(?P<year>\d{{4}})\b"
            # and "Sept. 28 '17", a year of two digits after an apostrophe
            rf"|,?\s+{_SHORT_YEAR})?"
        ),
    ),
    (
        "dmy",
        re.compile(
            rf"\b(?:(?P<wd>{_WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{_DAY})\s+(?:of\s+)?"
            rf"(?P<mon>{_MONTH})(?![\w])(?:,?\s+(?P<year>\d{{4}})\b|,?\s+{_SHORT_YEAR})?"
        ),
    ),
    (
        # "March 2016", "March of 2016", and "March, 2016" before a punctuation mark
        # ("In March, 2000 troops" counts troops)
        "my",
        re.compile(
            rf"\b(?P<mon>{_MONTH})(?:\s+(?:of\s+)?(?P<year>\d{{4}})\b|\s+{_SHORT_YEAR}|,[ \t]*"
            r"(?P<cyear>1[6-9]\d\d|20\d\d)(?=[ \t]*[,.;:)]|[ \t]*$))",
            re.M,
        ),
    ),
    (
        "month",
        re.compile(
            r"\b(?:(?P<mod>[Ll]ast|[Nn]ext|[Tt]his|[Ee]arly|[Ll]ate|[Mm]id-?|[Ii]n|[Ss]ince|"
            r"[Uu]ntil|[Bb]y|[Ff]rom|[Tt]hrough|[Dd]uring|[Bb]efore|[Aa]fter|[Oo]f|[Bb]etween)\s+)?"
            rf"(?P<mon>{_MONTH_FULL})\b"
            # "May (of) this year": the month of a year named relative to the publication
            r"(?:\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b)?"
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
            r"(?<![\w$£€.,-])(?P<year>1[6-9]\d\d|20\d\d)"
            # a year glued to the next sentence's first word by a lost space ("in 2014The
            # council"): a year only after a preposition of time
            r"(?:\b|(?(pre)(?=[A-Z][a-z])|(?!)))(?![,.]\d|\s*(?:%|percent|per\s+cent))"
        ),
    ),
    (
        "century",
        re.compile(r"\b(?:the\s+)?(?P<n>1\d|2[01]|[1-9])(?:st|nd|rd|th)\s+century\b", re.I),
    ),
    (
        "decade",
        re.compile(
            r"\b(?:the\s+)?(?P<dec>(?:1[6-9]|20)\d0)['’]?s\b|\b[Tt]he\s+['’](?P<short>[3-9]0)s\b"
        ),
    ),
    (
        "time12",
        re.compile(
            r"(?<![\w:.])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s?(?P<ampm>[ap]\.m\.|[ap]\.m\b|[ap]m\b|[AP]\.M\.|[AP]M\b)"
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
        # "on the 20th": a day of the month alone ("the 20th of May" is dmy, longer); after
        # a weekday its suffix may be left out ("Tuesday the 16")
        "dayonly",
        re.compile(
            r"\b(?:(?:[Oo]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ff]rom|[Ss]ince|[Bb]efore|[Aa]fter)\s+"
            rf"|(?P<wd>{_WEEKDAY}),?\s+)"
            r"(?P<the>the)\s+(?P<day>[12]\d|3[01]|0?[1-9])(?(wd)(?:st|nd|rd|th)?|(?:st|nd|rd|th))"
            r"\b(?![\w-])"
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
            rf"(?<![\w.,])(?P<n>{MIXED_NUMBER}|{_NUMW}|an?|half\s+an?)(?:[ \t]+|[\s-])"
            rf"(?P<unit>{_UNIT})\b"
            r"(?!-old|\s+old|\s+ago|\s+(?:later|earlier|before|after|of\s+age)\b)",
            re.I,
        ),
    ),
)

FUTURE_RE = re.compile(
    r"\b(?:will|shall|going\s+to|'ll|next|upcoming|scheduled\s+(?:to|for))\b", re.I
)
PUB_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
#: A date that states its year ("Jan. 16, 2017", "16 January 2017", "January 2017"): a
#: month and day without one, later in a text without a publication date, takes it.
YEAR_DATE_RE = re.compile(
    rf"\b(?P<mon>{_MONTH})\s+(?:{_DAY},?\s+)?(?P<year>(?:1[6-9]|20)\d\d)\b"
    rf"|\b{_DAY}\s+(?:of\s+)?(?P<mon2>{_MONTH})\s+(?P<year2>(?:1[6-9]|20)\d\d)\b"
)
#: A day with its month and year ("Sept. 11, 2001", "11 September 2001"): the year a later
#: "Sept. 11" of the same text takes.
DAY_YEAR_RE = re.compile(
    rf"\b(?P<mon>{_MONTH})\s+(?P<day>{_DAY}),?\s+(?P<year>(?:1[6-9]|20)\d\d)\b"
    rf"|\b(?P<day2>{_DAY})\s+(?:of\s+)?(?P<mon2>{_MONTH})\s+(?P<year2>(?:1[6-9]|20)\d\d)\b"
)
#: How far back (characters) a year is looked for.
YEAR_DATE_REACH = 1500
UNIT_CODE = {
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
DURATION_CONTEXT = re.compile(
    r"\b(?:for|over|within|during|lasted|lasting|took|taking|spent|after|in|nearly|almost|"
    r"about|around|than|least|just|up\s+to|some)\s+$",
    re.I,
)
NOT_DURATION_BEFORE = re.compile(r"\b(?:per|once|twice|times|every)\s+$", re.I)
#: The bottom of a range of durations right before its top: "70 to 80 hours", "70-80
#: hours", "two or three days", "between 70 and 80 hours" ("from 70 to 80": a change).
DURATION_BOTTOM = re.compile(
    rf"(?<![\w.,-])(?P<from>[Ff]rom\s+)?(?P<between>[Bb]etween\s+)?(?P<lo>{_NUMW})"
    r"(?:[ \t]*[-–][ \t]*|[ \t]+(?:to|or)[ \t]+|(?(between)[ \t]+and[ \t]+|(?!)))$",
    re.I,
)
#: After a year: a spaced hyphen and a number of one to three digits ("2019 - 40", a score
#: or two columns of a table), no date by itself; with a word of time before the year
#: ("the war of 1914 - 18", "in 2019 - 20") it stays a range of years.
SPACED_PAIR = re.compile(r"\s+-\s*\d{1,3}\b|-\s+\d{1,3}\b")
PAIR_TIME_BEFORE = re.compile(
    r"\b(?:in|of|from|since|during|between|until|till|through|by|before|after|early|late|"
    r"mid|season|seasons|year|years|fiscal|financial|academic|school|war)\s+$",
    re.I,
)

ENTITY_SKIP = re.compile(
    r"^(?:annual|annually|daily|weekly|monthly|yearly|quarterly|\d+|the\s+day|a\s+day|"
    r"one\s+day|some\s+day|the\s+year|the\s+years?)$|year-old|years?\s+(?:old|of\s+age)|-year\b",
    re.I,
)
TIME_WORD = re.compile(
    r"\b(?:centur|decade|year|month|week|day|night|morning|afternoon|evening|spring|summer|"
    r"autumn|fall|winter|season|quarter|hour|minute|era|period|dawn|dusk|"
    r"(?:jan|febr)uary|march|april|may|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)",
    re.I,
)
RELATIVE_HINT = re.compile(
    r"\b(?:this|last|next|past|recent|recently|ago|coming|previous|earlier|later|current|"
    r"now|today|yesterday|tomorrow)\b",
    re.I,
)

#: Function words that open capitalised words without making them a name's.
_CAPITAL_FUNCTION_WORDS = "In|On|At|The|And|Of|For|To|With|From|By|An?|As"

#: A weekday, a capitalised part of the day and a capitalised word that is not a function
#: word, then a lowercase word or a mark: a title ("Sunday Morning Futures host").
_WEEKDAY_TITLE = re.compile(
    r"[ \t]+(?:Night|Morning|Afternoon|Evening)[ \t]+"
    rf"(?!(?:{_CAPITAL_FUNCTION_WORDS})\b)[A-Z][a-z]+"
    r"(?=[ \t]*(?:[a-z]|[^\w\s]|$))"
)


#: A capitalised word right after a weekday that may go on a name ("Sunday People").
_NAME_WORD_AFTER = re.compile(
    rf"[ \t]+(?!(?:{_CAPITAL_FUNCTION_WORDS}|Morning|Afternoon|Evening|Night)\b)[A-Z][a-z]+\b"
)
#: What may stand before a weekday that opens a name: a determiner ("the Sunday Mirror"),
#: or another name and "and" ("The Sunday Times and Sunday People").
_NAME_BEFORE = re.compile(r"(?:\b[Tt]he|\b(?P<left>[A-Z][\w’'.]*)[ \t]+(?:and|or|&))[ \t]+$")


def _coordinated_name(text: str, start: int, end: int) -> bool:
    """A bare weekday with a determiner or a coordinated name before it and a capitalised
    word after it: the first word of a name ("The Sunday Times and Sunday People named
    him"), not a day ("Monday and Tuesday Lund said" keeps both days)."""
    before = _NAME_BEFORE.search(text, max(0, start - 40), start)
    if before is None or not _NAME_WORD_AFTER.match(text, end):
        return False
    left = (before["left"] or "").lower()
    return left not in WEEKDAYS and left not in MONTHS


def weekday_in_name(parsed: Parsed, start: int, end: int, bare: bool) -> bool:
    """The weekday at ``start:end`` opens a name, not a date: a capitalised part of the
    day and a capitalised word follow in running text ("Monday Night Football fans"), or,
    when no word of time ("on", "last", ...) stands before it (``bare``), the parser puts
    it and the capitalised word after it in one name that is not a date ("the Sunday
    Times", a newspaper). "On Sunday Ann Lee said" keeps its date."""
    if _WEEKDAY_TITLE.match(parsed.text, end):
        return True
    if bare and _coordinated_name(parsed.text, start, end):
        return True
    k = parsed.token_at(start)
    if not bare or k is None or k + 1 >= len(parsed.tokens):
        return False
    day, nxt = parsed.tokens[k], parsed.tokens[k + 1]
    return (
        day.ent_type not in ("", "DATE", "TIME")
        and nxt.ent_type == day.ent_type
        and nxt.text.isalpha()
        and nxt.text.istitle()
        and nxt.lower not in MONTHS
        and nxt.lower not in WEEKDAYS
    )


#: A season right before a year ("Spring of 2015", "in the summer 2016"): part of the
#: date, which it narrows to a season of the year.
SEASON_BEFORE = re.compile(r"\b(?:spring|summer|autumn|fall|winter)(?:\s+of)?\s+$", re.I)
