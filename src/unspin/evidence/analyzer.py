"""The ``verdicts`` analyzer: each check-worthy claim weighed against stored evidence.

Findings
--------
``verdict`` (one per check-worthy claim, anchored on the claim's sentence)
    label and attribute ``verdict``: ``supported`` | ``refuted`` | ``mixed`` |
    ``not verified``. For each claim the analyzer retrieves the ``top`` best passages of
    the evidence store (hybrid keyword + vector search, :class:`EvidenceIndex`), keeps
    those whose cosine similarity to the claim is at least ``min_similarity`` (passages
    overlapping a better one of the same document are dropped) and weighs them:

    * ``rule = "frames"`` (the default): each passage is parsed by the pipeline's backbone
      (once per passage, cached), read into frames (:mod:`unspin.frames`) and checked
      against the claim's frame slot by slot (:mod:`unspin.evidence.frame_checks`: it
      refutes when it is about the claim and one slot differs (or the opposite verb with
      its figure), supports when it states
      the claim and differs on none); :func:`~unspin.evidence.verdict.combine` makes the
      verdict;
    * ``rule = "stance"``: the stance model alone (min_stance, ratio;
      :func:`~unspin.evidence.verdict.aggregate`), as evaluated on Climate-FEVER.

    attributes: ``verdict``; ``rule``; ``passages``: the passages the verdict rests on,
    each with ``document_id``, ``title``, ``source``, ``url``, ``start`` and ``end``
    (offsets in the evidence document), ``text``, ``stance``, and with the frame rule
    ``reason`` ("number differs"), ``agreement`` (one line: which slots agreed and which
    differed), ``checks`` (each slot with both values) and ``coverage``; with a stance
    model ``probabilities``; ``retrieval_score`` (reciprocal-rank fusion), ``similarity``;
    ``checked``: every retrieved passage with its document (as a cited one), stance,
    reason, agreement line, coverage, about and similarity (frame rule); ``retrieved``,
    ``support_weight``, ``refute_weight``. score: for supported / refuted / mixed, the
    share of the counted weight on the larger side times the mean weight of the counted
    passages; 0 for ``not verified``. relations: ``("claim", claim_id)``.

Without an evidence store (option ``db`` empty), or when no passage passes the
thresholds, every check-worthy claim gets ``not verified`` with no passages: unspin
never rules on a claim without citing passages.

Options: ``db`` (store URL or path; empty: no store), ``top`` (10), ``min_similarity``
(0.3), ``rule`` (``frames``), ``synonyms`` (true), ``stance_model`` (``none``; ``pair``,
``cross``), ``min_stance`` (0.5) and ``ratio`` (2.0), ``checkworthy_only`` (true),
``model`` (a stance model folder; empty: the shipped one). The store is opened through
the pipeline's services (once per pipeline, closed with it); its embeddings must come
from the pipeline backbone's encoder.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
from numpy.typing import NDArray

from unspin.analyzer import Analyzer, AnalyzerResult, Context, register
from unspin.errors import ModelError, StoreMismatchError
from unspin.evidence.frame_checks import (
    PassageCheck,
    Reading,
    check_passage,
    read_sentence,
    title_words,
)
from unspin.evidence.index import EvidenceIndex, RetrievedPassage
from unspin.evidence.passages import PassageReader
from unspin.evidence.stance import DEFAULT_MODEL, STANCES, StanceModel, StancePrediction
from unspin.evidence.synonyms import WordMatcher
from unspin.evidence.verdict import VERDICTS, Aggregate, aggregate, combine
from unspin.frames import parse_published, sentence_frames
from unspin.model import JSON, Explanation, Finding, Relation
from unspin.options import option
from unspin.pipeline import encoder_name

__all__ = ["VerdictsAnalyzer"]

log = logging.getLogger(__name__)


RULES = ("frames", "stance")
STANCE_MODELS = ("pair", "cross", "none")


def _overlaps(a: RetrievedPassage, b: RetrievedPassage) -> bool:
    pa, pb = a.passage, b.passage
    return pa.document_id == pb.document_id and pa.start < pb.end and pb.start < pa.end


@dataclass(frozen=True)
class VerdictsOptions:
    """Options of the ``verdicts`` analyzer."""

    db: str = option("", "The store holding evidence passages (`unspin evidence add`).")
    top: int = option(10, "Passages retrieved per claim.")
    min_similarity: float = option(
        0.3, "A passage is considered when its cosine similarity to the claim is at least this."
    )
    min_stance: float = option(
        0.5, "A passage counts for or against a claim when the stance model is this sure."
    )
    ratio: float = option(
        2.0, "One side must outweigh the other by this factor for supported / refuted."
    )
    checkworthy_only: bool = option(True, "Give verdicts on check-worthy claims only.")
    model: str = option("", "A stance model folder; empty: the shipped one.")
    rule: str = option(
        "frames",
        "How passages become a verdict: `frames` (slot checks and coverage, the stance model "
        "as one signal) or `stance` (the stance model alone, min_stance and ratio).",
    )
    synonyms: bool = option(
        True, "Count a claim word as stated when the passage has a near word (word embeddings)."
    )
    stance_model: str = option(
        "none",
        "The stance model: `pair` (the head over two embeddings), `cross` (the cross-encoder, "
        "when its artifact is installed) or `none` (frame checks only).",
    )

    def check(self) -> str | None:
        if self.top < 1:
            return "top must be a positive integer"
        if self.rule not in RULES:
            return f"rule must be one of {', '.join(RULES)}"
        if self.stance_model not in STANCE_MODELS:
            return f"stance_model must be one of {', '.join(STANCE_MODELS)}"
        for name, lo, hi in (("min_similarity", -1, 1), ("min_stance", 0, 1), ("ratio", 1, 1000)):
            if not lo <= getattr(self, name) <= hi:
                return f"{name} must be a number in [{lo:g}, {hi:g}]"
        return None


def _why_none(index: EvidenceIndex | None, empty: bool | None, min_similarity: float) -> str:
    """Why a claim may have no passage: no store, a store without passages, or none
    similar enough; with what to do about the first two."""
    if index is None:
        return (
            "no evidence store is configured (give the verdicts analyzer one: option "
            "db, or analyze --db URL)"
        )
    if empty:
        url = index.store.url
        return (
            f"the evidence store {url} holds no passages (add trusted documents with "
            f"'unspin evidence add PATH... --db {url}')"
        )
    return f"no stored passage is similar enough to the claim (cosine >= {min_similarity:g})"


def _claim_vectors(ctx: Context, claims: Sequence[Finding]) -> NDArray[Any] | None:
    """The backbone's embedding of each claim's sentence (claims are sentences)."""
    if ctx.embeddings is None or not claims:
        return None
    starts = {s.start: k for k, s in enumerate(ctx.parsed.sentences)}
    rows = [starts.get(c.start) for c in claims]
    if any(r is None for r in rows):
        raise ModelError("a claim does not start at a sentence of the parse")
    return np.asarray(ctx.embeddings, dtype=np.float32)[[int(r) for r in rows if r is not None]]


def _claim_reading(ctx: Context, claim: Finding) -> Reading:
    k = ctx.parsed.sentence_index(claim.start)
    if k is None:
        return Reading(())
    sentence = ctx.parsed.sentences[k]
    frame = claim.attributes.get("frame")
    if not isinstance(frame, dict):
        published = parse_published(ctx.document.published)
        frame = sentence_frames(ctx.parsed, published)[k].to_json(ctx.parsed.text)
    tokens = ctx.parsed.tokens[sentence.first : sentence.last]
    return Reading((read_sentence(tokens, frame),))


@register("verdicts")
class VerdictsAnalyzer(Analyzer[VerdictsOptions]):
    """Evidence-backed verdicts on check-worthy claims (never without cited passages)."""

    version = "0.1.0"
    requires: ClassVar[tuple[str, ...]] = ("parse", "embeddings", "claim")
    produces = ("verdict",)
    languages = ("en",)
    Options = VerdictsOptions

    def __init__(self, options: VerdictsOptions | None = None, /, **values: Any) -> None:
        super().__init__(options, **values)
        c = self.options
        self.min_similarity = c.min_similarity
        self.min_stance = c.min_stance
        self.ratio = c.ratio
        self.top = c.top
        self._index: EvidenceIndex | None = None
        self._model: StanceModel | None = None
        self._reader: PassageReader | None = None
        self._matcher: WordMatcher | None = None
        self._warned: set[str] = set()

    @classmethod
    def with_index(cls, index: EvidenceIndex, **options: Any) -> VerdictsAnalyzer:
        """An analyzer reading evidence from an open index (its store stays the caller's)."""
        analyzer = cls(**options)
        analyzer._index = index
        return analyzer

    # -- lazy resources ----------------------------------------------------------------

    def _model_for(self) -> StanceModel:
        """The stance model (loaded once per process and folder; named in the summary)."""
        self._model = StanceModel.load(self.options.model or DEFAULT_MODEL)
        return self._model

    def _index_for(self, ctx: Context) -> EvidenceIndex | None:
        """The evidence index given to :meth:`with_index`, or the one over the ``db`` store
        (shared by the pipeline); refused when its embeddings come from another encoder."""
        index = self._index
        if index is None and self.options.db:
            db, services = self.options.db, ctx.services
            index = services.shared(
                ("evidence", db), lambda: EvidenceIndex(services.store(db), services.backbone)
            )
        if index is not None:
            encoder, ours = index.store.encoder, encoder_name(ctx.services.backbone)
            if encoder is not None and encoder != ours:
                raise StoreMismatchError(
                    f"the evidence in {index.store.url} was embedded by {encoder!r}, "
                    f"this document by {ours!r}",
                    hint="analyse with the backbone the evidence was added with",
                )
        return index

    # -- analysis ----------------------------------------------------------------------

    def run(self, ctx: Context) -> AnalyzerResult:
        claims = ctx.of_kind("claim")
        if self.options.checkworthy_only:
            claims = [c for c in claims if c.attributes.get("checkworthy")]
        index = self._index_for(ctx) if claims else None
        counts = dict.fromkeys(VERDICTS, 0)
        findings = []
        vectors = _claim_vectors(ctx, claims) if index is not None else None
        empty: bool | None = None  # whether the store holds no passage, asked once
        for k, claim in enumerate(claims):
            if index is None or vectors is None:
                found: list[RetrievedPassage] = []
            else:
                found = self._retrieve(index, claim.text, vectors[k])
            if not found and index is not None and empty is None:
                empty = self._empty(index)
            finding = self._verdict(
                ctx, claim, vectors, k, found, missing=_why_none(index, empty, self.min_similarity)
            )
            counts[str(finding.attributes["verdict"])] += 1
            findings.append(finding)
        summary: dict[str, JSON] = {
            "claims_checked": len(claims),
            **{v.replace(" ", "_"): n for v, n in counts.items()},
            "evidence": None if index is None else index.store.url,
            "model": self._model.label if self._model is not None else None,
        }
        return AnalyzerResult(tuple(findings), summary)

    def _empty(self, index: EvidenceIndex) -> bool:
        """Whether the evidence store holds no passage (said once per store in the log:
        every claim will be not verified, and not for want of a similar passage)."""
        if index.holds_passages():  # asked for every document: no count of the store
            return False
        url = index.store.url
        if url not in self._warned:
            self._warned.add(url)
            log.warning(
                "the evidence store %s holds no passages, so every claim is not verified: "
                "add trusted documents with 'unspin evidence add PATH... --db %s'",
                url,
                url,
            )
        return True

    def _retrieve(
        self, index: EvidenceIndex, text: str, vector: NDArray[Any]
    ) -> list[RetrievedPassage]:
        kept: list[RetrievedPassage] = []
        for hit in index.search(text, limit=3 * self.top, vector=vector):
            if hit.similarity < self.min_similarity or hit.embedding is None:
                continue
            if any(_overlaps(hit, k) for k in kept):
                continue
            kept.append(hit)
            if len(kept) >= self.top:
                break
        return kept

    def _stances(
        self,
        claim: Finding,
        vectors: NDArray[Any] | None,
        k: int,
        found: Sequence[RetrievedPassage],
    ) -> list[StancePrediction]:
        """The stance model's reading of each passage ([] without one)."""
        kind = "pair" if self.options.rule == "stance" else self.options.stance_model
        if not found or kind == "none":
            return []
        if kind == "cross":
            cross = self._cross_for()
            rows = cross.predict([(claim.text, h.passage.text) for h in found])
            return [_prediction(row) for row in np.asarray(rows, dtype=np.float64)]
        if vectors is None:
            return []
        model = self._model_for()
        u = np.repeat(vectors[k : k + 1], len(found), axis=0)
        v = np.stack([np.asarray(h.embedding, dtype=np.float32) for h in found])
        return model.predict([claim.text] * len(found), [h.passage.text for h in found], u, v)

    def _frame_checks(
        self,
        ctx: Context,
        claim: Finding,
        found: Sequence[RetrievedPassage],
        stances: Sequence[StancePrediction],
    ) -> list[PassageCheck]:
        if self._reader is None or self._reader.backbone is not ctx.services.backbone:
            self._reader = PassageReader(ctx.services.backbone)
            self._matcher = WordMatcher(ctx.services.backbone)
        readings = self._reader.read([h.passage for h in found])
        mine = _claim_reading(ctx, claim)
        if self._matcher is not None and self.options.synonyms:
            self._matcher.prepare(
                [w for r in (mine, *readings) for s in r.sentences for w in s.forms.values()]
            )
        return [
            check_passage(
                mine,
                reading,
                title_words(hit.passage.title),
                supports=stances[i].probabilities.get("supports", 0.0) if stances else 0.0,
                matcher=self._matcher if self.options.synonyms else None,
                similarity=hit.similarity,
            )
            for i, (hit, reading) in enumerate(zip(found, readings, strict=True))
        ]

    def _verdict(
        self,
        ctx: Context,
        claim: Finding,
        vectors: NDArray[Any] | None,
        k: int,
        found: Sequence[RetrievedPassage],
        *,
        missing: str,
    ) -> Finding:
        """The claim's verdict finding; ``missing`` says why ``found`` may be empty."""
        stances = self._stances(claim, vectors, k, found)
        checks: list[PassageCheck] = []
        if self.options.rule == "frames":
            checks = self._frame_checks(ctx, claim, found, stances) if found else []
            agg = combine(
                [(c.stance, c.about) for c in checks],
                ratio=self.ratio,
            )
            detail = agg.frame_rule(self.ratio)
            rule = "verdicts.frame-checks"
        else:
            agg = aggregate(
                [(s.stance, s.score) for s in stances], min_stance=self.min_stance, ratio=self.ratio
            )
            detail = agg.rule(self.min_stance, self.ratio)
            rule = "verdicts.stance-aggregation"
        passages: list[JSON] = [
            self._passage(found[i], stances[i] if stances else None, checks[i] if checks else None)
            for i in agg.counted
        ]
        score = _score(agg, [c.about for c in checks] or [s.score for s in stances])
        if not found:
            detail = f"{missing}; the claim is not verified"
        elif agg.verdict != "not verified":
            cited = "; ".join(_cite(found[i], stances, checks, i) for i in agg.counted)
            detail = f"{detail} (of {len(found)} passages retrieved). Cited: {cited}"
        else:
            detail = f"{detail} (of {len(found)} passages retrieved)"
        model = self._model_label() if stances else None
        return self.finding(
            ctx,
            claim.start,
            claim.end,
            kind="verdict",
            label=agg.verdict,
            score=score,
            explanation=Explanation(
                rule=rule,
                cues=tuple(found[i].passage.document_id for i in agg.counted),
                detail=detail,
                model=model,
                confidence=score,
            ),
            attributes={
                "verdict": agg.verdict,
                "rule": self.options.rule,
                "passages": passages,
                "retrieved": len(found),
                "checked": [
                    {
                        **h.passage.citation(),  # its document by title, as the cited ones
                        "stance": c.stance,
                        "reason": c.reason,
                        "agreement": c.line,
                        "coverage": round(c.coverage, 3),
                        "about": round(c.about, 3),
                        "similarity": round(h.similarity, 4),
                    }
                    for h, c in zip(found, checks, strict=False)
                ],
                "support_weight": round(agg.support_weight, 4),
                "refute_weight": round(agg.refute_weight, 4),
            },
            relations=[Relation("claim", claim.id)],
        )

    @staticmethod
    def _passage(
        hit: RetrievedPassage, stance: StancePrediction | None, check: PassageCheck | None
    ) -> dict[str, JSON]:
        out: dict[str, JSON] = {**hit.passage.citation()}
        if check is not None:
            out.update(
                stance=check.stance,
                reason=check.reason,
                agreement=check.line,
                checks=[c.to_json() for c in check.checks],
                coverage=round(check.coverage, 4),
            )
        if stance is not None:
            if check is None:
                out.update(stance=stance.stance, stance_score=round(stance.score, 4))
            out["probabilities"] = dict(stance.probabilities)
        out.update(retrieval_score=round(hit.score, 6), similarity=round(hit.similarity, 4))
        return out

    def _model_label(self) -> str | None:
        if self.options.stance_model == "cross" and self.options.rule == "frames":
            return str(self._cross_for().name)
        return self._model.label if self._model is not None else None

    def _cross_for(self) -> Any:
        """The cross-encoder stance model (``unspin.evidence.cross``, when installed)."""
        try:
            cross = importlib.import_module("unspin.evidence.cross")
        except ImportError as exc:  # pragma: no cover - shipped with the package
            raise ModelError("the cross-encoder stance model is not installed") from exc
        return cross.CrossStance.load(self.options.model or None)


def _prediction(row: NDArray[Any]) -> StancePrediction:
    k = int(np.argmax(row))
    return StancePrediction(
        STANCES[k],
        float(row[k]),
        {s: round(float(p), 4) for s, p in zip(STANCES, row, strict=True)},
    )


def _cite(
    hit: RetrievedPassage,
    stances: Sequence[StancePrediction],
    checks: Sequence[PassageCheck],
    i: int,
) -> str:
    where = f"{hit.passage.document_id}[{hit.passage.start}:{hit.passage.end}]"
    if checks:
        c = checks[i]
        return f"{where} {c.stance} ({c.reason}; {c.line})"
    return f"{where} {stances[i].stance} {stances[i].score:.2f}"


def _score(agg: Aggregate, weights: Sequence[float]) -> float:
    if agg.verdict == "not verified" or not weights:
        return 0.0
    total = agg.support_weight + agg.refute_weight
    side = agg.counted if agg.refute_weight == 0 or agg.support_weight == 0 else None
    probs = [weights[i] for i in (side or agg.counted)]
    share = max(agg.support_weight, agg.refute_weight) / total
    return round(share * float(np.mean(probs)), 4)
