"""A newspaper called by the last word of its name ("according to the Post" where the text
named "the Harbor Post" before): the short form of an outlet the text names in full, a
publication, never a body or a person (:func:`short_outlet`)."""

from __future__ import annotations

from unspin.nlp import Entity, Parsed

__all__ = ["short_outlet"]

#: Newspaper words that a paper's name ends with and that it is called by alone.
_PAPER_WORDS = frozenset(
    {"times", "post", "journal", "gazette", "herald", "tribune", "chronicle", "courier",
     "dispatch", "inquirer", "examiner", "telegraph", "sentinel", "bulletin", "globe"}
)  # fmt: skip

#: Entity labels a newspaper's full name can carry (never a person's).
_PAPER_LABELS = frozenset({"ORG", "WORK_OF_ART", "FAC", "PRODUCT", "GPE", "NORP", ""})


def short_outlet(parsed: Parsed, ent: Entity, word: str) -> str | None:
    """The newspaper word when ``word``, a one-word name with "the" before it ("the
    Post"), is the last word of a longer name the text gives a publication elsewhere ("the
    Harbor Post", not a person's "Lena Post"), else None."""
    low = word.lower()
    if low not in _PAPER_WORDS or not word[:1].isupper():
        return None
    toks = parsed.tokens
    if not (
        (ent.first > 0 and toks[ent.first - 1].lower == "the")
        or ent.text.lower().startswith("the ")
    ):
        return None
    for other in parsed.entities:
        words = other.text.split()
        if other.first == ent.first or len(words) < 2 or words[-1].lower() != low:
            continue
        if other.label in _PAPER_LABELS and all(
            w[:1].isupper() for w in words if w.lower() != "the"
        ):
            return low
    return None
