"""A source and its cue set inside the content they report ("The plan, Lund said, would
fail"; "because, he said, the mayor ..."): they are not part of what was said.

The content becomes the part after the insertion when the part before it only joins the
clause on ("because", "and"); otherwise it is two pieces around the insertion (the
finding spans both, its ``pieces`` attribute holds them, as for the learned extractor).
"""

from __future__ import annotations

import re

from unspin.sources.contrast_tails import take_in_contrast_tails
from unspin.sources.has_said import has_said_speakers
from unspin.sources.hedged_clauses import scope_reportedly
from unspin.sources.later_named import name_later_named
from unspin.sources.named_unknowns import set_right_unknown_nouns
from unspin.sources.owned_subjects import take_in_owned_subjects
from unspin.sources.posts import name_post_authors
from unspin.sources.state import Event, RunState
from unspin.sources.writer_notes import cut_writers_notes

__all__ = ["cut_inserted_sources"]

_EDGES = ",—–"
#: A phrase the writer sets against the content ("despite ...", "even though ...").
_CONTRAST = re.compile(r"(?:despite|in spite of|even though|although|though)\b", re.I)
#: Parts of speech that only join a clause on ("because", "and", "so").
_JOINERS = frozenset({"CCONJ", "SCONJ", "PUNCT"})
#: The most words after a source that closes its content ("... on Monday").
_TAIL_WORDS = 4


def cut_inserted_sources(st: RunState, events: list[Event]) -> None:
    """Take every event's own speaker and cue out of its content (see the module); first
    name the author of an embedded post its unnamed-sounding speaker introduced
    (:func:`name_post_authors`: this is the first step over resolved speakers), and set
    right the unnamed-sounding speakers the text names (:func:`set_right_unknown_nouns`,
    :func:`name_later_named`, :func:`has_said_speakers`) and
    run a denial on over its ", but ..." tail (:func:`take_in_contrast_tails`); the
    writer's own notes are taken out of contents (:func:`cut_writers_notes`), and a
    subject the parse gave the recipient as owner is taken in
    (:func:`take_in_owned_subjects`)."""
    name_post_authors(st, events)
    set_right_unknown_nouns(st, events)
    name_later_named(st, events)
    scope_reportedly(st, events)
    has_said_speakers(st, events)
    take_in_contrast_tails(st, events)
    cut_writers_notes(st, events)
    take_in_owned_subjects(st, events)  # "told her KPTA would ...": from KPTA on
    for e in events:
        if e.content is None or e.speaker is None:
            continue
        c0, c1 = e.content
        lo, hi = min(e.cue[0], e.speaker.start), max(e.cue[1], e.speaker.end)
        if c0 < lo and hi <= c1 and _closing_source(st, e, c0, lo, hi, c1):
            continue
        if not c0 < lo or not hi < c1:
            continue
        hi = _cue_tail(st, e, hi, c1)
        left = st.text[c0:lo].rstrip()
        right = st.text[hi:c1].lstrip()
        if right.startswith("- "):
            right = "–" + right[1:]  # a spaced hyphen typed for a dash
        if not left or not right or left[-1] not in _EDGES or right[0] not in _EDGES:
            continue  # not set off by commas or dashes: a clause of its own, not an aside
        before = _strip(st.text, c0, c0 + len(left) - 1)
        after = _strip(st.text, c1 - len(right) + 1, c1)
        if before[0] >= before[1] or after[0] >= after[1]:
            continue
        if _CONTRAST.match(st.text, after[0]):
            # "X leads, according to a poll - despite losing in May": the writer's contrast
            e.content = before
            continue
        joiner = st.has_parse and all(
            t.pos in _JOINERS or t.dep in ("cc", "mark")
            for t in st.parsed.tokens
            if before[0] <= t.start < before[1]
        )
        if joiner:
            e.content = after
        else:
            e.pieces = [before, after]


def _closing_source(st: RunState, e: Event, c0: int, lo: int, hi: int, c1: int) -> bool:
    """Whether the source and cue close the content after a comma or dash, with at most a
    few verbless words after them ("..., according to several reports on Monday."); the
    content is then cut before them."""
    left = st.text[c0:lo].rstrip()
    if not left or left[-1] not in _EDGES:
        return False
    if hi < c1:
        tail = st.text[hi:c1]
        if len(tail.split()) > _TAIL_WORDS or any(c in tail for c in _EDGES + ".;:"):
            return False
        if st.has_parse and any(t.pos in ("VERB", "AUX") for t in st.parsed.tokens_in(hi, c1)):
            return False
    before = _strip(st.text, c0, c0 + len(left) - 1)
    if before[0] >= before[1]:
        return False
    e.content = before
    return True


def _cue_tail(st: RunState, e: Event, hi: int, c1: int) -> int:
    """Where the insertion ends: past the cue's own words up to the next comma or dash
    ("Lund told reporters on Monday," / "he said in an interview,"), when every word there
    belongs to the cue's phrase and none is a verb; else ``hi``."""
    if not st.has_parse:
        return hi
    edge = min((i for i in (st.text.find(c, hi, c1) for c in _EDGES) if i >= 0), default=-1)
    cue = st.parsed.token_at(e.cue[0])
    if edge < 0 or cue is None or not st.text[hi:edge].strip():
        return hi
    lo_cue, hi_cue = st.parsed.subtree_span(cue)
    tail = st.parsed.tokens_in(hi, edge)
    if (
        tail
        and len(tail) <= 8
        and all(
            lo_cue <= t.start and t.end <= hi_cue and t.pos not in ("VERB", "AUX") for t in tail
        )
    ):
        return edge
    return hi


def _strip(text: str, lo: int, hi: int) -> tuple[int, int]:
    """``[lo, hi)`` without edge spaces, commas and dashes."""
    while lo < hi and (text[lo].isspace() or text[lo] in _EDGES):
        lo += 1
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in _EDGES):
        hi -= 1
    return lo, hi
