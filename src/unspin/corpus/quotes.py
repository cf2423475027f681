"""Quote drift: one quotation across documents, with its wording, speaker and occasion.

Each ``quote`` finding of the ``sources`` analyzer becomes a :class:`QuoteMention`: the
quotation normalised (case, punctuation, quotation marks and spacing dropped), its
speaker (the canonical name the analyzer resolved), and its occasion, read from the
quotation's sentence outside the quotation: resolved dates, name-like words (places,
organisations) and occasion nouns ("press conference", "visit", "interview").

:class:`QuoteIndex` finds candidates with MinHash LSH over word unigrams and bigrams,
scores them with rapidfuzz, and groups mentions of one quotation into
:class:`QuoteCluster` objects ordered by publication date, so the earliest appearance
comes first. Each later appearance is linked to the earliest one it matches directly;
the link is a ``quote_drift`` when the wording drifted or the speaker or the occasion
differs (a quotation repeated word for word, by the same speaker, on the same occasion
is not linked). Wording is ``identical`` (ratio >= 97), ``partial`` (one quotes a part of
the other) or ``drifted`` (similar, but altered); two wordings that compare so are one
quotation only with the evidence of :func:`unspin.corpus.quote_evidence.same_utterance`
(a stock phrase shared by two remarks is not one quotation drifted).
"""

from __future__ import annotations

import difflib
import logging
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from unspin.corpus._fuzzy import LshIndex, fuzz, shingles, when_key
from unspin.corpus.context import doc_names, story
from unspin.corpus.model import Link, Side
from unspin.corpus.quote_evidence import (
    disjoint_dates,
    excerpts_only,
    resolved_speaker,
    same_speaker,
    same_utterance,
)
from unspin.corpus.quote_speakers import credit, lead_in, speakers_differ
from unspin.corpus.words import (
    OCCASION_NOUNS,
    Word,
    anchors_in,
    content_words,
    norm_name,
    normalise_quote,
    person_spans,
    proper_words,
    sentence_of,
    sentence_spans,
    stem,
    words,
)
from unspin.errors import SchemaError
from unspin.model import JSON, Analysis, Explanation

__all__ = [
    "QuoteCluster",
    "QuoteIndex",
    "QuoteMention",
    "compare_wording",
    "count_speakers",
    "find_quote_drift",
    "mention_keys",
    "quote_clusters",
    "quote_mentions",
    "relate",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class QuoteMention:
    """One quotation in one document, with what is needed to compare it elsewhere."""

    doc_id: str
    finding_id: str
    start: int
    end: int
    text: str
    norm: str
    speaker: str | None
    published: str | None
    outlet: str | None
    sentence_start: int
    sentence_end: int
    dates: tuple[str, ...]
    places: tuple[str, ...]
    settings: tuple[str, ...]
    #: reported speech ("said the agenda would focus on ..."): its wording is the writer's
    reported: bool = field(default=False, kw_only=True)
    #: the document's name keys (:mod:`unspin.corpus.context`)
    context: tuple[str, ...] = field(default=(), kw_only=True)
    #: content-word stems of the quotation
    words: tuple[str, ...] = field(default=(), kw_only=True)
    #: how many quotations of at least ``min_words`` words its speaker has in the document
    speaker_quotes: int = field(default=1, kw_only=True)
    #: how the speaker was found (:data:`unspin.corpus.quote_speakers.CREDITS`): only
    #: ``named`` and ``pronoun`` credits can tell two speakers apart
    credit: str = field(default="named", kw_only=True)
    #: for a pronoun credit, the narration before the quotation (its sentence and the one
    #: before, :func:`~unspin.corpus.quote_speakers.lead_in`)
    lead_in: str = field(default="", kw_only=True)

    @property
    def uid(self) -> str:
        return f"{self.doc_id}:{self.start}:{self.end}"

    @property
    def lead(self) -> tuple[str, ...]:
        return ()

    @property
    def anchors(self) -> tuple[str, ...]:
        return ()

    def side(self) -> Side:
        return Side(
            self.doc_id, self.start, self.end, self.text, self.published, self.outlet,
            self.sentence_start, self.sentence_end, self.finding_id,
        )  # fmt: skip

    def occasion(self) -> str:
        parts = [" ".join(self.settings), *self.places, *self.dates]
        parts = [p for p in parts if p]
        return ", ".join(parts) or "not stated"

    def to_dict(self) -> dict[str, JSON]:
        out: dict[str, JSON] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            out[f.name] = list(v) if isinstance(v, tuple) else v
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, JSON]) -> QuoteMention:
        try:
            values: dict[str, Any] = {
                f.name: tuple(data[f.name]) if isinstance(data[f.name], list) else data[f.name]
                for f in fields(cls)
                if f.name in data or not f.kw_only  # older stores lack the newer fields
            }
            return cls(**values)
        except (KeyError, TypeError) as exc:
            raise SchemaError(f"invalid quote mention: {exc}") from exc


@dataclass(frozen=True)
class QuoteCluster:
    """The mentions of one quotation, earliest publication first."""

    mentions: tuple[QuoteMention, ...]

    @property
    def first(self) -> QuoteMention:
        return self.mentions[0]

    @property
    def doc_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(m.doc_id for m in self.mentions))


def quote_mentions(analysis: Analysis, *, min_words: int = 5) -> list[QuoteMention]:
    """The quotations of one analysed document with at least ``min_words`` words, and
    the reported speech of named people (``reported``: "Ana Vell said the plan would
    wait")."""
    text = analysis.document.text
    spans = sentence_spans(analysis)
    proper = proper_words(text, spans)
    names = doc_names(analysis, spans, proper).names
    speakers = {f.id: f for f in analysis.by_kind("speaker")}
    speaker_spans = person_spans(analysis)
    quotes = analysis.by_kind("quote")
    quote_spans = [(f.start, f.end) for f in quotes]
    reported = [
        f for f in analysis.by_kind("attribution")
        if f.attributes.get("style") == "indirect" and f.label == "named_person"
        and isinstance(f.attributes.get("speaker"), str)
        and not any(a < f.end and f.start < b for a, b in quote_spans)
    ]  # fmt: skip
    dates = analysis.by_kind("date")
    out: list[QuoteMention] = []
    for q in [*quotes, *reported]:
        norm = normalise_quote(q.text)
        if len(norm.split()) < min_words:
            continue
        s, e = sentence_of(spans, q.start, q.end)
        before = max((a for a, _ in spans if a < s), default=s)  # the sentence before
        speaker, how = credit(text, q, speakers, s, before)
        told = lead_in(normalise_quote(text[before : q.start])) if how == "pronoun" else ""
        outside = [*quote_spans, *speaker_spans]
        iso = sorted({
            str(d.attributes["iso"])[:10] for d in dates
            if s <= d.start < e and not q.start <= d.start < q.end
            and isinstance(d.attributes.get("iso"), str) and d.label != "duration"
        })  # fmt: skip
        ws = words(text, s, e)
        places = [a.text for a in anchors_in(text, s, e, proper, outside) if _located(ws, a.start)]
        settings = [
            OCCASION_NOUNS[st] for w in words(text, s, e)
            if (st := stem(w.text)) in OCCASION_NOUNS and not any(a <= w.start < b for a, b in
                                                                     quote_spans)
        ]  # fmt: skip
        out.append(
            QuoteMention(
                doc_id=analysis.document.id, finding_id=q.id, start=q.start, end=q.end,
                text=q.text, norm=norm, speaker=speaker, published=analysis.document.published,
                outlet=analysis.document.outlet, sentence_start=s, sentence_end=e,
                dates=tuple(iso), places=tuple(dict.fromkeys(places)),
                settings=tuple(dict.fromkeys(settings)), reported=q.kind == "attribution",
                context=names, words=tuple(sorted(content_words(words(q.text)))), credit=how,
                lead_in=told,
            )
        )  # fmt: skip
    return count_speakers(out)


def count_speakers(mentions: list[QuoteMention]) -> list[QuoteMention]:
    """Each quotation with the number of quotations its (resolved) speaker has here."""
    keys = [resolved_speaker(m.speaker) for m in mentions]
    surnames = Counter(
        k.split()[-1] for k, m in zip(keys, mentions, strict=True) if k and not m.reported
    )
    return [
        replace(m, speaker_quotes=surnames[k.split()[-1]]) if k and not m.reported else m
        for k, m in zip(keys, mentions, strict=True)
    ]


def mention_keys(m: QuoteMention) -> tuple[str, ...]:
    """Blocking keys besides the wording's LSH bands: the speaker's surname (the same
    remark in other words) and, for reported speech, its content words."""
    keys = []
    if m.speaker:
        keys.append(f"s|{norm_name(m.speaker).split()[-1]}")
    if m.reported or len(m.words) <= 8:
        keys.extend(f"w|{w}" for w in m.words if len(w) > 3)
    return tuple(keys)


#: rapidfuzz ratio from which two quotations of one speaker in one story are one remark
#: reworded; from PARAPHRASE_SAME_DAY when both are said on the same named day.
PARAPHRASE = 50.0
PARAPHRASE_SAME_DAY = 40.0


def relate(a: QuoteMention, b: QuoteMention) -> tuple[str, float] | None:
    """How two mentions relate: :func:`compare_wording` for two quotations that are one
    utterance (:func:`~unspin.corpus.quote_evidence.same_utterance`), and also
    ``paraphrased`` (the same speaker's remark in one story in other words sharing a
    content word, the speaker's only quotation in each document, similar enough:
    :data:`PARAPHRASE`, or :data:`PARAPHRASE_SAME_DAY` when both were said on the same
    named day) and ``reported`` (reported speech and a quotation sharing four content
    words and three quarters of the shorter's: only a different speaker is linked; two
    reported statements are two writers' wordings, no evidence of one quotation). An
    editor's bracketed insertion ("gave him [Vell] the keys") is no drift of the
    speaker's words (:func:`unbracketed`)."""
    if a.reported and b.reported:
        return None
    if a.reported or b.reported:
        shared = set(a.words) & set(b.words)
        short = min(len(a.words), len(b.words))
        enough = bool(short) and len(shared) >= 4 and len(shared) >= 0.75 * short
        if enough and _speakers(a, b) is False:
            return ("reported", 100.0 * len(shared) / short)
        return None
    got = compare_wording(a.norm, b.norm)
    if got is not None and got[0] == "drifted":
        got = unbracketed(a.text, b.text) or got
    if got is not None:
        one = same_utterance(
            a.text, a.norm, a.words, b.text, b.norm, b.words,
            wording=got[0], speakers=_same_speaker(a.speaker, b.speaker),
        )  # fmt: skip
        return got if one else None
    if not _same_speaker(a.speaker, b.speaker) or _disjoint_dates(a.dates, b.dates):
        return None
    if a.speaker_quotes > 1 or b.speaker_quotes > 1:
        return None  # one of several remarks of the speaker: no sign it is the other one
    shared = set(a.words) & set(b.words)
    if not shared or story(a, b, exclude=[a.speaker or "", b.speaker or ""]) is None:
        return None
    sim = float(fuzz().ratio(a.norm, b.norm))
    same_day = bool(a.dates and b.dates and set(a.dates) & set(b.dates))
    if sim < (PARAPHRASE_SAME_DAY if same_day else PARAPHRASE):
        return None  # two remarks of one speaker, not one remark twice
    return ("paraphrased", sim)


_LOCATIVE = frozenset(("in", "at", "to", "near", "inside", "outside", "visiting"))


def _located(ws: list[Word], start: int) -> bool:
    """True when the name at ``start`` follows a locative preposition ("in Tessaly",
    "a trip to the Ostrava"): a place of the occasion, not an affiliation ("of")."""
    k = next((i for i, w in enumerate(ws) if w.start == start), 0)
    prev = [w.lower for w in ws[max(0, k - 2) : k]]
    if prev and prev[-1] == "the":
        prev = prev[:-1]
    return bool(prev) and prev[-1] in _LOCATIVE


#: A bracketed insertion standing as words of its own ("him [Vell] the", "[the] keys"),
#: not a letter an editor changed inside a word ("[a]t").
_INSERTED = re.compile(r"(?<![\w\]])\[[^\[\]\n]{1,60}\](?![\w\[])")
_MARK = "bracketedbyeditor"


def unbracketed(a_text: str, b_text: str) -> tuple[str, float] | None:
    """How two quotations compare without the words an editor added in brackets beside
    the speaker's own ("gave him [Vell] the keys" and "gave him the keys"), when that
    leaves one the same as the other or a part of it ("identical" or "partial"); else
    None. A bracket standing in place of words the other has ("gave [Vell] the keys"
    against "gave him the keys") is a drift of wording: None."""
    if "[" not in a_text and "[" not in b_text:
        return None
    ta = normalise_quote(_INSERTED.sub(f" {_MARK} ", a_text)).split()
    tb = normalise_quote(_INSERTED.sub(f" {_MARK} ", b_text)).split()
    ops = difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes()
    for op, i1, i2, j1, j2 in ops:
        if op == "replace" and (_MARK in ta[i1:i2] or _MARK in tb[j1:j2]):
            return None  # the bracket stands where the other has words
    na = " ".join(t for t in ta if t != _MARK)
    nb = " ".join(t for t in tb if t != _MARK)
    got = compare_wording(na, nb)
    return got if got is not None and got[0] != "drifted" else None


def compare_wording(a: str, b: str) -> tuple[str, float] | None:
    """How two normalised quotations relate: ("identical" | "partial" | "drifted",
    similarity 0..100), or ``None`` when they are not the same quotation."""
    f = fuzz()
    ratio = float(f.ratio(a, b))
    if ratio >= 97:
        return ("identical", ratio)
    short, long_ = sorted((a, b), key=len)
    partial = float(f.partial_ratio(short, long_))
    if partial >= 97 and len(short) <= 0.9 * len(long_):
        return ("partial", partial)
    drifted: tuple[str, float] | None = None
    if max(ratio, float(f.token_sort_ratio(a, b))) >= 75:
        drifted = ("drifted", ratio)
    else:
        shared = set(a.split()) & set(b.split())
        token_set = float(f.token_set_ratio(a, b))
        if token_set >= 85 and len(shared) >= 5:
            drifted = ("drifted", token_set)
    if drifted is not None and excerpts_only(a, b):
        return ("partial", drifted[1])  # cut at other words: an excerpt, not a misquote
    return drifted


def _same_speaker(a: str | None, b: str | None) -> bool | None:
    return same_speaker(a, b)  # None when either is not a resolved name


def _speakers(a: QuoteMention, b: QuoteMention) -> bool | None:
    """:func:`same_speaker` of two mentions, for saying the speaker differs: None for two
    names that differ when the credits cannot tell two speakers apart (a guess, the one
    a spokesperson speaks for, two pronouns after one narration:
    :func:`~unspin.corpus.quote_speakers.speakers_differ`). Whether two wordings are one
    utterance still reads the names as they are (altered words credited to two names
    are two quotations, however the names were found)."""
    same = same_speaker(a.speaker, b.speaker)
    if same is False and not speakers_differ(a.credit, b.credit, a.lead_in, b.lead_in):
        return None
    return same


def _disjoint_dates(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return disjoint_dates(a, b)


def _disjoint(a: Iterable[str], b: Iterable[str]) -> bool:
    sa, sb = {norm_name(x) for x in a}, {norm_name(x) for x in b}
    return bool(sa) and bool(sb) and not sa & sb


#: Setting words that name an audience, not an occasion ("press" conference, release
#: or interview): no evidence of a different occasion.
_AUDIENCE = frozenset(("press",))


def _setting(settings: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(s for s in settings if s not in _AUDIENCE)


def _occasion_differs(a: QuoteMention, b: QuoteMention) -> list[str]:
    """What of the occasion differs: dates that cannot overlap; places, unless both name
    one kind of setting (one video or statement described from two places: "posted near
    Lyndon", "a plea to the group in the Varan valley"); settings only beside a date or
    a place (an address and a video statement can be one recording)."""
    sa, sb = _setting(a.settings), _setting(b.settings)
    out = ["date"] if _disjoint_dates(a.dates, b.dates) else []
    if _disjoint(a.places, b.places) and not set(sa) & set(sb):
        out.append("place")
    if out and _disjoint(sa, sb):
        out.append("setting")
    return out


def _drift_link(first: QuoteMention, later_: QuoteMention, wording: str, sim: float) -> Link | None:
    differs: list[str] = []
    notes: list[str] = []
    if wording == "drifted":
        differs.append("wording")
        notes.append(f"the wording drifted (similarity {sim:.0f}/100)")
    elif wording == "paraphrased":
        differs.append("wording")
        notes.append(
            "the same speaker's remark in one story and on one occasion, worded differently "
            f"(shared words: {', '.join(sorted(set(first.words) & set(later_.words))[:4])})"
        )
    elif wording == "partial":
        notes.append("one quotes a part of the other")
    elif wording == "reported":
        notes.append("one is reported speech with the same content words")
    same = _speakers(first, later_)
    if same is False:
        differs.append("speaker")
        notes.append(f"the speaker differs: {first.speaker} vs {later_.speaker}")
    if wording == "reported" and same is not False:
        return None  # reported speech is the writer's wording: only the speaker can differ
    occasion = _occasion_differs(first, later_)
    if occasion:
        differs.append("occasion")
        notes.append(
            f"the occasion differs ({', '.join(occasion)}): {first.occasion()} vs "
            f"{later_.occasion()}"
        )
    if not differs:
        return None
    where = first.outlet or first.doc_id
    when = f" on {first.published}" if first.published else ""
    score = 0.5 + 0.1 * len(differs) + (sim - 75) / 250
    return Link(
        kind="quote_drift",
        a=first.side(),
        b=later_.side(),
        score=min(0.95, max(0.05, score)),
        explanation=Explanation(
            rule=f"quote.{'-'.join(differs)}",
            cues=(first.text, later_.text),
            detail=(
                f"The same quotation ({wording} wording), first seen in {where}{when}; "
                + "; ".join(notes)
                + "."
            ),
        ),
        slot={
            "quote": first.norm[:120],
            "speaker": " / ".join(dict.fromkeys(x for x in (first.speaker, later_.speaker) if x)),
            "occasion": f"{first.occasion()} / {later_.occasion()}",
            "wording": wording,
            "similarity": f"{sim:.0f}",
        },
        differs=tuple(differs),
    )


class QuoteIndex:
    """An incremental index of quotations: add documents, read clusters and links.

    ``threshold`` is the LSH Jaccard threshold on unigram and bigram shingles for a
    candidate pair; candidates are then scored with :func:`compare_wording`.
    """

    def __init__(self, *, threshold: float = 0.3, min_words: int = 5, num_perm: int = 128) -> None:
        self.min_words = min_words
        self._lsh = LshIndex(threshold, num_perm)
        self._mentions: list[QuoteMention] = []
        self._uids: set[str] = set()
        self._edges: dict[tuple[int, int], tuple[str, float]] = {}
        self._parent: list[int] = []
        self._keyed: dict[str, list[int]] = {}
        self.max_group = 300

    def add(self, analysis: Analysis) -> None:
        self.add_mentions(quote_mentions(analysis, min_words=self.min_words))

    def add_mentions(self, mentions: Iterable[QuoteMention]) -> None:
        for m in mentions:
            if m.uid in self._uids:
                continue
            k = len(self._mentions)
            self._mentions.append(m)
            self._uids.add(m.uid)
            self._parent.append(k)
            tokens = m.norm.split()
            found = {int(c) for c in self._lsh.add(str(k), shingles(tokens, (1, 2)))}
            for key in mention_keys(m):
                found.update(self._keyed.setdefault(key, [])[-self.max_group :])
                self._keyed[key].append(k)
            for j in sorted(found):
                if j == k or self._mentions[j].doc_id == m.doc_id:
                    continue
                got = relate(self._mentions[j], m)
                if got is not None:
                    self._edges[(j, k)] = got
                    self._union(j, k)

    def _find(self, i: int) -> int:
        while self._parent[i] != i:
            self._parent[i] = self._parent[self._parent[i]]
            i = self._parent[i]
        return i

    def _union(self, i: int, j: int) -> None:
        ri, rj = self._find(i), self._find(j)
        if ri != rj:
            self._parent[max(ri, rj)] = min(ri, rj)

    def _groups(self) -> list[list[int]]:
        groups: dict[int, list[int]] = {}
        for i in range(len(self._mentions)):
            groups.setdefault(self._find(i), []).append(i)
        out = [g for g in groups.values() if len(g) > 1]
        for g in out:
            g.sort(key=self._order)
        out.sort(key=lambda g: self._order(g[0]))
        return out

    def _order(self, i: int) -> tuple[tuple[int, str], str, int]:
        m = self._mentions[i]
        return (when_key(m.published), m.doc_id, m.start)

    def clusters(self) -> list[QuoteCluster]:
        """Quotations seen in more than one document, each ordered by publication."""
        return [QuoteCluster(tuple(self._mentions[i] for i in g)) for g in self._groups()]

    def links(self) -> list[Link]:
        """``quote_drift`` links: each later mention against the earliest it matches."""
        out: list[Link] = []
        for g in self._groups():
            for pos, k in enumerate(g[1:], start=1):
                for j in g[:pos]:
                    edge = self._edges.get((min(j, k), max(j, k)))
                    if edge is None:
                        continue
                    link = _drift_link(self._mentions[j], self._mentions[k], *edge)
                    if link is not None:
                        out.append(link)
                    break
        log.debug("quote index: %d mentions, %d drift links", len(self._mentions), len(out))
        return out


def _index(analyses: Iterable[Analysis], threshold: float, min_words: int) -> QuoteIndex:
    index = QuoteIndex(threshold=threshold, min_words=min_words)
    for a in analyses:
        index.add(a)
    return index


def quote_clusters(
    analyses: Iterable[Analysis], *, threshold: float = 0.3, min_words: int = 5
) -> list[QuoteCluster]:
    """Quotations appearing in several documents, earliest appearance first."""
    return _index(analyses, threshold, min_words).clusters()


def find_quote_drift(
    analyses: Iterable[Analysis], *, threshold: float = 0.3, min_words: int = 5
) -> list[Link]:
    """``quote_drift`` links between documents (see the module docstring)."""
    return _index(analyses, threshold, min_words).links()
