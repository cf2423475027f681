"""The sources feature in the reports: who is quoted or reported, how often.

The table is read from the ``quote`` and ``attribution`` findings (their ``speaker``,
``role`` and ``source_type`` attributes, or the linked ``speaker`` finding); when there
are none, from the ``top_speakers`` of the sources summary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from unspin.model import Analysis, Finding
from unspin.report.audited import SCORE_FLOORS
from unspin.report.common import number, one_line, share_anonymous, summary
from unspin.report.htmlkit import esc
from unspin.report.markdown import md_escape, md_table
from unspin.report.sections import ReportContext, Section
from unspin.sources.speakers import TYPE_WORDS

__all__ = [
    "SECTIONS",
    "TYPE_SHORT",
    "SourceRow",
    "SourcesSection",
    "source_rows",
    "split_weaker",
    "type_word",
]

#: The source type as the table's "Type" column says it (the full sentence, ``TYPE_WORDS``,
#: is its tooltip); JSON keeps the machine label (``named_person``).
TYPE_SHORT = {
    "named_person": "person",
    "named_organisation": "organisation",
    "government": "government",
    "media_outlet": "media outlet",
    "group": "group",
    "document": "document",
    "anonymous": "anonymous",
    "social_media": "social media",
    "unresolved": "unresolved",
    "unattributed": "no source",
}


_WEAKER_TITLE = (
    ' title="weaker: scored under the floor of its kind; experimental, highlighted only in '
    'the weaker layers"'
)


def type_word(source_type: str) -> str:
    """A source type in words for a reader ("named_person" -> "person"); an unknown label
    (from a plugin) with its underscores as spaces."""
    return TYPE_SHORT.get(source_type, source_type.replace("_", " "))


@dataclass
class SourceRow:
    """One line of the source table: who is quoted or reported, how often."""

    speaker: str
    type: str
    role: str
    count: int
    example: str
    first: Finding | None
    #: Of ``count``, the statements scored under their kind's floor: the report's
    #: experimental "weaker" layers (``unspin.report.audited.SCORE_FLOORS``).
    weaker: int = 0

    def count_text(self) -> str:
        """The count as the table shows it: "3", or "3 (1 weaker)"."""
        return f"{self.count} ({self.weaker} weaker)" if self.weaker else str(self.count)


def _str_attr(finding: Finding, key: str) -> str:
    value = finding.attributes.get(key)
    return one_line(value) if isinstance(value, str) else ""


def _rank(f: Finding) -> int:
    """How well a finding shows what its speaker said: a whole quotation, then a
    fragment of one ("mercy"), then reported content."""
    if f.kind != "quote":
        return 0
    return 1 if f.attributes.get("fragment") else 2


def source_rows(analysis: Analysis) -> list[SourceRow]:
    """Speakers of quotes and reported content, most frequent first.

    Read from the ``quote`` and ``attribution`` findings (their ``speaker``, ``role`` and
    ``source_type`` attributes, or the linked ``speaker`` finding); when there are none,
    from the ``top_speakers`` of the sources summary.
    """
    by_id = {f.id: f for f in analysis.findings}
    rows: dict[tuple[str, str], SourceRow] = {}
    for f in analysis.by_kind("quote", "attribution"):
        speaker_f = next((by_id[t] for t in f.related("speaker") if t in by_id), None)
        name = _str_attr(f, "speaker") or (one_line(speaker_f.text) if speaker_f else "")
        stype = _str_attr(f, "source_type") or (speaker_f.label if speaker_f else "")
        # "Emails" opening a sentence and "emails" later are one source
        key = ((name or "(unnamed)").casefold(), stype or "unattributed")
        row = rows.get(key)
        if row is None:
            row = rows[key] = SourceRow(name or "(unnamed)", key[1], "", 0, "", f)
        row.count += 1
        row.weaker += f.score < SCORE_FLOORS.get(f.kind, float("-inf"))
        row.role = row.role or _str_attr(f, "role")
        if not row.example or (row.first is not None and _rank(f) > _rank(row.first)):
            row.example = one_line(f.text, 200)
            row.first = f
    if not rows:
        top = summary(analysis, "sources").get("top_speakers")
        for item in top if isinstance(top, (list, tuple)) else ():
            if not isinstance(item, Mapping):
                continue
            who, what = item.get("name"), item.get("type")
            count = number(item.get("count"))
            key = (
                one_line(who) if isinstance(who, str) else "(unknown)",
                one_line(what) if isinstance(what, str) else "",
            )
            rows[key] = SourceRow(key[0], key[1], "", int(count or 0), "", None)
    return sorted(rows.values(), key=lambda r: (-r.count, r.speaker.lower()))


class SourcesSection(Section):
    """The source table (HTML) and the section "Sources" (Markdown)."""

    name = "sources"
    title = "Sources"

    def html(self, ctx: ReportContext) -> str:
        rows = source_rows(ctx.analysis)
        if not rows:
            return ""
        shown, weaker = split_weaker(rows)
        more = ""
        if weaker:
            more = (
                '<details class="weaker-sources"><summary>'
                f"{len(weaker)} more {'speaker' if len(weaker) == 1 else 'speakers'}, "
                "from weaker findings only (experimental)</summary>"
                f"{_table_html(weaker, ctx.index)}</details>"
            )
        table = _table_html(shown, ctx.index) if shown else ""
        return f'<section id="sources" class="block"><h2>Sources</h2>{table}{more}</section>'

    def markdown(self, ctx: ReportContext) -> str:
        analysis = ctx.analysis
        lines: list[str] = []
        rows = source_rows(analysis)
        if rows or analysis.summaries.get("sources") is not None:
            lines += ["## Sources", ""]
            share = share_anonymous(analysis)
            if share is not None:
                lines += [f"Anonymous sources: {share * 100:.0f}%", ""]
            shown, weaker = split_weaker(rows)
            if shown:
                lines.append(_table_markdown(shown))
            if weaker:
                if shown:
                    lines.append("")
                lines += ["Speakers from weaker findings only (experimental):", ""]
                lines.append(_table_markdown(weaker))
            if not rows:
                lines.append("No quoted or reported sources.")
            lines.append("")
        return "\n".join(lines)


def split_weaker(rows: list[SourceRow]) -> tuple[list[SourceRow], list[SourceRow]]:
    """The rows with a statement at or above its kind's floor, and those whose every
    statement is weaker (shown apart, behind an explicit choice: a speaker known only from
    findings under the floor is often no speaker at all, a page's teaser label)."""
    return (
        [r for r in rows if r.weaker < r.count or r.first is None],
        [r for r in rows if r.weaker >= r.count and r.first is not None],
    )


_HEAD = ["Speaker", "Type", "Role", "Count", "Example"]


def _table_html(rows: list[SourceRow], index: Mapping[str, int]) -> str:
    body = []
    for r in rows:
        example = esc(r.example) if r.example else "—"
        if r.first is not None and r.first.id in index:
            example = (
                f'<button type="button" class="fi quote-link" '
                f'data-fi="{index[r.first.id]}">{example}</button>'
            )
        body.append(
            f"<tr><td>{esc(r.speaker)}</td>"
            f'<td title="{esc(TYPE_WORDS.get(r.type, r.type))}">{esc(type_word(r.type))}</td>'
            f"<td>{esc(r.role) or '—'}</td>"
            f'<td class="num"{_WEAKER_TITLE if r.weaker else ""}>{r.count_text()}</td>'
            f"<td>{example}</td></tr>"
        )
    head = "".join(f'<th class="num">{h}</th>' if h == "Count" else f"<th>{h}</th>" for h in _HEAD)
    return (
        f'<table class="sources"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
    )


def _table_markdown(rows: list[SourceRow]) -> str:
    return md_table(
        _HEAD,
        (
            [
                md_escape(r.speaker),
                md_escape(type_word(r.type)),
                md_escape(r.role) or "—",
                r.count_text(),
                md_escape(r.example, 120) or "—",
            ]
            for r in rows
        ),
        right=[3],
    )


SECTIONS = (SourcesSection(),)
