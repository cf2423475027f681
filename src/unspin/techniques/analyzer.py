"""Propaganda techniques: spans that work on the reader, labelled with the 14 techniques
of SemEval-2020 Task 11 (the Propaganda Techniques Corpus, PTC).

Two stages over the word-piece states of the backbone's own MiniLM pass
(:class:`~unspin.nlp.TokenStates`, so no second encoder pass):

1. **Span identification**: a BiLSTM tags each word piece inside/outside a span; runs of
   pieces with P(inside) >= ``span_low`` are kept when one piece reaches ``span_high``,
   widened to whole words and trimmed of boundary punctuation.
2. **Technique classification**: a logistic regression over the span's pooled states,
   its sentence embedding, 34 surface features (repetition, punctuation, case, position,
   cue lexicons), its shape in the parse and the techniques its text carried in training,
   blended with one over TF-IDF n-grams of the span text
   (:class:`~unspin.techniques.head.TechniqueHead`), gives each span its most probable
   technique, and a second one when that one's probability reaches ``second_label_min``
   (spans may carry several techniques, as in the corpus).

Hand-written patterns (a phrase repeated in the document, an exclamation, a short slogan
line, cue lexicons) measured imprecise as detectors on PTC (``training/techniques/
EXPERIMENTS.md``, section 2), so they are features of the classifier and the *cues* of
each finding's explanation, never detectors on their own.

A finding's score is P(span) x P(technique | span): the mean inside probability of its
pieces times the classifier's probability. What is *shown* is decided per span, for
precision: a span is kept when its span score, the highest P(inside) of its pieces (the
score that ranked spans best out of fold), reaches the ``threshold`` option, whose default
is an operating point measured on out-of-fold predictions (``DEFAULT_THRESHOLD``,
``CV_AT_DEFAULT``; ``training/techniques/operating_point.py``); ``all_candidates`` shows
every decoded span (the best-F1 point). Boundaries snap to whole words and phrases and
overlapping spans of one technique merge (:mod:`unspin.techniques.spans`). A finding is a
prompt for a reader, not a verdict.

Summary: ``{"total", "counts": {technique: n}, "words", "per_1000_words",
"density": {technique: per 1,000 words}, "model", "operating_point": {"threshold",
"all_candidates", "default_threshold", "cv_at_default", "cv_all_candidates"}}``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from unspin.analyzer import Analyzer, AnalyzerResult, Context, register
from unspin.errors import DependencyError
from unspin.model import JSON, Explanation, Finding
from unspin.nlp import Parsed, TokenStates
from unspin.options import option
from unspin.techniques import features as feats
from unspin.techniques.ptc import TECHNIQUES
from unspin.techniques.report import count_techniques
from unspin.techniques.spans import merge_same, quote_parts, select, snap
from unspin.techniques.tagger import TechniquesModel, load_model

__all__ = [
    "DEFINITIONS",
    "TECHNIQUES",
    "TechniqueSpan",
    "TechniquesAnalyzer",
    "classify_spans",
    "detect",
]

KIND = "technique"
MODEL_LABEL = "techniques BiLSTM+LR over MiniLM states"

#: One-line definitions, in the words of this project (for explanations and reports).
DEFINITIONS: dict[str, str] = {
    "Appeal_to_Authority": "a claim presented as true because an authority says so",
    "Appeal_to_fear-prejudice": "support sought by stirring fear or prejudice",
    "Bandwagon,Reductio_ad_hitlerum": "do it because everyone does, or reject it because a "
    "despised group does",
    "Black-and-White_Fallacy": "two options presented as the only ones",
    "Causal_Oversimplification": "one cause given for an issue with many",
    "Doubt": "the credibility of someone or something questioned",
    "Exaggeration,Minimisation": "something made larger or smaller than it is",
    "Flag-Waving": "an appeal to group or national pride",
    "Loaded_Language": "words with strong emotional charge",
    "Name_Calling,Labeling": "a label meant to make the audience love or hate its target",
    "Repetition": "the same message repeated to make it stick",
    "Slogans": "a brief, striking phrase",
    "Thought-terminating_Cliches": "a stock phrase that discourages further thought",
    "Whataboutism,Straw_Men,Red_Herring": "an opponent's position distorted, or attention "
    "diverted to something else",
}

_WORDS = re.compile(r"\w+")
#: The default operating point: the span score a span must reach to be shown, chosen for
#: precision (training/techniques/operating_point.py; EXPERIMENTS.md, section 9).
DEFAULT_THRESHOLD = 0.55
#: Span precision / recall / F1 (the SemEval SI scorer) of the shipped model at the
#: default threshold and with every candidate shown, and what they were measured on.
CV_AT_DEFAULT: dict[str, float | str] = {
    "precision": 0.614,
    "recall": 0.353,
    "f1": 0.448,
    "on": "25 PTC articles held out of training",
}
CV_ALL_CANDIDATES: dict[str, float | str] = {
    "precision": 0.420,
    "recall": 0.580,
    "f1": 0.487,
    "on": "25 PTC articles held out of training",
}
#: How those figures were measured (the model card repeats it).
OPERATING_POINT_NOTE = (
    "Measured with the shipped five-tagger ensemble on the 25 gate articles it was not "
    "trained on (`training/techniques/gate.json`), where the threshold was chosen (with the "
    "technique head of EXPERIMENTS.md section 11, 2026-12-04; re-measured on a fresh install "
    "of 2026-12-06). Out of fold over all 371 "
    "articles (`folds.json`), with the technique head before it, four of the five taggers "
    "(the PCA members) "
    "give span precision 0.506, recall 0.326, F1 0.397 at 0.55 (every candidate: 0.381, "
    "0.552, 0.451); pooled precision 0.55 out of fold needs about 0.65 (F1 0.33) "
    "(EXPERIMENTS.md, section 9)."
)


@dataclass(frozen=True)
class TechniqueSpan:
    """One detected (span, technique) pair; ``ranked`` lists the top techniques."""

    start: int
    end: int
    technique: str
    score: float
    span_probability: float
    technique_probability: float
    ranked: tuple[tuple[str, float], ...]
    span_score: float = 0.0  # the best piece's P(inside): what the threshold reads


def _model(model: TechniquesModel | str | Path | None) -> TechniquesModel:
    if isinstance(model, TechniquesModel):
        return model
    if model is None or str(model) in ("", "default"):
        return load_model()
    return load_model(Path(model))


def classify_spans(
    text: str,
    states: TokenStates,
    spans: Sequence[tuple[int, int]],
    model: TechniquesModel | str | Path | None = None,
    parsed: Parsed | None = None,
) -> NDArray[Any]:
    """Technique probabilities of each ``(start, end)`` span of ``text``: shape
    ``(len(spans), 14)``, columns in :data:`TECHNIQUES` order. The shipped head also reads
    the span's place in the backbone's parse, so it needs ``parsed``
    (:class:`~unspin.errors.DependencyError` without it)."""
    m = _model(model)
    if m.head.parse_features and parsed is None:
        raise DependencyError(
            "the techniques model's technique head needs the backbone's parse",
            hint="pass parsed= (the analyzer gets it from the pipeline)",
        )
    X = feats.tc_inputs(text, states, spans, parsed if m.head.parse_features else None)
    proba = m.technique_probabilities(X, [text[s:e] for s, e in spans])
    out = np.zeros((len(spans), len(TECHNIQUES)), np.float32)
    out[:, [TECHNIQUES.index(c) for c in m.classes]] = proba
    return out


def detect(
    text: str,
    states: TokenStates,
    *,
    model: TechniquesModel | str | Path | None = None,
    parsed: Parsed | None = None,
    span_low: float | None = None,
    span_high: float | None = None,
    span_trim: float | None = None,
    second_label_min: float | None = None,
    threshold: float = 0.0,
    all_candidates: bool = False,
) -> list[TechniqueSpan]:
    """Find technique spans in ``text`` from its backbone ``states`` (both stages).

    Candidate spans are decoded from the taggers' probabilities (the model's decoding
    unless ``span_low`` / ``span_high`` / ``span_trim`` are given), snapped to whole
    words and phrases (:func:`unspin.techniques.spans.snap`, with ``parsed``), labelled;
    those scoring under ``threshold`` are dropped (none with ``all_candidates``) and
    overlapping spans of one technique merged."""
    m = _model(model)
    decode = m.config["si"]["decode"]
    low = decode["low"] if span_low is None else span_low
    high = decode["high"] if span_high is None else span_high
    trim = float(decode.get("trim", 0.0)) if span_trim is None else span_trim
    second = m.config["tc"]["second_label_min"] if second_label_min is None else second_label_min
    p_in = m.inside_probability(states, feats.si_inputs(states))
    decoded = snapped(text, parsed, feats.decode(text, states, p_in, low, high, trim))
    candidates = [in_quotes(text, states, p_in, s, e, p) for s, e, p in decoded]
    proba = classify_spans(text, states, [(s, e) for s, e, _ in candidates], m, parsed)
    out = []
    for (start, end, p_span), p in zip(candidates, proba, strict=True):
        order = np.argsort(-p)
        ranked = tuple((TECHNIQUES[i], round(float(p[i]), 4)) for i in order[:3])
        peak = peak_inside(states, p_in, start, end, p_span)
        for rank, i in enumerate(order[:2]):
            if rank and p[i] < second:
                break
            score = span_score(p_span, float(p[i]))
            out.append(
                TechniqueSpan(start, end, TECHNIQUES[i], score, p_span, float(p[i]), ranked, peak)
            )
    shown = select(out, threshold, all_candidates, key=lambda t: t.span_score)
    return merge_same(shown)


def peak_inside(
    states: TokenStates, p_in: NDArray[Any], start: int, end: int, default: float
) -> float:
    """A span's score for the threshold: the highest P(inside) among its pieces (the
    score that ranked spans best for precision out of fold)."""
    idx = states.pieces_in(start, end)
    return float(p_in[idx].max()) if len(idx) else default


def in_quotes(
    text: str, states: TokenStates, p_in: NDArray[Any], start: int, end: int, p_span: float
) -> tuple[int, int, float]:
    """A decoded span cut at the quotation marks whose partner lies outside it
    (:func:`unspin.techniques.spans.quote_parts`): the part holding the best piece, with
    the mean P(inside) of its own pieces."""
    parts = quote_parts(text, start, end)
    if len(parts) == 1:
        s, e = parts[0]
        return s, e, p_span
    s, e = max(parts, key=lambda se: peak_inside(states, p_in, se[0], se[1], 0.0))
    idx = states.pieces_in(s, e)
    return s, e, float(p_in[idx].mean()) if len(idx) else p_span


def span_score(p_span: float, p_technique: float) -> float:
    """A finding's score: P(span) x P(technique | span)."""
    return p_span * p_technique


def snapped(
    text: str, parsed: Parsed | None, spans: Sequence[tuple[int, int, float]]
) -> list[tuple[int, int, float]]:
    """Decoded ``(start, end, p_span)`` snapped to words and phrases; spans that meet
    once snapped are joined (the higher probability kept)."""
    out: list[tuple[int, int, float]] = []
    for s0, e0, p in spans:
        s, e = snap(text, parsed, s0, e0)
        if e <= s:
            continue
        if out and s < out[-1][1]:
            out[-1] = (min(s, out[-1][0]), max(e, out[-1][1]), max(p, out[-1][2]))
        else:
            out.append((s, e, p))
    return out


def repeat(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where else in ``text`` a span of two or more words occurs (case aside): the first
    other occurrence, as offsets into ``text`` itself, or None."""
    needle = text[start:end].strip()
    if len(_WORDS.findall(needle)) < 2:
        return None
    at = start + text[start:end].index(needle)
    for m in re.finditer(re.escape(needle), text, re.IGNORECASE):
        if m.start() != at:
            return m.start(), m.end()
    return None


def cues(text: str, start: int, end: int, technique: str | None = None) -> list[str]:
    """The surface patterns found in a span: a reader's reasons, not the detector. A
    repeat is named by where it lies (earlier or later), never by an offset: the text a
    window or the visible-text view analyses is not the document's, and the explanation's
    words are not moved back; the finding's ``repeat`` attribute holds the offsets. With
    ``technique``, a lexicon's words are named only where the lexicon is one of that
    technique's (:data:`unspin.techniques.features.LEXICON_TECHNIQUES`)."""
    span = text[start:end]
    found = []
    other = repeat(text, start, end)
    if other is not None:
        found.append(f"also occurs {'earlier' if other[0] < start else 'later'} in the text")
    if "!" in span or "!" in text[end : end + 2]:
        found.append("exclamation")
    words = _WORDS.findall(span)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    if 0 < len(words) <= 6 and (span.strip() == line.strip() or "!" in span or "#" in span):
        found.append("slogan pattern (short, stands alone)")
    if any(w.isupper() and len(w) > 1 for w in words):
        found.append("capitals")
    for lexicon, hits in feats.lexicon_words(span).items():
        if technique is None or technique in feats.LEXICON_TECHNIQUES[lexicon]:
            found += [f"{lexicon}: {w}" for w in hits]
    return found


@dataclass(frozen=True)
class TechniquesOptions:
    """Options of the ``techniques`` analyzer."""

    model: str = option(
        "default",
        '"default" (the shipped model) or a folder written by training/techniques/train.py.',
    )
    threshold: float = option(
        DEFAULT_THRESHOLD,
        "Show a technique span when its span score (the highest P(inside) of its word\n"
        "pieces) reaches this. The default is an operating point chosen for precision (its\n"
        "measured precision and recall are in the model card); lower it for more spans.",
    )
    all_candidates: bool = option(
        False,
        "Show every candidate span the decoder finds (the best-F1 operating point),\n"
        "whatever the threshold.",
    )
    span_low: float = option(
        0.05,
        "Span decoding: pieces with P(inside) >= span_low extend a span, kept when one of\n"
        "them reaches span_high; its edge pieces under span_trim x its best are dropped.",
    )
    span_high: float = option(0.25, "See span_low.")
    span_trim: float = option(0.6, "See span_low.")
    second_label_min: float = option(
        0.5, "A span also gets its second most probable technique at this probability."
    )

    def check(self) -> str | None:
        if not 0 <= self.threshold <= 1:
            return "threshold must be a number in [0, 1]"
        return None


@register("techniques")
class TechniquesAnalyzer(Analyzer[TechniquesOptions]):
    """Propaganda-technique spans (SemEval-2020 Task 11) with their cues."""

    version = "1.2.0"  # 1.1: five-tagger SI ensemble, trimmed decoding; 1.2: TC head v2
    requires = ("parse", "token_states")
    produces = (KIND,)
    languages = ("en",)
    Options = TechniquesOptions

    @property
    def model(self) -> TechniquesModel:
        return _model(self.options.model)

    def _states(self, ctx: Context) -> TokenStates:
        if ctx.token_states is None:
            raise DependencyError(
                "the techniques analyzer needs the backbone's token states",
                hint="run it through a Pipeline, which computes them when required",
            )
        return ctx.token_states

    def classify_spans(self, ctx: Context, spans: Sequence[tuple[int, int]]) -> NDArray[Any]:
        """Technique probabilities for given spans (TC), columns in :data:`TECHNIQUES` order."""
        return classify_spans(ctx.text, self._states(ctx), spans, self.model, ctx.parsed)

    def detect(self, ctx: Context) -> list[TechniqueSpan]:
        return detect(
            ctx.text,
            self._states(ctx),
            model=self.model,
            span_low=self.options.span_low,
            span_high=self.options.span_high,
            span_trim=self.options.span_trim,
            second_label_min=self.options.second_label_min,
            parsed=ctx.parsed,
            threshold=self.options.threshold,
            all_candidates=self.options.all_candidates,
        )

    def run(self, ctx: Context) -> AnalyzerResult:
        found = self.detect(ctx)
        findings = [self._finding(ctx, t) for t in found]
        figures = count_techniques((t.technique for t in found), ctx.text)
        o = self.options
        summary: dict[str, JSON] = {
            "total": figures.pop("total"),
            **figures,
            "model": MODEL_LABEL,
            "operating_point": {
                "threshold": o.threshold,
                "all_candidates": o.all_candidates,
                "default_threshold": DEFAULT_THRESHOLD,
                "cv_at_default": dict(CV_AT_DEFAULT),
                "cv_all_candidates": dict(CV_ALL_CANDIDATES),
            },
        }
        return AnalyzerResult(tuple(findings), summary)

    def _finding(self, ctx: Context, t: TechniqueSpan) -> Finding:
        found = cues(ctx.text, t.start, t.end, t.technique)
        ranked = ", ".join(f"{name} {p:.2f}" for name, p in t.ranked)
        detail = (
            f"{t.technique.replace('_', ' ')}: {DEFINITIONS[t.technique]}. Span score "
            f"{t.span_score:.2f} (best piece), span probability "
            f"{t.span_probability:.2f} (BiLSTM taggers), technique probability "
            f"{t.technique_probability:.2f} (top: {ranked})"
            + (f"; cues: {'; '.join(found)}" if found else "")
            + "."
        )
        return self.finding(
            ctx,
            t.start,
            t.end,
            kind=KIND,
            label=t.technique,
            score=round(t.score, 4),
            explanation=Explanation(
                rule="techniques.model",
                cues=tuple(found),
                detail=detail,
                model=MODEL_LABEL,
                confidence=round(t.score, 4),
            ),
            attributes={
                **_repeat_attribute(ctx.text, t.start, t.end),
                "span_score": round(t.span_score, 4),
                "span_probability": round(t.span_probability, 4),
                "technique_probability": round(t.technique_probability, 4),
                "ranked": [[name, p] for name, p in t.ranked],
            },
        )


def _repeat_attribute(text: str, start: int, end: int) -> dict[str, JSON]:
    """``{"repeat": {"start", "end", "text"}}`` for a span found again elsewhere in the
    text (the attribute convention whose offsets the pipeline moves onto the document's
    own text), else nothing."""
    other = repeat(text, start, end)
    if other is None:
        return {}
    return {"repeat": {"start": other[0], "end": other[1], "text": text[other[0] : other[1]]}}
