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
    head (:class:`CheckworthinessHead`, ``unspin/claims/artifacts/``, see its
    MODEL_CARD.md): a logistic part over the sentence's MiniLM embedding, its word
    n-grams and the counts of the transparent features below, stacked with an adapter
    (fine-tuned MiniLM layers 5-6 run on the layer-4 states of the backbone's sentence
    pass, so the analyzer then requires ``token_states``); its logit is ``bias +
    sentence_embedding + words + sum of feature contributions + adapter``, calibrated,
    so the score is the probability that the sentence is check-worthy (out-of-fold
    calibration error under 0.01 on the training debates). Without layer-4 token states
    the logistic part scores alone (calibrated too) and the explanation says so. The
    default ``threshold`` 0.65 flags about 38 % of the sentences of news articles
    (PTC; 0.50 would flag 49 %). ``model = "baseline"`` (and the fake backbone, which
    has no real embeddings) uses the hand-set weights of :data:`WEIGHTS` instead; a
    path to another head JSON loads that head.
    attributes: ``types`` (every type that applies), ``checkworthiness``,
    ``checkworthy`` (score >= option ``threshold``), ``features`` ({feature:
    contribution to the logit}, bias and, for the model, ``sentence_embedding``
    included, so the sum is visible), ``nothing_to_check`` (only where a rule of
    :func:`nothing_to_check` says the sentence carries nothing to check: then
    ``checkworthy`` is false whatever the score), ``actor``/``event`` slots for
    responsibility and ``cause``/``effect`` slots for causal claims ({"text", "start",
    "end"}, when the parse yields them; an actor that is a personal pronoun is the person
    it stands for, with ``"pronoun"`` its own slot and ``"resolved"`` how, or keeps its
    span with ``"resolved": None``: :mod:`unspin.claims.pronoun_actor`), ``frame`` (the
    claim's slots: predicate,
    polarity and its cues, modality, actors, places, quantities with what each counts,
    dates resolved against the publication date; :mod:`unspin.frames.frame`).
    relations: ``("quantity", id)`` and ``("date", id)`` for what the sentence contains.
``quantity``
    label ``money`` | ``percent`` | ``count`` | ``measure`` | ``other``; attributes
    ``value`` (normalised float), ``unit`` ("USD", "%", "km", "people", ...),
    ``approximate``, ``qualifier`` ("about" | "at_least" | "at_most" | None) and
    ``value_max`` for ranges ("300-400 people"). See :mod:`._quantities`.
``date``
    label ``date`` | ``time`` | ``datetime`` | ``relative`` | ``duration``; attributes
    ``iso`` (ISO 8601 or None), ``resolved_relative_to`` (the publication date when it
    was needed to resolve the expression; in a text without one whose dateline or byline
    gives a whole date, that date, with ``reference`` "dateline"; in a live blog's post
    under a timestamp that gives its day, that day, with ``reference`` "post"
    (:mod:`unspin.frames.date_posts`); for a month and day in a
    text with neither, the words of the date told before whose year it took, rule
    ``...year-before``; for a month and day whose own clause states a year, or after a
    sentence that opens with one ("In 2015 ..."), that year's words, rule
    ``...year-clause`` or ``...year-scene``; else None), ``granularity`` and
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
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar

from numpy.typing import NDArray

from unspin.analyzer import Analyzer, AnalyzerResult, Context, register
from unspin.claims.head import DEFAULT_HEAD, WEIGHTS, CheckworthinessHead
from unspin.claims.lexicon import ENTITY_LABELS
from unspin.claims.nothing import nothing_to_check
from unspin.claims.types import TYPE_PRIORITY, is_shouting, quote_spans, sentence_features
from unspin.errors import ModelError
from unspin.frames.dates import DateMatch, dateline_date, find_dates, parse_published
from unspin.frames.frame import claim_frame, with_frame
from unspin.frames.quantities import QuantityMatch, find_quantities
from unspin.frames.spans import SpanIndex
from unspin.model import JSON, Explanation, Finding, Relation
from unspin.nlp import Sentence
from unspin.options import option
from unspin.segment import BODY

__all__ = [
    "DEFAULT_HEAD",
    "TYPE_PRIORITY",
    "WEIGHTS",
    "CheckworthinessHead",
    "ClaimsAnalyzer",
    "nothing_to_check",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ClaimsOptions:
    """Options of the ``claims`` analyzer."""

    threshold: float = option(0.65, "Sentences scoring at least this are flagged check-worthy.")
    model: str = option(
        "default",
        '"default" (the shipped check-worthiness head), "baseline" (hand-set weights, no\n'
        "embeddings) or a path to a head JSON written by training/checkworthiness/train.py.",
    )
    entity_dates: bool = option(
        False,
        "Also report spans the parser tagged DATE or TIME that no date pattern reads (rule\n"
        'date.entity, no value): the precision audit found most of them wrong ("the days").',
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
    languages = ("en",)
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
            if self.head.adapter is not None:
                # the adapter reads the layer-4 states of the backbone's sentence pass
                self.__dict__["requires"] = ("parse", "embeddings", "token_states")

    def run(self, ctx: Context) -> AnalyzerResult:
        text, parsed = ctx.text, ctx.parsed
        published = parse_published(ctx.document.published)
        dates = find_dates(text, parsed, published, ctx.preceding)
        dated = dateline_date(parsed, dates) if published is None else None
        if dated is not None:  # no publication date: the dateline's date stands for it
            dates = find_dates(text, parsed, dated, ctx.preceding)
        # page furniture (a share bar, a shop widget) states no quantity or date
        furniture = [(s.start, s.end) for s in parsed.sentences if s.block == "furniture"]
        if furniture:
            page = SpanIndex(furniture)
            dates = [d for d in dates if not page.overlaps(d.start, d.end)]
        quantities = find_quantities(text, parsed, [*((d.start, d.end) for d in dates), *furniture])
        shown = [d for d in dates if self.options.entity_dates or d.rule != "date.entity"]
        told = dated or published
        base = told.isoformat() if told else None
        date_findings = [self._date_finding(ctx, d, dated is not None, base) for d in shown]
        qty_findings = [self._quantity_finding(ctx, q) for q in quantities]

        quotes = SpanIndex(quote_spans(ctx))
        attributions = SpanIndex((f.start, f.end) for f in ctx.of_kind("attribution"))
        ents = sorted(
            (e for e in parsed.entities if e.label in ENTITY_LABELS and not is_shouting(e.text)),
            key=lambda e: e.start,
        )
        ent_starts = [e.start for e in ents]
        sentences = list(parsed.sentences)
        sentence_at = {s.start: s for s in sentences}
        starts = [s.start for s in sentences]
        per_sentence: dict[int, list[Finding]] = {}
        for f in (*qty_findings, *date_findings):
            k = bisect.bisect_right(starts, f.start) - 1
            if k >= 0:
                per_sentence.setdefault(k, []).append(f)

        head = self._head_for(ctx)
        pooled = None
        if head is not None and head.adapter is not None and ctx.token_states is not None:
            pooled = head.adapter.pooled(ctx.token_states, len(sentences))
        claims: list[Finding] = []
        for k, sentence in enumerate(sentences):
            if sentence.block not in BODY:  # a title, heading, dateline, byline or caption
                continue
            inside = sorted(per_sentence.get(k, []), key=lambda f: f.start)
            lo = bisect.bisect_left(ent_starts, sentence.start)
            hi = bisect.bisect_left(ent_starts, sentence.end)
            names = {e.text for e in ents[lo:hi] if e.end <= sentence.end}
            embedding = None if head is None or ctx.embeddings is None else ctx.embeddings[k]
            claims.append(
                self._claim(ctx, sentence, inside, names, quotes, attributions, head, embedding,
                            None if pooled is None else pooled[k])
            )  # fmt: skip

        claims = [
            with_frame(c, claim_frame(parsed, sentence_at[c.start], quantities, dates), text)
            for c in claims
        ]
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
        if ctx.embeddings is None or not ctx.services.backbone.trained:
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
        unit = f" {q.unit.replace('_', ' ')}" if q.unit else ""  # "54 years old"
        if q.unit == "people" and q.value == 1 and q.value_max is None:
            unit = " person"  # "one person": the unit names people, one is a person
        qual = f" ({q.qualifier.replace('_', ' ')})" if q.qualifier else ""
        shown = f"{q.value:,.4f}".rstrip("0").rstrip(".")
        if q.unit == "tally" and q.value_max is not None:  # "7-2": both sides of a vote
            shown += "-" + f"{q.value_max:,.4f}".rstrip("0").rstrip(".")
        elif q.value_max is not None:
            shown += " to " + f"{q.value_max:,.4f}".rstrip("0").rstrip(".")
        return self.finding(
            ctx, q.start, q.end, kind="quantity", label=q.label, score=q.score,
            explanation=Explanation(
                rule=q.rule,
                cues=(ctx.text[q.start : q.end],),
                detail=f"{_a(q.label)} {q.label} quantity, normalised to {shown}{unit}{qual}.",
            ),
            attributes=attrs,
        )  # fmt: skip

    def _date_finding(
        self, ctx: Context, d: DateMatch, dateline: bool = False, base: str | None = None
    ) -> Finding:
        """``dateline``: the text has no publication date, and relative dates were
        resolved against the date its dateline gives; ``base``: the date (ISO) relative
        dates were told from, unless a live blog's post gives its own day."""
        attrs: dict[str, JSON] = {
            "iso": d.iso,
            "resolved_relative_to": d.relative_to,
            "granularity": d.granularity,
            "ambiguous": d.ambiguous,
        }
        if d.timezone:
            attrs["timezone"] = d.timezone
        post = bool(d.relative_to) and d.relative_to != base and ".year-" not in d.rule
        if post:  # told from the timestamp over its post (frames/date_posts.py)
            attrs["reference"] = "post"
        elif dateline and d.relative_to and ".year-" not in d.rule:  # not a year told in the text
            attrs["reference"] = "dateline"
        if d.iso:
            against = "the dateline's date" if dateline else "the publication date"
            against = "its post's timestamp" if post else against
            how = f" relative to {against} {d.relative_to}" if d.relative_to else ""
            if d.rule.endswith(".year-before"):  # no publication date: a year told before
                how = f", its year taken from the date told before it, {d.relative_to!r}"
                if d.relative_to and d.iso[:4] not in d.relative_to:  # "Nov. 1, 2016" then
                    how = f", the first such day after the date told before it, {d.relative_to!r}"
            elif d.rule.endswith((".year-clause", ".year-scene")):  # a year told around it
                where = "in its own clause" if d.rule.endswith("clause") else "setting the scene"
                how = f", its year taken from {d.relative_to!r}, told {where}"
            detail = f"{_a(d.label)} {d.label} expression, resolved to {d.iso}{how}."
        elif d.ambiguous:
            detail = "A numeric date whose day and month order cannot be told apart."
        elif d.needs_publication:
            detail = (
                f"{_a(d.label)} {d.label} expression; it resolves only against a publication date, "
                "which is unknown."
            )
        else:
            detail = f"{_a(d.label)} {d.label} expression that could not be normalised."
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
        embedding: NDArray[Any] | None = None,
        pooled: NDArray[Any] | None = None,
    ) -> Finding:
        s_text = ctx.text[sentence.start : sentence.end]
        st = sentence_features(ctx.parsed, sentence, s_text, inside, ents, quotes, attributions)
        label = next((t for t in TYPE_PRIORITY if t in st.types), "other")
        types = [t for t in TYPE_PRIORITY if t in st.types] or ["other"]

        top_words: list[tuple[str, float]] = []
        if head is not None and embedding is not None:
            contributions, top_words = head.contributions(s_text, embedding, st.counts, pooled)
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
        empty = nothing_to_check(ctx.parsed, sentence, s_text)
        attrs: dict[str, JSON] = {
            "types": types,
            "checkworthiness": score,
            "checkworthy": score >= self.threshold and empty is None,
            "features": contributions,
            **st.slots,
        }
        if empty is not None:
            attrs["nothing_to_check"] = empty
        relations = [Relation(f.kind, f.id) for f in inside]
        if head is not None and embedding is not None:
            words = ", ".join(f"'{g}' {v:+.2f}" for g, v in top_words[:3])
            fallback = ""
            if head.adapter is not None and pooled is None:
                fallback = (
                    " (its adapter could not run: no layer-4 token states of this sentence; "
                    "scored by the logistic part alone)"
                )
            cues = list(st.cues[:5])
            cues += [g for g, _ in top_words if g not in cues][: 8 - len(cues)]
            explanation = Explanation(
                rule=rule,
                cues=tuple(cues),
                detail=(
                    f"Check-worthiness {score:.2f} from the trained model {head.label}"
                    f"{fallback}: "
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
        if empty is not None:  # the score alone would read as a flag; said first, as a
            explanation = replace(  # tooltip shortens a long detail
                explanation,
                detail=f"Not flagged whatever the score: {empty}. {explanation.detail}",
            )
        return self.finding(
            ctx, sentence.start, sentence.end, kind="claim", label=label, score=score,
            explanation=explanation, attributes=attrs, relations=relations,
        )  # fmt: skip


def _a(word: str) -> str:
    """The indefinite article before ``word`` in an explanation ("An age quantity")."""
    return "An" if word[:1].lower() in "aeiou" else "A"
