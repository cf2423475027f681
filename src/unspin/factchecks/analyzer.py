"""The ``factchecks`` analyzer: each claim of an article matched against known fact-checks.

Findings
--------
``factcheck`` (at most one per claim sentence, anchored on the sentence)
    label ``match``; score: the verifier's probability that the best-ranked fact-check
    reviews the same claim (at least option ``min_score``). attributes: ``publisher``,
    ``publisher_site``, ``rating`` (as the publisher wrote it), ``rating_score`` (the
    publisher's numeric scale rescaled to [0, 1], when given), ``review_date``, ``url``,
    ``claim_reviewed``, ``claimant``, ``similarity`` (cosine of the sentence and the
    reviewed claim), ``review_id``, ``rank_score`` and ``matches``: the best ``top``
    matches in the ranker's order, each with the same fields plus ``lexical_rank``,
    ``semantic_rank`` and ``contributions`` (the verifier's logit terms).
    relations: ``("claim", id)``. A claim that reports a statement ("the minister said
    that X") is matched on what it reports (:mod:`unspin.factchecks.reported`), and its
    finding has ``matched_on``, those words.
    With ``check_frames`` (the default), each fact-check that would be shown is checked
    frame against frame (:mod:`unspin.factchecks.framecheck`; the claim's ``frame``
    attribute against the reviewed claim, parsed by the backbone on first use and kept
    for the process): ``matches`` hold only those whose frames agree, each with
    ``checks`` (the slots compared, both values) and ``frame_check`` (which slots agreed
    and which differed, in one line); ``related`` the fact-checks whose number, date,
    polarity, predicate or actor differs, each with ``differs``: "related, but differs: fact-check
    says X, article says Y". A claim with related fact-checks only gets a finding
    labelled ``related`` (no match is shown for it).

A match means a fact-checker reviewed the same claim; the article may repeat it, rebut it
or report it. The rating is the publisher's verdict on the claim as they worded it, not
unspin's verdict on the sentence.

Options: ``path`` (ClaimReview files or directories: JSON-LD pages, Fact Check Tools API
JSON, CSV; read once), ``db`` (a store URL: the fact-checks imported there with
``unspin factchecks import``, matched with the same retrieval and re-ranker; ``unspin
analyze --db URL`` sets it), ``min_score`` (0.5), ``top`` (3), ``checkworthy_only``
(false: every claim is matched). With neither ``path`` nor ``db`` the analyzer does
nothing (no findings; its summary says no fact-checks are loaded), so it can stay in the
default pipeline at no cost. A matcher over another source can be given in code with
:meth:`FactChecksAnalyzer.with_matcher`.

With ``db``, the claims are embedded by the store's encoder (the one its fact-checks
were embedded with), not taken from the pipeline's embeddings; the store is opened
through the pipeline's services (once per pipeline). Fact-checks read from ``path`` are
embedded by the pipeline's backbone (its configured sentence encoder).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import numpy as np
from numpy.typing import NDArray

from unspin.analyzer import Analyzer, AnalyzerResult, Context, register
from unspin.cache import Once
from unspin.errors import ModelError
from unspin.factchecks.files import load_claimreviews
from unspin.factchecks.framecheck import ClaimSide, FrameChecks, FrameReader, read_side
from unspin.factchecks.match import FactCheckIndex, FactCheckMatch, FactCheckMatcher
from unspin.factchecks.model import ClaimReview
from unspin.factchecks.reported import reported_content
from unspin.frames import describe_checks, parse_published, sentence_frames
from unspin.model import JSON, Explanation, Finding, Relation
from unspin.options import option

__all__ = ["DEFAULT_FRAME_CHECKS", "DEFAULT_MIN_SCORE", "FactChecksAnalyzer"]

#: The display threshold and the frame rules, chosen by 5-fold cross-validation on the
#: CheckThat! 2020 training tweets with one-slot edits generated there, as the setting
#: with the best worst margin over the four targets of issue #13 point 4
#: (``bench/factcheck_edits.py --split train --cv``): every slot vetoes, dates by year,
#: polarity compared over sentences sharing >= 2 content words, actors by named agents.
DEFAULT_MIN_SCORE = 0.2
DEFAULT_FRAME_CHECKS = FrameChecks(
    slots=("polarity", "predicate", "number", "date", "actor"),
    date_level="year",
    min_overlap=2,
    actor_mode="entity_all",
)

log = logging.getLogger(__name__)


def _match_dict(m: FactCheckMatch) -> dict[str, JSON]:
    r = m.review
    return {
        "review_id": r.id,
        "claim_reviewed": r.claim,
        "claimant": r.claimant,
        "publisher": r.publisher,
        "publisher_site": r.publisher_site,
        "rating": r.rating,
        "rating_score": r.rating_score,
        "review_date": r.review_date,
        "url": r.url,
        "score": round(m.score, 4),
        "rank_score": round(m.rank_score, 4),
        "similarity": None if m.similarity is None else round(m.similarity, 4),
        "lexical_rank": m.lexical_rank,
        "semantic_rank": m.semantic_rank,
        "contributions": {k: round(v, 4) for k, v in m.contributions.items()},
        **_frame_dict(m),
    }


def _frame_dict(m: FactCheckMatch) -> dict[str, JSON]:
    if not m.checks:
        return {}
    out: dict[str, JSON] = {
        "checks": [c.to_json() for c in m.checks],
        "frame_check": describe_checks(m.checks, "article", "fact-check"),
    }
    if m.differs:
        out["differs"] = m.differs
    return out


@dataclass(frozen=True)
class FactChecksOptions:
    """Options of the ``factchecks`` analyzer."""

    path: str | tuple[str, ...] = option(
        "",
        "Known fact-checks to match every claim against: ClaimReview files or directories\n"
        "(JSON-LD pages, Fact Check Tools API JSON, CSV) in `path`, and/or a store URL in `db`\n"
        "holding fact-checks imported with `unspin factchecks import` (`unspin analyze --db URL`\n"
        "sets it). With neither, the step does nothing.",
    )
    db: str = option("", "A store URL holding imported fact-checks (see path).")
    min_score: float = option(
        DEFAULT_MIN_SCORE,
        "A match is shown when the verifier's probability that the review is about the same\n"
        "claim is at least this (and, with check_frames, the frames agree); chosen by\n"
        "cross-validation on the CheckThat! 2020 training tweets.",
    )
    top: int = option(3, "Matches kept per claim.")
    checkworthy_only: bool = option(False, "Match only check-worthy claims.")
    check_frames: bool = option(
        True,
        "Show a fact-check as a match only when its frame agrees with the claim's: one whose\n"
        "number, date, polarity, actor or predicate differs is listed as related, not matched.",
    )

    def check(self) -> str | None:
        if not 0 <= self.min_score <= 1:
            return "min_score must be a number in [0, 1]"
        if self.top < 1:
            return "top must be a positive integer"
        return None


@register("factchecks")
class FactChecksAnalyzer(Analyzer[FactChecksOptions]):
    """Known fact-checks of the article's claims."""

    version = "0.1.0"
    requires: ClassVar[tuple[str, ...]] = ("parse", "embeddings", "claim")
    produces = ("factcheck",)
    languages = ("en",)
    Options = FactChecksOptions

    def __init__(self, options: FactChecksOptions | None = None, /, **values: Any) -> None:
        super().__init__(options, **values)
        c = self.options
        self.min_score = c.min_score
        self.top = c.top
        self._matcher: FactCheckMatcher | None = None
        self._loaded: Once[str, FactCheckMatcher] = Once()
        self._state: tuple[int, int] | None = None  # the store's fact-checks when read
        self._uses_store = bool(c.db)
        self._configured = bool(c.path) or self._uses_store
        if not self._configured or self._uses_store:
            # nothing to match, or claims embedded by the store's encoder: the pipeline
            # need not embed sentences for this analyzer
            self.__dict__["requires"] = ("parse", "claim")

    @classmethod
    def with_matcher(cls, matcher: FactCheckMatcher, **options: Any) -> FactChecksAnalyzer:
        """An analyzer matching against ``matcher``'s source (an index, a store adapter)."""
        analyzer = cls(**options)
        analyzer._matcher = matcher
        analyzer._configured = True
        analyzer.__dict__.pop("requires", None)
        return analyzer

    def forget(self) -> None:
        """Read the store again on the next analysis (fact-checks were imported into it
        since); a matcher given to :meth:`with_matcher` or fact-checks read from files
        stay."""
        if self._uses_store:
            self._matcher = None
            self._loaded = Once()

    def _matcher_for(self, ctx: Context) -> FactCheckMatcher:
        """The matcher given to :meth:`with_matcher`, or the one built on first use and
        built again when the store's fact-checks changed since (an import by another
        process, such as ``unspin factchecks import`` while ``unspin serve`` runs)."""
        known = self._state if self._uses_store and self._matcher is not None else None
        if known is not None and self._store_state(ctx) != known:
            log.info("fact-checks were imported into %s: reading them again", self.options.db)
            self.forget()
        if self._matcher is None:
            self._matcher = self._loaded.get("matcher", lambda: self._load(ctx))
        return self._matcher

    def _store_state(self, ctx: Context) -> tuple[int, int]:
        from unspin.factchecks.tables import FactCheckTable

        table: FactCheckTable = ctx.services.store(self.options.db).repository(FactCheckTable)
        return table.state()

    def _load(self, ctx: Context) -> FactCheckMatcher:
        paths = self.options.path
        reviews: list[ClaimReview] = []
        if paths:
            reviews, errors = load_claimreviews(paths)
            if errors:
                log.warning("%d fact-check records could not be read", len(errors))
        if self._uses_store:
            from unspin.factchecks.stored import index_from_store
            from unspin.pipeline import backbone_for_encoder, encoder_name

            store = ctx.services.store(self.options.db)
            self._state = self._store_state(ctx)  # before reading: a later import rereads
            backbone = ctx.services.backbone  # the pipeline's, unless the store has another
            if store.encoder not in (None, encoder_name(backbone)):
                backbone = backbone_for_encoder(store.encoder)
            index, embed = index_from_store(store, reviews, backbone=backbone)
            log.info("indexed %d fact-checks from %s", len(index), self.options.db)
            if not len(index):
                log.warning("%s", _none_held(store.url))
            return FactCheckMatcher(index, embed=embed)
        index = FactCheckIndex(reviews, embed=ctx.services.backbone.embed)
        log.info("indexed %d fact-checks", len(index))
        return FactCheckMatcher(index)

    def run(self, ctx: Context) -> AnalyzerResult:
        if not self._configured:
            return AnalyzerResult(
                (),
                {
                    "factchecks_loaded": 0,
                    "claims_matched": 0,
                    "note": "no fact-checks loaded: set [analyzers.factchecks] path or db, "
                    "or run unspin analyze --db URL after unspin factchecks import",
                },
            )
        matcher = self._matcher_for(ctx)
        claims = ctx.of_kind("claim")
        if self.options.checkworthy_only:
            claims = [c for c in claims if c.attributes.get("checkworthy")]
        embeddings = None
        if not self._uses_store:
            starts = {s.start: k for k, s in enumerate(ctx.parsed.sentences)}
            embeddings = self._claim_embeddings(ctx, claims, starts)
        texts = self._texts(ctx, claims)
        embeddings = self._content_embeddings(ctx, claims, texts, embeddings)
        sides = None
        if self.options.check_frames and claims:
            if matcher.frames is None:
                backbone = ctx.services.backbone
                key = f"{type(backbone).__name__}:{getattr(backbone, 'name', '')}"
                matcher.frames = _readers.get(key, lambda: FrameReader(backbone.parse_many))
            sides = self._sides(ctx, claims)
        results = matcher.match(
            texts, embeddings, top=self.top, min_score=self.min_score, sides=sides
        )
        findings = [
            self._finding(ctx, claim, matches, text)
            for claim, matches, text in zip(claims, results, texts, strict=True)
            if matches
        ]
        loaded = len(getattr(matcher.source, "reviews", ()))
        summary: dict[str, JSON] = {
            "factchecks_loaded": loaded,
            "claims_matched": sum(f.label == "match" for f in findings),
            "claims_related_only": sum(f.label == "related" for f in findings),
            "claims_checked": len(claims),
            "min_score": self.min_score,
        }
        if not loaded and self._uses_store and not self.options.path:
            summary["note"] = _none_held(ctx.services.store(self.options.db).url)
        return AnalyzerResult(tuple(findings), summary)

    @staticmethod
    def _claim_embeddings(
        ctx: Context, claims: Sequence[Finding], starts: Mapping[int, int]
    ) -> NDArray[Any] | None:
        """The backbone's embedding of each claim's sentence (claims are sentences)."""
        if ctx.embeddings is None or not claims:
            return None
        rows = [starts.get(c.start) for c in claims]
        if any(r is None for r in rows):
            raise ModelError("a claim does not start at a sentence of the parse")
        return np.asarray(ctx.embeddings)[[int(r) for r in rows if r is not None]]

    @staticmethod
    def _texts(ctx: Context, claims: Sequence[Finding]) -> list[str]:
        """What each claim is matched on: what it reports, for a reported statement ("the
        minister said that X": X), else its sentence."""
        out = []
        for c in claims:
            span = reported_content(ctx.parsed, c.start, c.end)
            out.append(ctx.parsed.text[span[0] : span[1]] if span else c.text)
        return out

    @staticmethod
    def _content_embeddings(
        ctx: Context, claims: Sequence[Finding], texts: Sequence[str], rows: NDArray[Any] | None
    ) -> NDArray[Any] | None:
        """The sentences' embeddings with those of reported claims replaced by their
        content's (embedded by the backbone, as the fact-checks are)."""
        changed = [k for k, (c, t) in enumerate(zip(claims, texts, strict=True)) if t != c.text]
        if rows is None or not changed:
            return rows
        out = np.array(rows, copy=True)
        out[changed] = ctx.services.backbone.embed([texts[k] for k in changed])
        return out

    @staticmethod
    def _sides(ctx: Context, claims: Sequence[Finding]) -> list[ClaimSide]:
        """The claims as the frame checks read them: each claim's ``frame`` attribute (the
        claims analyzer gives one), else the frame of its sentence, read once for the
        whole document."""
        published = parse_published(ctx.document.published)
        parsed = ctx.parsed
        by_start: dict[int, dict[str, JSON]] = {}
        if any(not isinstance(c.attributes.get("frame"), Mapping) for c in claims):
            frames = sentence_frames(parsed, published)
            by_start = {
                s.start: f.to_json(parsed.text)
                for s, f in zip(parsed.sentences, frames, strict=True)
            }
        out = []
        for c in claims:
            frame = c.attributes.get("frame")
            if not isinstance(frame, Mapping):
                frame = by_start.get(c.start)
            listed = [frame] if isinstance(frame, Mapping) else []
            out.append(read_side(parsed, published, span=(c.start, c.end), frames=listed))
        return out

    def _finding(
        self, ctx: Context, claim: Finding, found: Sequence[FactCheckMatch], matched_on: str
    ) -> Finding:
        matches = [m for m in found if not m.differs]
        related = [m for m in found if m.differs]
        best = (matches or related)[0]
        r = best.review
        attrs: dict[str, JSON] = {
            **{k: v for k, v in _match_dict(best).items() if k != "contributions"},
            "matches": [_match_dict(m) for m in matches],
        }
        if matched_on != claim.text:
            attrs["matched_on"] = matched_on  # what a reported claim reports
        if related:
            attrs["related"] = [_match_dict(m) for m in related]
        who = r.publisher or r.publisher_site or "A fact-checker"
        if matches:
            rating = f"rated it “{r.rating}”" if r.rating else "gave no rating"
            when = f" on {r.review_date}" if r.review_date else ""
            frames = f" Frames: {attrs['frame_check']}." if "frame_check" in attrs else ""
            rule = "factchecks.reranked-match"
            detail = f"{who} reviewed “{r.claim}”{when} and {rating}. Same claim? "
            detail += f"{best.explanation}.{frames}"
        else:  # every fact-check differs in a slot: related, not matched
            rule = "factchecks.related-differs"
            detail = f"{who} reviewed “{r.claim}”: {best.differs}."
        return self.finding(
            ctx,
            claim.start,
            claim.end,
            kind="factcheck",
            label="match" if matches else "related",
            score=best.score,
            explanation=Explanation(
                rule=rule,
                cues=best.shared_terms[:8],
                detail=detail,
                model=matcher_name(self._matcher),
                confidence=round(best.score, 4),
            ),
            attributes=attrs,
            relations=[Relation("claim", claim.id)],
        )


_readers: Once[str, FrameReader] = Once()


def matcher_name(matcher: FactCheckMatcher | None) -> str | None:
    return None if matcher is None else matcher.model.label


def _none_held(url: str) -> str:
    """What a store holding no fact-checks means, and what to do."""
    return (
        f"the store {url} holds no fact-checks, so no claim is matched: import some with "
        f"'unspin factchecks import FILE... --db {url}'"
    )
