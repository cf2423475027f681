"""Report sections: features register them, the core renders them in their slots."""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType

import pytest

from unspin.features import feature_modules, features
from unspin.model import Analysis
from unspin.report import render_html, render_markdown
from unspin.report.htmlkit import esc
from unspin.report.sections import (
    APPENDIX,
    BLOCKS,
    Chip,
    ReportContext,
    Section,
    registered_sections,
)


class _Note(Section):
    name = "note"
    title = "Note"

    def __init__(self, slot: str) -> None:
        self.slot = slot

    def applies(self, ctx: ReportContext) -> bool:
        return "note" in ctx.extras

    def chips(self, ctx: ReportContext) -> Sequence[Chip]:
        return [Chip(f"note chip {self.slot}", esc(ctx.extras["note"]))]

    def html(self, ctx: ReportContext) -> str:
        return f'<section id="note-{self.slot}">{esc(ctx.extras["note"])}</section>'

    def markdown(self, ctx: ReportContext) -> str:
        return "\n".join([f"## Note {self.slot}", "", str(ctx.extras["note"]), ""])


@pytest.fixture
def with_notes(monkeypatch: pytest.MonkeyPatch) -> None:
    module = ModuleType("notes_report")
    module.SECTIONS = (_Note(BLOCKS), _Note(APPENDIX))  # type: ignore[attr-defined]
    monkeypatch.setattr(
        "unspin.report.sections.feature_modules", lambda kind: [*feature_modules(kind), module]
    )


def test_sections_come_in_the_order_of_the_features() -> None:
    order = [f.name for f in features() if f.report]
    names = [s.name for s in registered_sections()]
    assert names == [n for n in order if n in names]
    assert names[:4] == ["sources", "certainty", "claims", "techniques"]
    assert names[-1] == "corpus"


@pytest.mark.usefixtures("with_notes")
def test_a_section_renders_in_its_slots_with_the_callers_data(analysis: Analysis) -> None:
    page = render_html(analysis, extras={"note": "<b>hi</b>"})
    assert page.count("&lt;b&gt;hi&lt;/b&gt;") == 4  # two chips, block, appendix
    blocks, appendix = page.index('id="note-blocks"'), page.index('id="note-appendix"')
    # findings first: every section before the text, the blocks before the appendix
    assert blocks < appendix < page.index('id="reading"') < page.index('id="summaries"')
    assert (
        page.index('class="strip"')
        < page.index("note chip blocks")
        < page.index("note chip appendix")
    )
    assert page.index("note chip appendix") < page.index('id="reading"')
    md = render_markdown(analysis, extras={"note": "hi"})
    assert (
        md.index("## Findings by kind") < md.index("## Note blocks") < md.index("## Note appendix")
    )
    assert md.rstrip().endswith("hi")


@pytest.mark.usefixtures("with_notes")
def test_a_section_that_does_not_apply_renders_nothing(analysis: Analysis) -> None:
    page = render_html(analysis)
    assert "note chip" not in page and 'id="note-' not in page
    assert "## Note" not in render_markdown(analysis)
