"""What an export of findings reads: the stored documents a :class:`Selection` keeps,
each with its findings of the kind and label asked for, in ingestion and then text
order; and the words every format carries beside a finding (why it fired)."""

from __future__ import annotations

from collections.abc import Generator, Sequence
from dataclasses import dataclass, field

from unspin.errors import UnknownDocumentError
from unspin.model import Document, Finding
from unspin.store import Filters, Store

__all__ = ["Annotated", "Selection", "annotated", "generator_name", "why"]


@dataclass(frozen=True)
class Selection:
    """Which stored findings an export holds: documents matching ``filters`` (or the one
    ``document``), findings of ``filters.kind`` and ``label`` when given."""

    filters: Filters = field(default_factory=Filters)
    label: str | None = None
    document: str | None = None

    def keeps(self, finding: Finding) -> bool:
        kind = self.filters.kind
        return (kind is None or finding.kind == kind) and (
            self.label is None or finding.label == self.label
        )


@dataclass(frozen=True)
class Annotated:
    """A stored document and its selected findings (text order)."""

    document: Document
    findings: Sequence[Finding]


def annotated(store: Store, selection: Selection) -> Generator[Annotated, None, None]:
    """The selected documents with their selected findings, streamed. A document the
    filters keep but without a selected finding is still yielded (its text is part of
    the corpus an annotation tool shows)."""
    if selection.document is not None:
        try:
            analyses = iter([store.get_analysis(selection.document)])
        except KeyError:
            raise UnknownDocumentError(
                f"no document {selection.document!r} in {store.url}"
            ) from None
    else:
        analyses = store.iter_analyses(selection.filters)
    for analysis in analyses:
        findings = sorted(
            (f for f in analysis.findings if selection.keeps(f)),
            key=lambda f: (f.start, f.end, f.kind, f.label, f.id),
        )
        yield Annotated(analysis.document, findings)


def why(finding: Finding) -> str:
    """Why the finding fired, in one line: the explanation's sentence, else its rule."""
    explanation = finding.explanation
    text = " ".join((explanation.detail or "").split())
    return text or explanation.rule


def generator_name() -> str:
    """``unspin <version>``, the software every export names as its maker."""
    from unspin import __version__

    return f"unspin {__version__}"
