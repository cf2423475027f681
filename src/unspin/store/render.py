"""Plain-text renderings of search results, store statistics and ingest reports, for the
command line (which does the printing)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from unspin.store.ingest import IngestReport
from unspin.store.records import ErrorRecord, Hit, StoreStats

__all__ = ["render_errors", "render_hits", "render_ingest", "render_stats"]


def render_hits(hits: Sequence[Hit]) -> str:
    """Numbered results: score, outlet, date, document and offsets; the snippet; why it
    matched; the findings on the sentence."""
    lines = []
    for n, h in enumerate(hits, start=1):
        where = " ".join(
            p for p in (h.outlet, h.published[:10] if h.published else None, h.source) if p
        )
        lines.append(f"{n:>2}. {h.score:.4f}  {h.document_id} [{h.start}:{h.end}]  {where}")
        lines.append(f"    {h.snippet}")
        lines.append(f"    {h.explanation}")
        if h.findings:
            labels = dict.fromkeys(f"{f.kind}:{f.label}" for f in h.findings)
            lines.append(f"    findings: {', '.join(labels)}")
    return "\n".join(lines)


def render_stats(stats: StoreStats) -> str:
    """Counts as aligned lines."""
    lines = [
        f"store       {stats.url} ({stats.backend}, schema {stats.schema_version})",
        f"encoder     {stats.encoder or '-'}",
        f"documents   {stats.documents:,}",
        f"sentences   {stats.sentences:,} ({stats.embedded_sentences:,} with embeddings)",
        f"findings    {stats.findings:,}",
    ]
    for kind, count in stats.findings_by_kind.items():
        lines.append(f"  {kind:<24} {count:>9,}")
    lines.append(f"outlets     {len(stats.outlets):,}")
    for name, count in stats.outlets:
        lines.append(f"  {name:<24} {count:>9,}")
    lines.append(
        f"errors      {stats.errors:,}" + (" (unspin corpus errors)" if stats.errors else "")
    )
    return "\n".join(lines)


def render_ingest(report: IngestReport, url: str) -> str:
    """One summary line."""
    rate = f" ({report.rate:.1f} documents/s)" if report.added else ""
    return (
        f"stored {report.added:,} new document(s) in {url}, skipped {report.skipped:,} "
        f"already stored, {len(report.input_errors):,} input error(s), "
        f"{len(report.analyzer_failures):,} analyzer failure(s); "
        f"{report.seconds:.1f} s{rate}"
    )


def render_errors(errors: Iterable[ErrorRecord]) -> list[str]:
    """One indented line per error."""
    return [f"  {e}" for e in errors]
