"""The reach of "reportedly" inside a subordinate clause.

"Lund has been on the list since May, when Vik was reportedly directing the film": the
hedge marks only who was directing; the main clause is the writer's own. A "reportedly"
event whose adverb sits in a subordinate clause (adverbial or relative) reports that
clause alone, without its opening "when" or "which".
"""

from __future__ import annotations

from unspin.sources.state import Event, RunState

__all__ = ["scope_reportedly"]

#: Clause relations below the main clause.
_SUBORDINATE = frozenset({"advcl", "relcl", "acl"})
#: Words that open a subordinate clause, no part of what is reported.
_OPENERS = frozenset({"when", "while", "where", "as", "after", "before", "since", "because"})
_OPENERS |= {"which", "who", "whom", "that", "whereas", "until", "once", "if"}


def scope_reportedly(st: RunState, events: list[Event]) -> None:
    """Cut the content of each "reportedly" event in a subordinate clause to that clause."""
    if not st.has_parse:
        return
    toks = st.parsed.tokens
    for e in events:
        if e.construction != "reportedly" or e.content is None:
            continue
        i = st.parsed.token_at(e.cue[0])
        if i is None:
            continue
        verb = toks[i].head
        if toks[verb].dep not in _SUBORDINATE or toks[verb].pos not in ("VERB", "AUX"):
            continue
        lo, hi = st.parsed.subtree_span(verb)
        words = st.parsed.tokens_in(lo, hi)
        while words and (words[0].lower in _OPENERS or words[0].pos == "PUNCT"):
            words = words[1:]
        if not words:
            continue
        span = st.trim_chars(words[0].start, hi)
        c0, c1 = e.content
        if span is not None and c0 <= span[0] and span[1] <= c1 and span != e.content:
            e.content = span
