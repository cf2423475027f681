"""What a reviewer records: marks on findings and ratings of claims, each anchored in the
text by quote and context.

A :class:`Mark` says that one finding (its kind and label, where it stood) is ``correct``
or ``wrong``, with a note. A :class:`Rating` is a reviewer's own verdict on a claim: free
text (``"Misleading"``) and a value on :data:`RATING_SCALE`, the 1-5 scale of a
ClaimReview's ``reviewRating`` (``worstRating`` 1, ``bestRating`` 5). Both carry an
:class:`Anchor`: the covered text (``quote``), up to :data:`CONTEXT` characters before and
after it, and the offsets when the mark was made, so that they can be found again after
the text or its analysis changed (:mod:`unspin.reviews.anchoring`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Literal, get_args

from unspin.errors import InputError
from unspin.model import JSON, Document, Finding

__all__ = [
    "CONTEXT",
    "MAX_NOTE",
    "MAX_RATING",
    "MAX_REVIEWER",
    "RATED_KINDS",
    "RATING_SCALE",
    "VERDICTS",
    "Anchor",
    "Mark",
    "Rating",
    "ReviewError",
    "Reviewed",
    "UnknownTargetError",
    "Verdict",
    "check_note",
    "check_rating",
    "check_reviewer",
    "check_scale",
    "check_verdict",
]

#: The finding kinds a reviewer may rate (ClaimReview rates claims).
RATED_KINDS = ("claim",)
#: Characters of context kept on each side of a quote.
CONTEXT = 48
#: Bounds of what a reviewer types.
MAX_REVIEWER = 64
MAX_NOTE = 2000
MAX_RATING = 200

Verdict = Literal["correct", "wrong"]
VERDICTS: tuple[str, ...] = get_args(Verdict)

#: A claim rating's scale: ClaimReview's ``ratingValue`` from ``worstRating`` 1 to
#: ``bestRating`` 5, each value with the label used when the free-text rating is empty.
RATING_SCALE: dict[int, str] = {
    1: "false",
    2: "mostly false",
    3: "mixed",
    4: "mostly true",
    5: "true",
}

#: A reviewer's name: letters, digits, spaces and ``. _ - @ '`` (a login name, an email).
_REVIEWER = re.compile(r"[\w][\w .@'-]*", re.UNICODE)


class ReviewError(InputError):
    """A mark or rating that cannot be recorded (bad verdict, scale, reviewer or note)."""


class UnknownTargetError(ReviewError):
    """The document or finding to review is not in the store."""


def _clean(text: str) -> str:
    """``text`` without control characters (newlines and tabs kept), stripped."""
    return "".join(
        c for c in text if c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cf", "Cs")
    ).strip()


def check_reviewer(name: str | None) -> str:
    """A reviewer's name, trimmed; a :class:`ReviewError` when empty, too long or made of
    other characters than letters, digits, spaces and ``. _ - @ '``."""
    text = " ".join((name or "").split())
    if not text:
        raise ReviewError("a reviewer name is required", hint="set your name first")
    if len(text) > MAX_REVIEWER:
        raise ReviewError(f"the reviewer name is longer than {MAX_REVIEWER} characters")
    if not _REVIEWER.fullmatch(text):
        raise ReviewError("the reviewer name may hold letters, digits, spaces and . _ - @ ' only")
    return text


def check_note(note: str | None) -> str:
    """A note, without control characters; at most :data:`MAX_NOTE` characters."""
    text = _clean(note or "")
    if len(text) > MAX_NOTE:
        raise ReviewError(f"the note is longer than {MAX_NOTE} characters")
    return text


def check_verdict(verdict: str) -> Verdict:
    if verdict == "correct":
        return "correct"
    if verdict == "wrong":
        return "wrong"
    raise ReviewError(f"unknown verdict {verdict!r}; use one of {', '.join(VERDICTS)}")


def check_scale(value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in RATING_SCALE:
        raise ReviewError(
            f"the scale value must be an integer from {min(RATING_SCALE)} to "
            f"{max(RATING_SCALE)} ({', '.join(f'{k} {v}' for k, v in RATING_SCALE.items())})"
        )
    return value


def check_rating(rating: str | None, scale: int) -> str:
    """The free-text rating (the scale's label when empty)."""
    text = " ".join(_clean(rating or "").split())
    if len(text) > MAX_RATING:
        raise ReviewError(f"the rating is longer than {MAX_RATING} characters")
    return text or RATING_SCALE[scale]


@dataclass(frozen=True)
class Anchor:
    """Where a reviewed finding stood: its text, the text around it, its offsets."""

    quote: str
    before: str
    after: str
    start: int
    end: int

    @classmethod
    def of(cls, text: str, start: int, end: int, context: int = CONTEXT) -> Anchor:
        """The anchor of ``text[start:end]``."""
        if not 0 <= start <= end <= len(text):
            raise ReviewError(f"offsets {start}-{end} lie outside the text ({len(text)} chars)")
        return cls(
            quote=text[start:end],
            before=text[max(0, start - context) : start],
            after=text[end : end + context],
            start=start,
            end=end,
        )

    def to_dict(self) -> dict[str, JSON]:
        return {
            "quote": self.quote,
            "before": self.before,
            "after": self.after,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, kw_only=True)
class Reviewed:
    """What marks and ratings share: the document (id and URL), the finding (kind, label,
    id) and its anchor at the time, the reviewer and note; ``id`` and ``created`` are set
    when stored."""

    document_id: str
    kind: str
    label: str
    anchor: Anchor
    reviewer: str
    note: str = ""
    finding_id: str = ""
    document_url: str | None = None
    created: str = ""
    id: int = 0

    @staticmethod
    def fields_for(
        document: Document, finding: Finding, reviewer: str, note: str | None
    ) -> dict[str, Any]:
        """The shared fields of a review of ``finding`` in ``document``, checked."""
        return {
            "document_id": document.id,
            "document_url": document.url,
            "kind": finding.kind,
            "label": finding.label,
            "finding_id": finding.id,
            "anchor": Anchor.of(document.text, finding.start, finding.end),
            "reviewer": check_reviewer(reviewer),
            "note": check_note(note),
        }

    def to_dict(self) -> dict[str, JSON]:
        return {
            "id": self.id,
            "document_id": self.document_id,
            "document_url": self.document_url,
            "kind": self.kind,
            "label": self.label,
            "finding_id": self.finding_id,
            "anchor": self.anchor.to_dict(),
            "note": self.note,
            "reviewer": self.reviewer,
            "created": self.created,
        }


@dataclass(frozen=True, kw_only=True)
class Mark(Reviewed):
    """A reviewer's verdict on one finding."""

    verdict: Verdict

    @classmethod
    def on(
        cls,
        document: Document,
        finding: Finding,
        *,
        verdict: str,
        reviewer: str,
        note: str | None = None,
    ) -> Mark:
        """A checked mark on ``finding`` of ``document``."""
        return cls(
            verdict=check_verdict(verdict), **cls.fields_for(document, finding, reviewer, note)
        )

    def to_dict(self) -> dict[str, JSON]:
        return {**super().to_dict(), "verdict": self.verdict}


@dataclass(frozen=True, kw_only=True)
class Rating(Reviewed):
    """A reviewer's own rating of a claim: free text and a value on :data:`RATING_SCALE`."""

    rating: str
    scale: int

    @classmethod
    def on(
        cls,
        document: Document,
        finding: Finding,
        *,
        scale: int,
        reviewer: str,
        rating: str | None = None,
        note: str | None = None,
    ) -> Rating:
        """A checked rating of the claim ``finding`` of ``document``."""
        if finding.kind not in RATED_KINDS:
            raise ReviewError(
                f"only claims can be rated ({finding.id} is a {finding.kind}); mark it "
                "correct or wrong instead"
            )
        value = check_scale(scale)
        return cls(
            rating=check_rating(rating, value),
            scale=value,
            **cls.fields_for(document, finding, reviewer, note),
        )

    def to_dict(self) -> dict[str, JSON]:
        return {
            **super().to_dict(),
            "rating": self.rating,
            "scale": self.scale,
            "worst": min(RATING_SCALE),
            "best": max(RATING_SCALE),
        }
