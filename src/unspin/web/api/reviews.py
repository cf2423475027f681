"""The review loop over HTTP: mark a stored finding correct or wrong, rate a stored claim,
list a document's marks with their anchoring, precision per finding kind, orphans.

The reviewer is the login name of the session when the server knows one, else the
name the client sends (``reviewer`` in the body, or the ``X-Unspin-Reviewer`` header: the
browser keeps the name set once in ``localStorage``); it is checked (letters, digits,
spaces and ``. _ - @ '``, at most 64 characters). Like every POST, these need the CSRF
header (``GET /api/v1/session``).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Header, Path, Request
from pydantic import BaseModel, ConfigDict, Field

from unspin import app as unspin_app
from unspin.web.problems import Problem
from unspin.web.state import get_state

__all__ = ["REVIEWER_HEADER", "login_name", "reviewer_of", "router"]

router = APIRouter(tags=["reviews"])

REVIEWER_HEADER = "X-Unspin-Reviewer"
#: Ids are hexadecimal content hashes; anything longer is not one.
MAX_ID = 128
_PROBLEM = {"description": "problem+json (RFC 9457)"}
PROBLEMS: dict[int | str, dict[str, Any]] = {422: _PROBLEM, 503: _PROBLEM}
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: _PROBLEM, **PROBLEMS}
DocumentId = Annotated[str, Path(max_length=MAX_ID, description="the document's id")]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")

    finding_id: str = Field(max_length=200, description="the finding's id in the stored analysis")
    note: str = Field("", max_length=2000, description="why (optional)")
    reviewer: str | None = Field(
        None, max_length=64, description="the reviewer's name, when the session has no login name"
    )


class MarkIn(_Body):
    """A verdict on one finding of the document."""

    verdict: Literal["correct", "wrong"]


class RatingIn(_Body):
    """A reviewer's own rating of one claim of the document: a value from 1 (false) to 5
    (true) (ClaimReview's ``ratingValue``, ``worstRating`` 1, ``bestRating`` 5) and free
    text (the scale's label when empty)."""

    scale: int = Field(
        ge=1, le=5, description="1 false, 2 mostly false, 3 mixed, 4 mostly true, 5 true"
    )
    rating: str = Field("", max_length=200, description='free text, e.g. "Missing context"')


class AnchorOut(BaseModel):
    quote: str
    before: str
    after: str
    start: int
    end: int


class CurrentOut(BaseModel):
    """The mark in the document's current analysis."""

    state: Literal["anchored", "orphan"]
    method: Literal["exact", "moved", "context", "fuzzy"] | None
    start: int | None
    end: int | None
    finding_id: str | None
    label_changed: bool | None = None


class ReviewOut(BaseModel):
    """A stored mark or rating, with its anchoring; ``counted``: False when the same
    reviewer marked the same finding again later."""

    type: Literal["mark", "rating"]
    id: int
    document_id: str
    document_url: str | None
    kind: str
    label: str
    finding_id: str
    anchor: AnchorOut
    verdict: Literal["correct", "wrong"] | None = None
    rating: str | None = None
    scale: int | None = None
    worst: int | None = None
    best: int | None = None
    note: str
    reviewer: str
    created: str
    current: CurrentOut
    counted: bool


class DocumentReviewsOut(BaseModel):
    """A document's marks and ratings (also those made on earlier versions stored under
    the same URL), oldest first; ``reviewer``: the session's login name, if any."""

    document_id: str
    marks: list[ReviewOut]
    ratings: list[ReviewOut]
    orphans: int
    reviewer: str | None
    scale: dict[str, str]


class KindOut(BaseModel):
    kind: str
    label: str = Field(description='a label, or "*" for all labels of the kind')
    marks: int
    correct: int
    wrong: int
    precision: float | None = Field(description="correct / (correct + wrong); null without marks")
    orphans: int
    audited_precision: float | None = Field(
        description="the kind's precision in unspin's own audit (label * rows), to compare"
    )


class SummaryOut(BaseModel):
    """Precision per finding kind and label from the reviewers' marks."""

    marks: int
    counted: int
    ratings: int
    orphans: int
    reviewers: list[str]
    kinds: list[KindOut]


def db_of(request: Request) -> str | None:
    return get_state(request).db


def login_name(request: Request) -> str | None:
    """The session's login name, when the server's login records one."""
    session = request.scope.get("state", {}).get("session")
    name = getattr(session, "name", None)
    return name if isinstance(name, str) and name else None


def reviewer_of(request: Request, given: str | None, header: str | None) -> str:
    """The session's login name, else the name in the body, else the header's (checked
    by the application layer)."""
    return login_name(request) or given or header or ""


def _call(fn: Any, *args: Any, **kwargs: Any) -> dict[str, Any]:
    try:
        state = fn(*args, **kwargs)
    except unspin_app.UnknownTargetError as exc:
        raise Problem(404, "Not found", str(exc)) from None
    result: dict[str, Any] = state.to_dict()
    return result


@router.post(
    "/documents/{document_id}/reviews",
    status_code=201,
    response_model=ReviewOut,
    responses=NOT_FOUND,
    summary="Mark a finding correct or wrong",
)
def add_mark(
    request: Request,
    document_id: DocumentId,
    body: MarkIn,
    x_unspin_reviewer: Annotated[str | None, Header(max_length=64)] = None,
) -> dict[str, Any]:
    """Record a verdict on a finding of a stored document (anchored by its quote and
    context, so that it survives re-analysis)."""
    return _call(
        unspin_app.add_review_mark,
        db_of(request),
        document_id,
        body.finding_id,
        body.verdict,
        reviewer=reviewer_of(request, body.reviewer, x_unspin_reviewer),
        note=body.note,
    )


@router.post(
    "/documents/{document_id}/ratings",
    status_code=201,
    response_model=ReviewOut,
    responses=NOT_FOUND,
    summary="Rate a claim",
)
def add_rating(
    request: Request,
    document_id: DocumentId,
    body: RatingIn,
    x_unspin_reviewer: Annotated[str | None, Header(max_length=64)] = None,
) -> dict[str, Any]:
    """Record a reviewer's own rating of a claim of a stored document."""
    return _call(
        unspin_app.add_claim_rating,
        db_of(request),
        document_id,
        body.finding_id,
        body.scale,
        reviewer=reviewer_of(request, body.reviewer, x_unspin_reviewer),
        rating=body.rating,
        note=body.note,
    )


@router.get(
    "/documents/{document_id}/reviews",
    response_model=DocumentReviewsOut,
    responses=NOT_FOUND,
    summary="A document's marks and ratings",
)
def list_reviews(request: Request, document_id: DocumentId) -> dict[str, Any]:
    """Every mark and rating of the document, each anchored in its current analysis or
    listed as an orphan."""
    out = _call(unspin_app.document_reviews, db_of(request), document_id)
    out["reviewer"] = login_name(request)
    out["scale"] = {str(k): v for k, v in unspin_app.RATING_SCALE.items()}
    return out


@router.get("/reviews/summary", response_model=SummaryOut, responses=PROBLEMS)
def summary(request: Request) -> dict[str, Any]:
    """Marks correct and wrong per finding kind (label ``*``) and per kind and label,
    and the precision they give; the newest mark of a reviewer on a finding counts;
    orphans are counted apart and left out of precision."""
    result: dict[str, Any] = unspin_app.review_summary(db_of(request)).to_dict()
    return result


@router.get("/reviews/orphans", response_model=list[ReviewOut], responses=PROBLEMS)
def orphans(request: Request) -> list[dict[str, Any]]:
    """Marks and ratings that no finding of their document's current analysis holds."""
    return [s.to_dict() for s in unspin_app.review_orphans(db_of(request))]
