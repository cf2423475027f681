"""Literal readings of certainty words, asked by :mod:`.cues` and :mod:`.modality`
before they report: "it appeared" that means was published ("it appeared on a website"),
a modal of a kind's possibility in an example ("for example, a person might be born
..."), capitals that label a link ("SEE ALSO:") or name a programme ("told TODAY"), an
intensifier that grades damage beside another degree ("severely damaged and totally
destroyed") and "letting everyone know" (informing, not an appeal to what all know).
Round 7: "could not possibly" (impossibility insisted on) and "as ... as it could
possibly be" (the utmost degree) hold nothing back; capitals after an acronym that
run on into a name ("USA TODAY/Ipsos Poll") name an outlet."""

from __future__ import annotations

import re

from unspin.nlp import Parsed, Token

__all__ = [
    "caps_label",
    "caps_name",
    "degree_pair",
    "example_kind",
    "informing",
    "name_after_acronym",
    "published",
    "utmost_possibly",
]

#: What follows "it appeared" when it was published or shown: a place or a clause's end.
_SHOWN_AFTER = re.compile(r"\s*(?:[.;]|,?\s+and\s|\s+(?:on|online|in|at|first)\b)", re.I)
#: What makes "it appeared" an impression after all ("... on Monday that ...").
_IMPRESSION = re.compile(r"\b(?:that|to\s+\w+|as\s+(?:if|though)|likely|unlikely)\b", re.I)
#: Adverbs of degree that grade a state ("partly", "severely"), not insist on it.
_DEGREES = (
    r"(?:partially|partly|severely|slightly|heavily|badly|moderately|lightly|mildly|"
    r"largely|mostly|seriously)"
)
_DEGREE_BEFORE = re.compile(_DEGREES + r"\s+[\w-]+\s*,?\s+(?:and|or)\s+$", re.I)
_DEGREE_AFTER = re.compile(r"^\s+[\w-]+\s*,?\s+(?:and|or)\s+" + _DEGREES + r"\b", re.I)
_EXAMPLE = re.compile(r"\b(?:for\s+(?:example|instance)|e\.\s?g\.)", re.I)
#: The verbs whose object in capitals is an outlet or programme ("told TODAY").
_TOLD = frozenset(("told", "tell", "tells", "telling"))
#: Nouns after capitals that name a programme or publication ("the TODAY show").
_PROGRAMME_NOUNS = frozenset(
    ("show", "programme", "program", "magazine", "newspaper", "podcast", "channel", "app")
)


def published(text: str, end: int) -> bool:
    """'It appeared on a website', 'the instant it appeared and ...': the thing was
    published or shown, no impression reported (the text after "it appeared", ending at
    ``end``, names a place or ends the clause, and no "that"/"to" clause follows)."""
    after = text[end : end + 200]
    if not _SHOWN_AFTER.match(after):
        return False
    clause = re.split(r"[.;!?]", after, maxsplit=1)[0]
    return not _IMPRESSION.search(clause)


def example_kind(parsed: Parsed, t: Token) -> bool:
    """'For example, a person might be born ...': a modal whose subject is an indefinite
    "a"/"an" noun in a sentence giving an example states what can happen to a kind, not
    a doubt of the writer's."""
    sentence = parsed.sentence_of(t.start)
    if sentence is None or not _EXAMPLE.search(parsed.text[sentence.start : t.start]):
        return False
    verb = parsed.tokens[t.head]
    for s in parsed.children(verb.i):
        if s.dep in ("nsubj", "nsubjpass") and s.i < t.i:
            return any(c.dep == "det" and c.lower in ("a", "an") for c in parsed.children(s.i))
    return False


def caps_label(text: str, start: int, end: int) -> bool:
    """Capitals opening a line and ending in a colon ("SEE ALSO:", "FROM EARLIER:"): a
    link's label, page furniture."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and bool(re.match(r"\s*:", text[end:]))


def caps_name(parsed: Parsed, first: Token, last: Token) -> bool:
    """Capitals that name a programme or outlet: the object of "told" ("told TODAY"),
    after a possessive ("<Network>'s TODAY") or before "show"/"magazine"."""
    toks = parsed.tokens
    prev = toks[first.i - 1] if first.i > 0 else None
    if prev is not None and (prev.lower in _TOLD or prev.lower in ("'s", "’s")):
        return True
    nxt = toks[last.i + 1] if last.i + 1 < len(toks) else None
    return nxt is not None and nxt.lower in _PROGRAMME_NOUNS


def degree_pair(text: str, start: int, end: int) -> bool:
    """'severely damaged and totally destroyed': the intensifier grades a state beside
    another degree adverb, a description of extent rather than emphasis."""
    before = text[max(0, start - 60) : start]
    after = text[end : end + 60]
    return bool(_DEGREE_BEFORE.search(before) or _DEGREE_AFTER.match(after))


def informing(text: str, start: int) -> bool:
    """'letting everyone know', 'to make everybody know': telling people, not an appeal
    to what everyone knows."""
    before = text[max(0, start - 16) : start]
    return bool(re.search(r"\b(?:let|lets|letting|make|makes|making)\s+$", before, re.I))


#: Modals before a negation that "possibly" makes emphatic: "could not possibly happen".
_MODALS = frozenset(("can", "could", "ca", "would", "wo"))
_NEGATED = frozenset(("not", "n't", "never"))
#: An equative before the modal: "as inclusive as any place could possibly be".
_EQUATIVE = re.compile(r"\bas\s+(?!well\s)(?:[\w-]+\s+){1,2}as\b[^.;!?]*$", re.I)


def utmost_possibly(parsed: Parsed, t: Token) -> bool:
    """ "possibly" after a negated modal ("could not possibly happen", "can't possibly
    know": impossibility insisted on) or after a modal that closes an equative ("as
    inclusive as any bar could possibly be": the utmost degree): no doubt held back."""
    toks = parsed.tokens
    prev = toks[t.i - 1] if t.i > 0 else None
    if prev is None:
        return False
    before = toks[t.i - 2] if t.i > 1 else None
    if prev.lower in _NEGATED and before is not None and before.lower in _MODALS:
        return True
    if prev.lower not in _MODALS:
        return False
    sentence = parsed.sentence_of(t.start)
    start = sentence.start if sentence is not None else max(0, prev.start - 120)
    return _EQUATIVE.search(parsed.text, start, prev.start) is not None


def name_after_acronym(text: str, end: int) -> bool:
    """One capital word after an acronym ("USA TODAY") that runs on, with a slash or a
    capitalised word, into a longer name ("USA TODAY/Ipsos Poll"): an outlet's name.
    "the FBI LIED to the court" stays emphasis."""
    return re.match(r"/[A-Z]|[ \t]+[A-Z][a-z]", text[end : end + 3]) is not None
