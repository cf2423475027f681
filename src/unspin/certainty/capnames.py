"""Capitals that write a proper name, not emphasis (round 15 of the precision audit): a
word in capitals that the text writes elsewhere in title case as a name ("Olek Dravin
..." and later "OLEK DRAVIN named" in an embedded post), and a capital word after an
acronym that makes one name with it: the pair repeated in the text ("KVR TONIGHT found
... KVR TONIGHT reported") or read as one named entity ("a KVR TONIGHT investigation").
Emphasis in capitals is a common word shouted ("the agency NEVER told", "the FBI LIED");
a name is not. Asked by :func:`unspin.certainty.literal.caps_name`."""

from __future__ import annotations

import re

from unspin.certainty.lexicon import CAPS_TOKEN, COMMON_WORDS
from unspin.nlp import Parsed, Token
from unspin.segment import BODY

__all__ = ["proper_caps"]

#: Entity labels a capital pair (acronym + word) reads as one name under.
_NAMED_PAIR = frozenset(("ORG", "PERSON", "WORK_OF_ART", "FAC"))
#: Entity labels of a name written in title case (no titles of works, no events).
_NAME_ENTS = frozenset(("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"))
#: A word in title case.
_TITLE = re.compile(r"[A-Z][a-z]+")
#: Parts of speech of a word shouted after an acronym ("the FBI LIED", "the GOP NEVER").
_SHOUTED_POS = frozenset(("VERB", "AUX", "ADV", "ADJ", "PART", "DET", "PRON", "ADP"))


def proper_caps(parsed: Parsed, first: Token, last: Token) -> bool:
    """The capital run ``first``..``last`` writes a proper name (see the module)."""
    run = parsed.tokens[first.i : last.i + 1]
    words = [t for t in run if CAPS_TOKEN.match(t.text)]
    if words and all(_title_case_name(parsed, t) for t in words):
        return True
    acronym = _acronym_before(parsed, first)
    if acronym is None or len(words) != 1 or first.i != last.i:
        return False
    if _repeated(parsed, acronym, last):
        return True
    if first.pos not in ("NOUN", "PROPN"):
        return False
    return _one_entity(parsed, acronym, first) or _name_modifier(parsed, acronym, first)


def _title_case_name(parsed: Parsed, t: Token) -> bool:
    """``t`` (in capitals) is written elsewhere in title case, inside a sentence of the
    body, as (part of) a named entity: "Dravin" of "Olek Dravin"."""
    title = t.text[0] + t.text[1:].lower()
    low = title.lower()
    if low in COMMON_WORDS or any(other.text == low for other in parsed.tokens):
        return False  # "WRONG" beside a "Wrong Turn Institute": a word, written as one too
    for other in parsed.tokens:
        if other.text != title or other.pos != "PROPN":
            continue
        if other.ent_type not in _NAME_ENTS and (other.ent_type or not _beside_name(parsed, other)):
            continue  # a title's or a nickname's word ("the 'Warrior King'") is no name's
        sentence = parsed.sentence_of(other.start)
        if sentence is None or sentence.block not in BODY:
            continue
        words = [w for w in parsed.sentence_tokens(sentence) if any(c.isalpha() for c in w.text)]
        if words and words[0].i != other.i:
            return True  # not a sentence's first word, where any word takes a capital
    return False


def _beside_name(parsed: Parsed, t: Token) -> bool:
    """A title-case proper noun next to ``t``, one space apart: two words of one name
    ("Olek Dravin") that the tagger left out of its entities."""
    toks = parsed.tokens
    for k in (t.i - 1, t.i + 1):
        if 0 <= k < len(toks) and toks[k].pos == "PROPN" and _TITLE.fullmatch(toks[k].text):
            a, b = sorted((toks[k], t), key=lambda x: x.i)
            if parsed.text[a.end : b.start] == " ":
                return True
    return False


def _acronym_before(parsed: Parsed, first: Token) -> Token | None:
    """The short capital word (2-5 letters) right before ``first``, one space apart."""
    if first.i == 0:
        return None
    prev = parsed.tokens[first.i - 1]
    if not re.fullmatch(r"[A-Z]{2,5}", prev.text) or parsed.text[prev.end : first.start] != " ":
        return None
    return prev


def _repeated(parsed: Parsed, acronym: Token, last: Token) -> bool:
    """The acronym and the capital word after it come back together elsewhere in the text:
    a name the writer repeats, not a word shouted once ("KVR TONIGHT found ... KVR
    TONIGHT reported"). A word tagged as shouted in every place stays emphasis."""
    pair = parsed.text[acronym.start : last.end]
    spots = [m.start() for m in re.finditer(rf"\b{re.escape(pair)}\b", parsed.text)]
    if len(spots) < 2:
        return False
    tags = []
    for spot in spots:
        k = parsed.token_at(spot)
        if k is not None and k + 1 < len(parsed.tokens):
            tags.append(parsed.tokens[k + 1].pos)
    return any(tag not in _SHOUTED_POS for tag in tags)


def _one_entity(parsed: Parsed, acronym: Token, word: Token) -> bool:
    """The acronym and the word lie in one named entity ("a KVR TONIGHT investigation")."""
    for ent in parsed.entities_in(acronym.start, word.end + 3):
        if ent.label in _NAMED_PAIR and ent.start <= acronym.start and ent.end >= word.end:
            return True
    return False


def _name_modifier(parsed: Parsed, acronym: Token, word: Token) -> bool:
    """The acronym and the word modify the noun right after them, as one name does ("a
    KVR TONIGHT investigation", "KVR TONIGHT contributor Jon Marsh", "KVR TONIGHT's
    queries"): a shouted word is not a noun's modifier."""
    toks = parsed.tokens
    k = word.i + 1
    if k < len(toks) and toks[k].lower in ("'s", "\u2019s"):
        k += 1
    if k >= len(toks) or toks[k].pos != "NOUN" or word.head != k:
        return False
    return word.dep in ("compound", "poss") and acronym.head in (word.i, k)
