"""The state of one run of the sources analyzer, and the reporting events it finds.

:class:`RunState` holds what every step of one analysis reads (the text, its parse and
index, the quotations, sentence and paragraph starts) and what the steps build up (the
speaker findings, the scare-quote count); the analyzer object itself keeps none. An
:class:`Event` is one act of reporting found in the text. The text helpers here (trimming
a span to whole words, balanced quotation marks) are shared by the steps.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from unspin.analyzer import Analyzer, Context
from unspin.model import Finding
from unspin.nlp import Parsed
from unspin.sources.adjective_subjects import with_adjective_subjects
from unspin.sources.lexicon import VerbInfo
from unspin.sources.parse_index import ParseIndex
from unspin.sources.quotes import find_quotes, paragraph_spans
from unspin.sources.resolver import Known
from unspin.sources.speakers import Mention

__all__ = [
    "DETS_BEFORE",
    "LAST_WORD",
    "SINGLE_CLOSING",
    "SINGLE_OPENING",
    "TERMINATOR",
    "WORDS",
    "Event",
    "RunState",
    "plain_role",
]

#: A word (for counting the words of a span or a quotation).
WORDS = re.compile(r"[\w’'-]+")
#: The last word before a position.
LAST_WORD = re.compile(r"(\w+)\s*$")
#: A sentence-ending mark.
TERMINATOR = re.compile(r"[.!?]")
#: Words before a verb form that make it an adjective ("the said property").
DETS_BEFORE = frozenset({"the", "a", "an", "this", "that", "these", "those", "said", "aforesaid"})

_DATELINE = re.compile(
    r"(?:[A-Z][A-Z .,'’/-]{2,40}?(?:\s*\([^)]{1,30}\))?|\([A-Z][^)]{1,30}\))\s*[—–-]+\s*(?![a-z])"
)
_MATE = {'"': '"', "“": "”", "‘": "’", "'": "'", "«": "»"}

#: A single mark opening a quotation (after a space or a bracket, before a word) and one
#: closing it (after a word or a stop, before a space, a stop or the end; not the
#: apostrophe of a plural's possessive before its noun, "the skippers' boats").
SINGLE_OPENING = re.compile(r"(?:^|(?<=[\s(\[—–]))['‘](?=\w)")
SINGLE_CLOSING = re.compile(
    r"(?<=[\w.,!?])(?<![sSzZ])['’](?=$|[\s.,;:!?)])|(?<=[sSzZ])['’](?=$|[.,;:!?)]|\s+[^\w\s])"
)


@dataclass
class Event:
    """One act of reporting: a verb of saying (or "according to") with its speaker and content."""

    cue: tuple[int, int]
    cue_text: str
    lemma: str | None
    info: VerbInfo | None
    speaker: Mention | None
    content: tuple[int, int] | None
    construction: str
    score: float
    sentence: int
    anchor: tuple[int, int]
    reach: tuple[int, int]
    outer: Mention | None = None
    medium: str | None = None
    medium_cue: str | None = None
    in_quote: int | None = None
    token: int | None = None
    quote_only: bool = False
    cues: list[str] = field(default_factory=list)
    #: a content around an inserted source and cue ("The plan, Lund said, would fail")
    pieces: list[tuple[int, int]] | None = None


class RunState:
    """The state of one analysis: its inputs, lookups and the findings built so far."""

    def __init__(
        self, analyzer: Analyzer[Any], ctx: Context, *, max_scare: int, top_n: int
    ) -> None:
        self.a = analyzer
        self.ctx = ctx
        self.text = ctx.text
        self.has_parse = ctx.parsed.has_parse and bool(ctx.parsed.tokens)
        # "the 22-year-old quipped": the adjective the parser hung on the verb is its subject
        self.parsed: Parsed = with_adjective_subjects(ctx.parsed) if self.has_parse else ctx.parsed
        self.ix = ParseIndex(self.parsed) if self.has_parse else None
        self.max_scare = max_scare
        self.top_n = top_n
        self.sent_starts = [s.start for s in self.parsed.sentences]
        self.paragraphs = paragraph_spans(self.text)
        self.para_starts = [p[0] for p in self.paragraphs]
        self.speaker_findings: dict[tuple[int, int, str], Finding] = {}
        self.scare_quotes = 0
        #: quotations scored under the ``min_quote_score`` option, not reported
        self.weak_quotes = 0
        #: the statistical model behind the parse, named in explanations (None without one)
        self.model = (ctx.parsed.model or "parse") if self.has_parse else None
        self.quotes = find_quotes(self.text)
        self.top_quote_starts = [q.start for q in self.quotes if q.parent is None]
        self.top_quotes = [q for q in self.quotes if q.parent is None]
        #: named entities as antecedent candidates, set once the events are found
        self.knowns: list[Known] = []

    def sentence_at(self, pos: int) -> int:
        return max(0, bisect_right(self.sent_starts, pos) - 1)

    def sentence_start(self, pos: int) -> int:
        """Where the sentence holding ``pos`` starts (0 without sentences)."""
        return self.sent_starts[self.sentence_at(pos)] if self.sent_starts else 0

    def paragraph_at(self, pos: int) -> int:
        return max(0, bisect_right(self.para_starts, pos) - 1)

    def top_quote_index(self, pos: int) -> int | None:
        """The index (among top-level quotations) of the quotation around ``pos``, if any."""
        k = bisect_right(self.top_quote_starts, pos) - 1
        if k >= 0 and pos < self.top_quotes[k].end:
            return k
        return None

    def quote_index(self, top_index: int) -> int:
        """The index among all quotations of the top-level quotation ``top_index``."""
        q = self.top_quotes[top_index]
        return self.quotes.index(q)

    def token_span(self, lo: int, hi: int) -> tuple[int, int] | None:
        toks = self.parsed.tokens
        if lo > hi or lo < 0 or hi >= len(toks):
            return None
        return self.trim_chars(toks[lo].start, toks[hi].end)

    def trim_end(self, start: int, end: int) -> int:
        text = self.text
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.!?—–-"):
            end -= 1
        return end

    def trim_chars(self, start: int, end: int) -> tuple[int, int] | None:
        """``[start, end)`` without a dateline, edge punctuation or a dangling quotation mark;
        ``None`` when fewer than two words are left."""
        text = self.text
        dateline = _DATELINE.match(text, start, end)
        if dateline:
            start = dateline.end()
        while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
            start += 1
        end = self.trim_end(start, end)
        span = text[start:end]
        # keep quotation marks balanced: drop a dangling one at either edge
        if (
            span
            and span[0] in "\"“‘'«"
            and span.count(span[0]) + span.count(_MATE.get(span[0], "")) == 1
        ):
            start += 1
        if end > start and text[end - 1] in "\"”’'»" and _unbalanced_tail(text[start:end]):
            end -= 1
        end = self.trim_end(start, end)
        if len(WORDS.findall(text[start:end])) < 2:
            return None
        return (start, end)


def plain_role(text: str) -> str | None:
    """A role phrase without its edge punctuation and leading article."""
    words = text.strip(" ,;:").split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words) or None


def _unbalanced_tail(span: str) -> bool:
    last = span[-1]
    if last in "'’":
        # apostrophes ("don't", "the skippers' boats") are no quotation marks
        return len(SINGLE_CLOSING.findall(span)) > len(SINGLE_OPENING.findall(span))
    opener = {"”": "“", "’": "‘", "»": "«"}.get(last)
    if opener is not None:
        return span.count(opener) < span.count(last)
    return span.count(last) % 2 == 1
