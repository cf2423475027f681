"""The corpus section of one document's report: the links that involve it.

:func:`document_report` turns the corpus links into entries seen from one document
(``this`` side, ``other`` side), grouped by kind, with the ids of the other documents
so a renderer can link to their reports (``render_html(analysis, links={doc_id:
url})``). Pure data; rendering is the report package's business.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from unspin.corpus._fuzzy import when_key
from unspin.corpus.model import LINK_KINDS, Link, Side
from unspin.model import JSON

__all__ = ["DocumentReport", "ReportEntry", "document_report"]


@dataclass(frozen=True)
class ReportEntry:
    """One link as seen from a document.

    ``position`` says where the other side stands: ``"same-document"``, ``"earlier"``
    (published before this one: for propagation and quote drift, the other side is the
    earlier appearance), ``"later"`` or ``"undated"`` (either date unknown or equal).
    """

    link: Link
    this: Side
    other: Side
    position: str

    def to_dict(self) -> dict[str, JSON]:
        return {
            "link_id": self.link.id,
            "kind": self.link.kind,
            "score": self.link.score,
            "position": self.position,
            "this": self.this.to_dict(),
            "other": self.other.to_dict(),
            "slot": dict(self.link.slot),
            "differs": list(self.link.differs),
            "explanation": self.link.explanation.to_dict(),
        }


@dataclass(frozen=True)
class DocumentReport:
    """The corpus links of one document, most consequential kinds first."""

    doc_id: str
    entries: tuple[ReportEntry, ...]

    @property
    def other_documents(self) -> tuple[str, ...]:
        """Ids of the other documents linked, in order of first mention."""
        return tuple(dict.fromkeys(
            e.other.doc_id for e in self.entries if e.other.doc_id != self.doc_id
        ))  # fmt: skip

    def by_kind(self) -> dict[str, list[ReportEntry]]:
        out: dict[str, list[ReportEntry]] = {}
        for e in self.entries:
            out.setdefault(e.link.kind, []).append(e)
        return out

    def counts(self) -> dict[str, int]:
        return {k: len(v) for k, v in self.by_kind().items()}

    def to_dict(self) -> dict[str, JSON]:
        return {
            "doc_id": self.doc_id,
            "counts": self.counts(),
            "other_documents": list(self.other_documents),
            "entries": [e.to_dict() for e in self.entries],
        }


def _position(this: Side, other: Side) -> str:
    if this.doc_id == other.doc_id:
        return "same-document"
    a, b = when_key(this.published), when_key(other.published)
    if a[0] or b[0] or a == b:
        return "undated"
    return "earlier" if b < a else "later"


def document_report(doc_id: str, links: Iterable[Link]) -> DocumentReport:
    """The links involving ``doc_id``, oriented so ``this`` is the document's own span.

    A link within the document appears once, with its first side as ``this``. Entries
    are ordered by kind (:data:`~unspin.corpus.model.LINK_KINDS` order), then by score,
    then by position in this document.
    """
    entries: list[ReportEntry] = []
    for link in links:
        if link.a.doc_id == doc_id:
            this, other = link.a, link.b
        elif link.b.doc_id == doc_id:
            this, other = link.b, link.a
        else:
            continue
        entries.append(ReportEntry(link, this, other, _position(this, other)))
    order = {k: i for i, k in enumerate(LINK_KINDS)}
    entries.sort(key=lambda e: (order.get(e.link.kind, 99), -e.link.score, e.this.start))
    return DocumentReport(doc_id, tuple(entries))
