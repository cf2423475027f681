"""Whose figure it is and what it measures: two figures conflict only when they measure
the same thing of the same holder.

* **Holders** (:func:`people_in`): the people a figure's sentence names, other than the
  speakers it is credited to (those are sources, and left out of a slot's names already):
  "giving Harwick 99 delegates" and "Okafor earned 175 delegates" name two holders, so the
  two figures are two counts, not one count given twice. A person is a word of the full
  name a speaker finding of the document resolves to ("he" and "Cruz" name "Ted Cruz").
  Neither sentence may name the other's people. Tolls and other outcomes of an event
  ("12 were killed") belong to the event, not to a person the sentence names, so the
  caller leaves them out of this rule.
* **Measured noun** (:func:`modified_noun`): a figure written as a compound modifier
  ("a 214-delegate advantage", "a 12-member panel") measures the noun it modifies (a
  lead, a panel's size), not a count of its unit: its counted noun is that pair.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from unspin.corpus.model import QuantitySlot
from unspin.corpus.same_event import OUTCOMES
from unspin.corpus.words import STOPWORDS, Anchor, norm_name, stem
from unspin.model import Finding

__all__ = ["modified_noun", "people_in", "person_keys", "two_holders"]

_MODIFIER = re.compile(r"[\w.,$]*\d[\w.,]*-[A-Za-z]+|[a-z]+-[A-Za-z]+", re.I)
_NEXT = re.compile(r"[ \t]+([a-z][a-z]+(?:-[a-z]+)*)\b")


def person_keys(speakers: Iterable[Finding]) -> frozenset[str]:
    """The name words (normalised) of the people a document gives as speakers: the full
    names the speaker findings resolve to ("he" and "Cruz" both name "Ted Cruz")."""
    names = (
        f.attributes.get("name")
        for f in speakers
        if f.label == "named_person" or f.attributes.get("entity_type") == "person"
    )
    return frozenset(
        norm_name(w)
        for n in names
        if isinstance(n, str)
        for w in n.split()
        if w[:1].isupper() and len(w) > 1
    )


def people_in(anchors: Sequence[Anchor], persons: frozenset[str]) -> tuple[str, ...]:
    """The names of a sentence that name people (:func:`person_keys`), sorted."""
    return tuple(sorted({a.key for a in anchors if a.key in persons}))


def modified_noun(text: str, start: int, end: int) -> str | None:
    """The stem of the noun a hyphenated figure modifies ("214-delegate advantage":
    advantag), or None for a figure that counts its own unit."""
    if not _MODIFIER.fullmatch(text[start:end]):
        return None
    m = _NEXT.match(text, end)
    if m is None or m.group(1).lower() in STOPWORDS:
        return None
    return stem(m.group(1))


def _names(s: QuantitySlot) -> set[str]:
    return {w for x in s.anchors for w in norm_name(x).split()}


def two_holders(a: QuantitySlot, b: QuantitySlot) -> bool:
    """Each figure's sentence names people and neither names the other's; a toll (an
    outcome counted in people) belongs to its event, never to a holder."""
    if not (a.people and b.people) or (a.unit_class == "person" and a.predicate in OUTCOMES):
        return False
    return not (set(a.people) & _names(b) or set(b.people) & _names(a))
