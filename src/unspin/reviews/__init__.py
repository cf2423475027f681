"""The review loop: reviewers mark findings correct or wrong and rate claims; marks are
anchored by quote and context so that they survive re-analysis, stored in the corpus
store and summed per finding kind.

- :mod:`~unspin.reviews.model`: :class:`Mark`, :class:`Rating`, :class:`Anchor`, the
  rating scale and the checks of what a reviewer types;
- :mod:`~unspin.reviews.anchoring`: finding a mark's quote again and the finding it
  belongs to now (orphans when none);
- :mod:`~unspin.reviews.tables`: the store tables (migration 6) and
  :class:`ReviewTable`, ``store.repository(ReviewTable)``;
- :mod:`~unspin.reviews.summary`: which marks count, precision per kind and label,
  export rows.
"""

from __future__ import annotations

from unspin.reviews.anchoring import Anchoring, Located, anchor_in, attach, locate
from unspin.reviews.model import (
    RATED_KINDS,
    RATING_SCALE,
    VERDICTS,
    Anchor,
    Mark,
    Rating,
    Reviewed,
    ReviewError,
    UnknownTargetError,
    Verdict,
    check_reviewer,
)
from unspin.reviews.summary import (
    EXPORT_COLUMNS,
    KindSummary,
    ReviewState,
    export_row,
    render_summary,
    review_states,
    summarise,
)
from unspin.reviews.tables import ReviewTable

__all__ = [
    "EXPORT_COLUMNS",
    "RATED_KINDS",
    "RATING_SCALE",
    "VERDICTS",
    "Anchor",
    "Anchoring",
    "KindSummary",
    "Located",
    "Mark",
    "Rating",
    "ReviewError",
    "ReviewState",
    "ReviewTable",
    "Reviewed",
    "UnknownTargetError",
    "Verdict",
    "anchor_in",
    "attach",
    "check_reviewer",
    "export_row",
    "locate",
    "render_summary",
    "review_states",
    "summarise",
]
