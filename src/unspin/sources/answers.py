"""The one asked is the one who answers: "A reporter asked Lund how she felt. She
replied: ..." - the "she" who replies is Lund, not the reporter who asked, though the
reporter is the subject the pronoun would otherwise follow.
"""

from __future__ import annotations

from bisect import bisect_right

from unspin.sources.resolver import Known, Resolver
from unspin.sources.speakers import Mention
from unspin.sources.state import RunState

__all__ = ["ANSWER_VERBS", "the_one_asked"]

#: Verbs of answering: their subject is the one a question was put to.
ANSWER_VERBS = frozenset({"reply", "answer", "respond", "retort"})
#: Verbs of putting a question to someone (the object).
_ASKING = frozenset({"ask", "question", "press", "query", "quiz"})
_GENDER = {"he": "male", "she": "female"}


def the_one_asked(
    st: RunState, resolver: Resolver, m: Mention, chosen: Known, lemma: str | None
) -> Known | None:
    """The person ``chosen`` asked (the object of "asked"), when ``m`` is a he or she
    subject of a verb of answering and ``chosen`` the subject of a verb of asking in the
    same or the sentence before; else ``None``."""
    if lemma not in ANSWER_VERBS or st.ix is None or m.head_word not in _GENDER:
        return None
    toks = st.parsed.tokens
    starts = [t.start for t in toks]
    k = bisect_right(starts, chosen.start) - 1
    if k < 0:
        return None
    subj = toks[k]
    while subj.dep in ("compound", "amod", "det") and subj.head != subj.i:
        subj = toks[subj.head]  # "A reporter": the head noun
    if not subj.dep.startswith("nsubj"):
        return None
    verb = toks[subj.head]
    if verb.lemma.lower() not in _ASKING:
        return None
    objects = [st.ix.subtree(o.i) for o in st.ix.kids(verb.i, "dobj", "dative")]
    spans = [(toks[lo].start, toks[hi].end) for lo, hi in objects]
    want = _GENDER[m.head_word]
    for cand in reversed(resolver.before(m.start)):
        if cand.entity_type != "person" or not any(a <= cand.start < b for a, b in spans):
            continue
        g = resolver.gender.get(cand.name) if cand.name else cand.gender
        if g and g != want:
            continue
        return cand
    return None
