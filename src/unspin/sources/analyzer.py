"""The ``sources`` analyzer: direct quotations, reported speech, who said it, and how.

Findings (all anchored in the document text):

``quote``
    A direct quotation, marks included (a block quote: the whole block). ``label`` is
    the source type; attributes give the quotation ``style``, the ``speaker`` (canonical
    name or null), ``role``, ``source_type``, the reporting ``verb`` lemma and its
    ``stance`` ("neutral" / "loaded"), ``multi_sentence``, ``fragment`` (a short partial
    quotation inside the writer's sentence) and ``speaker_link`` (how the speaker was
    found: "after", "before", "contained", "continuation", "previous-paragraph", "colon",
    "signature", "nested" or null).
``attribution``
    Indirect, reported speech: the span is the reported content ("the clause after
    *said that*", the rest of an *according to* sentence); same attributes, ``style`` is
    "indirect" and ``construction`` names the pattern.
``speaker``
    The speaker mention (a pronoun speaker is anchored on the pronoun); ``label`` is the
    speaker's own source type; attributes ``name`` (canonical: a surname or pronoun is
    mapped to the full name), ``role``, ``resolved_from`` ("pronoun" / "alias" / null),
    ``antecedent_start`` / ``antecedent_end``, ``entity_type`` and ``affiliation``.

Quotations and attributions link to their speaker (relation ``speaker``) and, for
hearsay ("the agency quoted Vasko as saying ..."), to the outer source (``quoted_by``).
A statement made in a social-media post is labelled ``social_media`` while its speaker
keeps their own type.

Scare quotes and titles are not quotations: a short quoted phrase (``max_scare_words``
words or fewer) that no speaker is tied to by syntax ('the so-called "reform"', 'the
"experts"') yields no finding and is only counted; one woven into a speaker's sentence
('Lund called the plan "a disaster"') is a ``fragment`` with a modest score.

The summary is the article's source profile: ``counts_by_type`` (every source type,
zeros included), ``total`` statements (quotes and attributions; a fragment inside the
same speaker's reported speech counts once), ``quotes``, ``attributions``,
``share_anonymous``, ``top_speakers`` (name, type, count; ``top_speakers`` option, 10)
and ``scare_quotes``.

The analyzer reads spaCy's dependency parse when there is one and falls back to
patterns over words when there is none (``FakeBackbone``).
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import ClassVar

from unspin.analyzer import Analyzer, AnalyzerResult, Context, register
from unspin.model import JSON, Explanation, Finding, Relation
from unspin.nlp import Parsed, Token
from unspin.options import option
from unspin.sources.lexicon import (
    PARTICLE_VERBS,
    SCARE_PREFIXES,
    SOCIAL_NOUNS,
    VERB_FORMS,
    VERBS,
    VerbInfo,
)
from unspin.sources.quotes import QuoteSpan, find_quotes, paragraph_spans
from unspin.sources.speakers import (
    SOURCE_TYPES,
    Mention,
    ParseIndex,
    Resolver,
    _Known,
    mention_from_span,
    mention_from_token,
)

__all__ = ["SourcesAnalyzer"]

log = logging.getLogger(__name__)

_PLATFORM_CUE = re.compile(
    r"\b(?:twitter|facebook|instagram|tiktok|telegram|youtube|reddit|linkedin|threads|"
    r"bluesky|mastodon|weibo|wechat|vkontakte|snapchat|whatsapp|social media|"
    r"(?:a|her|his|their|its|the) (?:social[- ]media |online |viral |widely shared )?"
    r"(?:post|tweet|thread|reel)|(?:online|viral|social[- ]media) (?:video|livestream|clip)|"
    r"(?:video|clip|livestream) (?:posted|shared|uploaded|streamed)|"
    r"(?:on|via) (?-i:X)(?![\w-]))\b",
    re.I,
)
_MEDIUM_NOUNS = frozenset(
    {
        "statement",
        "interview",
        "letter",
        "email",
        "press",
        "conference",
        "briefing",
        "speech",
        "post",
        "tweet",
        "video",
        "message",
        "podcast",
        "broadcast",
        "note",
        "memo",
        "filing",
    }
)
_DATELINE = re.compile(r"[A-Z][A-Z .,'’/-]{2,40}?(?:\s*\([^)]{1,30}\))?\s*[—–-]+\s*")
_DASH_SIGNATURE = re.compile(
    r"[ \t]*[—–]\s*(?P<who>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})"
    r"(?:,\s*(?P<role>[^\n.;]{2,60}))?\s*(?:$|\n|[.;])",
    re.M,
)
_SENT_BREAK = re.compile(r"[.!?]\s+(?=[\"'“‘«]?[A-Z])")
_TERMINATOR = re.compile(r"[.!?]")
_WORDS = re.compile(r"[\w’'-]+")
_GAP_AFTER = re.compile(r"[\s,;:—–-]*")
_CLOSE_PUNCT = set(",?!—–-…:;")
_DETS_BEFORE = frozenset({"the", "a", "an", "this", "that", "these", "those", "said", "aforesaid"})
_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my", "your"})
_CONTENT_MARKS = frozenset({"that", "whether", "if"})
_REFUSALS = frozenset({"decline", "refuse", "fail", "forbid"})
_HEARSAY_CARRIERS = frozenset({"quote", "cite", "report", "describe"})
_SIGNATURE = re.compile(r"(?:^|\n)[ \t>]*[—–-]{1,2}\s*(?P<who>[^\n]{2,120})\s*\Z")
_HANDLE = re.compile(r"@\w{2,}")

_STYLE_WORDS = {
    "straight-double": "straight double quotation marks",
    "curly-double": "curly double quotation marks",
    "low-double": "low-high double quotation marks",
    "guillemets": "guillemets",
    "straight-single": "straight single quotation marks",
    "curly-single": "curly single quotation marks",
    "low-single": "low-high single quotation marks",
    "block": "a block quote",
}
_TYPE_WORDS = {
    "named_person": "a named person",
    "named_organisation": "a named organisation",
    "media_outlet": "a media outlet",
    "anonymous": "an unnamed source",
    "social_media": "a social-media post",
    "document": "a document or report",
    "unattributed": "no identifiable source",
}


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


@dataclass
class _QuoteLink:
    event: Event | None
    how: str | None
    factor: float
    speaker: Mention | None = None
    outer: Mention | None = None
    medium: str | None = None


@dataclass(frozen=True)
class SourcesOptions:
    """Options of the ``sources`` analyzer."""

    max_scare_words: int = option(
        3, "A quotation of at most this many words, with no speaker, is a scare quote."
    )
    top_speakers: int = option(10, "Speakers listed in the per-article source profile.")


@register("sources")
class SourcesAnalyzer(Analyzer[SourcesOptions]):
    """Direct quotes, indirect speech, their speakers, source types and the article's profile."""

    version = "1.0.0"
    requires: ClassVar[tuple[str, ...]] = ("parse",)
    produces: ClassVar[tuple[str, ...]] = ("quote", "attribution", "speaker")
    Options = SourcesOptions

    def run(self, ctx: Context) -> AnalyzerResult:
        result = _Run(self, ctx).go()
        log.debug(
            "sources: %d findings on %s (%s statements)",
            len(result.findings),
            ctx.document.id,
            result.summary.get("total"),
        )
        return result


class _Run:
    """The state of one analysis (the analyzer object itself keeps none)."""

    def __init__(self, analyzer: SourcesAnalyzer, ctx: Context) -> None:
        self.a = analyzer
        self.ctx = ctx
        self.text = ctx.text
        self.parsed: Parsed = ctx.parsed
        self.has_parse = ctx.parsed.has_parse and bool(ctx.parsed.tokens)
        self.ix = ParseIndex(ctx.parsed) if self.has_parse else None
        self.max_scare = analyzer.options.max_scare_words
        self.top_n = analyzer.options.top_speakers
        self.sent_starts = [s.start for s in self.parsed.sentences]
        self.paragraphs = paragraph_spans(self.text)
        self.para_starts = [p[0] for p in self.paragraphs]
        self.speaker_findings: dict[tuple[int, int, str], Finding] = {}
        self.scare_quotes = 0
        self._object_content = False
        #: the statistical model behind the parse, named in explanations (None without one)
        self.model = (ctx.parsed.model or "parse") if self.has_parse else None

    # -- helpers ---------------------------------------------------------------------

    def sentence_at(self, pos: int) -> int:
        return max(0, bisect_right(self.sent_starts, pos) - 1)

    def paragraph_at(self, pos: int) -> int:
        return max(0, bisect_right(self.para_starts, pos) - 1)

    # -- main ------------------------------------------------------------------------

    def go(self) -> AnalyzerResult:
        quotes = find_quotes(self.text)
        self.quotes = quotes
        self.top_quote_starts = [q.start for q in quotes if q.parent is None]
        self.top_quotes = [q for q in quotes if q.parent is None]
        events = self._parse_events() if self.has_parse else self._regex_events()
        if self.has_parse:
            covered = {e.cue for e in events}
            events.extend(
                e for e in self._regex_events(quote_links_only=True) if e.cue not in covered
            )
        events.sort(key=lambda e: e.cue)
        for e in events:
            e.in_quote = self._top_quote_index(e.cue[0])
        self.knowns = list(self._entity_knowns())
        self._resolve(events)
        self._hearsay(events)
        links = self._link_quotes(quotes, events)
        quote_findings: dict[int, Finding] = {}
        for k, q in enumerate(quotes):
            link = links.get(k)
            if link is None:
                continue
            f = self._quote_finding(q, link, quote_findings)
            if f is not None:
                quote_findings[k] = f
        attribution_findings: dict[str, Finding] = {}
        for e in events:
            f = self._attribution_finding(e, links)
            if f is not None and f.id not in attribution_findings:  # two verbs, one clause
                attribution_findings[f.id] = f
        records = _profile_records(list(quote_findings.values()), attribution_findings.values())
        findings = [
            *quote_findings.values(),
            *attribution_findings.values(),
            *self.speaker_findings.values(),
        ]
        return AnalyzerResult(tuple(findings), self._summary(records))

    def _top_quote_index(self, pos: int) -> int | None:
        k = bisect_right(self.top_quote_starts, pos) - 1
        if k >= 0 and pos < self.top_quotes[k].end:
            return k
        return None

    # -- events from the parse --------------------------------------------------------

    def _parse_events(self) -> list[Event]:
        assert self.ix is not None
        ix = self.ix
        toks = self.parsed.tokens
        events: list[Event] = []
        by_token: dict[int, Event] = {}
        citing: list[Token] = []
        reportedly: list[Token] = []
        for t in toks:
            low = t.lower
            if low == "according" and t.i + 1 < len(toks) and toks[t.i + 1].lower == "to":
                e = self._according_event(t)
                if e is not None:
                    events.append(e)
                continue
            if low == "citing" and t.tag == "VBG":
                citing.append(t)
                continue
            if low == "reportedly":
                reportedly.append(t)
                continue
            lemma = VERB_FORMS.get(low)
            if lemma is None or t.pos != "VERB":
                continue
            e = self._verb_event(t, lemma)
            if e is not None:
                events.append(e)
                by_token[t.i] = e
        for t in citing:
            head = by_token.get(t.head)
            objs = ix.kids(t.i, "dobj")
            if head is None or not objs:
                continue
            cited = mention_from_token(ix, objs[0])
            if cited is not None:
                head.outer, head.speaker = head.speaker, cited
                head.construction = "citing"
                head.cues.append("citing")
                if head.content is None and head.info is not None:
                    # "reported, citing two officials, that ...": the clause hangs on "citing"
                    head.content = self._content(t, head.info, "verb")
        with_verbs = {e.sentence for e in events}
        for t in reportedly:
            s = ix.sentence_of[t.i]
            if s in with_verbs:
                continue
            sent = self.parsed.sentences[s]
            span = self._trim_chars(sent.start, sent.end)
            if span is None:
                continue
            events.append(
                Event(
                    (t.start, t.end),
                    t.text,
                    None,
                    None,
                    None,
                    span,
                    "reportedly",
                    0.6,
                    s,
                    (t.start, t.end),
                    (sent.start, sent.end),
                    cues=[t.text],
                )
            )
        return events

    def _according_event(self, t: Token) -> Event | None:
        assert self.ix is not None
        ix = self.ix
        toks = self.parsed.tokens
        to = toks[t.i + 1]
        objs = ix.kids(to.i, "pobj")
        if not objs:
            return None
        speaker = mention_from_token(ix, objs[0])
        lo, hi = ix.subtree(t.i)
        lo = min(lo, t.i)
        hi = max(hi, ix.subtree(to.i)[1])
        s = ix.sentence_of[t.i]
        sent = self.parsed.sentences[s]
        p_start, p_end = toks[lo].start, toks[hi].end
        if p_start <= sent.start + 1:
            content = self._trim_chars(p_end, sent.end)
        elif p_end >= self._trim_end(sent.start, sent.end) - 1:
            content = self._trim_chars(sent.start, p_start)
        else:
            content = self._trim_chars(sent.start, sent.end)
        e = Event(
            (t.start, to.end),
            "according to",
            None,
            None,
            speaker,
            content,
            "according-to",
            0.9,
            s,
            (t.start, p_end),
            (sent.start, sent.end),
            token=t.i,
            cues=["according to"],
        )
        return e

    def _verb_event(self, t: Token, lemma: str) -> Event | None:
        assert self.ix is not None
        ix = self.ix
        toks = self.parsed.tokens
        info = VERBS[lemma]
        if t.dep == "amod" or t.tag == "JJ":
            return None
        if (
            t.i > 0
            and toks[t.i - 1].lower in _DETS_BEFORE
            and t.tag in ("VBN", "VBD", "JJ")
            and not ix.kids(t.i, "nsubj", "nsubjpass", "ccomp")
        ):
            return None  # "the said property"
        if lemma in PARTICLE_VERBS and not any(
            c.lower == PARTICLE_VERBS[lemma] for c in ix.kids(t.i, "prt")
        ):
            return None
        if ix.kids(t.i, "neg"):
            return None
        if t.dep == "xcomp" and toks[t.head].lemma in _REFUSALS:
            return None  # "declined to say"
        # "X quoted Y as saying": the carrier verb is handled from "saying"
        if lemma in ("quote", "cite") and any(
            p.lower == "as" and ix.kids(p.i, "pcomp") for p in ix.kids(t.i, "prep")
        ):
            return None
        s = ix.sentence_of[t.i]
        cues = [t.text]
        construction = "verb"
        speaker: Mention | None = None
        outer: Mention | None = None
        score = 0.9
        subject_start: int | None = None
        carrier = self._as_saying_carrier(t)
        if carrier is not None:
            construction = "as-saying"
            inner_tok, outer_tok = self._carrier_roles(carrier)
            speaker = mention_from_token(ix, inner_tok) if inner_tok is not None else None
            outer = mention_from_token(ix, outer_tok) if outer_tok is not None else None
            cues = [carrier.text, "as", t.text]
            score = 0.85
        else:
            subj, passive = self._subject(t, 0)
            if passive:
                agents = [o for a in ix.kids(t.i, "agent") for o in ix.kids(a.i, "pobj")]
                if agents:
                    speaker = mention_from_token(ix, agents[0])
                else:
                    construction, score = "passive", 0.7
            elif subj is not None:
                speaker = mention_from_token(ix, subj)
                if speaker is None:
                    return None  # "That said, ...", "This says a lot"
                subj_lo = toks[ix.subtree(subj.i)[0]].start
                if subj.i < t.i and t.start - subj_lo < 200:
                    subject_start = subj_lo
            else:
                return None
        if info.doc_only and (
            speaker is None
            or speaker.source_type not in ("document", "named_organisation", "media_outlet")
        ):
            return None
        self._object_content = False
        content = None if info.quote_only else self._content(t, info, construction)
        if self._object_content:
            score = min(score, 0.65)  # "denied the report": a noun phrase, not a proposition
        if construction == "passive" and content is None:
            return None
        lo, hi = ix.subtree(t.i)
        reach = (toks[lo].start, toks[hi].end)
        anchor_lo, anchor_hi = t.start, t.end
        if speaker is not None and abs(speaker.start - t.start) < 200:
            anchor_lo, anchor_hi = min(anchor_lo, speaker.start), max(anchor_hi, speaker.end)
        if subject_start is not None:
            anchor_lo = min(anchor_lo, subject_start)
        medium, medium_cue = self._medium(t)
        e = Event(
            (t.start, t.end),
            t.text,
            lemma,
            info,
            speaker,
            content,
            construction,
            score,
            s,
            (anchor_lo, anchor_hi),
            reach,
            outer=outer,
            medium=medium,
            medium_cue=medium_cue,
            token=t.i,
            quote_only=info.quote_only,
            cues=cues,
        )
        if outer is None:
            e.outer = self._outlet_recipient(t)
        if any(c.lower in ("would", "could", "might", "may") for c in ix.kids(t.i, "aux")):
            e.score *= 0.6
        return e

    def _as_saying_carrier(self, t: Token) -> Token | None:
        toks = self.parsed.tokens
        if t.dep != "pcomp" or t.head == t.i:
            return None
        as_tok = toks[t.head]
        if as_tok.lower != "as" or as_tok.head == as_tok.i:
            return None
        carrier = toks[as_tok.head]
        if VERB_FORMS.get(carrier.lower) in _HEARSAY_CARRIERS:
            return carrier
        return None

    def _carrier_roles(self, carrier: Token) -> tuple[Token | None, Token | None]:
        assert self.ix is not None
        ix = self.ix
        inner = next(iter(ix.kids(carrier.i, "dobj", "nsubjpass")), None)
        outer = next(iter(ix.kids(carrier.i, "nsubj")), None)
        if outer is None:
            outer = next(
                (o for a in ix.kids(carrier.i, "agent") for o in ix.kids(a.i, "pobj")), None
            )
        return inner, outer

    def _subject(self, t: Token, depth: int) -> tuple[Token | None, bool]:
        assert self.ix is not None
        ix = self.ix
        toks = self.parsed.tokens
        for c in ix.kids(t.i, "nsubj", "nsubjpass", "csubj"):
            if not any(ch.isalnum() for ch in c.text):
                continue  # a quotation mark the tagger took for a noun
            if c.lower in ("who", "which", "that") and t.dep == "relcl" and t.head != t.i:
                return toks[t.head], False  # "Lund, who added: ..."
            return c, c.dep == "nsubjpass"
        if depth >= 3 or t.head == t.i:
            return None, False
        head = toks[t.head]
        if t.dep == "conj" or (t.dep in ("xcomp", "advcl") and head.pos in ("VERB", "AUX")):
            if t.dep == "advcl" and t.tag not in ("VBG", "VBN") and not ix.kids(t.i, "mark"):
                return self._subject(head, depth + 1)
            return self._subject(head, depth + 1)
        if t.dep in ("relcl", "acl") and head.pos in ("NOUN", "PROPN", "PRON"):
            return head, False
        if t.dep == "pcomp" and head.pos == "ADP" and head.head != head.i:
            # "..., Lund said, before adding that ..."
            return self._subject(toks[head.head], depth + 1)
        return None, False

    def _content(self, t: Token, info: VerbInfo, construction: str) -> tuple[int, int] | None:
        assert self.ix is not None
        ix = self.ix
        toks = self.parsed.tokens
        comps = ix.kids(t.i, "ccomp")
        if not comps and construction == "passive":
            comps = ix.kids(t.i, "xcomp")
            if comps:
                subj = ix.kids(t.i, "nsubjpass")
                lo = min(ix.subtree(comps[0].i)[0], *(ix.subtree(s.i)[0] for s in subj))
                hi = ix.subtree(comps[0].i)[1]
                if subj and subj[0].lower in ("it",):
                    return None
                return self._token_span(lo, hi)
        if not comps and info.content == "object":
            comps = [c for c in ix.kids(t.i, "dobj", "xcomp") if c.pos != "PRON"]
            self._object_content = bool(comps)
        if not comps and info.lemma == "warn":
            comps = [
                o
                for p in ix.kids(t.i, "prep")
                if p.lower in ("of", "about")
                for o in ix.kids(p.i, "pobj")
            ]
        if not comps:
            # "said in a statement that ...": spaCy hangs the clause on the noun
            for p in ix.kids(t.i, "prep"):
                for o in ix.kids(p.i, "pobj"):
                    for c in ix.kids(o.i, "relcl", "acl", "ccomp"):
                        if any(m.dep == "mark" and m.lower == "that" for m in ix.kids(c.i)):
                            comps = [c]
        if comps:
            after = [c for c in comps if c.i > t.i]
            c = after[0] if after else comps[-1]
            lo, hi = ix.subtree(c.i)
            if c.i == lo and c.lower in VERB_FORMS:
                return None  # a misparse: another verb of saying is not reported content
            while lo < hi and toks[lo].lower in _CONTENT_MARKS and toks[lo].dep == "mark":
                lo += 1
            # "X said A, while Y said B": Y's clause is not part of X's content
            for d in ix.kids(c.i, "advcl", "conj", "parataxis"):
                if d.i > c.i and self._has_own_speech(d.i):
                    hi = min(hi, ix.subtree(d.i)[0] - 1)
            while hi > lo and (
                toks[hi].dep in ("cc", "mark", "punct") or toks[hi].lower in ("while", "but")
            ):
                hi -= 1
            return self._token_span(lo, hi)
        if t.dep == "parataxis" and t.head != t.i:
            h_lo, h_hi = ix.subtree(t.head)
            v_lo, v_hi = ix.subtree(t.i)
            if v_lo <= h_lo:
                return self._token_span(v_hi + 1, h_hi)
            if v_hi >= h_hi:
                return self._token_span(h_lo, v_lo - 1)
            return self._token_span(h_lo, h_hi)
        return None

    def _has_own_speech(self, i: int) -> bool:
        """True when the subtree of token ``i`` holds a verb of saying with its own subject."""
        assert self.ix is not None
        ix = self.ix
        lo, hi = ix.subtree(i)
        for t in self.parsed.tokens[lo : hi + 1]:
            if t.pos == "VERB" and t.lower in VERB_FORMS and ix.kids(t.i, "nsubj"):
                return True
        return False

    def _token_span(self, lo: int, hi: int) -> tuple[int, int] | None:
        toks = self.parsed.tokens
        if lo > hi or lo < 0 or hi >= len(toks):
            return None
        return self._trim_chars(toks[lo].start, toks[hi].end)

    def _trim_end(self, start: int, end: int) -> int:
        text = self.text
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.!?—–-"):
            end -= 1
        return end

    def _trim_chars(self, start: int, end: int) -> tuple[int, int] | None:
        text = self.text
        dateline = _DATELINE.match(text, start, end)
        if dateline:
            start = dateline.end()
        while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
            start += 1
        end = self._trim_end(start, end)
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
        end = self._trim_end(start, end)
        if len(_WORDS.findall(text[start:end])) < 2:
            return None
        return (start, end)

    def _medium(self, t: Token) -> tuple[str | None, str | None]:
        """ "wrote on Facebook", "in a post", "tweeted": the statement came from social media."""
        assert self.ix is not None
        ix = self.ix
        if VERB_FORMS.get(t.lower) == "tweet":
            return "social_media", t.text
        for p in ix.kids(t.i, "prep"):
            if p.lower not in ("on", "in", "via", "through"):
                continue
            lo, hi = ix.subtree(p.i)
            phrase = self.text[self.parsed.tokens[lo].start : self.parsed.tokens[hi].end]
            m = _PLATFORM_CUE.search(phrase)
            if m:
                return "social_media", phrase
            for o in ix.kids(p.i, "pobj"):
                if o.lower in SOCIAL_NOUNS and o.lower not in ("comment", "comments", "message"):
                    return "social_media", phrase
                if o.lower in _MEDIUM_NOUNS:
                    return o.lower, phrase
        return None, None

    def _outlet_recipient(self, t: Token) -> Mention | None:
        """ "told the Daily Harbor newspaper", "in an interview with Kestrel TV": via an outlet."""
        assert self.ix is not None
        ix = self.ix
        objs = list(ix.kids(t.i, "dobj", "dative"))
        for p in ix.kids(t.i, "prep"):
            if p.lower in ("to", "with"):
                objs.extend(ix.kids(p.i, "pobj"))
            if p.lower == "in":
                for o in ix.kids(p.i, "pobj"):
                    for p2 in ix.kids(o.i, "prep"):
                        if p2.lower in ("with", "to"):
                            objs.extend(ix.kids(p2.i, "pobj"))
        for o in objs:
            m = mention_from_token(ix, o)
            if m is not None and m.source_type == "media_outlet":
                m.is_subject = False
                return m
        return None

    # -- events from patterns (no parse, or to rescue quotes the parse missed) ---------

    def _regex_events(self, quote_links_only: bool = False) -> list[Event]:
        events: list[Event] = []
        text = self.text
        for m in _VERB_RE.finditer(text):
            low = m.group(0).lower()
            lemma = VERB_FORMS.get(low)
            if lemma is None:
                continue
            e = self._regex_verb_event(m.start(), m.end(), lemma, quote_links_only)
            if e is not None:
                events.append(e)
        if not quote_links_only:
            for m in _ACCORDING_RE.finditer(text):
                e = self._regex_according(m)
                if e is not None:
                    events.append(e)
        return events

    def _regex_verb_event(
        self, vs: int, ve: int, lemma: str, quote_links_only: bool
    ) -> Event | None:
        text = self.text
        info = VERBS[lemma]
        if info.doc_only or lemma in PARTICLE_VERBS:
            return None
        s = self.sentence_at(vs)
        sent_start = self.parsed.sentences[s].start if self.parsed.sentences else 0
        sent_end = self.parsed.sentences[s].end if self.parsed.sentences else len(text)
        before = text[max(sent_start, vs - 160) : vs]
        prev_word = _LAST_WORD.search(before)
        if prev_word and prev_word.group(1).lower() in _DETS_BEFORE:
            return None
        speaker: Mention | None = None
        after_quote = _AFTER_QUOTE.search(before)
        if after_quote is not None:
            # inverted: '"...," said Maria Lund, the mayor of Westby'
            inv = _INVERTED_SUBJECT.match(text, ve)
            if inv:
                speaker = mention_from_span(text, inv.start("who"), inv.end("who"))
                if speaker is not None and inv.group("role") and speaker.kind == "name":
                    speaker.role = speaker.role or _plain_role(inv.group("role"))
        else:
            seg_start = vs - len(before)
            for q in self.top_quotes:
                if q.start >= vs:
                    break
                if q.end <= vs:
                    seg_start = max(seg_start, q.end)
            sm = _SUBJECT_BEFORE.search(text[seg_start:vs])
            if sm:
                w0, w1 = seg_start + sm.start("who"), seg_start + sm.end("who")
                speaker = mention_from_span(text, w0, w1)
                if sm.group("appos"):
                    a0, a1 = seg_start + sm.start("appos"), seg_start + sm.end("appos")
                    other = mention_from_span(text, a0, a1)
                    speaker = _merge_appos(speaker, other, sm.group("who"), sm.group("appos"))
                if speaker is not None and speaker.rule == "speaker.unknown-noun":
                    speaker = None
        if speaker is None:
            return None
        if quote_links_only:
            # only used to rescue quotations adjacent to a speaker the parse did not see
            near_quote = after_quote is not None or _QUOTE_AHEAD.match(text, ve)
            if not near_quote:
                return None
        content: tuple[int, int] | None = None
        rest = text[ve:sent_end]
        if (
            not info.quote_only
            and not quote_links_only
            and after_quote is None
            and not _QUOTE_NEXT.match(rest)
            and not rest.startswith(",")
        ):
            that = _THAT_AHEAD.match(rest)
            if that:
                content = self._trim_chars(ve + that.end(), sent_end)
            elif lemma != "tell" and not _PREP_NEXT.match(rest):
                content = self._trim_chars(ve, sent_end)
            if content is None and not rest.strip(" .!?\n"):
                # "The reform failed, the Valley Gazette reported."
                lead = text[sent_start : speaker.start].rstrip()
                if lead.endswith(","):
                    content = self._trim_chars(sent_start, sent_start + len(lead) - 1)
        anchor = (min(speaker.start, vs), max(speaker.end, ve))
        return Event(
            (vs, ve),
            text[vs:ve],
            lemma,
            info,
            speaker,
            content,
            "verb",
            0.75,
            s,
            anchor,
            (sent_start, sent_end),
            quote_only=info.quote_only,
            cues=[text[vs:ve]],
        )

    def _regex_according(self, m: re.Match[str]) -> Event | None:
        text = self.text
        speaker = mention_from_span(text, m.start("who"), m.end("who"))
        s = self.sentence_at(m.start())
        sent = self.parsed.sentences[s] if self.parsed.sentences else None
        sent_start, sent_end = (sent.start, sent.end) if sent else (0, len(text))
        if m.start() <= sent_start + 1:
            content = self._trim_chars(m.end(), sent_end)
        else:
            content = self._trim_chars(sent_start, m.start())
        return Event(
            (m.start(), m.start() + len("according to")),
            "according to",
            None,
            None,
            speaker,
            content,
            "according-to",
            0.8,
            s,
            (m.start(), m.end()),
            (sent_start, sent_end),
            cues=["according to"],
        )

    # -- resolution ------------------------------------------------------------------

    def _resolve(self, events: list[Event]) -> None:
        """Canonical names, role aliases and pronouns, in text order."""
        resolver = Resolver(self.ctx.document.author)
        mentions: list[Mention] = []
        for e in events:
            for m in (e.speaker, e.outer):
                if m is not None:
                    mentions.append(m)
        items: list[tuple[int, int, Mention | _Known]] = []
        for m in mentions:
            items.append((m.start, 1, m))
        covered = sorted((m.start, m.end) for m in mentions)
        covered_starts = [c[0] for c in covered]
        for k in self.knowns:
            j = bisect_right(covered_starts, k.start) - 1
            if j >= 0 and covered[j][1] > k.start:
                continue  # inside a speaker mention, which carries more
            if j + 1 < len(covered) and covered[j + 1][0] < k.end:
                continue
            items.append((k.start, 0, k))
        items.sort(key=lambda x: (x[0], x[1]))
        done: set[int] = set()
        for _, _, item in items:
            if isinstance(item, _Known):
                resolver.add(item)
                continue
            if id(item) in done:
                continue
            done.add(id(item))
            s = self.sentence_at(item.start)
            if item.kind == "pronoun":
                if self._top_quote_index(item.start) is None:
                    resolver.pronoun(item, s)
            elif item.kind == "name":
                resolver.canonical(item)
            else:
                resolver.definite_noun(item)
            if item.kind != "pronoun":
                resolver.add_mention(item, s)

    def _entity_knowns(self) -> Iterable[_Known]:
        """Named entities as antecedent candidates (persons, organisations, outlets)."""
        toks = self.parsed.tokens
        sents = self.parsed.sentences
        for e in self.parsed.entities:
            if self.has_parse and e.label not in ("PERSON", "ORG", "GPE", "NORP"):
                continue
            if self._top_quote_index(e.start) is not None:
                continue
            s = self.sentence_at(e.start)
            if self.ix is not None and e.first < len(toks):
                root = next(
                    (
                        toks[i]
                        for i in range(e.first, min(e.last, len(toks)))
                        if not e.first <= toks[i].head < e.last or toks[i].head == i
                    ),
                    toks[e.first],
                )
                m = mention_from_token(self.ix, root)
                is_subject = root.dep.startswith("nsubj")
            else:
                m = mention_from_span(self.text, e.start, e.end)
                is_subject = bool(sents) and not self.text[sents[s].start : e.start].strip()
            if m is None or not m.name or m.entity_type is None:
                continue
            yield _Known(
                e.start,
                e.end,
                m.name,
                m.entity_type,
                m.source_type,
                is_subject,
                s,
                m.role,
                m.gender,
            )

    def _hearsay(self, events: list[Event]) -> None:
        """An event reported inside another's content is quoted by the outer speaker."""
        ordered = sorted(
            (
                (e.content[0], e.content[1], n)
                for n, e in enumerate(events)
                if e.content is not None and e.speaker is not None
            ),
        )
        starts = [c[0] for c in ordered]
        for e in events:
            if e.outer is not None:
                continue
            best: tuple[int, int, int] | None = None
            j = bisect_right(starts, e.cue[0]) - 1
            while j >= 0 and ordered[j][0] >= e.cue[0] - 3000:
                c0, c1, n = ordered[j]
                if events[n] is not e and c1 >= e.cue[1] and (best is None or c0 > best[0]):
                    best = ordered[j]
                j -= 1
            if best is not None:
                e.outer = events[best[2]].speaker

    # -- quotes ----------------------------------------------------------------------

    def _link_quotes(self, quotes: list[QuoteSpan], events: list[Event]) -> dict[int, _QuoteLink]:
        links: dict[int, _QuoteLink] = {}
        outside = [e for e in events if e.in_quote is None and e.construction != "reportedly"]
        starts = [e.cue[0] for e in outside]
        last_by_para: dict[int, _QuoteLink] = {}
        # the last speech in each paragraph: (position, speaker, outer, medium)
        last_para_speaker: dict[int, tuple[int, Mention, Mention | None, str | None]] = {}

        def note(pos: int, sp: Mention, outer: Mention | None, medium: str | None) -> None:
            p = self.paragraph_at(pos)
            if p not in last_para_speaker or last_para_speaker[p][0] < pos:
                last_para_speaker[p] = (pos, sp, outer, medium)

        for e in outside:
            if e.speaker is not None:
                note(e.cue[0], e.speaker, e.outer, e.medium)
        for k, q in enumerate(quotes):
            if q.parent is not None:
                links[k] = self._link_nested(q, events, links.get(q.parent))
                continue
            lo = bisect_left(starts, q.start - 600)
            hi = bisect_right(starts, q.end + 400)
            link = self._link_one(q, outside[lo:hi])
            p = self.paragraph_at(q.start)
            if link.event is None and q.is_block:
                link = self._link_block(q, outside)
            if link.event is None and link.speaker is None:
                link = self._link_dash(q, link)
            if link.event is None and link.speaker is None:
                prev = last_by_para.get(p)
                if prev is not None and prev.speaker is not None:
                    link = _QuoteLink(
                        prev.event, "continuation", 0.75, prev.speaker, prev.outer, prev.medium
                    )
                elif (
                    self._starts_paragraph(q, p)
                    and self._ends_paragraph_speech(p - 1, last_para_speaker.get(p - 1))
                    and not any(self.paragraph_at(e.cue[0]) == p for e in outside)
                ):
                    _, sp, outer, medium = last_para_speaker[p - 1]
                    link = _QuoteLink(None, "previous-paragraph", 0.55, sp, outer, medium)
            if link.event is None and link.speaker is None:
                link = self._link_colon(q, link)
            links[k] = link
            if link.speaker is not None:
                last_by_para[p] = link
                note(q.end - 1, link.speaker, link.outer, link.medium)
        return links

    def _ends_paragraph_speech(
        self, p: int, last: tuple[int, Mention, Mention | None, str | None] | None
    ) -> bool:
        """True when paragraph ``p``'s last sentence holds its last attributed speech."""
        if p < 0 or last is None or not self.paragraphs:
            return False
        return self.sentence_at(last[0]) >= self.sentence_at(self.paragraphs[p][1] - 1)

    def _starts_paragraph(self, q: QuoteSpan, p: int) -> bool:
        lo = self.paragraphs[p][0] if self.paragraphs else 0
        return not self.text[lo : q.start].strip(" \t>")

    def _link_one(self, q: QuoteSpan, events: list[Event]) -> _QuoteLink:
        text = self.text
        best: tuple[int, int, Event, str] | None = None
        inner = text[q.inner_start : q.inner_end].rstrip()
        tail_ok = (bool(inner) and inner[-1] in _CLOSE_PUNCT) or text[q.end : q.end + 3].lstrip(
            " "
        ).startswith((",", "—", "–"))
        short = len(_WORDS.findall(inner)) <= self.max_scare
        for e in events:
            if e.construction == "passive" or e.speaker is None:
                continue
            if e.speaker.start < q.end and q.start < e.speaker.end:
                continue  # the speaker cannot be inside the quotation
            cand: tuple[int, int, Event, str] | None = None
            if e.cue[0] >= q.end:
                gap = text[q.end : e.anchor[0]]
                if "\n" in gap:
                    continue  # never across a line or paragraph break
                if len(gap) <= 4 and _GAP_AFTER.fullmatch(gap):
                    if tail_ok or (
                        not short and (e.content is None or _overlaps(e.content, (q.start, q.end)))
                    ):
                        cand = (0, len(gap), e, "after")
                elif (
                    self.has_parse
                    and e.token is not None
                    and e.reach[0] <= q.start
                    and not _TERMINATOR.search(_strip_quotes(text[q.end : e.anchor[0]]))
                    and e.cue[0] - q.end < 200
                ):
                    cand = (2, e.cue[0] - q.end, e, "contained")
            elif e.cue[1] <= q.start:
                gap = text[e.anchor[1] : q.start]
                if "\n" in gap and not gap.rstrip().endswith(":"):
                    continue  # a new line or paragraph only after "said:"
                if len(gap) <= 160 and not _TERMINATOR.search(_strip_quotes(gap)):
                    k = bisect_left(self.top_quote_starts, e.anchor[1])
                    if k < len(self.top_quotes) and self.top_quotes[k].end <= q.start:
                        continue  # another quotation stands between them
                    contained = self.has_parse and e.reach[0] <= q.start < e.reach[1]
                    tight = len(gap.strip()) <= 2 or gap.rstrip().endswith((":", ","))
                    if tight:
                        cand = (1, len(gap), e, "before")
                    elif contained or not self.has_parse:
                        cand = (2, len(gap), e, "contained")
            if cand is not None and (best is None or cand[:2] < best[:2]):
                best = cand
        if best is None:
            return _QuoteLink(None, None, 1.0)
        e, how = best[2], best[3]
        factor = {"after": 0.95, "before": 0.9, "contained": 0.8}[how]
        return _QuoteLink(e, how, factor, e.speaker, e.outer, e.medium)

    def _link_nested(
        self, q: QuoteSpan, events: list[Event], parent: _QuoteLink | None
    ) -> _QuoteLink:
        inside = [
            e
            for e in events
            if e.in_quote is not None and e.speaker is not None and e.speaker.kind == "name"
        ]
        link = self._link_one(q, inside)
        outer = parent.speaker if parent is not None else None
        if link.event is not None:
            return _QuoteLink(link.event, link.how, 0.6, link.speaker, outer, link.medium)
        return _QuoteLink(None, "nested", 0.5, None, outer, None)

    def _link_block(self, q: QuoteSpan, events: list[Event]) -> _QuoteLink:
        text = self.text
        sig = _SIGNATURE.search(text, q.inner_start, q.end)
        if sig is not None:
            who = sig.group("who")
            cut = re.split(r"\s*[(,]|\s+on\s+|\s+\d", who, maxsplit=1)[0]
            m = mention_from_span(text, sig.start("who"), sig.start("who") + len(cut))
            if m is not None:
                medium = "social_media" if _HANDLE.search(who) else None
                return _QuoteLink(None, "signature", 0.8, m, None, medium)
        p = self.paragraph_at(q.start)
        if p > 0:
            prev_lo, prev_hi = self.paragraphs[p - 1]
            if text[prev_lo:prev_hi].rstrip().endswith(":"):
                cands = [e for e in events if prev_lo <= e.cue[0] < prev_hi and e.speaker]
                if cands:
                    e = cands[-1]
                    return _QuoteLink(e, "before", 0.85, e.speaker, e.outer, e.medium)
        return _QuoteLink(None, None, 1.0)

    def _link_dash(self, q: QuoteSpan, link: _QuoteLink) -> _QuoteLink:
        """'"We will rebuild." — Tomas Varga, mayor': a dash signature after the quotation."""
        m = _DASH_SIGNATURE.match(self.text, q.end)
        if m is None:
            return link
        sp = mention_from_span(self.text, m.start("who"), m.end("who"))
        if sp is None or sp.kind != "name":
            return link
        if m.group("role"):
            sp.role = sp.role or _plain_role(m.group("role"))
        return _QuoteLink(None, "signature", 0.8, sp, None, None)

    def _link_colon(self, q: QuoteSpan, link: _QuoteLink) -> _QuoteLink:
        """'Lund was blunt: "We are finished."' or the headline 'Anna Berg: "No"'."""
        text = self.text
        head = text[: q.start].rstrip(" \t")
        if not head.endswith(":"):
            return link
        colon = len(head) - 1
        sents = self.parsed.sentences
        sent_start = sents[self.sentence_at(colon)].start if sents else 0
        m: Mention | None = None
        if self.ix is not None and sents:
            for t in self.parsed.sentence_tokens(sents[self.sentence_at(colon)]):
                if t.start >= colon:
                    break
                if t.dep == "nsubj" and t.pos in ("PROPN", "NOUN"):
                    m = mention_from_token(self.ix, t)
                    break
        if m is None:
            label_start = max(text.rfind("\n", 0, colon) + 1, sent_start)
            if 1 <= len(text[label_start:colon].split()) <= 6:
                m = mention_from_span(text, label_start, colon)
        if m is None or m.kind == "pronoun" or m.rule == "speaker.unknown-noun":
            return link
        resolver = Resolver(self.ctx.document.author)
        for k in self.knowns:
            if k.start < m.start:
                resolver.add(k)
        resolver.canonical(m)
        return _QuoteLink(None, "colon", 0.6, m, None, None)

    # -- findings --------------------------------------------------------------------

    def _speaker_finding(self, m: Mention) -> Finding:
        key = (m.start, m.end, m.source_type)
        found = self.speaker_findings.get(key)
        if found is not None:
            return found
        attributes: dict[str, JSON] = {
            "name": m.name,
            "role": m.role,
            "resolved_from": m.resolved_from,
            "antecedent_start": m.antecedent[0] if m.antecedent else None,
            "antecedent_end": m.antecedent[1] if m.antecedent else None,
            "entity_type": m.entity_type,
            "affiliation": m.affiliation,
        }
        mention_text = self.text[m.start : m.end]
        if m.kind == "pronoun":
            detail = (
                f'The pronoun "{mention_text}" is read as {m.name}, the nearest fitting antecedent.'
                if m.name
                else f'The pronoun "{mention_text}" has no fitting antecedent in the text.'
            )
        elif m.resolved_from == "alias" and m.name:
            detail = f'"{mention_text}" is read as {m.name}, named earlier in the text.'
        else:
            detail = f'"{mention_text}" is {_TYPE_WORDS[m.source_type]}' + (
                f" ({m.role})." if m.role else "."
            )
        cues = tuple(dict.fromkeys([*(c for c in m.cues if c)]))
        f = self.a.finding(
            self.ctx,
            m.start,
            m.end,
            kind="speaker",
            label=m.source_type,
            score=m.score,
            explanation=Explanation(rule=m.rule, cues=cues, detail=detail, model=self.model),
            attributes=attributes,
        )
        self.speaker_findings[key] = f
        return f

    def _quote_finding(
        self, q: QuoteSpan, link: _QuoteLink, done: dict[int, Finding]
    ) -> Finding | None:
        text = self.text
        inner = text[q.inner_start : q.inner_end]
        words = _WORDS.findall(inner)
        if not words:
            return None
        shortness = self._shortness(q, inner, words)
        speaker = link.speaker
        e = link.event
        frag_flag = False
        frag_cap = 1.0
        if shortness == "short":
            if link.how in ("before", "contained") and speaker is not None:
                # a partial quotation woven into the writer's sentence
                frag_flag = True
                prev = _LAST_WORD.search(self.text[max(0, q.start - 30) : q.start])
                weak = prev is not None and prev.group(1).lower() in _DETS_BEFORE | _POSSESSIVES
                frag_cap = 0.45 if weak else 0.6
            elif link.how != "after":
                shortness = "drop"
        if shortness == "title":
            return None  # a quoted title ("Northern Lights") is not a quotation
        if shortness == "drop":
            self.scare_quotes += 1
            return None
        source_type = speaker.source_type if speaker is not None else "unattributed"
        if link.medium == "social_media" and source_type != "unattributed":
            source_type = "social_media"
        base = 0.95 if q.closed else 0.45
        if q.style in ("straight-single", "curly-single"):
            base -= 0.07
        if q.is_block:
            base = 0.85
        if speaker is not None:
            score = base * link.factor * (0.55 + 0.45 * speaker.score)
        elif link.how == "nested":
            score = base * 0.5
        else:
            score = base * 0.75
        score = min(score, frag_cap)
        verb = e.lemma if e is not None and link.how in ("after", "before", "contained") else None
        info = e.info if verb is not None and e is not None else None
        relations: list[Relation] = []
        if speaker is not None:
            relations.append(Relation("speaker", self._speaker_finding(speaker).id))
        if link.outer is not None and link.outer is not speaker:
            relations.append(Relation("quoted_by", self._speaker_finding(link.outer).id))
        elif link.how == "nested" and q.parent is not None and q.parent in done:
            relations.append(Relation("quoted_by", done[q.parent].id))
        multi = q.paragraphs > 1 or bool(_SENT_BREAK.search(inner.strip()))
        attributes: dict[str, JSON] = {
            "style": q.style,
            "speaker": speaker.name if speaker is not None else None,
            "role": speaker.role if speaker is not None else None,
            "source_type": source_type,
            "verb": verb,
            "stance": info.stance if info is not None else None,
            "verb_class": info.verb_class if info is not None else None,
            "multi_sentence": multi,
            "paragraphs": q.paragraphs,
            "closed": q.closed,
            "fragment": frag_flag,
            "nested": q.parent is not None,
            "speaker_link": link.how,
            "medium": link.medium,
            "via": link.outer.name if link.outer is not None else None,
        }
        cues = [q.open_mark + q.close_mark]
        if e is not None and verb is not None:
            cues.extend(e.cues)
        if speaker is not None and speaker.kind == "pronoun":
            cues.append(text[speaker.start : speaker.end])
        who = (
            f"attributed to {speaker.name or text[speaker.start : speaker.end]}"
            if speaker is not None
            else "with no identifiable speaker"
        )
        how = {
            "after": "named right after it",
            "before": "named right before it",
            "contained": "the subject of the reporting verb around it",
            "continuation": "carried over from the previous quotation in the paragraph",
            "previous-paragraph": "carried over from the previous paragraph",
            "colon": "the subject of the clause introducing it",
            "signature": "signed at the end of the block",
            "nested": "inside another quotation",
        }.get(link.how or "", "")
        detail = f"Direct quotation in {_STYLE_WORDS.get(q.style, q.style)} {who}"
        detail += f" ({how})." if how and speaker is not None else "."
        if verb is not None and info is not None and info.stance == "loaded":
            detail += (
                f' The reporting verb "{e.cue_text if e else verb}" is loaded ({info.verb_class}).'
            )
        return self.a.finding(
            self.ctx,
            q.start,
            q.end,
            kind="quote",
            label=source_type,
            score=score,
            explanation=Explanation(
                rule=f"quote.{q.style}", cues=tuple(cues), detail=detail, model=self.model
            ),
            attributes=attributes,
            relations=relations,
        )

    def _shortness(self, q: QuoteSpan, inner: str, words: list[str]) -> str | None:
        """``None``: a full quotation; ``"title"``; ``"drop"``: a scare quote; else ``"short"``."""
        if q.is_block:
            return None
        if _is_title(words, inner) and not inner.rstrip().endswith((",", ".", "!", "?")):
            return "title"
        if len(words) > self.max_scare:
            return None
        stripped = inner.strip()
        if stripped and stripped[-1] in ".!?…" and stripped[0].isupper():
            return None  # "No." / "Never again!": a complete utterance
        before = self.text[max(0, q.start - 40) : q.start].lower().rstrip()
        if any(before.endswith(prefix) for prefix in SCARE_PREFIXES):
            return "drop"
        return "short"

    def _attribution_finding(self, e: Event, links: dict[int, _QuoteLink]) -> Finding | None:
        if e.content is None:
            return None
        text = self.text
        c0, c1 = e.content
        clen = max(1, c1 - c0)
        if e.in_quote is not None:
            parent = self._quote_index(e.in_quote)
            carriers = [q for q in self.quotes if q.parent == parent]
        else:
            carriers = self.top_quotes
        for q in carriers:
            if q.end <= c0:
                continue
            if q.start >= c1:
                break
            inter = min(q.end, c1) - max(q.start, c0)
            if inter >= 0.8 * clen:
                return None  # the quotation itself carries it
        speaker = e.speaker
        outer = e.outer
        score = e.score
        if e.in_quote is not None:
            # reported speech inside a quotation: only a named inner speaker is kept
            if speaker is None or speaker.kind != "name":
                return None
            link = links.get(self._quote_index(e.in_quote))
            outer = link.speaker if link is not None else None
            score = min(score, 0.6)
        if speaker is not None:
            score *= 0.55 + 0.45 * speaker.score
        source_type = speaker.source_type if speaker is not None else "unattributed"
        if e.medium == "social_media" and source_type != "unattributed":
            source_type = "social_media"
        if speaker is not None and speaker.kind == "pronoun" and speaker.antecedent is None:
            source_type = "unattributed"
        info = e.info
        relations: list[Relation] = []
        if speaker is not None:
            relations.append(Relation("speaker", self._speaker_finding(speaker).id))
        if outer is not None and outer is not speaker:
            relations.append(Relation("quoted_by", self._speaker_finding(outer).id))
        content = text[c0:c1]
        attributes: dict[str, JSON] = {
            "style": "indirect",
            "construction": e.construction,
            "speaker": speaker.name if speaker is not None else None,
            "role": speaker.role if speaker is not None else None,
            "source_type": source_type,
            "verb": e.lemma,
            "stance": info.stance if info is not None else None,
            "verb_class": info.verb_class if info is not None else None,
            "multi_sentence": bool(_SENT_BREAK.search(content)),
            "medium": e.medium,
            "via": outer.name if outer is not None else None,
        }
        who = (
            speaker.name or text[speaker.start : speaker.end]
            if speaker is not None
            else "nobody in particular"
        )
        detail = {
            "according-to": f'Reported content attributed with "according to" to {who}.',
            "as-saying": f"Hearsay: {who} as quoted by "
            f"{outer.name if outer is not None and outer.name else 'another source'}.",
            "passive": f'Reported with an impersonal passive ("{e.cue_text}"): no source is given.',
            "reportedly": 'Marked "reportedly" with no source given.',
            "citing": f"Reported content citing {who}.",
        }.get(e.construction, f'Reported speech attributed to {who} ("{e.cue_text}").')
        if info is not None and info.stance == "loaded":
            detail += f' The reporting verb "{e.cue_text}" is loaded ({info.verb_class}).'
        rule = "attribution.in-quote" if e.in_quote is not None else f"attribution.{e.construction}"
        if not self.has_parse:
            rule += ".pattern"
        return self.a.finding(
            self.ctx,
            c0,
            c1,
            kind="attribution",
            label=source_type,
            score=score,
            explanation=Explanation(rule=rule, cues=tuple(e.cues), detail=detail, model=self.model),
            attributes=attributes,
            relations=relations,
        )

    def _quote_index(self, top_index: int) -> int:
        q = self.top_quotes[top_index]
        return self.quotes.index(q)

    # -- summary ---------------------------------------------------------------------

    def _summary(self, records: list[tuple[str, str, str | None]]) -> dict[str, JSON]:
        counts = {t: 0 for t in SOURCE_TYPES}
        for _, label, _ in records:
            counts[label] = counts.get(label, 0) + 1
        total = len(records)
        speakers: Counter[str] = Counter()
        types: dict[str, Counter[str]] = {}
        first: dict[str, int] = {}
        for n, (_, label, name) in enumerate(records):
            if not name:
                continue
            speakers[name] += 1
            types.setdefault(name, Counter())[label] += 1
            first.setdefault(name, n)
        top = sorted(speakers, key=lambda n: (-speakers[n], first[n]))[: self.top_n]
        return {
            "counts_by_type": counts,
            "total": total,
            "quotes": sum(1 for r in records if r[0] == "quote"),
            "attributions": sum(1 for r in records if r[0] == "attribution"),
            "share_anonymous": round(counts["anonymous"] / total, 4) if total else 0.0,
            "top_speakers": [
                {"name": n, "type": types[n].most_common(1)[0][0], "count": speakers[n]}
                for n in top
            ],
            "scare_quotes": self.scare_quotes,
        }


# ----------------------------------------------------------------------------------------
# Patterns for the parse-free fallback

_VERB_RE = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, VERB_FORMS), key=len, reverse=True)) + r")\b",
    re.I,
)
_ACCORDING_RE = re.compile(
    r"\baccording to\s+(?P<who>[^,.;:!?\"“”]{2,90}?)(?=\s*(?:[,.;:!?]|$))", re.I
)
_LAST_WORD = re.compile(r"(\w+)\s*$")
_AFTER_QUOTE = re.compile(r"[\"”»’'],?\s*$")
_AUX = r"(?:(?:has|have|had|also|later|then|again|previously|repeatedly|once)\s+)*"
_SUBJECT_BEFORE = re.compile(
    r"(?:^|[\s,;:(—–-])(?P<who>(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|I|[Ww]e)|"
    r"(?:[A-Z][\w’'.-]*\s+)*(?:of\s+(?:the\s+)?)?(?:[A-Z][\w’'.-]*\s+)*[A-Z][\w’'.-]*|"
    r"(?:(?:[Aa]n?|[Tt]he|[Ss]ome|[Tt]wo|[Tt]hree|[Ss]everal|[Mm]any|[Oo]ther)\s+)?"
    r"(?:[\w’'-]+\s+){0,6}?[\w’'-]+)"
    r"(?:,(?P<appos>[^,\"“”]{1,90}),)?\s+" + _AUX + r"$"
)
_QUOTE_NEXT = re.compile(r"\s*[:,]?\s*[\"“«‘']")
_THAT_AHEAD = re.compile(r"[^,;:\"“”.!?]{0,60}?\bthat\s+")
_PREP_NEXT = re.compile(
    r"\s+(?:of|about|on|in|at|to|during|after|before|with|for|from|by|as|again|later|"
    r"yesterday|today|tonight|last|this|earlier|nothing|so|no)\b",
    re.I,
)
_INVERTED_SUBJECT = re.compile(
    r"\s+(?P<who>(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e)\b|"
    r"(?:(?:[a-z]+\s+){0,3}[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}))"
    r"(?:,\s*(?P<role>[^,.;\"“”]{2,80}))?"
)
_QUOTE_AHEAD = re.compile(r"[^.!?\"“«]{0,80}?[:,]?\s*[\"“«‘']")
_MATE = {'"': '"', "“": "”", "‘": "’", "'": "'", "«": "»"}


def _profile_records(
    quotes: list[Finding], attributions: Iterable[Finding]
) -> list[tuple[str, str, str | None]]:
    """``(kind, source type, speaker)`` per statement for the profile.

    A partial quotation inside reported speech of the same speaker ("Solberg insisted the
    plan was "on track"") is one statement, counted once, as the attribution.
    """
    atts = sorted(attributions, key=lambda f: f.start)
    records: list[tuple[str, str, str | None]] = []
    for q in quotes:
        speaker = q.attributes.get("speaker")
        if q.attributes.get("fragment") and any(
            a.start <= q.start and q.end <= a.end and a.attributes.get("speaker") == speaker
            for a in atts
            if a.start <= q.start
        ):
            continue
        records.append(("quote", q.label, speaker))
    records.extend(("attribution", a.label, a.attributes.get("speaker")) for a in atts)
    return records


def _plain_role(text: str) -> str | None:
    words = text.strip(" ,;:").split()
    while words and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words) or None


def _merge_appos(
    speaker: Mention | None, other: Mention | None, who: str, appos: str
) -> Mention | None:
    """ "the chairwoman, Ingrid Holm," / "Ingrid Holm, the chairwoman,": name plus role."""
    if other is not None and other.kind == "name" and (speaker is None or speaker.kind != "name"):
        other.role = other.role or _plain_role(who)
        if speaker is not None:
            other.start = min(other.start, speaker.start)
        return other
    if speaker is not None and speaker.kind == "name" and not speaker.role:
        speaker.role = _plain_role(appos)
    return speaker


def _unbalanced_tail(span: str) -> bool:
    last = span[-1]
    opener = {"”": "“", "’": "‘", "»": "«"}.get(last)
    if opener is not None:
        return span.count(opener) < span.count(last)
    return span.count(last) % 2 == 1


def _strip_quotes(s: str) -> str:
    return re.sub(r"[\"“”«»][^\"“”«»]*[\"“”«»]", " ", s)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _is_title(words: list[str], inner: str) -> bool:
    """ "Northern Lights" / "The Long Night": a title in quotes, not a quotation."""
    if len(words) < 2 or len(words) > 8 or _TERMINATOR.search(inner.strip()[-1:] or ""):
        return False
    small = {"of", "the", "a", "an", "and", "in", "on", "for", "to", "at", "with", "or", "by"}
    return all(w[:1].isupper() or w.lower() in small for w in words) and words[0][:1].isupper()
