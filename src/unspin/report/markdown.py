"""Markdown reports: a terminal-friendly summary of one analysis, or of a batch.

Every string from the document or the findings is flattened to one line and its
Markdown-significant characters are backslash-escaped, so a hostile title or quote can
neither break a table (``|``) nor smuggle in HTML or links when the Markdown is rendered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from unspin.model import Analysis
from unspin.report.audited import SCORE_FLOORS, UNAUDITED, audit_for, weak_layer
from unspin.report.common import (
    CLAIM_KIND,
    checkworthy_claims,
    display_title,
    language_note,
    one_line,
    share_anonymous,
    word_count,
)
from unspin.report.sections import (
    APPENDIX,
    BLOCKS,
    registered_sections,
    render_sections,
    section_context,
)

__all__ = ["md_escape", "md_link", "md_table", "render_batch_summary", "render_markdown"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md_escape(text: object, limit: int | None = None) -> str:
    """One line of text, safe as inline Markdown and inside a table cell."""
    return _MD_SPECIAL.sub(r"\\\1", one_line(str(text), limit))


def md_table(
    header: Sequence[str], rows: Iterable[Sequence[str]], right: Sequence[int] = ()
) -> str:
    """A GitHub-style table; cells must already be escaped."""
    align = ["---:" if i in right else "---" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def _failures(analysis: Analysis) -> list[str]:
    if not analysis.failures:
        return []
    out = [
        f"> **Warning:** {len(analysis.failures)} analyzer(s) failed on this document; "
        "what they look for is missing from this report, not absent from the text.",
        ">",
    ]
    out += [
        f"> - **{md_escape(f.analyzer)}** ({md_escape(f.error)}): {md_escape(f.message, 300)}"
        for f in analysis.failures
    ]
    return [*out, ""]


def md_link(label: str, target: str | None) -> str:
    """``[label](target)`` when the target is a plain path or http(s) URL, else ``label``."""
    if (
        target
        and not re.search(r"[\s()<>]", target)
        and not target.lower().startswith(("javascript:", "data:", "vbscript:"))
    ):
        return f"[{label}]({target})"
    return label


def render_markdown(
    analysis: Analysis,
    *,
    max_claims: int = 10,
    links: Mapping[str, str] | None = None,
    corpus: object | None = None,
    extras: Mapping[str, Any] | None = None,
    titles: Mapping[str, str] | None = None,
) -> str:
    """A Markdown summary: metadata, counts by kind, then the features' sections (sources,
    check-worthy claims, techniques, certainty; with ``corpus``, the document's links
    across the corpus, other documents' reports linked through ``links``: document id
    -> path or URL, by their ``titles``: document id -> title). ``extras`` hands data to
    the sections by name, like ``corpus``."""
    ctx = section_context(
        analysis, links, extras, {"max_claims": max_claims}, corpus=corpus, titles=titles
    )
    sections = registered_sections()
    doc = analysis.document
    lines = [f"# {md_escape(display_title(analysis))}", ""]
    for name, value in (
        ("Outlet", doc.outlet),
        ("Author", doc.author),
        ("Published", doc.published),
        ("URL", doc.url),
        ("Source", doc.source),
    ):
        if value:
            lines.append(f"- **{name}:** {md_escape(value)}")
    lines.append(f"- **Document id:** {md_escape(doc.id)}")
    lines.append(f"- **Words:** {word_count(analysis)}")
    if analysis.analyzers:
        runs = ", ".join(f"{a.name} {a.version}" for a in analysis.analyzers)
        lines.append(f"- **Analyzers:** {md_escape(runs)}")
    lines.append("")
    note = language_note(analysis)
    if note:
        lines += [f"> **Language:** {md_escape(note)}", ""]
    lines += _failures(analysis)

    lines += ["## Findings by kind", ""]
    kinds = analysis.kinds
    if kinds:
        lines.append(
            md_table(
                ["Kind", "Count", "Audited precision"],
                [[md_escape(k), str(n), _audited_split(k, n, analysis)] for k, n in kinds.items()],
                right=[1],
            )
        )
    else:
        lines.append("No findings.")
    lines.append("")
    lines += render_sections(sections, ctx, BLOCKS, "markdown")
    lines += render_sections(sections, ctx, APPENDIX, "markdown")
    return "\n".join(lines).rstrip("\n") + "\n"


def _audited_split(kind: str, count: int, analysis: Analysis) -> str:
    """:func:`_audited`, per side of the kind's score floor when it has one."""
    floor = SCORE_FLOORS.get(kind)
    if floor is None:
        return _audited(kind)
    over = sum(1 for f in analysis.findings if f.kind == kind and f.score >= floor)
    return (
        f"{over} scored {floor:.2f} or more: {_audited(kind)}; "
        f"{count - over} under: {_audited(weak_layer(kind))}"
    )


def _audited(kind: str) -> str:
    """The kind's audited precision, and "experimental" under the floor (see
    :mod:`unspin.report.audited`)."""
    audit = audit_for(kind)
    if audit is None:
        return "experimental (not audited)" if kind in UNAUDITED else "—"
    text = f"{audit.figure} ({audit.correct}/{audit.judged})"
    return f"{text}, experimental" if audit.experimental else text


def render_batch_summary(
    analyses: Iterable[Analysis], *, links: Mapping[str, str] | None = None
) -> str:
    """A Markdown table with one row per document, for multi-document runs.

    ``links`` maps document ids to report paths or URLs; titles of those documents
    become links (the targets are written as given, so pass paths you produced).
    """
    items = list(analyses)
    links = links or {}
    kinds = sorted({k for a in items for k in a.kinds})
    header = [
        "Document",
        "Id",
        "Words",
        *[md_escape(k) for k in kinds],
        "Check-worthy",
        "Anonymous",
        "Failures",
    ]
    rows = []
    totals = dict.fromkeys(kinds, 0)
    failed = 0
    for a in items:
        title = md_link(md_escape(display_title(a), 80), links.get(a.document.id))
        counts = a.kinds
        for k in kinds:
            totals[k] += counts.get(k, 0)
        share = share_anonymous(a)
        failed += bool(a.failures)
        rows.append(
            [
                title,
                md_escape(a.document.id),
                str(word_count(a)),
                *[str(counts.get(k, 0)) for k in kinds],
                str(len(checkworthy_claims(a))) if a.by_kind(CLAIM_KIND) else "—",
                f"{share * 100:.0f}%" if share is not None else "—",
                md_escape(", ".join(f.analyzer for f in a.failures)) or "—",
            ]
        )
    right = [2, *range(3, 3 + len(kinds)), 3 + len(kinds)]
    out = [f"# unspin batch summary: {len(items)} document{'s' if len(items) != 1 else ''}", ""]
    if failed:
        out += [
            f"> **Warning:** analyzers failed on {failed} document(s); see the Failures column.",
            "",
        ]
    if items:
        out.append(md_table(header, rows, right=right))
        if kinds:
            out += ["", "Totals: " + ", ".join(f"{md_escape(k)} {totals[k]}" for k in kinds)]
    else:
        out.append("No documents.")
    return "\n".join(out) + "\n"
