"""What a reported claim says: "the minister said that X" is matched against fact-checks
as "X". A fact-check reviews the statement, not who passed it on: matched on the whole
sentence, the words of the speaker clause ("the minister said") weigh against every
review, which never repeats them, and a claim reported by someone lost to a plain one.

Read from the parse: a sentence whose main verb is a verb of saying
(:data:`unspin.frames.lexicon.REPORTING`) with one clause it reports (``ccomp``, before
or after it: "X, the minister said"), that clause not an embedded question ("refused to
say how ..."); its span less a leading "that". Anything else is matched as written.
"""

from __future__ import annotations

from unspin.frames.lexicon import REPORTING
from unspin.nlp import Parsed

__all__ = ["reported_content"]

#: Words that open an embedded question, which asserts nothing.
_QUESTION = frozenset(
    ["how", "why", "whether", "if", "when", "where", "what", "who", "whom", "which"]
)
#: A reported clause shorter than this many words is matched with its sentence.
MIN_WORDS = 3


def reported_content(parsed: Parsed, start: int, end: int) -> tuple[int, int] | None:
    """The span of what the sentence at ``[start, end)`` reports ("the minister said
    that [taxes rose by 4 percent]"), or ``None`` when it reports nothing."""
    toks = parsed.tokens_in(start, end)
    inside = {t.i for t in toks}
    root = next((t for t in toks if t.head == t.i or t.head not in inside), None)
    if root is None or root.lemma.lower() not in REPORTING:
        return None
    comps = [c for c in parsed.children(root.i) if c.dep == "ccomp" and c.i in inside]
    if len(comps) != 1 or comps[0].pos not in ("VERB", "AUX"):
        return None
    lo, hi = parsed.subtree_span(comps[0].i)
    words = [t for t in parsed.tokens_in(lo, hi) if t.pos != "PUNCT"]
    if words and words[0].lower in _QUESTION:
        return None
    if words and words[0].lower == "that" and words[0].dep == "mark":
        words = words[1:]
    if len(words) < MIN_WORDS:
        return None
    return words[0].start, max(lo, min(hi, words[-1].end))
