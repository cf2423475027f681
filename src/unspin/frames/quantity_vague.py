"""Vague and ranged number words, for :mod:`unspin.frames.quantities`: a vague magnitude
said twice for weight ("dozens upon dozens"), a bare scale after "several" or "a few"
("several hundred dollars": at least 200, not 100) or after a number and a half ("two and
a half thousand": 2,500), and a range whose bottom borrows the top's scale ("five to six
million units": 5 to 6 million, not 6 million); a capital "M", "B" or "K" glued to digits
before a plural count ("3.1M watch units", "43.3K followers")."""

from __future__ import annotations

import re
from collections.abc import Callable

from unspin.frames.lexicon import PEOPLE_NOUNS
from unspin.frames.quantity_patterns import SCALES_W, WORDS
from unspin.nlp import Parsed

__all__ = [
    "glued_scale",
    "half_scale",
    "lone_scale",
    "said_again",
    "scaled_range",
    "several_scale",
]

#: A vague magnitude said again: "dozens upon dozens", "hundreds and hundreds".
_AGAIN = re.compile(
    r"\s+(?:upon|and|on|after)\s+(?P<word>(?:(?:tens|hundreds)\s+of\s+)?"
    r"(?:dozens|scores|hundreds|thousands|millions|billions))\b",
    re.I,
)
#: Words before a bare scale that make it vague: "several hundred", "a few thousand", "a
#: couple of billion".
_SEVERAL = re.compile(r"\b(?:several|a\s+few|few|many|a\s+couple\s+of)\s+$", re.I)
#: A number word and a half before a bare scale: "three-and-a-half thousand".
_AND_A_HALF = re.compile(
    r"\b(?P<n>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|\w+)"
    r"[\s-]+and[\s-]+a[\s-]+half[\s-]+$",
    re.I,
)
_SCALES = ("hundred", "thousand", "million", "billion", "trillion")
#: The top of a range that ends in a scale word: "to six million", "- 2 billion".
_SCALED_TOP = re.compile(
    rf"\s+(?:to|-|–)\s+(?P<max>{WORDS}|\d+(?:\.\d+)?\s+(?:{'|'.join(_SCALES)}))\b", re.I
)


def _words(text: str) -> str:
    return " ".join(text.lower().split())


def said_again(text: str, core: str, end: int) -> int:
    """The end of a vague magnitude ``core`` (ending at ``end``) said again after it
    ("dozens upon dozens"); ``end`` when it is not."""
    while (m := _AGAIN.match(text, end)) and _words(m["word"]) == _words(core):
        end = m.end()  # "thousands and thousands and thousands"
    return end


def several_scale(text: str, start: int, core: str, value: float) -> tuple[int, float] | None:
    """A number word ``core`` (value ``value``) that is a bare scale ("hundred",
    "hundred thousand") after "several", "a few", "few" or "many": the start of those
    words and the least the phrase allows (two of the scale, as "hundreds" is 200)."""
    if core.split()[0].lower() not in _SCALES:
        return None
    m = _SEVERAL.search(text, max(0, start - 12), start)
    return (m.start(), 2 * value) if m else None


def lone_scale(text: str, start: int, core: str) -> bool:
    """A number word ``core`` at ``start`` that is a scale word alone ("thousand will
    rise"): no "a", "one", number, "several" or number and a half before it says how many
    of it."""
    if core.lower() not in _SCALES:
        return False
    before = text[max(0, start - 40) : start]
    return not (_SEVERAL.search(before) or _AND_A_HALF.search(before))


def half_scale(
    text: str, start: int, core: str, to_number: Callable[[str], float | None]
) -> tuple[int, float] | None:
    """A bare scale word ``core`` at ``start`` after a number word and a half ("two and a
    half thousand", "three-and-a-half thousand"): the start of the number and its value
    (``to_number`` reads number words)."""
    scale = core.lower()
    m = _AND_A_HALF.search(text, max(0, start - 40), start)
    if scale not in _SCALES or m is None or (n := to_number(m["n"])) is None:
        return None
    return m.start(), (n + 0.5) * SCALES_W[scale]


def scaled_range(
    text: str, core: str, end: int, value: float, to_number: Callable[[str], float | None]
) -> tuple[float, float, int] | None:
    """A bare number word ``core`` (no scale, value under 1,000) at the bottom of a range
    whose top ends in a scale ("five to six million"): the bottom at the top's scale, the
    top (``to_number`` reads number words) and the end of the range."""
    if value >= 1000 or any(w in _words(core) for w in _SCALES):
        return None
    m = _SCALED_TOP.match(text, end)
    if m is None:
        return None
    top_text = _words(m["max"])
    scale = top_text.split()[-1]
    if scale not in _SCALES:
        return None
    head = top_text.rsplit(" ", 1)[0]
    top = float(head) * SCALES_W[scale] if head[:1].isdigit() else to_number(top_text)
    low = value * SCALES_W[scale]
    if top is None or not low < top:
        return None
    return low, top, m.end()


#: People a firm's name may own ("3M employees"): no count after a small glued figure.
_STAFF = frozenset(("employees", "workers", "staff", "members", "officers", "players", "fans"))
#: Entities a number with a capital letter glued to it may name ("3M", a company).
_NAMES = frozenset({"ORG", "PRODUCT", "WORK_OF_ART", "FAC"})


def glued_scale(parsed: Parsed, core: str, start: int, scale: str, scale_end: int) -> bool:
    """A capital "M", "B" or "K" glued to the digits ``core`` (at ``start``) that is a
    scale: a plural count follows ("3.1M watch units", "43.3K followers"), the digits name
    nothing and are a figure of 10 or more or a decimal one ("3M masks" are a brand's,
    "4K displays" a resolution, "18K gold" a purity), or a smaller figure counts people
    ("1M people", "2M residents")."""
    if scale not in ("M", "B", "K"):
        return False
    small = "." not in core and float(core.replace(",", "")) < 10
    here = parsed.token_at(start)
    if here is not None and parsed.tokens[here].ent_type in _NAMES:
        return False
    k = parsed.token_at(scale_end + 1)
    if k is None or not re.match(r"\s+[a-z]", parsed.text[scale_end : scale_end + 3]):
        return False
    noun = parsed.tokens[k]
    for _ in range(3):  # "watch units", "social media impressions"
        if noun.dep not in ("compound", "amod") or noun.head <= noun.i:
            break
        noun = parsed.tokens[noun.head]
    if small:  # "1M people", "2M residents"; "3M masks", "3M employees" stay a brand's
        return noun.lower == "people" or (noun.lower in PEOPLE_NOUNS - _STAFF and noun.tag == "NNS")
    return noun.tag == "NNS" or noun.lower == "people"
