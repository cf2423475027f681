"""Token-level lookups over one document's dependency parse, shared by the sources
analyzer's parse-based steps (:mod:`~unspin.sources.mentions` and the events)."""

from __future__ import annotations

from collections.abc import Sequence

from unspin.nlp import Entity, Parsed, Token
from unspin.sources.lexicon import HONORIFICS, TITLE_WORDS

__all__ = ["ParseIndex", "generic_name", "span_text"]

_EDGE_PUNCT = frozenset(",;:—–-()[]\"'“”‘’«»")


class ParseIndex:
    """Token-level lookups over a :class:`Parsed` built once per document."""

    def __init__(self, parsed: Parsed) -> None:
        self.parsed = parsed
        n = len(parsed.tokens)
        self.entity_of: list[int] = [-1] * n
        for k, e in enumerate(parsed.entities):
            for i in range(e.first, min(e.last, n)):
                self.entity_of[i] = k
        self.sentence_of: list[int] = [0] * n
        for k, s in enumerate(parsed.sentences):
            for i in range(s.first, min(s.last, n)):
                self.sentence_of[i] = k
        self.children: dict[int, list[Token]] = {}
        for t in parsed.tokens:
            if t.head != t.i:
                self.children.setdefault(t.head, []).append(t)

    def kids(self, i: int, *deps: str) -> list[Token]:
        return [c for c in self.children.get(i, ()) if not deps or c.dep in deps]

    def subtree(self, i: int) -> tuple[int, int]:
        """Token index range ``[lo, hi]`` of the subtree of ``i`` (inclusive)."""
        lo = hi = i
        stack = [i]
        seen = 0
        while stack and seen < 400:
            j = stack.pop()
            seen += 1
            lo, hi = min(lo, j), max(hi, j)
            stack.extend(c.i for c in self.children.get(j, ()))
        return lo, hi

    def entity_at(self, i: int) -> Entity | None:
        k = self.entity_of[i] if 0 <= i < len(self.entity_of) else -1
        return self.parsed.entities[k] if k >= 0 else None

    def on_line(self, i: int, lo: int, hi: int) -> tuple[int, int]:
        """The inclusive token range ``[lo, hi]`` cut to the line of token ``i``: a speaker
        never runs across a line break (a heading, a dateline line)."""
        toks = self.parsed.tokens
        text = self.parsed.text
        line_lo = text.rfind("\n", 0, toks[i].start) + 1
        nl = text.find("\n", toks[i].end)
        line_hi = len(text) if nl < 0 else nl
        while lo < i and toks[lo].start < line_lo:
            lo += 1
        while hi > i and toks[hi].end > line_hi:
            hi -= 1
        return lo, hi

    def hyphen_joined(self, lo: int, hi: int) -> tuple[int, int]:
        """The inclusive range ``[lo, hi]`` grown over words glued to it by a hyphen, which
        the parser may hang apart ("co" + "-" + "director of the institute")."""
        toks = self.parsed.tokens
        n = len(toks)

        def glued(a: int, b: int) -> bool:  # "a-b": a hyphen token touching both words
            return toks[a + 1].text in ("-", "\u2010", "\u2011") and (
                toks[a].end == toks[a + 1].start and toks[a + 1].end == toks[b].start
            )

        while hi + 2 < n and glued(hi, hi + 2) and toks[hi + 2].text.isalpha():
            hi = max(hi + 2, self.subtree(hi + 2)[1])
        while lo - 2 >= 0 and glued(lo - 2, lo) and toks[lo - 2].text.isalpha():
            lo -= 2
        return lo, hi

    def with_first_name(self, ent: Entity) -> Entity:
        """A one-word PERSON entity grown over the capitalised proper noun the tagger left
        out of it ("Ana" before "Pell"); not over a title or honorific ("Senator", "Dr"),
        an abbreviation or a plural, nor before a name of two words ("Rival Ann Roe")."""
        toks = self.parsed.tokens
        if ent.label != "PERSON" or ent.first == 0 or ent.last - ent.first != 1:
            return ent
        p = toks[ent.first - 1]
        low = p.lower
        if p.tag != "NNP" or p.ent_type or p.dep != "compound" or not p.text.isalpha():
            return ent
        if not p.text.istitle() or low in TITLE_WORDS or low in HONORIFICS:
            return ent
        return Entity(
            p.start, ent.end, ent.label, self.parsed.text[p.start : ent.end], p.i, ent.last
        )

    def past_headline_verb(self, lo: int, head: int) -> int:
        """Where a speaker starts on a headline line (no closing stop): past a verb the
        tagger read as a plural noun between a noun and a noun ("Swiss bishop signs
        statement saying ...": the statement, not "Swiss bishop signs statement")."""
        toks = self.parsed.tokens
        text = self.parsed.text
        nl = text.find("\n", toks[head].end)
        line = text[text.rfind("\n", 0, toks[head].start) + 1 : len(text) if nl < 0 else nl]
        if not line.strip() or line.rstrip()[-1] in ".!?\"'”’»)":
            return lo
        for k in range(head - 1, lo, -1):
            t, prev, nxt = toks[k], toks[k - 1], toks[k + 1]
            if t.tag == "NNS" and prev.pos in ("NOUN", "PROPN") and nxt.pos in ("NOUN", "PROPN"):
                return k + 1
        return lo

    def trimmed(self, lo: int, hi: int) -> tuple[int, int] | None:
        """Shrink the inclusive token range ``[lo, hi]`` past punctuation at either end."""
        toks = self.parsed.tokens
        while lo <= hi and (toks[lo].text in _EDGE_PUNCT or not toks[lo].text.strip()):
            lo += 1
        while hi >= lo and (toks[hi].text in _EDGE_PUNCT or not toks[hi].text.strip()):
            hi -= 1
        return (lo, hi) if lo <= hi else None


def span_text(parsed: Parsed, lo: int, hi: int) -> str:
    """The text of the inclusive token range ``[lo, hi]``."""
    return parsed.text[parsed.tokens[lo].start : parsed.tokens[hi].end]


#: Entity types whose words keep their capitals in a generic name.
_NAMED_ENTS = frozenset({"NORP", "GPE", "ORG", "LOC", "FAC"})


def generic_name(toks: Sequence[Token], h: Token) -> str:
    """The phrase up to the head in lower case ("the ministry", "police"); acronyms, proper
    nouns and nationality words keep their capitals ("Brazilian police"), and the words
    their spacing ("Puerto Rico’s government")."""
    out: list[str] = []
    prev_end: int | None = None
    for t in toks:
        w = t.text
        keep = (w.isupper() and len(w) > 1) or t.pos == "PROPN" or t.ent_type in _NAMED_ENTS
        if prev_end is not None and t.start > prev_end:
            out.append(" ")
        out.append(w if keep else w.lower())
        prev_end = t.end
        if t.i == h.i:
            break
    return "".join(out)
