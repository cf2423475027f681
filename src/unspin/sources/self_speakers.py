"""Who a third-person pronoun cannot stand for: the speaker whose reported words, holding
the pronoun, also say "I" ("Lund told me. I know why he left, but ..." - "he" is someone
else than Lund, who speaks of herself as "I") (:func:`self_speakers`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from unspin.sources.speakers import Mention
from unspin.sources.state import Event

__all__ = ["self_speakers"]

#: The first person singular as a word ("I", "me", "my"), the speaker speaking of self.
_FIRST_PERSON = re.compile(r"\b(?:I|me|my|myself)\b")
#: Third-person singular pronouns a speaker never uses of self.
_THIRD = frozenset({"he", "she", "him", "her"})


def self_speakers(text: str, events: Sequence[Event], m: Mention) -> frozenset[str]:
    """The names of the resolved speakers of ``events`` whose content holds pronoun ``m``
    and says "I" or "me" before it in its sentence: ``m`` stands for someone else."""
    if (m.head_word or "").lower() not in _THIRD:
        return frozenset()
    out: set[str] = set()
    for e in events:
        sp = e.speaker
        if e.content is None or sp is None or not sp.name or sp.entity_type != "person":
            continue
        lo, hi = e.content
        if not lo <= m.start < hi or lo <= sp.start < hi:
            continue
        # "I" before the pronoun in its own sentence: "I know why he left" (not "she
        # said she had yet to state 'my position'", whose "my" comes after)
        cut = max(lo, text.rfind(".", lo, m.start) + 1, text.rfind("\n", lo, m.start) + 1)
        if _FIRST_PERSON.search(text[cut : m.start]):
            out.add(sp.name)
    return frozenset(out)
