"""A speaker who goes on: "Lund told the paper, '...' / The candidate added, '...'" - a
definite description of a person ("the candidate") that adds to what was just reported is
the named person who spoke last, not an unresolved somebody (:func:`continued_speaker`).

Only "add" says so safely: "the candidate said" after Lund spoke may be her rival.
"""

from __future__ import annotations

from collections.abc import Sequence

from unspin.sources.speakers import PERSON_HEADS, Mention
from unspin.sources.state import Event, RunState

__all__ = ["continued_speaker"]

#: Verbs of saying that go on with what the last speaker said.
_GOING_ON = frozenset({"add"})
#: How many sentences back the speaker who goes on may have spoken.
_REACH = 2


def continued_speaker(st: RunState, events: Sequence[Event], m: Mention, lemma: str | None) -> None:
    """Give the unresolved description ``m``, the subject of "added", the named person who
    is the speaker of the reporting event right before it (within :data:`_REACH`
    sentences), if that one is a named person."""
    if lemma not in _GOING_ON or m.plural or m.kind != "noun" or not m.head_word:
        return
    if m.rule != "speaker.definite-unresolved" or m.head_word.lower() not in PERSON_HEADS:
        return
    s = st.sentence_at(m.start)
    last: Event | None = None
    for e in events:
        if e.speaker is None or e.speaker is m or e.cue[0] >= m.start:
            continue
        if last is None or e.cue[0] > last.cue[0]:
            last = e
    if last is None or last.speaker is None or s - st.sentence_at(last.cue[0]) > _REACH:
        return
    sp = last.speaker
    if sp.source_type != "named_person" or sp.entity_type != "person" or not sp.name:
        return
    m.name, m.role = sp.name, sp.role
    m.source_type, m.entity_type = "named_person", "person"
    m.resolved_from, m.antecedent = "alias", (sp.start, sp.end)
    m.rule, m.score = "speaker.continued", 0.6
    m.reason = f"the {m.head_word} who adds to what {sp.name} just said: {sp.name}"
