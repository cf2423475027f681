"""'the realtors' after '150 Lakeway Homes realtors were meeting' a few sentences before:
the same people, counted and introduced without their names, so an anonymous source
(of the named body when one is given), not a description nobody can place."""

from __future__ import annotations

from unspin.sources.speakers import Mention
from unspin.sources.state import RunState

__all__ = ["counted_people_near"]


def counted_people_near(st: RunState, m: Mention, s: int) -> None:
    """``m`` ("the realtors"), a plural definite description left unresolved, becomes the
    unnamed people one counted phrase with the same head noun ("150 Lakeway Homes
    realtors") introduced up to three sentences before: anonymous, of the body named in
    the phrase. Left as it is when the text used the noun before in any other way."""
    ix = st.ix
    if ix is None or m.rule != "speaker.definite-unresolved" or not m.plural:
        return
    head = m.head_word
    if not head or not head.endswith("s"):
        return
    toks = st.parsed.tokens
    lo = st.sent_starts[max(0, s - 3)] if st.sent_starts else 0
    before = [t for t in toks if t.end <= m.start and t.lower == head]
    if len(before) != 1:
        return  # "the realtors ... some realtors ... the realtors": which ones?
    t = before[0]
    if t.start < lo or t.tag != "NNS" or ix.kids(t.i, "det", "poss"):
        return
    if not any(c.tag == "CD" for c in ix.kids(t.i, "nummod")):
        return
    names = [c for c in ix.kids(t.i, "compound") if c.pos == "PROPN"]
    body = ix.entity_at(names[-1].i) if names else None
    first, stack = t.i, [t.i]
    while stack:  # "Lakeway" of "Homes" of "realtors": the whole run of modifiers
        for c in ix.kids(stack.pop(), "compound", "amod"):
            first = min(first, c.i)
            stack.append(c.i)
    m.source_type, m.entity_type = "anonymous", None
    m.rule, m.score = "speaker.unnamed-person", 0.6
    m.role = st.text[toks[first].start : t.end]
    if body is not None and body.label == "ORG":
        m.affiliation = body.text
    m.resolved_from, m.antecedent = "alias", (toks[first].start, t.end)
    m.reason = f"the {head} counted just before without names: unnamed people"
