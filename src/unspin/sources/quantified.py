"""Some people of a named kind, no one named: a quantifier before a plural one-word name
("several Muslims") or "one" before a singular one ("one Democrat familiar with the
talks") (:func:`quantified_people`)."""

from __future__ import annotations

from collections.abc import Sequence

from unspin.nlp import Entity, Token

__all__ = ["quantified_people"]

#: Words that count some people of a kind ("several Muslims", "many Catholics").
_PEOPLE_QUANTIFIERS = frozenset(
    {
        "several", "many", "some", "few", "most", "numerous", "countless", "various",
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens",
    }
)  # fmt: skip


_MODIFIERS = ("compound", "amod", "nmod", "poss")


def quantified_people(toks: Sequence[Token], lo: int, ent: Entity) -> str | None:
    """The quantifier right before a plural one-word name ("several Muslims") or "one"
    before a singular one ("one Democrat"), if any."""
    if ent.last - ent.first != 1 or ent.first == 0 or ent.label not in ("", "PERSON", "NORP"):
        return None
    t = toks[ent.first]
    q = toks[ent.first - 1]
    if q.lower in ("one", "another") and ent.label == "NORP" and t.dep not in _MODIFIERS:
        return q.lower  # "one Democrat familiar with the talks": one of a kind, unnamed
    if t.tag != "NNPS" and not (t.text.endswith("s") and t.text[:1].isupper()):
        return None
    if q.lower in _PEOPLE_QUANTIFIERS and (q.i >= lo or q.head == t.i):
        return q.lower
    return None
