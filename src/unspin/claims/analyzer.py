"""Claims: every sentence scored for check-worthiness and typed; quantities and dates.

Findings
--------
``claim`` (one per sentence, every sentence)
    label: the primary type, the first that applies in this priority order:
    ``responsibility`` > ``causal`` > ``prediction`` > ``numeric`` > ``opinion`` >
    ``quotation`` > ``temporal`` > ``other``. (Who-did-it and why-it-happened claims are
    the most consequential to check; a prediction cannot be checked yet, so it is named
    before the numbers it contains; an opinion quoted or dated is still an opinion.)
    score = ``checkworthiness``. By default (option ``model = "default"``) a trained
    logistic head (:class:`CheckworthinessHead`, ``unspin/claims/artifacts/``,
    see its MODEL_CARD.md) over the sentence's MiniLM embedding and the counts of the
    transparent features below; its logit is ``bias + sentence_embedding + sum of
    feature contributions``, the threshold chosen in training folded into the bias so
    that 0.5 is the trained decision point. ``model = "baseline"`` (and the fake
    backbone, which has no real embeddings) uses the hand-set weights of
    :data:`WEIGHTS` instead; a path to another head JSON loads that head.
    attributes: ``types`` (every type that applies), ``checkworthiness``,
    ``checkworthy`` (score >= option ``threshold``), ``features`` ({feature:
    contribution to the logit}, bias and, for the model, ``sentence_embedding``
    included, so the sum is visible), ``actor``/``event`` slots for
    responsibility and ``cause``/``effect`` slots for causal claims ({"text", "start",
    "end"}, when the parse yields them).
    relations: ``("quantity", id)`` and ``("date", id)`` for what the sentence contains.
``quantity``
    label ``money`` | ``percent`` | ``count`` | ``measure`` | ``other``; attributes
    ``value`` (normalised float), ``unit`` ("USD", "%", "km", "people", ...),
    ``approximate``, ``qualifier`` ("about" | "at_least" | "at_most" | None) and
    ``value_max`` for ranges ("300-400 people"). See :mod:`._quantities`.
``date``
    label ``date`` | ``time`` | ``datetime`` | ``relative`` | ``duration``; attributes
    ``iso`` (ISO 8601 or None), ``resolved_relative_to`` (the publication date when it
    was needed to resolve the expression, else None), ``granularity`` and
    ``ambiguous`` (e.g. "05/03/2024"). See :mod:`._dates`.

Quotation: a sentence overlapping a ``quote`` finding of an earlier analyzer (the
``sources`` analyzer), or, when no analyzer produced quotes, a span in quotation marks
with at least three words (so scare quotes around one word do not count).

Summary: ``{"sentences", "checkworthy", "by_type" (counts of primary labels),
"threshold", "top" (ids of the five most check-worthy claims), "quantities", "dates",
"model" (the head's name and version, or "baseline")}``.
"""

from __future__ import annotations

import bisect
import json
import logging
import math
import re
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from unspin.analyzer import Analyzer, AnalyzerResult, Context, register
from unspin.claims.dates import DateMatch, find_dates, parse_published
from unspin.claims.quantities import QuantityMatch, find_quantities
from unspin.claims.spans import SpanIndex
from unspin.errors import ModelError
from unspin.model import JSON, Explanation, Finding, Relation
from unspin.nlp import Parsed, Sentence, Token
from unspin.options import option

__all__ = ["DEFAULT_HEAD", "TYPE_PRIORITY", "WEIGHTS", "CheckworthinessHead", "ClaimsAnalyzer"]

log = logging.getLogger(__name__)

#: The shipped check-worthiness head (trained by training/checkworthiness/train.py).
DEFAULT_HEAD = Path(__file__).resolve().parent / "artifacts" / "head.json"


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one string (easier to read and extend than a list literal)."""
    return tuple(text.split())


#: The transparent baseline: feature -> weight. The check-worthiness score is
#: ``1 / (1 + exp(-(sum of weight x count)))``; counted features are capped (see _CAPS).
WEIGHTS: dict[str, float] = {
    "bias": -1.2,  # a sentence with nothing check-worthy in it leans towards "not worth it"
    "quantity": 1.4,  # a number with a unit, currency or counted noun: checkable at the source
    "extra_quantity": 0.3,  # each further quantity (up to 2): more figures, more to verify
    "date": 0.5,  # a date, time or duration anchors the claim to a checkable moment
    "named_entity": 0.35,  # each distinct named person, organisation or place (up to 3)
    "reporting_verb": 0.6,  # "said", "according to", "announced": a sourced statement of fact
    "quotation": 0.4,  # direct speech: at least the wording can be checked
    "responsibility": 1.2,  # "X was behind / carried out / is responsible for Y"
    "causal": 0.8,  # "X caused / led to Y", "because", "due to": a causal claim
    "prediction": 0.3,  # a forecast: checkable later, and worth flagging now
    "comparative": 0.4,  # comparatives and superlatives ("highest", "more than ever")
    "change_verb": 0.5,  # "rose", "fell", "doubled": a claimed trend
    "factual_past": 0.4,  # main clause in the past (or present perfect) with a subject: an event
    "opinion_marker": -1.5,  # "I think", "in my view": the speaker's own opinion
    "subjective": -0.6,  # each evaluative word ("disgrace", "pathetic") (up to 2)
    "universal": -0.3,  # "everyone knows": sweeping; mild, as it often wraps a checkable claim
    "normative": -0.6,  # "should", "must", "ought to": what ought to be, not what is
    "question": -1.2,  # a question asserts nothing
    "imperative": -1.0,  # a command asserts nothing
    "short": -0.6,  # fewer than five words: rarely a complete claim
}
_CAPS: dict[str, int] = {"extra_quantity": 2, "named_entity": 3, "subjective": 2}

#: Primary-label priority, first match wins (see the module docstring).
TYPE_PRIORITY: tuple[str, ...] = (
    "responsibility",
    "causal",
    "prediction",
    "numeric",
    "opinion",
    "quotation",
    "temporal",
)

_ENTITY_LABELS = frozenset(
    ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART")
)
_REPORTING = frozenset(
    _words(
        "say tell state report announce confirm claim add note explain write declare insist deny "
        "admit estimate reveal disclose publish predict warn testify acknowledge allege assert "
        "argue stress told"
    )
)
_EVIDENCE_SUBJECTS = frozenset(
    _words(
        "study report survey poll data analysis research investigation audit review figure "
        "record statistic census inquiry"
    )
)
_CHANGE_VERBS = frozenset(
    _words(
        "rise fall increase decrease double triple halve drop decline grow surge plunge climb jump "
        "soar slump shrink rocket tumble spike dip slide cut raise reduce treble quadruple"
    )
)
_SUBJECTIVE = frozenset(
    _words("""
    disgrace disgraceful shameful shame outrageous ridiculous absurd pathetic stupid idiotic
    insane crazy evil wicked terrible horrible awful appalling disgusting despicable
    deplorable vile wonderful brilliant fantastic amazing incredible magnificent glorious
    heroic cowardly incompetent hypocritical hypocrite nonsense rubbish garbage farce travesty
    scandalous unacceptable inexcusable unforgivable sickening laughable pitiful lousy
    dreadful superb excellent outstanding shocking idiot idiots moron morons clown clowns
    joke pathetically disgracefully shamefully
    """)
)
_OPINION_RE = re.compile(
    r"(?<![\w'’])(?:I|we|We)\s+(?:really\s+|honestly\s+|strongly\s+|firmly\s+|personally\s+)?"
    r"(?:think|believe|feel|reckon|suspect|guess|am\s+convinced|'m\s+convinced|am\s+sure|'m\s+sure)\b"
    r"|\b(?:[Ii]n\s+(?:my|our)\s+(?:view|opinion|judge?ment|book)|[Tt]o\s+my\s+mind|[Pp]ersonally|"
    r"[Ff]rankly|[Ii]f\s+you\s+ask\s+me|[Ii]t\s+seems\s+to\s+me|IMHO)\b"
)
_UNIVERSAL_RE = re.compile(
    r"\b(?:everyone|everybody|nobody|no\s+one|we\s+all|all\s+of\s+us)\s+"
    r"(?:knows?|agrees?|believes?|sees?|understands?|can\s+see|wants?)\b",
    re.I,
)
_ACCORDING_RE = re.compile(r"\baccording\s+to\b", re.I)
_PREDICTION_RE = re.compile(
    r"\b(?:going\s+to|(?:is|are|was|were)\s+(?:expected|set|poised|likely|due|projected|forecast)\s+to|"
    r"on\s+track\s+to|forecasts?|predicts?|predicted|projects?\s+that|projections?)\b",
    re.I,
)
_CAUSAL_CONNECTIVE_RE = re.compile(
    r"\b(?:therefore|consequently|as\s+a\s+result|as\s+a\s+consequence|hence|thus)\b", re.I
)
_QUOTE_SPANS = re.compile(
    r"“[^”]{1,3000}”|\"[^\"\n]{1,3000}\"|«[^»]{1,3000}»|„[^“”]{1,3000}[“”]|‘(?:[^’]|’(?=\w))+’(?!\w)"
)
_CAUSAL_VERBS = frozenset(
    _words("cause trigger spark fuel provoke prompt produce create")
)  # with a direct object
_EVENT_NOUNS = frozenset(
    _words(
        "attack bombing plot leak hack campaign coup killing murder assassination fire blast "
        "explosion raid strike scheme fraud scandal operation protest riot unrest violence crash "
        "outage breach cyberattack disinformation smear move decision push effort massacre "
        "shooting poisoning kidnapping abduction sabotage disappearance death rumour rumor wave "
        "theft robbery crime attempt killings arson ambush incursion invasion offensive "
        "atrocity abuse offence offense genocide crackdown purge cover-up coverup riots"
    )
)
#: en_core_web_sm lemmatizer slips on verbs this module looks for ("staged" -> "stag").
_MISLEMMAS = {"stag": "stage"}
#: Verbs that pin a deed on an actor whatever their object ("masterminded the plan") ...
_RESP_VERBS_ANY = frozenset(
    _words("orchestrate mastermind perpetrate instigate incite bankroll plot")
)
#: ... and verbs that do so only when the object names a deed ("staged the attack", not
#: "staged a play"; "funded the riots", not "funded the school").
_RESP_VERBS = frozenset(
    _words(
        "stage order organise organize engineer sponsor fund finance carry orchestrate mastermind "
        "perpetrate instigate incite bankroll commit plot"
    )
)


@dataclass
class _Slots:
    types: set[str] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=dict)
    cues: list[str] = field(default_factory=list)
    slots: dict[str, dict[str, JSON]] = field(default_factory=dict)

    def add(self, feature: str, n: int = 1, cue: str | None = None) -> None:
        cap = _CAPS.get(feature, 1)
        self.counts[feature] = min(cap, self.counts.get(feature, 0) + n)
        if cue and cue not in self.cues:
            self.cues.append(cue)


_NGRAM_TOKEN = re.compile(r"(?u)\b\w\w+\b")


def ngram_counts(text: str) -> dict[str, int]:
    """Lower-cased word unigrams and bigrams of ``text`` (words of two or more word
    characters), counted: the tokenisation the head's TF-IDF part was trained with."""
    words = _NGRAM_TOKEN.findall(text.lower())
    counts: dict[str, int] = {}
    for gram in (*words, *(f"{a} {b}" for a, b in pairwise(words))):
        counts[gram] = counts.get(gram, 0) + 1
    return counts


@dataclass(frozen=True)
class CheckworthinessHead:
    """A trained logistic check-worthiness head over frozen backbone features.

    ``logit = bias + w_embedding . embedding + sum of w_ngram . tfidf(ngram)
    + w_features . counts``: ``embedding`` is the backbone's L2-normalised sentence
    embedding; ``tfidf`` the L2-normalised TF-IDF vector (sublinear term frequency) of the
    sentence's word unigrams and bigrams over the head's vocabulary; ``counts`` the
    counts of the transparent features named in ``features`` (as this analyzer finds
    them). The training threshold is already folded into ``bias``.
    """

    name: str
    version: str
    features: tuple[str, ...]
    bias: float
    w_features: np.ndarray = field(repr=False, compare=False)
    w_embedding: np.ndarray = field(repr=False, compare=False)
    ngrams: Mapping[str, tuple[float, float]] = field(default_factory=dict, repr=False)
    threshold: float = 0.5

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"

    @classmethod
    def load(cls, path: Path | str) -> CheckworthinessHead:
        """Read a head JSON (cached per path); :class:`ModelError` if unusable."""
        key = str(Path(path).resolve())
        with _HEAD_LOCK:
            if key not in _HEADS:
                _HEADS[key] = cls._read(Path(path))
            return _HEADS[key]

    @classmethod
    def _read(cls, path: Path) -> CheckworthinessHead:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            features = tuple(str(f) for f in data["features"])
            unknown = [f for f in features if f not in WEIGHTS]
            if unknown:
                raise ValueError(f"unknown features {', '.join(unknown)}")
            head = cls(
                name=str(data["name"]),
                version=str(data["version"]),
                features=features,
                bias=float(data["bias"]),
                w_features=np.asarray(data["w_features"], dtype=np.float64),
                w_embedding=np.asarray(data["w_embedding"], dtype=np.float64),
                ngrams={
                    str(k): (float(v[0]), float(v[1]))
                    for k, v in (data.get("ngrams") or {}).items()
                },
                threshold=float(data.get("threshold", 0.5)),
            )
            if head.w_features.shape != (len(features),) or head.w_embedding.ndim != 1:
                raise ValueError("weight shapes do not match the feature list")
        except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
            raise ModelError(
                f"cannot load the check-worthiness head {str(path)!r}: {exc}",
                hint='set [analyzers.claims] model = "baseline" to use the hand-set weights',
            ) from exc
        log.info("loaded check-worthiness head %s from %s", head.label, path)
        return head

    def ngram_contributions(self, text: str) -> dict[str, float]:
        """Each vocabulary n-gram of ``text`` and its contribution to the logit."""
        if not self.ngrams:
            return {}
        tfidf: dict[str, float] = {}
        for gram, n in ngram_counts(text).items():
            entry = self.ngrams.get(gram)
            if entry is not None:
                tfidf[gram] = (1.0 + math.log(n)) * entry[0]
        norm = math.sqrt(sum(v * v for v in tfidf.values())) or 1.0
        return {g: self.ngrams[g][1] * v / norm for g, v in tfidf.items()}

    def logit_parts(
        self, text: str, embedding: np.ndarray, counts: Mapping[str, int]
    ) -> tuple[dict[str, float], dict[str, float]]:
        """Unrounded contributions to the logit (bias, ``sentence_embedding``, ``words``
        and each present feature) and the contribution of each n-gram."""
        if embedding.shape != self.w_embedding.shape:
            raise ModelError(
                f"the check-worthiness head expects {self.w_embedding.shape[0]}-dimensional "
                f"sentence embeddings, got {embedding.shape[0]}",
                hint="use the all-MiniLM-L6-v2 encoder it was trained on, "
                'or set [analyzers.claims] model = "baseline"',
            )
        grams = self.ngram_contributions(text)
        out = {"bias": self.bias, "sentence_embedding": float(self.w_embedding @ embedding)}
        if self.ngrams:
            out["words"] = sum(grams.values())
        for name, w in zip(self.features, self.w_features, strict=True):
            n = counts.get(name, 0)
            if n:
                out[name] = float(w) * n
        return out, grams

    def contributions(
        self, text: str, embedding: np.ndarray, counts: Mapping[str, int]
    ) -> tuple[dict[str, float], list[tuple[str, float]]]:
        """Contributions to the logit rounded for display, and the n-grams that pushed
        hardest towards check-worthy (at most five, largest first)."""
        parts, grams = self.logit_parts(text, embedding, counts)
        top = sorted(((g, v) for g, v in grams.items() if v > 0), key=lambda gv: -gv[1])[:5]
        return {k: round(v, 4) for k, v in parts.items()}, top


_HEADS: dict[str, CheckworthinessHead] = {}
_HEAD_LOCK = threading.Lock()


@dataclass(frozen=True)
class ClaimsOptions:
    """Options of the ``claims`` analyzer."""

    threshold: float = option(0.5, "Sentences scoring at least this are flagged check-worthy.")
    model: str = option(
        "default",
        '"default" (the shipped check-worthiness head), "baseline" (hand-set weights, no\n'
        "embeddings) or a path to a head JSON written by training/checkworthiness/train.py.",
    )

    def check(self) -> str | None:
        if not 0.0 <= self.threshold <= 1.0:
            return "threshold must be between 0 and 1"
        if not self.model.strip():
            return 'model must be "default", "baseline" or a path to a head JSON'
        return None


@register("claims")
class ClaimsAnalyzer(Analyzer[ClaimsOptions]):
    """One scored, typed claim per sentence, plus quantity and date findings."""

    version = "0.2.0"
    requires: ClassVar[tuple[str, ...]] = ("parse", "embeddings")
    produces = ("claim", "quantity", "date")
    Options = ClaimsOptions

    def __init__(self, options: ClaimsOptions | None = None, /, **values: Any) -> None:
        super().__init__(options, **values)
        self.threshold = self.options.threshold
        model = self.options.model
        self.head: CheckworthinessHead | None = None
        if model == "baseline":
            # the hand-set weights need no embeddings: do not make the pipeline compute them
            self.__dict__["requires"] = ("parse",)
        else:
            self.head = CheckworthinessHead.load(DEFAULT_HEAD if model == "default" else model)

    def run(self, ctx: Context) -> AnalyzerResult:
        text, parsed = ctx.text, ctx.parsed
        published = parse_published(ctx.document.published)
        dates = find_dates(text, parsed, published)
        quantities = find_quantities(text, parsed, [(d.start, d.end) for d in dates])
        date_findings = [self._date_finding(ctx, d) for d in dates]
        qty_findings = [self._quantity_finding(ctx, q) for q in quantities]

        quotes = SpanIndex(_quote_spans(ctx))
        attributions = SpanIndex((f.start, f.end) for f in ctx.of_kind("attribution"))
        ents = sorted(
            (e for e in parsed.entities if e.label in _ENTITY_LABELS and not _is_shouting(e.text)),
            key=lambda e: e.start,
        )
        ent_starts = [e.start for e in ents]
        sentences = list(parsed.sentences)
        starts = [s.start for s in sentences]
        per_sentence: dict[int, list[Finding]] = {}
        for f in (*qty_findings, *date_findings):
            k = bisect.bisect_right(starts, f.start) - 1
            if k >= 0:
                per_sentence.setdefault(k, []).append(f)

        head = self._head_for(ctx)
        claims: list[Finding] = []
        for k, sentence in enumerate(sentences):
            inside = sorted(per_sentence.get(k, []), key=lambda f: f.start)
            lo = bisect.bisect_left(ent_starts, sentence.start)
            hi = bisect.bisect_left(ent_starts, sentence.end)
            names = {e.text for e in ents[lo:hi] if e.end <= sentence.end}
            embedding = None if head is None or ctx.embeddings is None else ctx.embeddings[k]
            claims.append(
                self._claim(ctx, sentence, inside, names, quotes, attributions, head, embedding)
            )

        ranked = sorted(claims, key=lambda f: (-f.score, f.start))
        by_type: dict[str, int] = {}
        for c in claims:
            by_type[c.label] = by_type.get(c.label, 0) + 1
        summary: dict[str, JSON] = {
            "sentences": len(claims),
            "checkworthy": sum(1 for c in claims if c.attributes["checkworthy"]),
            "by_type": dict(sorted(by_type.items())),
            "threshold": self.threshold,
            "top": [c.id for c in ranked[:5]],
            "quantities": len(qty_findings),
            "dates": len(date_findings),
            "model": head.label if head is not None else "baseline",
        }
        return AnalyzerResult((*claims, *qty_findings, *date_findings), summary)

    def _head_for(self, ctx: Context) -> CheckworthinessHead | None:
        """The trained head, unless there are no real sentence embeddings to feed it."""
        if self.head is None:
            return None
        if ctx.parsed.model == "fake" or ctx.embeddings is None:
            log.debug("no real sentence embeddings: check-worthiness by the baseline weights")
            return None
        if len(ctx.embeddings) != len(ctx.parsed.sentences):
            raise ModelError(
                f"{len(ctx.embeddings)} sentence embeddings for "
                f"{len(ctx.parsed.sentences)} sentences"
            )
        return self.head

    # -- quantity and date findings ------------------------------------------------------

    def _quantity_finding(self, ctx: Context, q: QuantityMatch) -> Finding:
        attrs: dict[str, JSON] = {
            "value": q.value,
            "unit": q.unit,
            "approximate": q.approximate,
            "qualifier": q.qualifier,
        }
        if q.value_max is not None:
            attrs["value_max"] = q.value_max
        unit = f" {q.unit}" if q.unit else ""
        qual = f" ({q.qualifier.replace('_', ' ')})" if q.qualifier else ""
        shown = f"{q.value:,.4f}".rstrip("0").rstrip(".")
        return self.finding(
            ctx, q.start, q.end, kind="quantity", label=q.label, score=q.score,
            explanation=Explanation(
                rule=q.rule,
                cues=(ctx.text[q.start : q.end],),
                detail=f"A {q.label} quantity, normalised to {shown}{unit}{qual}.",
            ),
            attributes=attrs,
        )  # fmt: skip

    def _date_finding(self, ctx: Context, d: DateMatch) -> Finding:
        attrs: dict[str, JSON] = {
            "iso": d.iso,
            "resolved_relative_to": d.relative_to,
            "granularity": d.granularity,
            "ambiguous": d.ambiguous,
        }
        if d.timezone:
            attrs["timezone"] = d.timezone
        if d.iso:
            how = f" relative to the publication date {d.relative_to}" if d.relative_to else ""
            detail = f"A {d.label} expression, resolved to {d.iso}{how}."
        elif d.ambiguous:
            detail = "A numeric date whose day and month order cannot be told apart."
        elif d.needs_publication:
            detail = (
                f"A {d.label} expression; it resolves only against a publication date, "
                "which is unknown."
            )
        else:
            detail = f"A {d.label} expression that could not be normalised."
        return self.finding(
            ctx, d.start, d.end, kind="date", label=d.label, score=d.score,
            explanation=Explanation(rule=d.rule, cues=(ctx.text[d.start : d.end],), detail=detail),
            attributes=attrs,
        )  # fmt: skip

    # -- claims ------------------------------------------------------------------------

    def _claim(
        self,
        ctx: Context,
        sentence: Sentence,
        inside: Sequence[Finding],
        ents: set[str],
        quotes: SpanIndex,
        attributions: SpanIndex,
        head: CheckworthinessHead | None = None,
        embedding: np.ndarray | None = None,
    ) -> Finding:
        parsed = ctx.parsed
        text = ctx.text
        s_text = text[sentence.start : sentence.end]
        toks = parsed.sentence_tokens(sentence)
        st = _Slots()

        qties = [f for f in inside if f.kind == "quantity"]
        dates = [f for f in inside if f.kind == "date"]
        if qties:
            st.types.add("numeric")
            st.add("quantity", cue=qties[0].text)
            if len(qties) > 1:
                st.add("extra_quantity", len(qties) - 1)
        if dates:
            st.types.add("temporal")
            st.add("date", cue=dates[0].text)

        if ents:
            st.add("named_entity", len(ents), cue=sorted(ents)[0])

        _reporting(parsed, toks, s_text, sentence, attributions, st)
        if quotes.overlaps(sentence.start, sentence.end):
            st.types.add("quotation")
            st.add("quotation")
        _responsibility(parsed, toks, sentence, st)
        _causal(parsed, toks, sentence, s_text, st)
        _prediction(toks, s_text, st)
        _style(parsed, toks, s_text, qties, st)

        opinion = any(
            f in st.counts for f in ("opinion_marker", "subjective", "universal", "normative")
        )
        if opinion:
            st.types.add("opinion")
        label = next((t for t in TYPE_PRIORITY if t in st.types), "other")
        types = [t for t in TYPE_PRIORITY if t in st.types] or ["other"]

        top_words: list[tuple[str, float]] = []
        if head is not None and embedding is not None:
            contributions, top_words = head.contributions(s_text, embedding, st.counts)
            rule = "claims.checkworthiness-model"
        else:
            contributions = {"bias": WEIGHTS["bias"]}
            for feature, n in st.counts.items():
                contributions[feature] = round(WEIGHTS[feature] * n, 4)
            rule = "claims.baseline-linear"
        z = sum(contributions.values())
        score = round(1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z)))), 4)
        top = sorted(
            (kv for kv in contributions.items() if kv[0] != "bias"), key=lambda kv: -abs(kv[1])
        )[:4]
        why = ", ".join(f"{k} {v:+.2f}" for k, v in top) or "no features"
        attrs: dict[str, JSON] = {
            "types": types,
            "checkworthiness": score,
            "checkworthy": score >= self.threshold,
            "features": contributions,
            **st.slots,
        }
        relations = [Relation(f.kind, f.id) for f in inside]
        if head is not None and embedding is not None:
            words = ", ".join(f"'{g}' {v:+.2f}" for g, v in top_words[:3])
            cues = list(st.cues[:5])
            cues += [g for g, _ in top_words if g not in cues][: 8 - len(cues)]
            explanation = Explanation(
                rule=rule,
                cues=tuple(cues),
                detail=(
                    f"Check-worthiness {score:.2f} from the trained model {head.label}: "
                    f"logistic({z:+.2f}) = bias {contributions['bias']:+.2f} + {why}"
                    + (f"; words for: {words}" if words else "")
                    + "."
                ),
                model=head.label,
                confidence=round(max(score, 1.0 - score), 4),
            )
        else:
            explanation = Explanation(
                rule=rule,
                cues=tuple(st.cues[:8]),
                detail=(
                    f"Check-worthiness {score:.2f} = logistic(sum of feature weights "
                    f"{z:+.2f}; bias {WEIGHTS['bias']:+.2f}; {why})."
                ),
            )
        return self.finding(
            ctx, sentence.start, sentence.end, kind="claim", label=label, score=score,
            explanation=explanation, attributes=attrs, relations=relations,
        )  # fmt: skip


# ----------------------------------------------------------------------------------------
# feature detectors


def _is_shouting(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 4 and all(c.isupper() for c in letters) and " " not in text.strip()


def _quote_spans(ctx: Context) -> list[tuple[int, int]]:
    found = ctx.of_kind("quote")
    if found:
        return [(f.start, f.end) for f in found]
    spans = []
    for m in _QUOTE_SPANS.finditer(ctx.text):
        inner = m.group()[1:-1]
        if len(inner.split()) >= 3:
            spans.append((m.start(), m.end()))
    return spans


def _reporting(
    parsed: Parsed,
    toks: Sequence[Token],
    s_text: str,
    sentence: Sentence,
    attributions: SpanIndex,
    st: _Slots,
) -> None:
    m = _ACCORDING_RE.search(s_text)
    if m:
        st.add("reporting_verb", cue=m.group())
        return
    if attributions.overlaps(sentence.start, sentence.end):
        st.add("reporting_verb")
        return
    for t in toks:
        if t.pos != "VERB":
            continue
        lemma = t.lemma.lower()
        if lemma in _REPORTING:
            st.add("reporting_verb", cue=t.text)
            return
        if lemma in ("show", "find", "conclude"):
            subj = [c for c in parsed.children(t.i) if c.dep == "nsubj"]
            if any(c.lemma.lower() in _EVIDENCE_SUBJECTS for c in subj):
                st.add("reporting_verb", cue=t.text)
                return


def _span(parsed: Parsed, i: int, sentence: Sentence, skip_first: bool = False) -> dict[str, JSON]:
    """The subtree of token ``i`` as a slot, clipped to the sentence, trimmed of punctuation."""
    s, e = parsed.subtree_span(i)
    s, e = max(s, sentence.start), min(e, sentence.end)
    text = parsed.text
    toks = parsed.tokens_in(s, e)
    if skip_first and toks:
        toks = toks[1:]
    while toks and (toks[0].pos == "PUNCT" or toks[0].lower in ("that", "because")):
        toks = toks[1:]
    while toks and toks[-1].pos == "PUNCT":
        toks = toks[:-1]
    if not toks:
        return {"text": text[s:e], "start": s, "end": e}
    s, e = toks[0].start, toks[-1].end
    return {"text": text[s:e], "start": s, "end": e}


def _chars(parsed: Parsed, s: int, e: int) -> dict[str, JSON] | None:
    toks = [t for t in parsed.tokens_in(s, e) if t.pos != "PUNCT"]
    if not toks:
        return None
    s, e = toks[0].start, toks[-1].end
    return {"text": parsed.text[s:e], "start": s, "end": e}


def _child(parsed: Parsed, i: int, *deps: str, lower: str | None = None) -> Token | None:
    for c in parsed.children(i):
        if c.dep in deps and (lower is None or c.lower == lower):
            return c
    return None


def _pobj(parsed: Parsed, i: int, prep: str) -> Token | None:
    p = _child(parsed, i, "prep", "agent", "dative", lower=prep)
    if p is None:
        return None
    return _child(parsed, p.i, "pobj", "pcomp")


def _responsibility(parsed: Parsed, toks: Sequence[Token], sentence: Sentence, st: _Slots) -> None:
    if not parsed.has_parse:
        return
    for t in toks:
        lemma = (
            _MISLEMMAS.get(t.lemma.lower(), t.lemma.lower()) if t.pos == "VERB" else t.lemma.lower()
        )
        actor: Token | None = None
        event: Token | None = None
        cue = t.text
        head = parsed.tokens[t.head]
        if lemma == "behind" and t.dep == "prep" and head.lemma.lower() == "be":
            actor = _child(parsed, head.i, "nsubj")
            event = _child(parsed, t.i, "pobj")
            if event is not None and not _eventish(event):
                continue  # "the garden is behind the house": a place, not a deed
            cue = f"{head.text} behind"
        elif lemma == "responsible" and t.pos == "ADJ":
            event = _pobj(parsed, t.i, "for")
            verb = head if t.dep in ("acomp", "oprd") else None
            if verb is not None:
                actor = _child(parsed, verb.i, "nsubj", "nsubjpass")
            cue = "responsible for"
        elif lemma == "responsibility" and head.lemma.lower() in (
            "claim",
            "take",
            "accept",
            "bear",
            "admit",
        ):
            actor = _child(parsed, head.i, "nsubj")
            event = _pobj(parsed, t.i, "for") or _pobj(parsed, head.i, "for")
            cue = f"{head.text} responsibility"
        elif lemma == "blame" and t.pos == "VERB":
            if _child(parsed, t.i, "auxpass") is not None:
                on = _pobj(parsed, t.i, "on")
                if on is not None:  # "Y was blamed on X"
                    actor, event = on, _child(parsed, t.i, "nsubjpass")
                else:  # "X was blamed for Y"
                    actor, event = _child(parsed, t.i, "nsubjpass"), _pobj(parsed, t.i, "for")
            elif _child(parsed, t.i, "aux", lower="to") is not None and head.lemma.lower() == "be":
                actor, event = _child(parsed, head.i, "nsubj"), _pobj(parsed, t.i, "for")
            else:  # "A blamed X for Y"
                actor, event = _child(parsed, t.i, "dobj"), _pobj(parsed, t.i, "for")
        elif lemma == "accuse" and t.pos == "VERB":
            if _child(parsed, t.i, "auxpass") is not None:
                actor = _child(parsed, t.i, "nsubjpass")
            else:
                actor = _child(parsed, t.i, "dobj")
            event = _pobj(parsed, t.i, "of")
        elif t.pos == "VERB" and lemma in _RESP_VERBS:
            if lemma == "carry" and _child(parsed, t.i, "prt", lower="out") is None:
                continue
            if _child(parsed, t.i, "auxpass") is not None:
                actor = _pobj(parsed, t.i, "by")
                event = _child(parsed, t.i, "nsubjpass")
            else:
                actor = _child(parsed, t.i, "nsubj")
                event = _child(parsed, t.i, "dobj")
            if event is not None and lemma not in _RESP_VERBS_ANY and not _eventish(event):
                continue  # "staged a play", "funded the school"
            cue = f"{t.text} out" if lemma == "carry" else t.text
        else:
            continue
        if actor is None or event is None or actor.lower in ("it", "this", "that", "which", "who"):
            continue
        st.types.add("responsibility")
        st.add("responsibility", cue=cue)
        st.slots.setdefault("actor", _span(parsed, actor.i, sentence))
        st.slots.setdefault("event", _span(parsed, event.i, sentence))
        return


def _eventish(t: Token) -> bool:
    """A noun naming a deed or an event ("the bombing", "the leak"), not a thing or place."""
    lemma = t.lemma.lower()
    return lemma in _EVENT_NOUNS or (
        t.pos == "NOUN" and bool(re.search(r"(?:ing|tion|sion|ment|age|ure)$", lemma))
    )


def _causal(
    parsed: Parsed, toks: Sequence[Token], sentence: Sentence, s_text: str, st: _Slots
) -> None:
    if parsed.has_parse:
        for t in toks:
            if _causal_token(parsed, t, sentence, st):
                st.types.add("causal")
                st.add("causal")
                return
    m = _CAUSAL_CONNECTIVE_RE.search(s_text)
    if m:
        st.types.add("causal")
        st.add("causal", cue=m.group())


def _causal_token(parsed: Parsed, t: Token, sentence: Sentence, st: _Slots) -> bool:
    lemma = t.lemma.lower()
    cause: Token | None = None
    effect: Token | None = None
    cue = t.text
    if t.pos == "VERB" and lemma in _CAUSAL_VERBS | {"lead", "result", "contribute"}:
        passive = _child(parsed, t.i, "auxpass") is not None
        if lemma in ("lead", "contribute"):
            if _child(parsed, t.i, "dobj") is not None:
                return False  # "she led the team to victory": guiding, not causing
            effect, cause = _pobj(parsed, t.i, "to"), _child(parsed, t.i, "nsubj")
            cue = f"{t.text} to"
        elif lemma == "result":
            if (o := _pobj(parsed, t.i, "in")) is not None:
                effect, cause = o, _child(parsed, t.i, "nsubj")
                cue = f"{t.text} in"
            elif (o := _pobj(parsed, t.i, "from")) is not None:
                cause, effect = o, _child(parsed, t.i, "nsubj")
                cue = f"{t.text} from"
        elif passive:
            cause, effect = _pobj(parsed, t.i, "by"), _child(parsed, t.i, "nsubjpass")
        else:
            cause, effect = _child(parsed, t.i, "nsubj"), _child(parsed, t.i, "dobj", "ccomp")
        if lemma in ("produce", "create") and (cause is None or cause.pos == "PRON"):
            return False
        if cause is None or effect is None:
            return False
        st.add("causal", cue=cue)
        st.slots.setdefault("cause", _span(parsed, cause.i, sentence))
        st.slots.setdefault("effect", _span(parsed, effect.i, sentence))
        xcomp = _child(parsed, t.i, "xcomp")  # "caused prices to rise"
        if xcomp is not None and "effect" in st.slots:
            eff = st.slots["effect"]
            end = max(int(eff["end"]), parsed.subtree_span(xcomp.i)[1])
            got = _chars(parsed, int(eff["start"]), min(end, sentence.end))
            if got:
                st.slots["effect"] = got
        return True
    if t.lower == "because" and t.dep == "mark":
        clause = parsed.tokens[t.head]
        cause_slot = _span(parsed, clause.i, sentence)
        effect_slot = _rest(
            parsed, sentence, int(cause_slot["start"]) - len("because "), int(cause_slot["end"])
        )
        st.add("causal", cue="because")
        st.slots.setdefault("cause", cause_slot)
        if effect_slot:
            st.slots.setdefault("effect", effect_slot)
        return True
    pair = None
    nxt = parsed.tokens[t.i + 1] if t.i + 1 < len(parsed.tokens) else None
    if (
        nxt is not None
        and t.lower in ("because", "due", "owing", "thanks")
        and nxt.lower in ("of", "to")
    ):
        pair = (t, nxt)
    if pair is not None:
        obj = _child(parsed, pair[1].i, "pobj") or _child(parsed, pair[0].i, "pobj")
        if obj is None:
            return False
        cause_slot = _span(parsed, obj.i, sentence)
        effect_slot = _rest(parsed, sentence, pair[0].start, int(cause_slot["end"]))
        st.add("causal", cue=f"{pair[0].text} {pair[1].text}")
        st.slots.setdefault("cause", cause_slot)
        if effect_slot:
            st.slots.setdefault("effect", effect_slot)
        return True
    return False


def _rest(
    parsed: Parsed, sentence: Sentence, cut_start: int, cut_end: int
) -> dict[str, JSON] | None:
    """The part of the sentence outside ``[cut_start, cut_end)``: the other side of a connective."""
    before = _chars(parsed, sentence.start, max(sentence.start, cut_start))
    after = _chars(parsed, cut_end, sentence.end)
    if before and (
        not after
        or int(before["end"]) - int(before["start"]) >= int(after["end"]) - int(after["start"])
    ):
        return before
    return after


def _prediction(toks: Sequence[Token], s_text: str, st: _Slots) -> None:
    reported = any(t.lemma.lower() in _REPORTING and t.pos == "VERB" for t in toks)
    for t in toks:
        low = t.lower
        if t.tag == "MD" and (
            low in ("will", "'ll", "shall", "wo") or (low == "would" and reported)
        ):
            st.types.add("prediction")
            st.add("prediction", cue=t.text)
            return
    m = _PREDICTION_RE.search(s_text)
    if m:
        st.types.add("prediction")
        st.add("prediction", cue=m.group())


def _style(
    parsed: Parsed, toks: Sequence[Token], s_text: str, qties: Iterable[Finding], st: _Slots
) -> None:
    qspans = [(f.start, f.end) for f in qties]
    words = [t for t in toks if t.pos not in ("PUNCT", "SPACE") and t.text.strip()]
    for t in toks:
        low = t.lower
        if t.tag in ("JJR", "JJS", "RBR", "RBS") and not any(s <= t.start < e for s, e in qspans):
            prev = parsed.tokens[t.i - 1] if t.i > 0 else None
            at_bound = (
                low in ("least", "most", "more", "less") and prev is not None and prev.lower == "at"
            )
            bare_more = low in ("more", "less", "most") and t.tag not in ("JJS", "RBS")
            if not at_bound and not bare_more:
                st.add("comparative", cue=t.text)
        if t.pos == "VERB" and t.lemma.lower() in _CHANGE_VERBS:
            st.add("change_verb", cue=t.text)
        if low in _SUBJECTIVE or t.lemma.lower() in _SUBJECTIVE:
            st.add("subjective", cue=t.text)
        if t.tag == "MD" and low in ("should", "must", "ought", "shouldn't", "mustn't"):
            nxt = parsed.tokens[t.i + 1] if t.i + 1 < len(parsed.tokens) else None
            if not (low == "must" and nxt is not None and nxt.lower == "have"):
                st.add("normative", cue=t.text)
    m = _OPINION_RE.search(s_text)
    if m:
        st.add("opinion_marker", cue=m.group())
    m = _UNIVERSAL_RE.search(s_text)
    if m:
        st.add("universal", cue=m.group())
    if s_text.rstrip("\"'”’»)] ").endswith("?"):
        st.add("question", cue="?")
    if len(words) < 5:
        st.add("short")
    if parsed.has_parse and words:
        root = next((t for t in toks if t.dep == "ROOT"), None)
        first = words[0]
        if first.lower in ("please", "do", "don't", "just") and len(words) > 1:
            first = words[1]
        if (
            root is not None
            and first.i == root.i
            and root.tag == "VB"
            and not any(c.dep in ("nsubj", "nsubjpass", "expl") for c in parsed.children(root.i))
        ):
            st.add("imperative", cue=root.text)
        if root is not None and "question" not in st.counts and "imperative" not in st.counts:
            subj = any(c.dep in ("nsubj", "nsubjpass") for c in parsed.children(root.i))
            perfect = root.tag == "VBN" and any(
                c.dep == "aux" and c.lemma.lower() == "have" for c in parsed.children(root.i)
            )
            passive_past = root.tag == "VBN" and any(
                c.dep == "auxpass" and c.tag == "VBD" for c in parsed.children(root.i)
            )
            if subj and (root.tag == "VBD" or perfect or passive_past):
                st.add("factual_past", cue=root.text)
