"""Two bare surnames joined by "and" as the subject of a verb of saying.

"Wilcox and Beruff argued that ...": the recogniser often makes each word a name of its
own (or neither), and the list is cut after its first name unless the second is a
person's full name (:func:`~unspin.sources.name_spans.coordinated_end`). When the first
word is read as a person, a second lone capitalised word of a surname's shape that
nothing in the text shows to be a body's name, and that the text either names only
there or shows to be a person's elsewhere, is another person: both speak, as one
group of named people (:func:`paired_surname`).
"""

from __future__ import annotations

import re

from unspin.nlp import Token
from unspin.sources.lexicon import MEDIA_NOUNS, ORG_NAME_WORDS, OUTLET_WORDS
from unspin.sources.one_word_names import body_evidence, person_evidence, titled_elsewhere
from unspin.sources.parse_index import ParseIndex

__all__ = ["paired_surname"]

#: A capitalised word in small letters after its first ("Beruff"; not "NASA", "iPhone").
_SURNAME = re.compile(r"[A-Z][a-z]+")
#: Labels the recogniser gives a lone surname ("Beruff" as an organisation, or nothing).
_LONE_LABELS = frozenset({"PERSON", "ORG", ""})
_NOT_SURNAME = ORG_NAME_WORDS | OUTLET_WORDS | MEDIA_NOUNS


def paired_surname(ix: ParseIndex, h: Token, first: int, last: int, hi: int) -> int | None:
    """The token of a lone surname joined by "and" to the one-word person's name at
    ``first`` (``last`` its end, exclusive; ``h`` the phrase's head, ``hi`` its last
    token): "Wilcox and Beruff" -> "Beruff". The second word ends the phrase, hangs on
    the first as its conjunct, has a surname's shape and no body's evidence in the text
    ("the Beruff", "Beruff Bay", "according to Beruff"); a word the text names again must
    be shown a person's there too (a longer person's name, "he" or "she", a title);
    ``None`` else."""
    toks = ix.parsed.tokens
    k = last + 1
    if last - first != 1 or k != hi or toks[last].lower not in ("and", "&"):
        return None
    t = toks[k]
    if t.dep != "conj" or t.head != h.i or t.pos != "PROPN" or not _SURNAME.fullmatch(t.text):
        return None
    if t.lower in _NOT_SURNAME or not _SURNAME.fullmatch(toks[first].text):
        return None
    ent = ix.entity_at(k)
    if ent is not None and (ent.label not in _LONE_LABELS or ent.last - ent.first != 1):
        return None
    if body_evidence(ix, t.text):
        return None
    if sum(u.text == t.text for u in toks) > 1 and not (
        person_evidence(ix, t.text) or titled_elsewhere(ix, t.text)
    ):
        return None  # "site Intellihub ... Intellihub writes": named again, never a person
    return k
