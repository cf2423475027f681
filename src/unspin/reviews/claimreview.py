"""A reviewer's own claim ratings as schema.org ``ClaimReview`` (JSON-LD), the format
fact-checkers publish and search engines and fact-check databases read.

Only what a reviewer rated is written: one ``ClaimReview`` per claim the reviewer (the
``author``, an ``Organization``) rated, from the newest rating of that claim; unspin
never invents a rating. The claim is the quote the reviewer rated
(``claimReviewed``), the rating its value on the 1-5 scale (``worstRating`` 1,
``bestRating`` 5) with the reviewer's words as ``alternateName``, the item reviewed a
``Claim`` whose ``appearance`` is the document (URL, headline, outlet, date), and
``datePublished`` the day of the rating. The ``@context`` is ``https://schema.org``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO
from urllib.parse import quote

from unspin.model import Document
from unspin.reviews.model import RATING_SCALE, Rating

__all__ = ["SCHEMA_CONTEXT", "claim_review", "write_claimreviews"]

SCHEMA_CONTEXT = "https://schema.org"


def _appearance(rating: Rating, document: Document | None) -> dict[str, Any]:
    out: dict[str, Any] = {"@type": "CreativeWork"}
    url = document.url if document is not None else rating.document_url
    if url:
        out["url"] = url
    out["identifier"] = f"urn:unspin:document:{quote(rating.document_id, safe='')}"
    if document is not None:
        if document.title:
            out["headline"] = document.title
        if document.published:
            out["datePublished"] = document.published
        if document.outlet:
            out["publisher"] = {"@type": "Organization", "name": document.outlet}
    return out


def claim_review(rating: Rating, document: Document | None, organization: str) -> dict[str, Any]:
    """``rating`` (of a claim in ``document``; None when the document is gone) as a
    ``ClaimReview`` by ``organization``."""
    review: dict[str, Any] = {
        "@context": SCHEMA_CONTEXT,
        "@type": "ClaimReview",
        "claimReviewed": rating.anchor.quote,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating.scale,
            "bestRating": max(RATING_SCALE),
            "worstRating": min(RATING_SCALE),
            "alternateName": rating.rating,
        },
        "author": {"@type": "Organization", "name": organization},
        "itemReviewed": {"@type": "Claim", "appearance": _appearance(rating, document)},
    }
    if rating.created:
        review["datePublished"] = rating.created[:10]
    if rating.note:
        review["reviewBody"] = rating.note
    return review


def write_claimreviews(out: TextIO, reviews: Iterable[dict[str, Any]]) -> int:
    """Write the reviews to ``out`` as a JSON array (one per line); return how many."""
    out.write("[")
    count = 0
    for review in reviews:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(review, ensure_ascii=False))
        count += 1
    out.write("\n]\n")
    return count
