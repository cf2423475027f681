"""Marks and ratings against the current analyses: their anchoring, which ones count,
precision per finding kind and label, and export rows.

Rows are only ever added, so one reviewer may have marked the same finding twice: the
newest mark of a reviewer on a finding counts (the older ones are ``superseded``), where
"the same finding" is the current finding the mark attaches to, or, for an orphan, the
same quote at the same offsets of the same document. Marks of different reviewers all
count.

Precision of a kind (and label) is ``correct / (correct + wrong)`` over the counting marks
attached to a current finding. Orphans (their quote is gone, or no finding of their kind
covers it any more) are counted apart and left out of precision: they judge output the
current analysis no longer has.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from unspin.model import JSON, Analysis
from unspin.report.audited import audit_for
from unspin.reviews.anchoring import Anchoring, anchor_in
from unspin.reviews.model import Mark, Rating

__all__ = [
    "EXPORT_COLUMNS",
    "KindSummary",
    "ReviewState",
    "export_row",
    "render_summary",
    "review_states",
    "summarise",
]

#: The columns of a CSV export, one row per mark or rating.
EXPORT_COLUMNS = (
    "type",
    "id",
    "document_id",
    "document_url",
    "kind",
    "label",
    "finding_id",
    "quote",
    "before",
    "after",
    "start",
    "end",
    "verdict",
    "rating",
    "scale",
    "note",
    "reviewer",
    "created",
    "state",
    "counted",
    "method",
    "current_start",
    "current_end",
    "current_finding_id",
    "current_label",
)


@dataclass(frozen=True)
class ReviewState:
    """A mark or rating with its anchoring in its document's current analysis, and
    whether it counts (False: a newer one of the same reviewer on the same finding)."""

    item: Mark | Rating
    anchoring: Anchoring
    counted: bool = True

    @property
    def type(self) -> str:
        return "mark" if isinstance(self.item, Mark) else "rating"

    def to_dict(self) -> dict[str, JSON]:
        out = {"type": self.type, **self.item.to_dict()}
        out["current"] = self.anchoring.to_dict(self.item.label)
        out["counted"] = self.counted
        return out


def _target(item: Mark | Rating, anchoring: Anchoring) -> tuple[Any, ...]:
    if anchoring.finding is not None:
        f = anchoring.finding
        return ("finding", item.kind, f.start, f.end)
    a = item.anchor
    return ("orphan", item.document_id, item.kind, item.label, a.start, a.end, a.quote)


def review_states(analysis: Analysis | None, items: Iterable[Mark | Rating]) -> list[ReviewState]:
    """Each item anchored in ``analysis`` (None: the document is gone, every item is an
    orphan), in the order given (oldest first), with the superseded ones marked."""
    anchored: list[tuple[Mark | Rating, Anchoring]] = []
    for item in items:
        if analysis is None:
            anchoring = Anchoring(None, None)
        else:
            anchoring = anchor_in(
                analysis.document.text, analysis.findings, item.anchor, item.kind, item.label
            )
        anchored.append((item, anchoring))
    newest: dict[tuple[Any, ...], int] = {}
    for k, (item, anchoring) in enumerate(anchored):
        key = (type(item).__name__, item.reviewer, *_target(item, anchoring))
        newest[key] = k  # oldest first: the last one wins
    keep = set(newest.values())
    return [ReviewState(item, a, k in keep) for k, (item, a) in enumerate(anchored)]


@dataclass(frozen=True)
class KindSummary:
    """Counting marks of one finding kind (``label`` ``"*"``: all its labels)."""

    kind: str
    label: str
    correct: int = 0
    wrong: int = 0
    orphans: int = 0

    @property
    def judged(self) -> int:
        return self.correct + self.wrong

    @property
    def precision(self) -> float | None:
        """``correct / (correct + wrong)``; None without anchored marks."""
        return None if self.judged == 0 else self.correct / self.judged

    @property
    def audited(self) -> float | None:
        """The kind's precision in unspin's own audit (:mod:`unspin.report.audited`), for
        comparison; None for a label row or a kind the audit did not sample."""
        audit = audit_for(self.kind) if self.label == "*" else None
        return None if audit is None else audit.precision

    def to_dict(self) -> dict[str, JSON]:
        p, audited = self.precision, self.audited
        return {
            "kind": self.kind,
            "label": self.label,
            "marks": self.judged,
            "correct": self.correct,
            "wrong": self.wrong,
            "precision": None if p is None else round(p, 4),
            "orphans": self.orphans,
            "audited_precision": None if audited is None else round(audited, 4),
        }


def summarise(states: Iterable[ReviewState]) -> list[KindSummary]:
    """Per kind (label ``"*"``) and per kind and label: counting marks, correct and
    wrong among those attached to a current finding, orphans apart; sorted by kind,
    the kind's total first, then by label."""
    counts: dict[tuple[str, str], list[int]] = {}
    for s in states:
        if not isinstance(s.item, Mark) or not s.counted:
            continue
        for key in ((s.item.kind, "*"), (s.item.kind, s.item.label)):
            c = counts.setdefault(key, [0, 0, 0])
            if s.anchoring.orphan:
                c[2] += 1
            elif s.item.verdict == "correct":
                c[0] += 1
            else:
                c[1] += 1
    return [
        KindSummary(kind, label, *c)
        for (kind, label), c in sorted(
            counts.items(), key=lambda kv: (kv[0][0], kv[0][1] != "*", kv[0][1])
        )
    ]


def export_row(state: ReviewState) -> dict[str, Any]:
    """One flat row of :data:`EXPORT_COLUMNS`."""
    item, anchoring = state.item, state.anchoring
    a = item.anchor
    located, finding = anchoring.located, anchoring.finding
    return {
        "type": state.type,
        "id": item.id,
        "document_id": item.document_id,
        "document_url": item.document_url or "",
        "kind": item.kind,
        "label": item.label,
        "finding_id": item.finding_id,
        "quote": a.quote,
        "before": a.before,
        "after": a.after,
        "start": a.start,
        "end": a.end,
        "verdict": item.verdict if isinstance(item, Mark) else "",
        "rating": item.rating if isinstance(item, Rating) else "",
        "scale": item.scale if isinstance(item, Rating) else "",
        "note": item.note,
        "reviewer": item.reviewer,
        "created": item.created,
        "state": anchoring.state,
        "counted": state.counted,
        "method": "" if located is None else located.method,
        "current_start": "" if located is None else located.start,
        "current_end": "" if located is None else located.end,
        "current_finding_id": "" if finding is None else finding.id,
        "current_label": "" if finding is None else finding.label,
    }


def render_summary(kinds: Iterable[KindSummary]) -> str:
    """Aligned lines: kind and label, marks, correct, wrong, precision, orphans, and the
    kind's precision in unspin's own audit."""
    lines = [
        f"{'kind':<16} {'label':<28} {'marks':>6} {'correct':>8} {'wrong':>6} "
        f"{'precision':>9} {'orphans':>8} {'audited':>8}"
    ]
    for k in kinds:
        p = "-" if k.precision is None else f"{k.precision:.3f}"
        audited = "" if k.audited is None else f"{k.audited:.3f}"
        label = "(all)" if k.label == "*" else k.label
        lines.append(
            f"{k.kind:<16} {label:<28} {k.judged:>6} {k.correct:>8} {k.wrong:>6} {p:>9} "
            f"{k.orphans:>8} {audited:>8}"
        )
    return "\n".join(lines)
