"""Bare numbers that are no quantity (precision audit, rounds 4 and 5): what
:mod:`unspin.frames.quantities` drops when a number stands with no unit and no counted
noun.

- a footnote marker in square brackets ("[1]"): :func:`footnote_marker`;
- the number of an item at the start of a line ("1 – She ...", "2. The ..."):
  :func:`line_item`;
- the second half of a pair whose first half was no quantity ("pp. 52-53"):
  :func:`pair_part` (a vote tally, "voted 7 to 2", stays: a count worth checking);
- a paragraph number after a capitalised abbreviation of a document ("AL 303", "CCC
  2358"): :func:`abbreviation_reference`;
- a year, or a range of years, written without a comma ("painted in 1595", "(1378-1417)"):
  :func:`year_like`;
- "one" before a noun of no countable thing ("at one point", "one thing", "of one mind",
  "one bit") or after a demonstrative ("in this one case"): :func:`generic_one`;
- "one" before a person who stands for an unnamed individual ("one friend said",
  "according to one reader", "one user suggested"): "a" or "a certain", no count, unless
  a count word comes first ("only one witness"): :func:`generic_one` (round 8); of any
  noun before a verb of saying, and a specimen whose figure the clause gives ("one
  petition gathered 40,000 names"): :func:`unspin.frames.quantity_one.indefinite_one`
  (round 12);
- "any one" ("not to blame any one group"): any single, no count: :func:`any_one`;
- a number word joined to a noun that names a kind of scheme ("a two-state solution",
  "a one-child policy", "a two-tier justice system"): a fixed term, no count:
  :func:`scheme_term` (round 7), or to "star" ("a four-star general", "a five-star
  hotel"): a rank or a rating, no count of stars (round 8);
- a bare number right after a proper noun inside the sentence ("unveiled the Zenphone 6",
  "runs Fenestra 10"): a model's number, part of the name: :func:`model_number`;
- a number after "version" or after a product name written in mixed case with a lower
  first letter ("version 2 users", "the eReader 3 owners"): a version or a model, even
  with a noun after it, no count: :func:`version_number` (round 9);
- a bare scale word joined to "dollar" before a noun ("million dollar deals"): an
  adjective for lucrative, no count of the noun: :func:`scale_adjective` (round 9);
- a stamp, a phone number, a numbered floor or channel, an address, a model's number or
  an id on its own line: :func:`unspin.frames.quantity_ids.identifier_number` (round 11).

:func:`bare_reference` tries the bare-number tests together.
"""

from __future__ import annotations

import re

from unspin.frames.quantity_ids import identifier_number
from unspin.frames.quantity_one import indefinite_one
from unspin.nlp import Parsed, Token

__all__ = [
    "abbreviation_reference",
    "any_one",
    "bare_reference",
    "footnote_marker",
    "generic_one",
    "line_item",
    "model_number",
    "pair_part",
    "scale_adjective",
    "scheme_term",
    "version_number",
    "year_like",
]


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


#: A list number opening a line, then a dash, a full stop or a bracket and a word.
_ITEM_AFTER = re.compile(r"[ \t]*[-\u2013\u2014.)][ \t]+(?=[^\W\d_]|[\"'\u201c\u2018])")
#: "version" or a mixed-case product name with a lower first letter right before the number.
_VERSION_BEFORE = re.compile(r"(?<![\w'-])(?:[Vv]ersion|[a-z]+[A-Z][A-Za-z]*)[ \t]$")
#: "dollar" used as an adjective before a noun, after a bare scale word.
_DOLLAR_ADJECTIVE = re.compile(r"[ \t-]+dollar[ \t]+[a-z]")
#: The first half of a pair before the number: "52-", "105 to ".
_PAIR_BEFORE = re.compile(r"\d[ \t]*(?:[-\u2013]|\bto\b)[ \t]*$", re.I)
#: The second half of a pair after the number: "-48", " to 73".
_PAIR_AFTER = re.compile(r"[ \t]*(?:[-\u2013]|\bto\b)[ \t]*\d", re.I)
#: A capitalised abbreviation right before the number ("AL 303").
_ABBREVIATION = re.compile(r"(?<![\w.])(?P<a>[A-Z]{2,5})[ \t]+$")
#: Capitalised words that are no abbreviation of a document ("the toll IS 218").
_CAPS_WORDS = frozenset(
    _words("IS ARE WAS WERE BE HAS HAVE HAD OF TO AT BY IN ON AS OR AND THE FOR FROM WITH")
    + _words("ALL NOW JUST ONLY OVER UP NEARLY ABOUT SOME TOP HITS REACHES NEW")
)
_YEAR = re.compile(r"1\d\d\d|20\d\d")
#: Nouns "one" picks no countable thing with: "at one point", "one thing", "of one mind",
#: "not one bit", "only one possible explanation", "one way or another", "grasp one truth".
_GENERIC_NOUNS = frozenset(
    _words(
        "thing point mind bit way sense side hand moment respect matter reason "
        "explanation possibility option answer word kind sort type aspect example instance "
        "part piece area front terrain voice problem clue catch truth lesson idea principle "
        "purpose"
    )
)
#: Persons "one" introduces as "a certain" unnamed individual ("one friend said",
#: "one user suggested", "according to one reader"), no head count.
_INDIVIDUALS = frozenset(
    _words(
        "friend user commenter commentator reader viewer listener neighbour neighbor "
        "witness onlooker observer passerby passer-by follower fan insider acquaintance "
        "relative colleague source poster blogger critic tweeter"
    )
)
#: A count word before "one" that makes it a count: "only one witness", "not one".
_COUNT_WORD = re.compile(r"\b(?:only|just|exactly|merely|than|least|not|single)\s+$", re.I)
#: A demonstrative before "one": "in this one case", "that one time", "the one thing".
_DEMONSTRATIVE = re.compile(r"\b(?:this|that|the)\s+$", re.I)
#: "one such" before a noun: an instance of the kind just told of, no count.
_SUCH = re.compile(r"one\s+such\b", re.I)


#: "any" right before "one": any single one ("any one group"), no count.
_ANY = re.compile(r"\bany\s+$", re.I)
#: After "<number>-<noun>", the noun of a scheme the compound names, one word (a noun
#: before it) or a second compound set beside it ("one-state, not two-state, solution")
#: allowed between: "two-state solution", "one-child policy", "two-tier justice system".
_SCHEME_AFTER = re.compile(
    r"(?:,?\s+(?:or|and|not|nor|but\s+not|rather\s+than)\s+[a-z]+-[a-z]+)?"
    r"[\s,\u201c\u201d\u2018\u2019\"']+(?:[a-z]+\s+)?(?:solutions?|polic(?:y|ies)|systems?|model|"
    r"approach|doctrine|principle|formula|framework|arrangement|rule|structure|"
    r"strategy|setup|regime)\b"
)


def any_one(text: str, start: int) -> bool:
    """ "one" at ``start`` follows "any": any single one ("not to blame any one group"),
    no count."""
    return _ANY.search(text, max(0, start - 6), start) is not None


def scheme_term(text: str, core_end: int, end: int, words: bool = True) -> bool:
    """The number ending at ``core_end`` is joined by a hyphen to the noun ending at
    ``end``, and a noun of a scheme follows (a number word): a fixed term naming the
    scheme ("a two-state solution", "a one-child policy"), or the noun is "star": a rank
    or a rating ("a four-star general", "a 5-star hotel"); no count. "an eight-page
    letter" counts pages."""
    if text[core_end : core_end + 1] != "-" or end <= core_end + 1:
        return False
    if text[core_end + 1 : end].lower() in ("star", "stars"):
        return True
    return words and _SCHEME_AFTER.match(text, end) is not None


def model_number(parsed: Parsed, tok: Token) -> bool:
    """The bare number ``tok`` follows a proper noun, one space before it, that does
    not open its sentence ("unveiled the Zenphone 6"): a model's number, part of a name.
    A tally stays ("the Senate 52 to 48")."""
    if tok.i == 0:
        return False
    prev = parsed.tokens[tok.i - 1]
    if prev.pos != "PROPN" or parsed.text[prev.end : tok.start] != " ":
        return False
    if _PAIR_AFTER.match(parsed.text, tok.end):
        return False  # "the Senate 52 to 48": a vote tally, a count worth checking
    sentence = parsed.sentence_of(prev.start)
    return sentence is None or sentence.start < prev.start


def version_number(text: str, start: int) -> bool:
    """The number at ``start`` follows "version" or a product name in mixed case with a
    lower first letter, one space before it ("version 2 users", "the eReader 3 owners"):
    the number of a version or a model, no count of what follows."""
    return _VERSION_BEFORE.search(text, max(0, start - 24), start) is not None


def scale_adjective(text: str, start: int, end: int) -> bool:
    """The number word at ``start:end`` is a bare scale word ("million", no number and no
    "a" before it) joined to a singular "dollar" before a noun ("million dollar deals"): an
    adjective for lucrative, no count of the noun and no sum."""
    if text[start:end].lower() not in ("hundred", "thousand", "million", "billion", "trillion"):
        return False
    return _DOLLAR_ADJECTIVE.match(text, end) is not None


def footnote_marker(text: str, start: int, end: int) -> bool:
    """The number at ``start:end`` stands alone in square brackets: "[1]"."""
    return text[start - 1 : start] == "[" and text[end : end + 1] == "]"


def line_item(text: str, start: int, end: int) -> bool:
    """The number at ``start:end`` opens its line and a dash, a full stop or a bracket
    follows before a word: "1 – She served ...", "2. The ..."."""
    if end - start > 3:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip():
        return False
    return bool(_ITEM_AFTER.match(text, end))


def pair_part(text: str, start: int) -> bool:
    """The number at ``start:end`` ends a pair whose first half was no quantity (else the
    range would have taken both: "pp. 52-53")."""
    return _PAIR_BEFORE.search(text, max(0, start - 12), start) is not None


def abbreviation_reference(text: str, start: int) -> bool:
    """A capitalised abbreviation stands right before the number: the paragraph of a
    document ("AL 303", "CCC 2358"), not an amount."""
    m = _ABBREVIATION.search(text, max(0, start - 8), start)
    return m is not None and m["a"] not in _CAPS_WORDS


def year_like(core: str, max_core: str | None) -> bool:
    """The digits, and the upper end of their range if any, read as years: four digits
    without a comma from 1000 to 2099 ("1595", "1378-1417")."""
    if not _YEAR.fullmatch(core):
        return False
    return max_core is None or bool(_YEAR.fullmatch(max_core))


def generic_one(text: str, start: int, unit: str | None, parsed: Parsed | None = None) -> bool:
    """ "one" at ``start`` counts a noun of no countable thing ("at one point", "one other
    thing", "of one mind"), introduces an unnamed individual ("one friend said", "one
    activist tweeted"), an instance of a kind told of before ("one such fugitive") or a
    specimen whose own figure the clause gives ("one petition gathered 40,000 names"), or
    follows a demonstrative ("in this one case"): no count."""
    if parsed is not None and indefinite_one(parsed, start):
        return True
    if unit is not None and unit.lower() in _GENERIC_NOUNS:
        return True
    if unit is not None and (unit.lower() in _INDIVIDUALS or _SUCH.match(text, start)):
        # "one such fugitive": an instance of a kind just told of ("only one such case" counts)
        return not _COUNT_WORD.search(text, max(0, start - 12), start)
    if unit is not None and _a_certain(text, start, unit):
        return True
    return bool(_DEMONSTRATIVE.search(text, max(0, start - 6), start))


def _a_certain(text: str, start: int, unit: str) -> bool:
    """ "One" opens its sentence and the text then takes the thing up again with "the"
    ("One update stopped the calls, and the firm pulled the update"): "a certain" one,
    no count."""
    if text[start : start + 4] != "One " or not _SENTENCE_END.search(
        text, max(0, start - 4), start
    ):
        return False
    again = re.compile(rf"\bthe\s+{re.escape(unit)}\b", re.I)
    return again.search(text, start + 4, start + 300) is not None


#: What ends the sentence before a capital "One": a full stop, a line break, the start.
_SENTENCE_END = re.compile(r"(?:^|[.!?\n][\"'\u201d\u2019)]?\s*)$")


def bare_reference(text: str, start: int, core_end: int, end: int) -> bool:
    """The digits at ``start:core_end`` (with the range they open up to ``end``) stand
    with no unit and are no amount: a footnote marker, a list item, a part of a pair, a
    paragraph of a document or a year."""
    if footnote_marker(text, start, core_end) or line_item(text, start, core_end):
        return True
    if identifier_number(text, start, core_end, end):
        return True  # a stamp, a phone number, a floor, an address, a model's number
    if abbreviation_reference(text, start):
        return True
    if end == core_end and pair_part(text, start):
        return True
    upper = re.search(r"\d[\d,]*$", text[core_end:end]) if end > core_end else None
    return year_like(text[start:core_end], upper.group() if upper else None)
