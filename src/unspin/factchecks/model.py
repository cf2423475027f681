"""The record every fact-check source becomes: one schema.org ``ClaimReview``."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from typing import Any

from unspin.errors import ClaimReviewError

__all__ = ["ClaimReview", "ClaimReviewError"]


@dataclass(frozen=True)
class ClaimReview:
    """One published fact-check of one claim (schema.org ``ClaimReview``).

    ``claim`` is the claim as the fact-checker worded it (``claimReviewed``);
    ``claimant`` who made it (``itemReviewed.author``); ``publisher`` the fact-checking
    organisation (``author`` of the review, ``publisher`` in the Google Fact Check Tools
    API) and ``publisher_site`` its domain; ``rating`` the textual verdict as published
    ("False", "Mostly true", "Pants on fire"), never re-interpreted; ``rating_value``,
    ``best_rating`` and ``worst_rating`` the numeric scale when the publisher gives one
    (see :attr:`rating_score`); ``review_date`` and ``claim_date`` ISO dates (an import
    refuses a record whose date names no whole day; a store imported before may hold the
    text as given); ``url`` the review (http or https when imported); ``title`` its headline;
    ``language`` a language code. ``id`` is derived from the URL and the claim, so the
    same review imported twice has the same id.
    """

    claim: str
    url: str | None = None
    publisher: str | None = None
    publisher_site: str | None = None
    rating: str | None = None
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    review_date: str | None = None
    claimant: str | None = None
    claim_date: str | None = None
    title: str | None = None
    language: str | None = None
    source: str | None = None
    id: str = ""

    def __post_init__(self) -> None:
        claim = " ".join(str(self.claim).split()) if self.claim is not None else ""
        if not claim:
            raise ValueError("a ClaimReview needs the text of the claim")
        object.__setattr__(self, "claim", claim)
        for name in ("rating_value", "best_rating", "worst_rating"):
            value = getattr(self, name)
            if value is not None and not math.isfinite(value):
                raise ValueError(f"{name} must be a finite number")
        if not self.id:
            key = f"{self.url or ''}\x1f{claim.casefold()}"
            object.__setattr__(self, "id", hashlib.sha1(key.encode()).hexdigest()[:16])

    @property
    def rating_score(self) -> float | None:
        """The numeric rating rescaled to [0, 1] (worst = 0, best = 1), when the publisher
        gave a value and its scale; None otherwise. It is the publisher's scale, not ours."""
        v, best, worst = self.rating_value, self.best_rating, self.worst_rating
        if v is None or best is None or worst is None or best == worst:
            return None
        return min(1.0, max(0.0, (v - worst) / (best - worst)))

    @property
    def index_text(self) -> str:
        """What lexical search indexes: the claim, then the review's headline."""
        if self.title and self.title.casefold() != self.claim.casefold():
            return f"{self.claim} {self.title}"
        return self.claim

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "claim": self.claim,
            "claimant": self.claimant,
            "claim_date": self.claim_date,
            "publisher": self.publisher,
            "publisher_site": self.publisher_site,
            "rating": self.rating,
            "rating_value": self.rating_value,
            "best_rating": self.best_rating,
            "worst_rating": self.worst_rating,
            "review_date": self.review_date,
            "url": self.url,
            "title": self.title,
            "language": self.language,
            "source": self.source,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClaimReview:
        from dataclasses import fields

        names = [f.name for f in fields(cls)]
        return cls(**{k: data[k] for k in names if data.get(k) is not None})
