"""A passage's "ones" or "them" that takes its noun from the sentence before it.

A passage is one sentence of its document (:mod:`.index`), so "The council opened two new
ones" says nothing of libraries until the sentence before it ("The town's libraries were
full.") is read: :func:`resolve` gives the passage's text with the anaphor replaced by
that noun ("two new libraries", "opened them" -> "opened the libraries"), for reading only
(a verdict still cites the stored text). The noun is the plural subject or object of the
sentence before, "them" only as a verb's object ("sold them", not "two of them"); a
passage sentence with a noun of its own before the anaphor other than a singular subject
("Two libraries closed and two new ones opened", "In our report, God is calling them")
or a "they" ("they set them aside") is left as it is, and so is a passage with no
sentence before it or with several plural candidates there.
"""

from __future__ import annotations

from unspin.nlp import Parsed, Token

__all__ = ["ANAPHORS", "resolve"]

#: The anaphors read: a noun substitute and an object pronoun, both plural.
ANAPHORS = frozenset(("ones", "them"))
_ROLES = frozenset(("nsubj", "nsubjpass", "dobj"))


#: What may stand before the anaphor: its clause's subject and the subject's words.
_BEFORE = frozenset(("nsubj", "nsubjpass", "compound", "poss"))


def _anaphor(tokens: list[Token]) -> Token | None:
    for t in tokens:
        if t.lower == "ones" and t.pos == "NOUN":
            return t
        if t.lower in ("they", "we"):
            return None  # "they had set them ...": two plural referents
        if t.lower == "them" and t.dep == "dobj":
            return t  # "sold them"; not "two of them", "for them to know"
        if t.pos in ("NOUN", "PROPN") and (t.tag == "NNS" or t.dep not in _BEFORE):
            return None  # a noun of its own first: "two libraries ... new ones"
    return None


def _antecedent(before: Parsed) -> Token | None:
    """The one plural subject or object noun of the last sentence of ``before``."""
    if not before.sentences:
        return None
    last = before.sentences[-1]
    found = [
        t
        for t in before.tokens[last.first : last.last]
        if t.pos == "NOUN" and t.tag == "NNS" and t.dep in _ROLES
    ]
    return found[0] if len(found) == 1 else None


def resolve(before: Parsed, passage: Parsed) -> str | None:
    """The passage's text with its first sentence's anaphor replaced by its noun from
    ``before`` (the text before the passage in its document), else None."""
    if not passage.sentences:
        return None
    first = passage.sentences[0]
    anaphor = _anaphor(list(passage.tokens[first.first : first.last]))
    noun = _antecedent(before) if anaphor is not None else None
    if anaphor is None or noun is None:
        return None
    word = noun.text.lower() if noun.text[1:].islower() else noun.text
    said = word if anaphor.lower == "ones" else f"the {word}"
    return passage.text[: anaphor.start] + said + passage.text[anaphor.end :]
