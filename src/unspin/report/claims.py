"""The claims of an analysis in one table: check-worthiness, fact-check matches, verdict.

:func:`claim_rows` joins, for each ``claim`` finding (one per sentence), the
``factcheck`` finding related to it (``("claim", id)``; its ``matches`` give publisher,
rating, review date, URL and similarity) and the ``verdict`` finding related to it
(``verdict`` in supported / refuted / mixed / not verified, with the ``passages`` it
cites). A claim without a verdict finding is ``not verified``: unspin never rules on a
claim without cited evidence. Rows come ranked by check-worthiness, highest first.

Used by ``unspin claims`` (table, JSON, JSON Lines, CSV) and the claims panel of the
HTML report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from unspin.model import Analysis, Finding

__all__ = ["CSV_COLUMNS", "NOT_VERIFIED", "ClaimMatch", "ClaimRow", "claim_rows"]

#: The verdict of a claim no evidence was weighed for.
NOT_VERIFIED = "not verified"

#: Columns of ``unspin claims --format csv`` (matches and passages flattened).
CSV_COLUMNS = (
    "document",
    "rank",
    "claim_id",
    "start",
    "end",
    "score",
    "checkworthy",
    "type",
    "text",
    "verdict",
    "verdict_passages",
    "matches",
    "match_publisher",
    "match_rating",
    "match_review_date",
    "match_url",
    "match_similarity",
    "match_score",
)


def _float(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


@dataclass(frozen=True)
class ClaimMatch:
    """A published fact-check of the same claim (the publisher's rating, as published)."""

    publisher: str | None
    rating: str | None
    review_date: str | None
    url: str | None
    similarity: float | None
    score: float | None
    claim_reviewed: str | None = None

    @classmethod
    def from_attributes(cls, m: Mapping[str, Any]) -> ClaimMatch:
        return cls(
            publisher=_str(m.get("publisher")) or _str(m.get("publisher_site")),
            rating=_str(m.get("rating")),
            review_date=_str(m.get("review_date")),
            url=_str(m.get("url")),
            similarity=_float(m.get("similarity")),
            score=_float(m.get("score")),
            claim_reviewed=_str(m.get("claim_reviewed")),
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "publisher": self.publisher,
            "rating": self.rating,
            "review_date": self.review_date,
            "url": self.url,
            "similarity": self.similarity,
            "score": self.score,
            "claim_reviewed": self.claim_reviewed,
        }


@dataclass(frozen=True)
class ClaimRow:
    """One claim with its matches and its verdict."""

    id: str
    start: int
    end: int
    text: str
    score: float
    checkworthy: bool
    type: str
    matches: tuple[ClaimMatch, ...] = ()
    verdict: str = NOT_VERIFIED
    verdict_score: float | None = None
    verdict_detail: str | None = None
    passages: tuple[Mapping[str, Any], ...] = field(default=(), hash=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": round(self.score, 4),
            "checkworthy": self.checkworthy,
            "type": self.type,
            "matches": [m.to_dict() for m in self.matches],
            "verdict": self.verdict,
            "verdict_score": self.verdict_score,
            "verdict_detail": self.verdict_detail,
            "passages": [dict(p) for p in self.passages],
        }

    def csv_row(self, document: str, rank: int) -> dict[str, Any]:
        best = self.matches[0] if self.matches else None
        return {
            "document": document,
            "rank": rank,
            "claim_id": self.id,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 4),
            "checkworthy": self.checkworthy,
            "type": self.type,
            "text": self.text,
            "verdict": self.verdict,
            "verdict_passages": len(self.passages),
            "matches": len(self.matches),
            "match_publisher": best.publisher if best else None,
            "match_rating": best.rating if best else None,
            "match_review_date": best.review_date if best else None,
            "match_url": best.url if best else None,
            "match_similarity": best.similarity if best else None,
            "match_score": best.score if best else None,
        }


def _related(findings: Sequence[Finding], kind: str) -> dict[str, Finding]:
    """The findings of ``kind`` by the id of the claim they relate to (the best-scored
    one when several do)."""
    out: dict[str, Finding] = {}
    for f in findings:
        if f.kind != kind:
            continue
        for r in f.relations:
            if r.role == "claim" and (r.target not in out or f.score > out[r.target].score):
                out[r.target] = f
    return out


def _matches(f: Finding | None) -> tuple[ClaimMatch, ...]:
    if f is None:
        return ()
    listed = f.attributes.get("matches")
    if isinstance(listed, (list, tuple)) and listed:
        return tuple(ClaimMatch.from_attributes(m) for m in listed if isinstance(m, Mapping))
    return (ClaimMatch.from_attributes(f.attributes),)


def claim_rows(analysis: Analysis, *, checkworthy_only: bool = False) -> list[ClaimRow]:
    """The claims of ``analysis`` ranked by check-worthiness (then position), each with
    its fact-check matches and its verdict (``not verified`` without a verdict finding)."""
    findings = analysis.findings
    factchecks = _related(findings, "factcheck")
    verdicts = _related(findings, "verdict")
    rows = []
    for c in findings:
        if c.kind != "claim":
            continue
        checkworthy = bool(c.attributes.get("checkworthy"))
        if checkworthy_only and not checkworthy:
            continue
        v = verdicts.get(c.id)
        verdict = NOT_VERIFIED
        passages: tuple[Mapping[str, Any], ...] = ()
        if v is not None:
            verdict = _str(v.attributes.get("verdict")) or v.label or NOT_VERIFIED
            listed = v.attributes.get("passages")
            if isinstance(listed, (list, tuple)):
                passages = tuple(p for p in listed if isinstance(p, Mapping))
            if not passages:
                verdict = NOT_VERIFIED  # never a verdict without cited passages
        rows.append(
            ClaimRow(
                id=c.id,
                start=c.start,
                end=c.end,
                text=c.text,
                score=c.score,
                checkworthy=checkworthy,
                type=c.label,
                matches=_matches(factchecks.get(c.id)),
                verdict=verdict,
                verdict_score=None if v is None or verdict == NOT_VERIFIED else v.score,
                verdict_detail=None if v is None else v.explanation.detail,
                passages=passages,
            )
        )
    rows.sort(key=lambda r: (-r.score, r.start))
    return rows
