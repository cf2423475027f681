"""Markdown reports: a terminal-friendly summary of one analysis, or of a batch.

Every string from the document or the findings is flattened to one line and its
Markdown-significant characters are backslash-escaped, so a hostile title or quote can
neither break a table (``|``) nor smuggle in HTML or links when the Markdown is rendered.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from unspin.model import Analysis
from unspin.report._common import (
    CLAIM_KIND,
    CORPUS_TITLES,
    certainty_counts,
    checkworthy_claims,
    claim_threshold,
    claim_types,
    display_title,
    fmt_num,
    number,
    one_line,
    share_anonymous,
    source_rows,
    technique_counts,
    word_count,
)
from unspin.report.claims import NOT_VERIFIED, ClaimRow, claim_rows

if TYPE_CHECKING:
    from unspin.corpus.report import DocumentReport

__all__ = ["md_escape", "render_batch_summary", "render_markdown"]

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def md_escape(text: object, limit: int | None = None) -> str:
    """One line of text, safe as inline Markdown and inside a table cell."""
    return _MD_SPECIAL.sub(r"\\\1", one_line(str(text), limit))


def _table(header: Sequence[str], rows: Iterable[Sequence[str]], right: Sequence[int] = ()) -> str:
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


def _md_link(label: str, target: str | None) -> str:
    """``[label](target)`` when the target is a plain path or http(s) URL, else ``label``."""
    if (
        target
        and not re.search(r"[\s()<>]", target)
        and not target.lower().startswith(("javascript:", "data:", "vbscript:"))
    ):
        return f"[{label}]({target})"
    return label


def _corpus(report: DocumentReport, links: Mapping[str, str]) -> list[str]:
    """The section "Across the corpus": one table per link kind."""
    if not report.entries:
        return []
    out = ["## Across the corpus", ""]
    for kind, entries in report.by_kind().items():
        out += [f"### {CORPUS_TITLES.get(kind, kind)} ({len(entries)})", ""]
        rows = []
        for e in entries:
            other = e.other
            if e.position == "same-document":
                doc = "this document"
            else:
                doc = _md_link(md_escape(other.doc_id), links.get(other.doc_id))
                doc += " " + md_escape(" · ".join(x for x in (other.outlet, other.published) if x))
            slot = "; ".join(f"{k}: {v}" for k, v in e.link.slot.items() if v)
            rows.append(
                [
                    f"{md_escape(e.this.text, 120)} ({e.this.start}–{e.this.end})",
                    f"{doc}: {md_escape(other.text, 120)} ({other.start}–{other.end})",
                    md_escape(slot, 200),
                    f"{md_escape(e.link.explanation.detail, 400)} "
                    f"(`{md_escape(e.link.explanation.rule)}`, {e.link.score:.2f})",
                ]
            )
        out += [_table(["Here", "Elsewhere", "Matched on", "Why"], rows), ""]
    return out


def _claim_details(row: ClaimRow | None) -> list[str]:
    """Sub-items of a listed claim: its published fact-checks and cited passages."""
    if row is None:
        return []
    out = []
    for m in row.matches:
        rating = f"“{md_escape(m.rating)}”" if m.rating else "no rating"
        when = f" ({md_escape(m.review_date)})" if m.review_date else ""
        sim = "" if m.similarity is None else f", similarity {m.similarity:.2f}"
        who = _md_link(md_escape(m.publisher or "a fact-checker"), m.url)
        out.append(f"   - fact-check: {who} rated {rating}{when}{sim}")
    for p in row.passages:
        where = f"{p.get('document_id', '?')}[{p.get('start', '?')}:{p.get('end', '?')}]"
        where = where.replace("`", "'")
        out.append(
            f"   - evidence `{where}` {md_escape(p.get('stance', ''))}: "
            f"{md_escape(str(p.get('text', '')), 200)}"
        )
    return out


def render_markdown(
    analysis: Analysis,
    *,
    max_claims: int = 10,
    links: Mapping[str, str] | None = None,
    corpus: DocumentReport | None = None,
) -> str:
    """A Markdown summary: metadata, counts by kind, sources, check-worthy claims, certainty;
    with ``corpus``, the document's links across the corpus (other documents' reports
    linked through ``links``: document id -> path or URL)."""
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
    lines += _failures(analysis)

    lines += ["## Findings by kind", ""]
    kinds = analysis.kinds
    if kinds:
        lines.append(
            _table(["Kind", "Count"], [[md_escape(k), str(n)] for k, n in kinds.items()], right=[1])
        )
    else:
        lines.append("No findings.")
    lines.append("")

    rows = source_rows(analysis)
    if rows or analysis.summaries.get("sources") is not None:
        lines += ["## Sources", ""]
        share = share_anonymous(analysis)
        if share is not None:
            lines += [f"Anonymous sources: {share * 100:.0f}%", ""]
        if rows:
            lines.append(
                _table(
                    ["Speaker", "Type", "Role", "Count", "Example"],
                    (
                        [
                            md_escape(r.speaker),
                            md_escape(r.type),
                            md_escape(r.role) or "—",
                            str(r.count),
                            md_escape(r.example, 120) or "—",
                        ]
                        for r in rows
                    ),
                    right=[3],
                )
            )
        else:
            lines.append("No quoted or reported sources.")
        lines.append("")

    claims = analysis.by_kind(CLAIM_KIND)
    if claims:
        top = checkworthy_claims(analysis)
        lines += [
            "## Check-worthy claims",
            "",
            f"{len(top)} of {len(claims)} sentences are check-worthy "
            f"(threshold {fmt_num(claim_threshold(analysis))}).",
            "",
        ]
        by_claim = {r.id: r for r in claim_rows(analysis)}
        for n, f in enumerate(top[:max_claims], 1):
            types = ", ".join(md_escape(t) for t in claim_types(f))
            row = by_claim.get(f.id)
            verdict = row.verdict if row is not None else NOT_VERIFIED
            lines.append(
                f"{n}. {md_escape(f.text, 300)} — *{types}* "
                f"(score {f.score:.2f}, chars {f.start}–{f.end}; verdict: {md_escape(verdict)})"
            )
            lines += _claim_details(row)
        if len(top) > max_claims:
            lines.append(f"\n… and {len(top) - max_claims} more.")
        lines.append("")

    techniques = technique_counts(analysis)
    if techniques["total"]:
        lines += [
            "## Persuasion techniques",
            "",
            f"{techniques['total']} span(s) in {techniques['words']} words: "
            f"{fmt_num(techniques['per_1000_words'])} per 1,000 words.",
            "",
        ]
        lines.append(
            _table(
                ["Technique", "Spans", "Per 1,000 words"],
                (
                    [md_escape(label), str(n), fmt_num(techniques["density"][label])]
                    for label, n in techniques["counts"].items()
                ),
                right=[1, 2],
            )
        )
        lines.append("")

    if analysis.summaries.get("certainty") is not None or any(
        f.kind in ("hedge", "booster", "vague_attribution") for f in analysis.findings
    ):
        c = certainty_counts(analysis)
        lines += [
            "## Certainty",
            "",
            f"- Hedges: {c['hedges']}",
            f"- Boosters: {c['boosters']}",
            f"- Vague attributions: {c['vague_attributions']}",
        ]
        bal = c["balance"]
        if bal is not None:
            num = number(bal)
            lines.append(f"- Balance: {f'{num:+.2f}' if num is not None else md_escape(bal)}")
        lines.append("")
    if corpus is not None:
        lines += _corpus(corpus, links or {})
    return "\n".join(lines).rstrip("\n") + "\n"


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
        title = _md_link(md_escape(display_title(a), 80), links.get(a.document.id))
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
        out.append(_table(header, rows, right=right))
        if kinds:
            out += ["", "Totals: " + ", ".join(f"{md_escape(k)} {totals[k]}" for k in kinds)]
    else:
        out.append("No documents.")
    return "\n".join(out) + "\n"
