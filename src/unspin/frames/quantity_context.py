"""Contexts that tell :mod:`unspin.frames.quantities` what a number counts, or that
it is no quantity (precision audit, round 3):

- the noun a number counts past modifiers and "and" ("tens of millions of Dutch and
  Belgian voters"): :func:`noun_after`;
- "plus" after a figure, a lower bound ("4,000 plus UN relief staff", "500-plus
  employees"): :func:`plus_after`;
- a numeral word inside a capitalised name ("the Cobalt One deal", "the Big Three
  carmakers"): :func:`numeral_in_name`;
- "one" set against "another" or "the other" alone or with the same noun ("in one
  letter ... in another"): a determiner, no count: :func:`contrastive_one`;
- a class year after an abbreviation ("Jo Lin, MA '21,", "the Class of '98"):
  :func:`short_year`;
- a list marker ("the officer—(1) may ...; (2) ...") and the number of a part of a
  legal text ("Title 8 of the Code", "Part 3"): :func:`list_marker`, :func:`legal_part`.
"""

from __future__ import annotations

import re

from unspin.frames.lexicon import PEOPLE_NOUNS
from unspin.frames.quantity_patterns import NAME_HEADS, TIME_NOUNS
from unspin.nlp import Parsed, Token

__all__ = [
    "after_models",
    "contrastive_one",
    "counted_unit",
    "joined_plural",
    "legal_part",
    "list_marker",
    "noun_after",
    "numeral_in_name",
    "plural_in_name",
    "plus_after",
    "short_year",
]


#: What may stand between a number (or "of") and the noun it counts: adjectives,
#: modifiers of the noun, place names and nationalities, and "and"/"or"/"," between two
#: of these ("Dutch and Belgian voters", "UN relief staff").
def _modifier(toks: tuple[Token, ...], j: int) -> bool:
    t = toks[j]
    if t.pos == "ADJ" or (t.dep in ("amod", "compound") and t.head > j):
        return True
    if t.tag == "HYPH" and 0 < j < len(toks) - 1:  # "long-range rocket launchers"
        return True
    if j + 2 < len(toks) and toks[j + 1].tag == "HYPH" and toks[j + 1].start == t.end:
        return toks[j + 2].start == toks[j + 1].end  # "work-related files": a compound
    return t.pos == "PROPN" and t.ent_type in ("GPE", "NORP")


def noun_after(parsed: Parsed, k: int, reach: int = 3, proper: bool = False) -> Token | None:
    """The noun at or after token ``k`` past up to ``reach`` modifiers and the "and",
    "or" or comma between two of them, or None; with ``proper``, a plural proper noun or
    a nationality too ("thousands of Zorbians", "dozens of House Democrats")."""
    toks = parsed.tokens
    j = k
    while j + 1 < len(toks) and j - k < reach:
        between = (
            j > k
            and (toks[j].pos == "CCONJ" or toks[j].text == ",")
            and _modifier(toks, j - 1)
            and _modifier(toks, j + 1)
        )
        if not (between or _modifier(toks, j)):
            break
        j += 1
    if j < len(toks) and toks[j].pos == "NOUN":
        return toks[j]
    if not proper:
        return None
    for t in (toks[j], toks[j - 1]) if j > k else (toks[j],):  # a plural name
        if t.pos == "PROPN" and t.text.endswith("s") and t.ent_type not in ("GPE", "LOC"):
            plural = t.tag == "NNPS" or t.ent_type == "NORP"
            if plural or (t.dep == "pobj" and toks[t.head].lower == "of"):
                return t
    return None


def joined_plural(parsed: Parsed, noun: Token) -> Token | None:
    """A bare plural joined to the counted ``noun`` by "and"/"or" right after it, which
    the number counts too ("121 adults and children"); None when it has a determiner, a
    number or an owner of its own ("45 adults and their children", "and two children")."""
    toks = parsed.tokens
    if noun.i + 2 >= len(toks) or toks[noun.i + 1].lower not in ("and", "or"):
        return None
    c = toks[noun.i + 2]
    if c.dep != "conj" or c.head != noun.i or c.tag != "NNS" or not c.text.isalpha():
        return None
    own = any(t.head == c.i and t.dep in ("det", "nummod", "poss") for t in toks)
    return None if own or c.lemma.lower() in TIME_NOUNS else c


def counted_unit(t: Token) -> str:
    """The unit of a counted noun: its lemma, lower-cased; "people" for "person" and
    "people"; the singular of a plural name, which the lemmatiser leaves plural ("16
    Republicans" and "16 republicans" count "republican", as "16 senators" count
    "senator")."""
    lemma = t.lemma.lower()
    if lemma in ("person", "people"):
        return "people"
    if t.pos != "PROPN" or lemma != t.lower or len(lemma) < 4 or lemma.endswith("ss"):
        return lemma
    if lemma.endswith("ies"):
        return lemma[:-3] + "y"  # "Tories"
    return lemma[:-1] if lemma.endswith("s") else lemma  # "Republicans", "Israelis"


#: "plus" right after a figure: "4,000 plus", "500-plus".
_PLUS = re.compile(r"(?:-|[ \t]+)plus\b", re.I)


def plus_after(parsed: Parsed, text: str, end: int, money: bool) -> tuple[int, Token | None]:
    """After a figure ending at ``end``, "plus" that makes it a lower bound ("4,000 plus UN
    relief staff", "500-plus staff", "$2 billion plus."): the end of "plus" and the plural
    noun it counts (None when punctuation or the end follows); ``(end, None)`` when
    "plus" adds something ("$50 plus tax", "two plus two") or is not there."""
    m = _PLUS.match(text, end)
    if m is None:
        return end, None
    k = parsed.token_at(m.end() - 1)
    toks = parsed.tokens
    if k is None or k + 1 >= len(toks) or toks[k + 1].pos == "PUNCT":
        return m.end(), None
    if money and m.group()[0] != "-":
        return end, None  # "$50 plus tax": a charge on top, no bound
    noun = noun_after(parsed, k + 1, reach=4)
    if noun is not None and noun.tag in ("NNS", "NNPS"):
        return m.end(), noun
    if m.group()[0] != "-":
        return end, None
    # "-plus" glued to the figure bounds it whatever follows; a singular noun before the
    # head counts ("a 10,000-plus member union" counts members, as "an eight-page
    # letter" counts pages)
    first = toks[k + 1]
    counted = first.tag == "NN" and first.dep == "compound" and first.head > first.i
    return m.end(), first if counted and toks[first.head].pos == "NOUN" else None


def _title_word(t: Token) -> bool:
    return t.text.isalpha() and t.text[0].isupper() and not t.text.isupper()


def numeral_in_name(parsed: Parsed, start: int, end: int) -> bool:
    """The capitalised numeral word at ``start:end`` continues a name: a capitalised word
    that is not the first of its sentence (or is a proper noun) stands right before it,
    and a lowercase word or a punctuation mark follows ("the Cobalt One deal", "at
    Ward Seven, they"). A title-case headline ("Police Arrest Two Men") keeps its
    count: there the next word is capitalised too."""
    k, j = parsed.token_at(start), parsed.token_at(end - 1)
    if k is None or j is None or k == 0 or not parsed.tokens[k].text[:1].isupper():
        return False
    toks = parsed.tokens
    before = toks[k - 1]
    sentence = parsed.sentence_of(start)
    if sentence is None or sentence.first >= k or not _title_word(before):
        return False
    if before.i == sentence.first and before.pos != "PROPN":
        return False  # "Only Two ...": a capitalised first word, no name
    after = toks[j + 1] if j + 1 < len(toks) else None
    return after is None or not _title_word(after)


#: Words "one" is set against: "one ... another", "one ... the other" ("another 20"
#: adds to a count: "one man died and another 20 were hurt").
_OTHER = re.compile(
    r"\b(?:another|the\s+other)\b(?!\s+(?:\d|(?:two|three|four|five|six|seven|eight|nine|"
    r"ten|dozen|hundred|thousand|few|several)\b))",
    re.I,
)
#: Words that make "one" a count whatever follows: "only one", "more than one", "only
#: one hearing and one appeal".
_COUNT_BEFORE = re.compile(
    r"\b(?:only|just|exactly|merely|than|least|not)\s+(?:one\s+[\w-]+\s+(?:and|or)\s+)?$",
    re.I,
)


def contrastive_one(parsed: Parsed, text: str, start: int, end: int) -> bool:
    """ "one" at ``start:end`` is set against "another" or "the other" later in its
    sentence or the next, standing alone or before the same noun ("in one letter she
    wrote ... In another, ...", "on the one hand ... on the other hand", "one form or
    another"): a determiner picking one of several, no count. "one bottle ... another
    guest" (another noun) and "only one hearing" stay counts."""
    if _COUNT_BEFORE.search(text[max(0, start - 40) : start]):
        return False
    toks = parsed.tokens
    j = parsed.token_at(end - 1)
    sentence = parsed.sentence_of(end - 1)
    if j is None or sentence is None or j + 1 >= len(toks):
        return False
    ours = noun_after(parsed, j + 1)
    until = sentence.end
    later = parsed.sentences_in(sentence.end, len(text))
    if later:
        until = later[0].end
    for m in _OTHER.finditer(text, end, until):
        k = parsed.token_at(m.end() - 1)
        if k is None or k + 1 >= len(toks):
            continue
        theirs = noun_after(parsed, k + 1)
        if theirs is None or (ours is not None and theirs.lemma.lower() == ours.lemma.lower()):
            return True
    return False


#: An apostrophe (straight or curly) that stands for a century: "'22", "’98".
_APOSTROPHE = "'\u2018\u2019"
#: Before a class year: a capitalised abbreviation ("CC", "M.A.") or "class of" / "of".
_YEAR_BEFORE = re.compile(r"(?:\b[A-Z](?:[A-Z]|\.[A-Z]){1,4}\.?|\b[Cc]lass\s+of|\bof)\s*$")


#: A day or a month before a short year: "Sept. 28 '17", "March '98".
_DATE_BEFORE = re.compile(
    r"(?:\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?)[ \t]$"
)


#: A short year standing alone: an apostrophe after a space or a bracket before it, and
#: after it no percent sign or word and no closing single quote in the phrase ("in '08."
#: is a year; "a '50 percent' cut" and "'12' of them" are quoted figures).
_ALONE_BEFORE = re.compile(r"(?:^|[\s(\[\u201c\"])\Z")
_QUOTED_AFTER = re.compile(
    r"[ \t]*(?:%|per[ \t]*cent|[\w\s,-]{0,30}?['\u2019](?![A-Za-z\d]))", re.I
)


def short_year(text: str, start: int, end: int) -> bool:
    """The two digits at ``start:end`` follow an apostrophe and a capitalised
    abbreviation or "(class) of": a class year ("Ann Roe, BA '19,"), no quantity; so do
    two digits after an apostrophe that stands alone ("Vik in '08"), which are a year
    unless a closing quote or "percent" follows."""
    if end - start != 2 or start == 0 or text[start - 1] not in _APOSTROPHE:
        return False
    if _DATE_BEFORE.search(text, max(0, start - 12), start - 1):
        return True  # "a Sept. 28 '17 article", "in March '98": the year of a date
    if _ALONE_BEFORE.search(text, max(0, start - 2), start - 1):
        return not _QUOTED_AFTER.match(text, end)  # "won in '08": a year, no count
    return bool(_YEAR_BEFORE.search(text[max(0, start - 16) : start - 1]))


#: A list marker: "(1)" after a line start, a dash, a colon, a semicolon, a comma or
#: "and"/"or" ("the officer—(1) may ...; (2) may ...").
_MARKER_BEFORE = re.compile(r"(?:^|[\u2014\u2013:;,]|\b(?:and|or))[ \t]*\($", re.M)
#: A part of a legal text: "Title 8", "Part 3" (capitalised words before the number)
#: or "8 of the United States Code", "230 of the Decency Act" (a capitalised code after).
_PART_BEFORE = re.compile(r"\b(?:Title|Article|Part|Subsection|Subtitle)\s*$")
_PART_AFTER = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[A-Z][\w.'\u2019-]*\s+){0,6}"
    r"(?:Code|Act|Constitution|Treaty|Convention|Charter|Statutes?|Regulations?|Rules|"
    r"Directive|Covenant|Protocol)\b(?!['\u2019]s)"  # "40 of the Act's rules" counts rules
)


#: A bare list marker "1)" (no opening bracket) after what may open a list item.
_BARE_BEFORE = re.compile(r"(?:^|[\u2014\u2013:;,\"\u201c]|\b(?:and|or))[ \t]*\Z", re.M)


def list_marker(text: str, start: int, end: int) -> bool:
    """The number at ``start:end`` is a list marker in brackets: "(1)" after a dash,
    a colon, a semicolon, a comma, "and"/"or" or at the start of a line; or a bare "1)"
    there, outside brackets, with the marker before or after it in the list within 600
    characters ("two reasons: 1) it is cheap, and 2) it works")."""
    if end - start > 2 or text[end : end + 1] != ")":
        return False
    if _MARKER_BEFORE.search(text[max(0, start - 8) : start]):
        return True
    if not _BARE_BEFORE.search(text, max(0, start - 8), start) or _open_bracket(text, start):
        return False
    n = int(text[start:end])
    sibling = re.compile(rf"(?<![\w(.,]){n - 1 if n > 1 else n + 1}\)[ \t]")
    if n > 1:
        return sibling.search(text, max(0, start - 600), start) is not None
    return sibling.search(text, end, end + 600) is not None


def _open_bracket(text: str, start: int) -> bool:
    """A "(" opened and not closed in the 200 characters before ``start``."""
    before = text[max(0, start - 200) : start]
    return before.rfind("(") > before.rfind(")")


def legal_part(text: str, start: int, end: int) -> bool:
    """The number names a part of a legal text: "Title 8", "Article 5", "8 of the
    United States Code"."""
    return bool(_PART_BEFORE.search(text[max(0, start - 12) : start])) or bool(
        _PART_AFTER.match(text, end)
    )


def plural_in_name(parsed: Parsed, start: int, end: int) -> bool:
    """The number runs into a capitalised plural in running text that a name's head
    follows ("paid by the bank's 10,000 Women scheme"): part of a name. Not in a
    title-case headline (the word before the number is capitalised too), nor before a
    nationality ("300 Syrians"), nor without a head or a possessive before it ("20
    Marines were hurt")."""
    toks = parsed.tokens
    k, j = parsed.token_at(start), parsed.token_at(end - 1)
    if k is None or j is None or k == 0 or j + 2 >= len(toks):
        return False
    before, after, head = toks[k - 1], toks[j + 1], toks[j + 2]
    named = head.lower in NAME_HEADS or (head.text[:1].isupper() and head.text.isalpha())
    if not (named or before.tag == "POS"):  # "paid by Ann Lee's 10,000 Women and ..."
        return False
    return (
        (before.text[:1].islower() or before.tag == "POS")
        and after.text.isalpha()
        and after.text[0].isupper()
        and not after.text.isupper()
        and after.ent_type != "NORP"
        and (after.tag in ("NNS", "NNPS") or after.lower in PEOPLE_NOUNS)
    )


#: A model name in a list before the counted noun: "AK-47", "F-35", "G3", "MQ-9".
_MODEL = re.compile(r"(?=[A-Za-z-]*\d)[A-Z][A-Za-z]*-?\d+[A-Za-z]*|[A-Z]{2,}(?:-[A-Z0-9]+)?")


def after_models(parsed: Parsed, k: int, end: int) -> tuple[int, str | None]:
    """The noun after a list of model names the parser misreads ("40 M-16 and AK-47
    rifles", "12 F-35, F-16 or A-10 jets"): names with digits or capitals, joined by
    commas and "and"/"or", then a plural noun (even one tagged as a verb)."""
    toks = parsed.tokens
    j, names = k + 1, 0
    while j < len(toks) and j - k <= 8:
        t = toks[j]
        if _MODEL.fullmatch(t.text):
            names += 1
        elif not (names and (t.text in (",", "/") or t.lower in ("and", "or"))):
            break
        j += 1
    if not names or j >= len(toks) or toks[j - 1].pos in ("PUNCT", "CCONJ"):
        return end, None
    t = toks[j]
    if not (t.text.isalpha() and t.text.islower()):
        return end, None
    if not (t.pos == "NOUN" or (t.tag == "VBZ" and t.text.endswith("s"))):
        return end, None
    lemma = t.lemma.lower()
    return (end, "__time__") if lemma in TIME_NOUNS else (t.end, lemma)
