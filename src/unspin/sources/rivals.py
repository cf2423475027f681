"""Words that tell two people of one function apart: a description and a named person's
role that each carry a different one ("a district judge" and "Circuit Judge Lund", "a
House Republican" and "Senate leader Vik", "a Democratic senator" and "Republican Sen.
Holm") are two people, never one (:func:`rival_words`)."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["rival_words"]

#: Sets of words of which one person holds one only: a court's level, a chamber, a party.
_RIVALS = (
    frozenset({"district", "circuit", "appeals", "appellate", "supreme", "superior"})
    | frozenset({"bankruptcy", "magistrate"}),
    frozenset({"house", "senate"}),
    frozenset({"democratic", "democrat", "republican", "gop"}),
)
#: Words of one set that name the same thing ("gop" is "republican").
_SAME = {"gop": "republican", "democrat": "democratic", "appellate": "appeals"}


def rival_words(said: Iterable[str], known: Iterable[str]) -> bool:
    """True when the words of a description (``said``) and of a named person's role and
    name (``known``), lower case, hold different words of one rival set and no shared one
    of it: a description of someone else."""
    a = {_SAME.get(w, w) for w in (w.strip(".,;:()").lower() for w in said)}
    b = {_SAME.get(w, w) for w in (w.strip(".,;:()").lower() for w in known)}
    for rivals in _RIVALS:
        mine, theirs = a & rivals, b & rivals
        if mine and theirs and not mine & theirs:
            return True
    return False
