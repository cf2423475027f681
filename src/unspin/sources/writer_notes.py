"""The writer's own words read as the content of someone's statement.

* A content that opens by naming its source again ("The poll also found that: / The poll
  has a margin of error of 3 points"): the writer's note about the source, not what the
  source found.
* A statement inside a concessive clause set into its subject's sentence ("Vik, though
  she said the plan should pass, notably stopped short of backing it"): the main
  clause's predicate after the comma is the writer's account of what Vik did, not part
  of what she said.
* The "that" clause of a cleft sentence ("It was hours after the police announced his
  name that the press reported it"): the focus of the writer's sentence, not what the
  verb of saying in the middle reported.
* A "content" that opens with a verb of saying after a stray quotation mark ("' said
  Mr. Lund, who was born ..."): the reporting clause itself, misread where the marks
  are doubled single ones.
* An aside set off by a dash and opening with "which" at the end of a content ("... a
  speech in the novel - which, to be clear, is fiction"): the writer's comment.
"""

from __future__ import annotations

import re

from unspin.sources.lexicon import VERB_FORMS
from unspin.sources.state import Event, RunState

__all__ = ["cut_writers_notes"]

#: A subject and a concessive clause set in after it: "Vik, though she ...".
_CONCESSIVE_LEAD = re.compile(
    r"[^,;:.!?]{1,60},\s+(?:though|although|even\s+though|even\s+as|while)\s", re.IGNORECASE
)
#: Quotation marks and the word after them.
_MARKS_THEN_VERB = re.compile(r"[\s'’\"”]*['’\"”]\s*(\w+)")
#: A cleft sentence's opening ("That's ...", "It was ...").
_CLEFT = re.compile(r"\W*(?:It|That)(?:['’]s|\s+is|\s+was)\b")
#: The words between a verb of saying and a cleft's "that" clause: an object and more,
#: with no comma ("It's clear, Lund said in a statement, that ..." is Lund's clause).
_CLEFT_GAP = re.compile(r"\s*(?:[^\s,;:]+\s+){3,}that\s+")
#: A dash aside opening with "which" that runs to the content's end.
_DASH_WHICH = re.compile(r"\s+[-—–]{1,2}\s+which\b[^-—–]*$")
#: Finite verb tags.
_FINITE = frozenset({"VBD", "VBZ", "VBP"})


def cut_writers_notes(st: RunState, events: list[Event]) -> None:
    """Drop or cut the contents the module describes."""
    for e in events:
        if e.content is None or e.pieces:
            continue
        if _restates_source(st, e) or _cleft_focus(st, e) or _reporting_clause(st, e):
            e.content = None
            continue
        aside = _DASH_WHICH.search(st.text, *e.content)
        if aside is not None and aside.start() > e.content[0]:
            e.content = (e.content[0], aside.start())
        elif st.has_parse:
            cut = _concessive_cut(st, e)
            if cut is not None:
                e.content = (e.content[0], cut)


def _restates_source(st: RunState, e: Event) -> bool:
    """The content opens with its speaker's own words ("The poll" ... "The poll has")."""
    m = e.speaker
    if m is None or m.kind != "noun" or e.content is None or e.content[0] < e.cue[1]:
        return False
    words = st.text[m.start : m.end].split()
    if len(words) < 2 or len(words) > 4:
        return False
    opening = st.text[e.content[0] : e.content[1]].split()[: len(words)]
    return [w.lower() for w in opening] == [w.lower() for w in words]


def _reporting_clause(st: RunState, e: Event) -> bool:
    """The content is quotation marks and then the reporting verb ("' said Mr. Lund")."""
    assert e.content is not None
    hit = _MARKS_THEN_VERB.match(st.text, e.content[0], e.content[1])
    return hit is not None and hit.group(1).lower() in VERB_FORMS


def _cleft_focus(st: RunState, e: Event) -> bool:
    """The content is a cleft sentence's "that" clause, several words after the verb of
    saying and its object ("That's hours after the police announced his name on the
    radio that the press reported it")."""
    assert e.content is not None
    if e.content[0] < e.cue[1] or not _CLEFT.match(st.text, st.sentence_start(e.cue[0])):
        return False
    return _CLEFT_GAP.fullmatch(st.text, e.cue[1], e.content[0]) is not None


def _concessive_cut(st: RunState, e: Event) -> int | None:
    """Where a content inside a concessive clause ends: before ", [adverb] <finite verb>"
    with no subject of its own, the main clause's predicate (see the module)."""
    assert e.content is not None
    c0, c1 = e.content
    s0 = st.sentence_start(e.cue[0])
    if c0 < e.cue[1] or not _CONCESSIVE_LEAD.match(st.text, s0, e.cue[0]):
        return None
    toks = st.parsed.tokens_in(c0, c1)
    for k, t in enumerate(toks):
        if t.text != "," or k + 1 >= len(toks):
            continue
        nxt = k + 1
        while nxt < len(toks) and toks[nxt].pos == "ADV":
            nxt += 1
        if nxt < len(toks) and toks[nxt].tag in _FINITE and toks[nxt].pos in ("VERB", "AUX"):
            end = t.start
            while end > c0 and st.text[end - 1].isspace():
                end -= 1
            return end if end > c0 else None
    return None
