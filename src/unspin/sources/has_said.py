""" "He's said he ...": the contraction of "has", which the parse may read as a passive
"is said" with no source. When a content clause follows (not "he's said to be ...", a
true passive), the pronoun is the speaker; it stands for the one person the sentence
before names (the pronoun resolver saw no mention there, so it is resolved here the
plain way: one person, and only one, in the previous sentence of the paragraph).
"""

from __future__ import annotations

import re

from unspin.sources.speakers import Mention
from unspin.sources.state import Event, RunState

__all__ = ["has_said_speakers"]

_HAS_BEFORE = re.compile(r"(?:^|(?<=[\s\"“(]))(?P<who>[Hh]e|[Ss]he)['’]s\s+(?:also\s+)?$")
_GENDER = {"he": "male", "she": "female"}


def has_said_speakers(st: RunState, events: list[Event]) -> None:
    """Give the "He's said that ..." events read as passives their pronoun speaker."""
    for e in events:
        if e.construction != "passive" or e.speaker is not None or e.content is None:
            continue
        if st.text[e.content[0] : e.content[0] + 3].lower() == "to ":
            continue  # "he's said to be ill": is said, a true passive
        hit = _HAS_BEFORE.search(st.text, max(0, e.cue[0] - 12), e.cue[0])
        if hit is None:
            continue
        person = _one_person_before(st, hit.start("who"))
        if person is None:
            continue
        name, span, gender = person
        pronoun = hit.group("who").lower()
        if gender is not None and gender != _GENDER[pronoun]:
            continue
        e.speaker = Mention(
            hit.start("who"),
            hit.end("who"),
            "named_person",
            name=name,
            kind="pronoun",
            entity_type="person",
            resolved_from="pronoun",
            antecedent=span,
            score=0.6,
            rule="speaker.pronoun",
            gender=_GENDER[pronoun],
            head_word=pronoun,
            reason=f"pronoun {pronoun} -> {name} (previous sentence)",
        )
        e.construction = "verb"


def _one_person_before(st: RunState, pos: int) -> tuple[str, tuple[int, int], str | None] | None:
    """The one named person of the sentence before ``pos`` in its paragraph."""
    s = st.sentence_at(pos)
    if s == 0 or st.sentence_start(pos) < pos - 3:
        return None  # the pronoun opens its sentence
    prev = st.parsed.sentences[s - 1]
    if st.paragraph_at(prev.start) != st.paragraph_at(pos):
        return None
    people = {
        k.name: k
        for k in st.knowns
        if k.entity_type == "person" and prev.start <= k.start < prev.end and k.name
    }
    if len(people) != 1:
        return None
    k = next(iter(people.values()))
    return k.name, (k.start, k.end), k.gender
