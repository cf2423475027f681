"""Report sections: the fragments each feature adds to the HTML and Markdown reports.

The report core renders what every analysis has (header, failures, the summary strip,
the highlighted text, the findings of each layer, the analyzer summaries, links to other
reports). Everything that belongs to one feature is a :class:`ReportSection` that the
feature lists in ``SECTIONS`` of its ``report`` module (named in
:mod:`unspin.features`); :func:`registered_sections` collects them in the order of
the features there. The core never imports a feature.

A section sits in one of two slots:

- :data:`BLOCKS`: the findings, before the text (HTML: the claims, sources and
  techniques sections first, :data:`unspin.report.view.FIRST_SECTIONS`), after the
  findings by kind (Markdown);
- :data:`APPENDIX`: after the blocks, still before the text (HTML), at the end
  (Markdown).

An HTML fragment escapes every value and uses no inline script and no ``style``
attribute (the web pages' Content-Security-Policy forbids them): classes of
``report.css`` only.

Data a section needs beyond the analysis (a document's links across a corpus, say)
is passed by the caller to the renderer and reaches the section as
:attr:`ReportContext.extras`.

::

    class NotesSection(Section):
        name = "notes"
        title = "Notes"

        def applies(self, ctx: ReportContext) -> bool:
            return bool(ctx.analysis.by_kind("note"))

        def markdown(self, ctx: ReportContext) -> str:
            return "\\n".join(["## Notes", "", f"{len(ctx.analysis.by_kind('note'))}", ""])

    SECTIONS = (NotesSection(),)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

from unspin.features import feature_modules
from unspin.model import JSON, Analysis

__all__ = [
    "APPENDIX",
    "BLOCKS",
    "Chip",
    "ReportContext",
    "ReportSection",
    "Section",
    "SectionData",
    "registered_sections",
    "render_sections",
    "section_context",
]

#: The findings before the text (HTML) or after the findings by kind (Markdown).
BLOCKS = "blocks"
#: After the blocks (HTML) or at the end (Markdown).
APPENDIX = "appendix"


class SectionData(Protocol):
    """Extra data for a section that can also be written as JSON on its own."""

    def to_dict(self) -> Mapping[str, JSON]: ...


@dataclass(frozen=True)
class ReportContext:
    """What a section renders from: the analysis, links to other documents' reports
    (document id -> URL or path, written as given), the caller's extra data by name and
    renderer options (``max_claims`` for Markdown, say)."""

    analysis: Analysis
    links: Mapping[str, str] = field(default_factory=dict)
    extras: Mapping[str, Any] = field(default_factory=dict)
    options: Mapping[str, Any] = field(default_factory=dict)

    @cached_property
    def index(self) -> dict[str, int]:
        """Finding id -> its position in ``analysis.findings`` (as the HTML data has it)."""
        return {f.id: i for i, f in enumerate(self.analysis.findings)}


@dataclass(frozen=True)
class Chip:
    """One entry of the HTML summary strip (``value_html`` already escaped)."""

    label: str
    value_html: str
    cls: str = ""


class ReportSection(Protocol):
    """A feature's fragment of the reports."""

    @property
    def name(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def slot(self) -> str: ...

    def applies(self, ctx: ReportContext) -> bool:
        """Whether the section has anything to show for this analysis."""
        ...

    def html(self, ctx: ReportContext) -> str:
        """The section as HTML (every value escaped), or ``""``."""
        ...

    def markdown(self, ctx: ReportContext) -> str:
        """The section as Markdown lines joined by newlines (ending with a blank line), or
        ``""``."""
        ...

    def chips(self, ctx: ReportContext) -> Sequence[Chip]:
        """Entries of the HTML summary strip (after the counts by kind)."""
        ...


class Section:
    """A base for sections: shows nothing unless a method is overridden."""

    name: str = ""
    title: str = ""
    slot: str = BLOCKS

    def applies(self, ctx: ReportContext) -> bool:
        return True

    def html(self, ctx: ReportContext) -> str:
        return ""

    def markdown(self, ctx: ReportContext) -> str:
        return ""

    def chips(self, ctx: ReportContext) -> Sequence[Chip]:
        return ()


def section_context(
    analysis: Analysis,
    links: Mapping[str, str] | None = None,
    extras: Mapping[str, Any] | None = None,
    options: Mapping[str, Any] | None = None,
    **named: object,
) -> ReportContext:
    """A context whose extras are ``extras`` plus every ``named`` value that is not None."""
    more = {k: v for k, v in named.items() if v is not None}
    return ReportContext(analysis, dict(links or {}), {**(extras or {}), **more}, options or {})


def registered_sections() -> list[ReportSection]:
    """Every feature's ``SECTIONS``, in the order of the features in :mod:`unspin.features`."""
    out: list[ReportSection] = []
    for module in feature_modules("report"):
        out.extend(getattr(module, "SECTIONS", ()))
    return out


def render_sections(
    sections: Sequence[ReportSection], ctx: ReportContext, slot: str, fmt: str
) -> list[str]:
    """The non-empty ``html`` or ``markdown`` fragments of the sections in ``slot``."""
    out = []
    for section in sections:
        if section.slot != slot or not section.applies(ctx):
            continue
        text = section.html(ctx) if fmt == "html" else section.markdown(ctx)
        if text:
            out.append(text)
    return out
